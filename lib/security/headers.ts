// Security headers for every response of the app (next.config.ts `headers()`). Pure: the
// origins come in as arguments, so the policy is unit tested and next.config.ts stays a
// thin caller. Built once per build: the media and stream origins are read at build time,
// like assetPrefix.
//
// The Content-Security-Policy allows inline scripts: shared pages are prerendered and
// cached at the edge, so a per-request nonce is impossible, and Next's inline bootstrap
// scripts differ per page (no fixed hashes). Everything else is locked down: scripts only
// from our origin (and the asset CDN), no plugins, no framing, no foreign form targets,
// connections only to ourselves and the stream host.

export interface SecurityHeaderOptions {
  /** Origins of images (MEDIA_BASE_URL's origin, the CDN). */
  mediaOrigins: readonly string[];
  /** Origins of streams (STREAM_BASE_URL's origin): players fetch and play from there. */
  streamOrigins: readonly string[];
  /** Origin of build assets when assetPrefix points at a CDN. */
  assetOrigins?: readonly string[];
  /** The site is served over HTTPS: add HSTS and upgrade-insecure-requests. */
  https: boolean;
}

/** The origin of a URL, or null for anything that is not an absolute http(s) URL. */
export function originOf(url: string | undefined): string | null {
  if (!url || !URL.canParse(url)) return null;
  const parsed = new URL(url);
  return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.origin : null;
}

const unique = (values: readonly string[]) => [...new Set(values)];

export function contentSecurityPolicy({ mediaOrigins, streamOrigins, assetOrigins = [], https }: SecurityHeaderOptions): string {
  const directives: Record<string, string[]> = {
    'default-src': ["'self'"],
    'script-src': ["'self'", "'unsafe-inline'", ...assetOrigins],
    'style-src': ["'self'", "'unsafe-inline'", ...assetOrigins],
    'img-src': ["'self'", 'data:', 'blob:', ...mediaOrigins],
    'font-src': ["'self'", ...assetOrigins],
    'media-src': ["'self'", 'blob:', ...streamOrigins],
    'connect-src': ["'self'", ...streamOrigins],
    'worker-src': ["'self'", 'blob:'],
    'object-src': ["'none'"],
    'base-uri': ["'self'"],
    'form-action': ["'self'"],
    'frame-ancestors': ["'none'"],
  };
  const policy = Object.entries(directives).map(([name, sources]) => `${name} ${unique(sources).join(' ')}`);
  if (https) policy.push('upgrade-insecure-requests');
  return policy.join('; ');
}

export function securityHeaders(options: SecurityHeaderOptions): { key: string; value: string }[] {
  const headers = [
    { key: 'Content-Security-Policy', value: contentSecurityPolicy(options) },
    { key: 'X-Content-Type-Options', value: 'nosniff' },
    { key: 'X-Frame-Options', value: 'DENY' },
    { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
    { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=(), payment=(), usb=()' },
    { key: 'Cross-Origin-Opener-Policy', value: 'same-origin' },
  ];
  // Only over HTTPS: on plain http (local runs, the tests) a browser ignores it anyway, and a
  // stray HSTS on a shared local host name would break other plain-http sites there.
  if (options.https) headers.push({ key: 'Strict-Transport-Security', value: 'max-age=63072000; includeSubDomains' });
  return headers;
}
