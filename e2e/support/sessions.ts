// Signed-in HTTP clients for tests that probe routes without a browser: one sign-in per
// role through Auth.js's own credentials endpoint (CSRF token first, as a browser form
// would), cookies kept in the returned request context. Sign-in is rate limited per
// address, so a spec signs each role in once and reuses the context.
import { request as playwrightRequest, type APIRequestContext } from '@playwright/test';

export const SEED_LOGINS = {
  admin: { email: 'admin@primetime.test', password: 'primetime-admin' },
  editor: { email: 'editor@primetime.test', password: 'primetime-editor' },
  viewer: { email: 'viewer3@primetime.test', password: 'primetime-viewer' },
} as const;
export type SeedLogin = keyof typeof SEED_LOGINS;
/** A second viewer for object-level checks (one viewer must never reach another's data). */
export const OTHER_VIEWER = { email: 'viewer4@primetime.test', password: 'primetime-viewer' } as const;
export type Credentials = { email: string; password: string };

/** A request context that never follows redirects, so tests see the real status lines. */
export async function anonymousClient(baseURL: string): Promise<APIRequestContext> {
  return playwrightRequest.newContext({ baseURL, maxRedirects: 0 });
}

export async function signedInClient(baseURL: string, who: SeedLogin | Credentials): Promise<APIRequestContext> {
  return signIn(await anonymousClient(baseURL), baseURL, typeof who === 'string' ? SEED_LOGINS[who] : who);
}

/** Signs `client` in (whatever cookies it already holds) through the credentials endpoint; returns it. */
export async function signIn(client: APIRequestContext, baseURL: string, credentials: Credentials): Promise<APIRequestContext> {
  const { csrfToken } = (await (await client.get('/api/auth/csrf')).json()) as { csrfToken: string };
  const response = await client.post('/api/auth/callback/credentials', {
    form: { ...credentials, csrfToken, callbackUrl: `${baseURL}/account` },
  });
  const cookies = (await client.storageState()).cookies.map((cookie) => cookie.name);
  if (!cookies.some((name) => name.endsWith('authjs.session-token'))) {
    throw new Error(`signing in ${credentials.email} failed (status ${response.status()}, cookies ${cookies.join(', ') || 'none'}): is the database seeded (--size=test)?`);
  }
  return client;
}
