// Renders edge/nginx.conf.template. Pure (string in, string out) so the rendering is unit
// tested; edge/start-edge.ts writes the result into a prefix and runs nginx on it.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const EDGE_DIR = path.dirname(fileURLToPath(import.meta.url));
export const EDGE_TEMPLATE = path.join(EDGE_DIR, 'nginx.conf.template');
/** The njs purge handler (POST /__edge/purge). */
export const EDGE_PURGE_SCRIPT = path.join(EDGE_DIR, 'purge.js');

/** Where the app trusts X-Forwarded-For from locally (lib/env.ts TRUSTED_PROXIES default). */
export const LOCAL_EDGE_ADDRESS = '127.0.0.2';

export interface EdgeConfigOptions {
  /** Directory for the pid file, logs and temp files (created by the caller). */
  prefix: string;
  /** `host:port` nginx listens on. */
  listen: string;
  /** `host:port` of each Next instance. */
  appServers: readonly string[];
  /** `host:port` of each lean per-user service; empty: the per-user API goes to the app too. */
  perUserServers?: readonly string[];
  /** Directory the signed stream paths (/live, /airings, /vod) are served from. */
  mediaRoot: string;
  /** PLAYBACK_SIGNING_SECRET: the app signs with it, nginx verifies with it. */
  playbackSecret: string;
  /** PLAYBACK_BIND_CLIENT_ADDRESS: the signature covers $remote_addr too. */
  bindClientAddress?: boolean;
  /** Source address of proxied connections (the app's TRUSTED_PROXIES); null: the OS picks. */
  proxyBind?: string | null;
  workers?: number | 'auto';
  /** worker_connections (client and upstream connections per worker). Default 4096. */
  workerConnections?: number;
  /**
   * A file path, or 'off' (the default: the bench must not measure log writes). Lines use
   * the `edge` format: `... cache=<$upstream_cache_status> upstream=<address or ->`, one per
   * request and one per background refresh; lines with an upstream address reached the app.
   */
  accessLog?: string;
  /** Cache shared pages and APIs by their Cache-Control (default true); false proxies only. */
  pageCache?: boolean;
  /** proxy_cache_path max_size (nginx size, e.g. `1g`, the default). */
  cacheMaxSize?: string;
  /**
   * EDGE_PURGE_SECRET: the bearer token POST /__edge/purge wants. Unset: purging is refused
   * (403), the cache then only expires by Cache-Control.
   */
  purgeSecret?: string;
  /** Addresses or CIDR ranges allowed to call the purge endpoint (default loopback only). */
  purgeAllow?: readonly string[];
  /**
   * Dynamic nginx modules to load (absolute .so paths). The purge endpoint needs njs
   * (ngx_http_js_module.so, Debian libnginx-mod-http-js); without it, it answers 501.
   * edge/start-edge.ts passes the ones installed (installedEdgeModules()).
   */
  modules?: readonly string[];
  /** MEDIA_DIR (uploaded images, served under /media/); unset: /media/ is proxied to the app. */
  mediaDir?: string;
  /** `<distDir>/static` of the build (served under /_next/static/); unset: proxied to the app. */
  staticDir?: string;
  /** Largest request body through to the image upload (nginx size, e.g. `16m`); the app's own limit is MEDIA_MAX_UPLOAD_BYTES. */
  uploadLimit?: string;
  /** client_max_body_size for XMLTV uploads (PUT /api/admin/imports); the app enforces IMPORT_MAX_BYTES. Default 256m. */
  importUploadLimit?: string;
}

const SAFE_ADDRESS = /^[\w.:[\]-]+$/;

const SAFE_PATH = /^\/[\w./@+-]*$/;

/** An absolute directory nginx may serve with `alias`, or (unset) the app behind the same URL. */
function staticSource(dir: string | undefined, what: string): string {
  if (dir === undefined) {
    // The app's own Cache-Control is replaced, not doubled, by the location's add_header.
    return '      proxy_pass http://app;\n      proxy_hide_header Cache-Control;';
  }
  if (!SAFE_PATH.test(dir)) throw new Error(`edge: ${what} must be an absolute path of plain characters: ${JSON.stringify(dir)}`);
  return `      alias ${dir.replace(/\/+$/, '')}/;`;
}


function nginxSize(size: string, what: string): string {
  if (!/^\d+[kmg]?$/.test(size)) throw new Error(`edge: ${what} must be an nginx size such as 16m: ${JSON.stringify(size)}`);
  return size;
}

const ADDRESS_OR_RANGE = /^[0-9a-fA-F.:]+(\/\d{1,3})?$/;

function purgeAllow(list: readonly string[]): string {
  for (const entry of list) if (!ADDRESS_OR_RANGE.test(entry)) throw new Error(`edge: purgeAllow takes addresses or CIDR ranges: ${JSON.stringify(entry)}`);
  return list.map((entry) => `      allow ${entry};`).join('\n');
}

function loadModules(modules: readonly string[]): string {
  for (const file of modules) if (!SAFE_PATH.test(file) || !file.endsWith('.so')) throw new Error(`edge: not a module path: ${JSON.stringify(file)}`);
  return modules.map((file) => `load_module ${file};`).join('\n');
}

const JS_MODULE = /\/ngx_http_js_module\.so$/;
const BROTLI_MODULE = /\/ngx_http_brotli_filter_module\.so$/;

