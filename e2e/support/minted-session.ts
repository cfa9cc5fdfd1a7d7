// A browser page signed in as a seeded account without the sign-in form: the session cookie
// is minted with the run's AUTH_SECRET exactly as Auth.js makes it. Sign-in is rate limited
// per address across the whole run and account-auth.spec.ts covers the form, so specs about
// what a signed-in user sees use this instead of spending sign-ins.
import type { Browser, BrowserContext, Page } from '@playwright/test';
import { encode } from 'next-auth/jwt';
import { env } from '@/lib/env';
import { query } from './database';

/** Adds a session cookie for the account `email` to `context`. */
export async function signInContext(context: BrowserContext, baseURL: string, email: string): Promise<void> {
  const [user] = await query<{ id: string; role: string }>('SELECT id, role FROM users WHERE email = $1', [email]);
  if (!user) throw new Error(`no ${email}: is the database seeded (--size=test)?`);
  const token = await encode({ token: { sub: user.id, email, role: user.role }, secret: env.AUTH_SECRET, salt: 'authjs.session-token' });
  await context.addCookies([{ name: 'authjs.session-token', value: token, url: baseURL, httpOnly: true, sameSite: 'Lax' }]);
}

export async function pageAs(browser: Browser, baseURL: string, email: string): Promise<Page> {
  const context = await browser.newContext();
  await signInContext(context, baseURL, email);
  return context.newPage();
}
