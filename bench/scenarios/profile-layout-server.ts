// Helper server of the profile-layout scenario (started by bench/scenarios/profile-layout.ts):
//   PORT=... node --conditions=react-server --import tsx bench/scenarios/profile-layout-server.ts
// Loads real profiles of up to BENCH_LAYOUT_USERS seeded viewers from PostgreSQL (the
// application's loadProfileFromDb), writes each in three layouts under its own key prefix,
// prints their sizes (MEMORY USAGE) as one `LAYOUT_JSON {...}` line, then serves one read of
// a layout per request for the user named in `x-user` (the bench rotates it):
//   /hash          HGETALL of our hash layout + decodeProfile (what lib/profile does)
//   /json-compact  GET of the same compact fields as one JSON string + JSON.parse + decodeProfile
//   /json          GET of JSON.stringify(profile) + JSON.parse (no codec at all)
import http from 'node:http';
import { Redis } from 'ioredis';
import pg from 'pg';
import type { EntitlementProfile } from '@/lib/entitlements/types';
import { decodeProfile, encodeProfile } from '@/lib/profile/codec';
import { loadProfileFromDb } from '@/lib/profile/load';

const PREFIX = 'bench-layout:';
const port = Number(process.env.PORT);
const users = Number(process.env.BENCH_LAYOUT_USERS ?? 1_000);
const redis = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', { enableAutoPipelining: true, maxRetriesPerRequest: 1 });

const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
await client.connect();
const { rows } = await client.query<{ id: string }>(`SELECT id FROM users WHERE role = 'VIEWER' AND disabled_at IS NULL ORDER BY email LIMIT ${users}`);
await client.end();

const key = (layout: string, id: string) => `${PREFIX}${layout}:{${id}}`;
const profiles: EntitlementProfile[] = [];
for (const { id } of rows) {
  const profile = await loadProfileFromDb(id);
  if (profile) profiles.push(profile);
}
const sizes = { hash: [] as number[], jsonCompact: [] as number[], json: [] as number[], listpack: 0 };
for (const profile of profiles) {
  const fields = encodeProfile(profile);
  const id = profile.userId;
  await redis.multi().del(key('hash', id)).hset(key('hash', id), fields).pexpire(key('hash', id), 3_600_000)
    .set(key('json-compact', id), JSON.stringify(fields), 'PX', 3_600_000)
    .set(key('json', id), JSON.stringify(profile), 'PX', 3_600_000).exec();
  sizes.hash.push(Number(await redis.call('MEMORY', 'USAGE', key('hash', id), 'SAMPLES', '0')));
  sizes.jsonCompact.push(Number(await redis.call('MEMORY', 'USAGE', key('json-compact', id), 'SAMPLES', '0')));
  sizes.json.push(Number(await redis.call('MEMORY', 'USAGE', key('json', id), 'SAMPLES', '0')));
  if ((await redis.call('OBJECT', 'ENCODING', key('hash', id))) === 'listpack') sizes.listpack += 1;
}
const summary = (list: number[]) => {
  const sorted = [...list].sort((a, b) => a - b);
  return { mean: Math.round(list.reduce((a, b) => a + b, 0) / Math.max(1, list.length)), p50: sorted[Math.floor(sorted.length / 2)] ?? 0, max: sorted.at(-1) ?? 0 };
};
const packages = summary(profiles.map((p) => p.packages.length));
console.log(`LAYOUT_JSON ${JSON.stringify({ profiles: profiles.length, packages, listpackHashes: sizes.listpack, hash: summary(sizes.hash), jsonCompact: summary(sizes.jsonCompact), json: summary(sizes.json) })}`);

const fallbackUser = profiles[0]?.userId ?? '';
function reply(response: http.ServerResponse, status: number, body: unknown): void {
  const json = JSON.stringify(body);
  response.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(json) });
  response.end(json);
}

const server = http.createServer((request, response) => {
  const user = String(request.headers['x-user'] ?? fallbackUser);
  const layout = (request.url ?? '/').slice(1);
  const read = async (): Promise<unknown> => {
    if (layout === 'hash') return decodeProfile(user, await redis.hgetall(key('hash', user)));
    if (layout === 'json-compact') return decodeProfile(user, JSON.parse((await redis.get(key('json-compact', user))) ?? '{}') as Record<string, string>);
    if (layout === 'json') return JSON.parse((await redis.get(key('json', user))) ?? 'null') as unknown;
    return undefined;
  };
  read().then(
    (body) => (body === undefined ? reply(response, 404, { error: 'unknown layout' }) : reply(response, 200, body)),
    (error: unknown) => reply(response, 503, { error: String(error) }),
  );
});
server.listen(port, '127.0.0.1', () => console.log(`profile-layout server on 127.0.0.1:${port}`));
const shutdown = () => {
  server.close();
  void redis.del(...profiles.flatMap((p) => ['hash', 'json-compact', 'json'].map((layout) => key(layout, p.userId)))).finally(() => process.exit(0));
};
process.on('SIGTERM', shutdown);
process.on('SIGINT', shutdown);