/** Brotli for clients that accept br, when its module is loaded (ADR 0011: quality 4). */
function brotli(options: EdgeConfigOptions): string {
  if (!(options.modules ?? []).some((file) => BROTLI_MODULE.test(file))) return '  # brotli: module not loaded (Debian libnginx-mod-http-brotli-filter)';
  return ['  brotli on;', '  brotli_comp_level 4;', '  brotli_min_length 512;', `  brotli_types ${COMPRESSED_TYPES};`].join('\n');
}

/** What the edge compresses besides text/html (always in for gzip and brotli). */
const COMPRESSED_TYPES = 'application/json application/javascript text/css image/svg+xml text/plain text/x-component application/vnd.apple.mpegurl application/xml';

function purgeHandler(options: EdgeConfigOptions): string {
  if (!(options.modules ?? []).some((file) => JS_MODULE.test(file))) {
    return '      default_type text/plain;\n      return 501 "Purging needs the njs module (Debian libnginx-mod-http-js).\\n";';
  }
  const secret = options.purgeSecret ?? '';
  if (secret !== '') assertPlainSecret(secret, 'EDGE_PURGE_SECRET');
  return [
    `      js_import edge_purge from ${EDGE_PURGE_SCRIPT};`,
    `      set $edge_purge_secret "${secret}";`,
    `      set $edge_cache_dir "${options.prefix}/cache";`,
    '      js_content edge_purge.purge;',
  ].join('\n');
}

/**
 * `max_fails=0`: a slow answer during a surge must not mark an instance down for 10 s (nginx's
 * default after one failure), which turned timeouts into "no live upstreams" 502s for every
 * request. A dead instance refuses connections at once, and the next one is tried.
 */
function servers(list: readonly string[]): string {
  for (const server of list) if (!SAFE_ADDRESS.test(server)) throw new Error(`edge: not a host:port: ${JSON.stringify(server)}`);
  return list.map((server) => `    server ${server} max_fails=0;`).join('\n');
}

function workerConnections(value: number | undefined): number {
  const connections = value ?? 4096;
  if (!Number.isInteger(connections) || connections < 64 || connections > 1_000_000) throw new Error(`edge: workerConnections must be an integer from 64 to 1000000: ${value}`);
  return connections;
}

/** nginx reads `"..."` strings with `\` escapes and `$` variables: the secret must hold neither. */
function assertPlainSecret(secret: string, name = 'PLAYBACK_SIGNING_SECRET'): void {
  if (!/^[\x21-\x7e]+$/.test(secret) || /["'\\$;{}]/.test(secret)) {
    throw new Error(`edge: ${name} must be printable ASCII without quotes, backslashes, $, ; or braces`);
  }
}

export function renderEdgeConfig(options: EdgeConfigOptions, template: string = readFileSync(EDGE_TEMPLATE, 'utf8')): string {
  if (options.appServers.length === 0) throw new Error('edge: at least one app server is needed');
  assertPlainSecret(options.playbackSecret);
  const proxyBind = options.proxyBind === undefined ? LOCAL_EDGE_ADDRESS : options.proxyBind;
  if (proxyBind !== null && !SAFE_ADDRESS.test(proxyBind)) throw new Error(`edge: not an address: ${proxyBind}`);
  const perUser = options.perUserServers && options.perUserServers.length > 0 ? options.perUserServers : options.appServers;
  const values: Record<string, string> = {
    PREFIX: options.prefix,
    LISTEN: options.listen,
    WORKERS: String(options.workers ?? 1),
    WORKER_CONNECTIONS: String(workerConnections(options.workerConnections)),
    RLIMIT_NOFILE: String(2 * workerConnections(options.workerConnections) + 1024),
    // As root, nginx would run its workers as `nobody`, who may not reach files under the
    // checkout; a local edge only listens on loopback.
    USER: process.getuid?.() === 0 ? 'user root;' : '',
    ACCESS_LOG: options.accessLog === undefined || options.accessLog === 'off' ? 'off' : `${options.accessLog} edge`,
    LOAD_MODULES: loadModules(options.modules ?? []),
    PAGE_CACHE: options.pageCache === false ? 'off' : 'pages',
    CACHE_MAX_SIZE: nginxSize(options.cacheMaxSize ?? '1g', 'cacheMaxSize'),
    PURGE_ALLOW: purgeAllow(options.purgeAllow ?? ['127.0.0.1', '::1']),
    PURGE_HANDLER: purgeHandler(options),
    COMPRESSED_TYPES,
    BROTLI: brotli(options),
    APP_SERVERS: servers(options.appServers),
    PER_USER_SERVERS: servers(perUser),
    PROXY_BIND: proxyBind === null ? '# proxy_bind: not set' : `proxy_bind ${proxyBind};`,
    MEDIA_ROOT: options.mediaRoot,
    MEDIA_SOURCE: staticSource(options.mediaDir, 'mediaDir'),
    STATIC_SOURCE: staticSource(options.staticDir, 'staticDir'),
    UPLOAD_LIMIT: nginxSize(options.uploadLimit ?? '16m', 'uploadLimit'),
    IMPORT_UPLOAD_LIMIT: nginxSize(options.importUploadLimit ?? '256m', 'importUploadLimit'),
    // Must match lib/playback/signed-url.ts signStreamUrl() byte for byte.
    SECURE_LINK_MD5: `$secure_link_expires$uri${options.bindClientAddress ? '$remote_addr' : ''} ${options.playbackSecret}`,
  };
  const rendered = template.replace(/\{\{([A-Z0-9_]+)\}\}/g, (_, name: string) => {
    const value = values[name];
    if (value === undefined) throw new Error(`edge: the template uses {{${name}}}, which the renderer does not know`);
    return value;
  });
  return rendered;
}
