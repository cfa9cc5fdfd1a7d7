// P6: the guide-day JSON API from one `next start` process, no edge, against nginx serving
// the same bytes. The body is a cached string (serialised once per regeneration), so a
// request only copies bytes. DESIGN's 0.8 x applies THROUGH THE EDGE (issue 6), so this
// direct ratio is reported, not judged. The finding is the payload's compressed size,
// which P6 caps at 150 KB for 300 channels (the `load` data set has 300).
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { fetchOnce } from '../lib/http';
import type { Finding, Scenario } from '../lib/types';
import { GUIDE_ZONE, guideToday } from './guide-day';

const P6_CHANNELS = 300;
const P6_MAX_KB = 150;
const path = `/api/guide/${guideToday()}/${GUIDE_ZONE}`;

export const guideJson: Scenario = {
  name: 'guide-json',
  describe: `P6 direct: today's guide-day JSON (${path}) from one \`next start\` process, no edge, vs nginx serving the same bytes (P6's 0.8 x is judged through the edge, issue 6)`,
  anchor: 'nginx-static',
  targets: [{ label: `next start ${path}`, path }],
  setup: async (ctx) => {
    const server = await ctx.startNext('next-guide-json');
    return { baseUrl: server.baseUrl };
  },
  findings: async (_ctx, runtime) => {
    const response = await fetchOnce(`${runtime.baseUrl}${path}`, { method: 'GET' });
    if (response.status !== 200) throw new Error(`GET ${path} answered ${response.status}`);
    const body = response.body;
    const day = JSON.parse(body.toString('utf8')) as { channels: [string, number, string, number, number[]][] };
    const channels = day.channels.length;
    const airings = day.channels.reduce((sum, channel) => sum + channel[4].length / 4, 0);
    const gzip = gzipSync(body, { level: 6 }).length;
    const brotli = brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 5 } }).length;
    const judged = channels >= P6_CHANNELS;
    const scope = `${channels} channels, ${airings.toLocaleString('en-US')} airings`;
    const findings: Finding[] = [
      { label: 'payload, uncompressed', value: body.length / 1024, unit: 'KB', detail: scope },
      {
        label: 'payload, gzip -6',
        value: gzip / 1024,
        unit: 'KB',
        max: judged ? P6_MAX_KB : undefined,
        detail: judged ? `P6: <= ${P6_MAX_KB} KB for ${P6_CHANNELS} channels` : `P6's limit is for ${P6_CHANNELS} channels; this database has ${channels} (use the load data set)`,
      },
      { label: 'payload, brotli q5', value: brotli / 1024, unit: 'KB', detail: 'what an edge with brotli would send' },
    ];
    return findings;
  },
};
