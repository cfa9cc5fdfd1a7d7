// The cookie's attributes, one place for setting, clearing and reading it. httpOnly: page
// scripts never see the token (the banner learns about it from the summary); SameSite=Lax:
// sent on top-level navigations from elsewhere, never on cross-site subrequests; Secure and
// the `__Host-` prefix whenever the site is served over HTTPS (APP_URL), so the browser
// refuses the cookie from plain HTTP, from a sibling subdomain and with a narrower path.
import 'server-only';
import { env } from '@/lib/env';
import { VIEW_AS_COOKIE } from './types';

/** `__Host-primetime-view-as` on an HTTPS site, `primetime-view-as` on a plain-HTTP one (local runs). */
export function viewAsCookieName(appUrl: string = env.APP_URL): string {
  return appUrl.startsWith('https://') ? `__Host-${VIEW_AS_COOKIE}` : VIEW_AS_COOKIE;
}

export function viewAsCookieOptions(maxAgeSeconds: number, appUrl: string = env.APP_URL) {
  return { name: viewAsCookieName(appUrl), httpOnly: true, sameSite: 'lax' as const, secure: appUrl.startsWith('https://'), path: '/', maxAge: maxAgeSeconds };
}
