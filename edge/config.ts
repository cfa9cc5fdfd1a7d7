// Renders edge/nginx.conf.template. Pure (string in, string out) so the rendering is unit
// tested; edge/start-edge.ts writes the result into a prefix and runs nginx on it.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const EDGE_TEMPLATE = path.join(path.dirname(fileURLToPath(import.meta.url)), 'nginx.conf.template');

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
  /** A file path, or 'off' (the default: the bench must not measure log writes). */
  accessLog?: string;
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

function uploadLimit(size: string): string {
  if (!/^\d+[km]?$/.test(size)) throw new Error(`edge: uploadLimit must be an nginx size such as 16m: ${JSON.stringify(size)}`);
  return size;
}

function servers(list: readonly string[]): string {
  for (const server of list) if (!SAFE_ADDRESS.test(server)) throw new Error(`edge: not a host:port: ${JSON.stringify(server)}`);
  return list.map((server) => `    server ${server};`).join('\n');
}

/** nginx reads `"..."` strings with `\` escapes and `$` variables: the secret must hold neither. */
function assertPlainSecret(secret: string): void {
  if (!/^[\x21-\x7e]+$/.test(secret) || /["'\\$;{}]/.test(secret)) {
    throw new Error('edge: PLAYBACK_SIGNING_SECRET must be printable ASCII without quotes, backslashes, $, ; or braces');
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
    // As root, nginx would run its workers as `nobody`, who may not reach files under the
    // checkout; a local edge only listens on loopback.
    USER: process.getuid?.() === 0 ? 'user root;' : '',
    ACCESS_LOG: options.accessLog ?? 'off',
    APP_SERVERS: servers(options.appServers),
    PER_USER_SERVERS: servers(perUser),
    PROXY_BIND: proxyBind === null ? '# proxy_bind: not set' : `proxy_bind ${proxyBind};`,
    MEDIA_ROOT: options.mediaRoot,
    MEDIA_SOURCE: staticSource(options.mediaDir, 'mediaDir'),
    STATIC_SOURCE: staticSource(options.staticDir, 'staticDir'),
    UPLOAD_LIMIT: uploadLimit(options.uploadLimit ?? '16m'),
    IMPORT_UPLOAD_LIMIT: uploadLimit(options.importUploadLimit ?? '256m'),
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
