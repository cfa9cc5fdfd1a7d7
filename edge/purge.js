// Purge by surrogate key (njs, libnginx-mod-http-js): POST /__edge/purge with
//   {"keys": ["guide:utc:2026-12-31", ...], "paths": ["/guide/2026-12-31*", "/vod", ...]}
// removes every cached response whose stored `Surrogate-Key` header names one of the keys
// (the app's cache tags, lib/cache/surrogate-key.ts) or whose path matches one of the paths
// (exact, or a prefix when it ends with `*`; query strings are ignored). Pages cannot send
// headers in Next 16, so the publisher also names their paths (lib/cache/edge-purge.ts).
//
// nginx keeps each entry as a file: a binary header, "\nKEY: <cache key>\n", then the
// upstream's raw response header block, then the body. Reading the start of each file is
// enough to decide. A removed file is a MISS for the next request (nginx treats a missing
// cache file as absent), so the next viewer gets a fresh copy. This walks the whole cache:
// linear in the number of entries, fine for an edge of pages (tens of thousands);
// a CDN keeps a tag index instead.
// njs 0.7 (Debian 12): no for...of, no spread, no `catch {}` without a binding.
/* eslint-disable @typescript-eslint/no-unused-vars -- catch bindings njs requires */
import fs from 'fs';

const HEAD_BYTES = 16384;
const MAX_SELECTORS = 2000;

function equalSecrets(a, b) {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return diff === 0;
}

function reply(r, status, body) {
  r.headersOut['Content-Type'] = 'application/json';
  r.headersOut['Cache-Control'] = 'no-store';
  r.return(status, JSON.stringify(body) + '\n');
}

function stringList(value, name) {
  if (value === undefined) return [];
  if (!Array.isArray(value) || value.some((item) => typeof item !== 'string' || item.length === 0 || item.length > 512)) {
    throw new Error(`"${name}" must be a list of non-empty strings`);
  }
  return value;
}

/** The path of a cache key `scheme://host/path?args|headers...`. */
function pathOfKey(key) {
  const afterScheme = key.indexOf('://');
  const slash = key.indexOf('/', afterScheme < 0 ? 0 : afterScheme + 3);
  if (slash < 0) return '';
  let end = key.length;
  ['?', '|'].forEach((stop) => {
    const at = key.indexOf(stop, slash);
    if (at >= 0 && at < end) end = at;
  });
  return key.slice(slash, end);
}

function pathMatches(path, selectors) {
  return selectors.some((selector) =>
    selector.endsWith('*') ? path.startsWith(selector.slice(0, -1)) : path === selector,
  );
}

/** The stored Surrogate-Key values of an entry's upstream header block. */
function surrogateKeys(head) {
  const keys = [];
  const pattern = /\r\nsurrogate-key:[ \t]*([^\r\n]*)/gi;
  let match;
  while ((match = pattern.exec(head)) !== null) {
    match[1].split(/[ \t]+/).forEach((key) => {
      if (key) keys.push(key);
    });
  }
  return keys;
}

function readHead(file) {
  const fd = fs.openSync(file, 'r');
  try {
    const buffer = Buffer.alloc(HEAD_BYTES);
    const read = fs.readSync(fd, buffer, 0, HEAD_BYTES, 0);
    // Binary bytes become U+FFFD; the KEY line and the header block are ASCII.
    return buffer.toString('utf8', 0, read);
  } finally {
    fs.closeSync(fd);
  }
}

function walk(dir, visit) {
  let entries;
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch (error) {
    return; // a directory the cache manager just removed
  }
  entries.forEach((entry) => {
    const full = `${dir}/${entry.name}`;
    if (entry.isDirectory()) walk(full, visit);
    else if (entry.isFile() && /^[0-9a-f]{32}$/.test(entry.name)) visit(full);
  });
}

function purge(r) {
  const secret = r.variables.edge_purge_secret || '';
  const given = (r.headersIn.Authorization || '').replace(/^Bearer\s+/i, '');
  if (secret.length === 0) return reply(r, 403, { error: 'Purging is disabled: the edge was started without a purge secret.' });
  if (!equalSecrets(given, secret)) return reply(r, 401, { error: 'A purge needs "Authorization: Bearer <EDGE_PURGE_SECRET>".' });
  if (r.method !== 'POST') return reply(r, 405, { error: 'Use POST.' });

  let keys;
  let paths;
  try {
    const body = JSON.parse(r.requestText || '');
    if (body === null || typeof body !== 'object' || Array.isArray(body)) throw new Error('the body must be a JSON object');
    keys = stringList(body.keys, 'keys');
    paths = stringList(body.paths, 'paths');
    if (paths.some((path) => path[0] !== '/')) throw new Error('"paths" must start with /');
    if (keys.length + paths.length === 0) throw new Error('name at least one key or path');
    if (keys.length + paths.length > MAX_SELECTORS) throw new Error(`at most ${MAX_SELECTORS} keys and paths`);
  } catch (error) {
    return reply(r, 400, { error: `Bad purge request: ${error.message}. Send {"keys": [...], "paths": [...]}.` });
  }

  const wanted = {};
  keys.forEach((key) => (wanted[key] = true));
  let scanned = 0;
  let purged = 0;
  walk(r.variables.edge_cache_dir, (file) => {
    scanned++;
    let head;
    try {
      head = readHead(file);
    } catch (error) {
      return; // replaced or removed meanwhile
    }
    const keyAt = head.indexOf('\nKEY: ');
    if (keyAt < 0) return;
    const keyEnd = head.indexOf('\n', keyAt + 6);
    const path = pathOfKey(head.slice(keyAt + 6, keyEnd < 0 ? head.length : keyEnd));
    const hit = pathMatches(path, paths) || surrogateKeys(head.slice(keyEnd)).some((key) => wanted[key] === true);
    if (!hit) return;
    try {
      fs.unlinkSync(file);
      purged++;
    } catch (error) {
      // already gone
    }
  });
  r.log(`edge purge: ${purged} of ${scanned} entries (keys ${keys.length}, paths ${paths.length})`);
  return reply(r, 200, { purged, scanned });
}

const handlers = { purge };
export default handlers;
