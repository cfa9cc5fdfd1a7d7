// The profile's Redis layout on our real data (issue 4 item 9, docs/profile-cache-sizing.md):
// the hash lib/profile uses vs one JSON string, for the seeded viewers' real profiles.
// Bytes per profile (MEMORY USAGE) are printed at setup; ops/s are measured as served reads
// (a bare Node server doing one read + decode per request, wrk rotating 1,000 users, 256
// connections), so the comparison includes the client-side decoding each layout needs.
import path from 'node:path';
import pg from 'pg';
import { ensureDatabase } from '../lib/database';
import { waitForHttp } from '../lib/http';
import type { Scenario } from '../lib/types';
import type { BenchContext } from '../lib/context';
import { trimForSmoke, viewerCount } from './me-support';
import { serverNode } from '../lib/runtime';

export const profileLayout: Scenario = {
  name: 'profile-layout',
  describe: 'profile in Redis: hash (HGETALL + decode) vs one JSON string (GET + parse), real profiles of 1,000 viewers, 256 connections',
  anchor: 'node-redis',
  targets: [
    { label: 'hash HGETALL + decode', path: '/hash', connections: 256 },
    { label: 'compact JSON GET + decode', path: '/json-compact', connections: 256 },
    { label: 'full JSON GET + parse', path: '/json', connections: 256 },
  ],
  setup: async (ctx) => {
    trimForSmoke(ctx, profileLayout.targets);
    await ensureDatabase(ctx.databaseUrl, ctx.root);
    const port = await ctx.freePort();
    const proc = ctx.spawn('profile-layout', serverNode(), ['--conditions=react-server', '--import', 'tsx', path.join('bench', 'scenarios', 'profile-layout-server.ts')], {
      cwd: ctx.root,
      env: { ...process.env, NODE_ENV: 'production', PRIMETIME_LOCAL: '1', PORT: String(port), DATABASE_URL: ctx.databaseUrl, REDIS_URL: ctx.redisUrl, BENCH_LAYOUT_USERS: String(viewerCount(ctx)) },
    });
    const baseUrl = `http://127.0.0.1:${port}`;
    await waitForHttp(`${baseUrl}/hash`, proc, 60_000);
    const line = proc.output().split('\n').find((l) => l.startsWith('LAYOUT_JSON '));
    if (line) ctx.progress(`profile layouts, bytes per profile (MEMORY USAGE): ${line.slice('LAYOUT_JSON '.length)}`);
    const users = await viewerIds(ctx, viewerCount(ctx));
    return { baseUrl, rotate: { header: 'x-user', values: users } };
  },
};

async function viewerIds(ctx: BenchContext, count: number): Promise<string[]> {
  const client = new pg.Client({ connectionString: ctx.databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ id: string }>(`SELECT id FROM users WHERE role = 'VIEWER' AND disabled_at IS NULL ORDER BY email LIMIT ${count}`);
    return rows.map((row) => row.id);
  } finally {
    await client.end();
  }
}
