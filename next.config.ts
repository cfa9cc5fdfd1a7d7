import path from 'node:path';
import type { NextConfig } from 'next';
import { originOf, securityHeaders } from './lib/security/headers';

// Read here from process.env, not lib/env.ts (which validates and exits): the config loads
// before the app. The defaults are lib/env.ts's. Fixed at build time, like assetPrefix.
const origins = (...urls: (string | undefined)[]) => urls.map(originOf).filter((origin): origin is string => origin !== null);
const SECURITY_HEADERS = securityHeaders({
  mediaOrigins: origins(process.env.MEDIA_BASE_URL ?? 'http://localhost:3000/media'),
  streamOrigins: origins(process.env.STREAM_BASE_URL ?? 'http://127.0.0.1:8080'),
  assetOrigins: origins(process.env.CDN_ASSET_PREFIX),
  https: (process.env.APP_URL ?? '').startsWith('https://'),
});

// Every instance shares one cache in Redis (lib/cache/handlers/, ADR 0012), unless
// NEXT_CACHE_HANDLER=memory (one `next dev` alone: Next's own per-process caches).
const handler = (file: string) => path.join(process.cwd(), 'lib/cache/handlers', file);
const SHARED_CACHE: NextConfig =
  process.env.NEXT_CACHE_HANDLER === 'memory'
    ? {}
    : {
        cacheHandler: handler('incremental-cache-handler.mjs'),
        cacheHandlers: { default: handler('use-cache-handler.mjs'), remote: handler('use-cache-handler.mjs') },
        // No second copy in each process's memory: a revalidation on another instance
        // would not reach it.
        cacheMaxMemorySize: 0,
      };

const nextConfig: NextConfig = {
  ...SHARED_CACHE,
  // Instances of one build share cache keys by build id. Instances serving one build
  // directory already agree; BUILD_ID makes separate builds of one release agree too.
  generateBuildId: async () => process.env.BUILD_ID || null,
  // Shared pages are cached with "use cache" + cacheTag/cacheLife (lib/cache/tags.ts).
  cacheComponents: true,
  // Unlisted params get the prerendered shell at once and an ISR entry after the first visit.
  partialPrefetching: true,
  // The edge (nginx here, a CDN in production) compresses; Next's own gzip halved
  // ISR-hit throughput on our machines (ENVIRONMENT.md).
  compress: false,
  // Lets the tests (.next-test) and the bench (.next-bench) build side by side without
  // clobbering `npm run demo`'s build. tsconfig.json lists those folders' generated types;
  // another folder name makes `next build` rewrite tsconfig.json.
  distDir: process.env.NEXT_DIST_DIR ?? '.next',
  // Build assets from the CDN host, e.g. https://cdn.example.com (`npm run cdn:push` uploads
  // <distDir>/static there as _next/static/). Read from process.env, not lib/env.ts: only
  // `next build` needs it, and the config is loaded before the app's modules. Unset: the
  // site's own origin (the edge serves /_next/static with immutable headers).
  assetPrefix: process.env.CDN_ASSET_PREFIX || undefined,
  poweredByHeader: false,
  // CSP, framing, sniffing, referrer and (over HTTPS) HSTS on every response: lib/security/headers.ts.
  async headers() {
    return [{ source: '/:path*', headers: SECURITY_HEADERS }];
  },
  reactStrictMode: true,
  // Our own profiles for cacheLife(); every shared page names one of these.
  cacheLife: {
    // Guide days: fresh for a minute at the edge, then served stale while one request
    // regenerates; publishes revalidate the tags at once anyway.
    guide: { stale: 60, revalidate: 60, expire: 3600 },
  },
  // Images come from the media host / CDN (MEDIA_BASE_URL), which resizes them; Next's own
  // optimiser would put that work on the app servers. See lib/media/image-loader.ts.
  images: { loader: 'custom', loaderFile: './lib/media/image-loader.ts' },
  // forbidden() / unauthorized() with real 403 / 401 statuses in the back office.
  experimental: { authInterrupts: true },
};

export default nextConfig;
