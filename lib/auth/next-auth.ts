// Auth.js (next-auth v5) for Primetime: email + password (Credentials) with JWT sessions.
//
// Credentials sign-ins cannot use database sessions in Auth.js, so the session is an
// encrypted JWT cookie holding the user id; everything that matters for authorisation
// (role, disabled) is re-read from lib/auth/user-state.ts, both here (every session
// read through Auth.js) and in the guards. See docs/decisions/0003-sessions-and-roles.md.
import 'server-only';
import NextAuth, { CredentialsSignin } from 'next-auth';
import Credentials from 'next-auth/providers/credentials';
import { env } from '@/lib/env';
import { authenticate } from './credentials';
import { loadUserState } from './user-state';
import { log } from '@/lib/observability/log';

const THIRTY_DAYS_SECONDS = 30 * 24 * 3600;

export const { handlers, auth, signIn, signOut } = NextAuth({
  secret: env.AUTH_SECRET,
  // Behind the edge the public host arrives in X-Forwarded-Host; `next start` on a test
  // port has no AUTH_URL. Redirects are still limited to the request's own origin.
  trustHost: true,
  session: { strategy: 'jwt', maxAge: THIRTY_DAYS_SECONDS, updateAge: 24 * 3600 },
  pages: { signIn: '/sign-in', error: '/sign-in' },
  providers: [
    Credentials({
      credentials: { email: { type: 'email' }, password: { type: 'password' } },
      authorize: (credentials, request) => authenticate(credentials, request.headers),
    }),
  ],
  callbacks: {
    async jwt({ token, user }) {
      if (user?.id) {
        // A fresh token at every sign-in: nothing from an earlier session carries over.
        return { sub: user.id, email: user.email, role: user.role };
      }
      const state = token.sub ? await loadUserState(token.sub) : null;
      // Returning null ends the session (Auth.js clears the cookie).
      if (!state || state.disabled) return null;
      return { ...token, email: state.email, role: state.role };
    },
    session({ session, token }) {
      return {
        ...session,
        user: { ...session.user, id: token.sub ?? '', email: token.email ?? '', role: token.role ?? 'VIEWER' },
      };
    },
  },
  logger: {
    // A refused sign-in is an expected outcome, not a server error worth a stack trace.
    error(error) {
      if (error instanceof CredentialsSignin || error.cause instanceof CredentialsSignin) return;
      // Auth.js errors carry their kind in `type` (class names are minified in the build).
      const type = (error as { type?: unknown }).type;
      log.error({ type: typeof type === 'string' ? type : error.name, error: error.message }, 'auth error');
    },
  },
});
