// The anchors on their own, so every run shows what this machine does with no
// application in the way, next to DESIGN.md's reference figures.
import type { Scenario } from '../lib/types';

/** A 5 KB HTML page, the size DESIGN.md's 56,000 req/s nginx figure was measured with. */
function fiveKilobytePage(): Buffer {
  const head = '<!doctype html><html><head><title>anchor</title></head><body><p>';
  const tail = '</p></body></html>\n';
  return Buffer.from(head + 'x'.repeat(5 * 1024 - head.length - tail.length) + tail);
}

export const nginxStatic: Scenario = {
  name: 'nginx-static',
  describe: 'anchor: nginx serving a 5 KB static file (DESIGN.md reference 56,000 req/s)',
  anchor: 'nginx-static',
  targets: [],
  setup: async () => ({ baseUrl: '', anchorBody: fiveKilobytePage() }),
};

export const nodeRedis: Scenario = {
  name: 'node-redis',
  describe: 'anchor: bare Node http answering one Redis HGETALL as JSON (DESIGN.md reference 23,700 req/s)',
  anchor: 'node-redis',
  targets: [],
  setup: async () => ({ baseUrl: '' }),
};
