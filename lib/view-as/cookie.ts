// The cookie's attributes, one place for setting and clearing it. httpOnly: page scripts
// never see the token (the banner learns about it from the summary); SameSite=Lax: sent on
// top-level navigations from elsewhere, never on cross-site subrequests; Secure whenever the
// site is served over HTTPS.
import 'server-only';
import { env } from '@/lib/env';
import { VIEW_AS_COOKIE } from './types';

export function viewAsCookieOptions(maxAgeSeconds: number) {
  return { name: VIEW_AS_COOKIE, httpOnly: true, sameSite: 'lax' as const, secure: env.APP_URL.startsWith('https://'), path: '/', maxAge: maxAgeSeconds };
}
