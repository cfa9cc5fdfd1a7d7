// The back office's first gate, before anything renders: page requests to /admin from
// anonymous visitors get a real 307 to sign-in, from signed-in users without the editor
// role a real 403 (app/access-denied). The pages render inside a
// prerendered shell that streams with 200 before a layout could decide, so the status
// has to be set here. This is NOT the authorisation: every admin page, server action and
// route handler checks the role itself (lib/auth/guards.ts); writes (POST and others) are
// left to them, so they answer in their own format (form state, JSON).
// Only /admin is matched: the viewer paths' throughput must not pay for a proxy (DESIGN.md).
// Anywhere else, only server-action calls (the `next-action` header) are matched, for one
// structural check of their body (lib/security/action-payload.ts): Next answers a body it
// cannot decode with a 500 before any action runs; this makes it a 400 with a sentence.
import { NextResponse, type NextRequest } from 'next/server';
import { hasRole } from '@/lib/auth/guards';
import { sessionUserFrom } from '@/lib/auth/session';
import { Role } from '@/lib/db/generated/enums';
import { malformedActionPayload } from '@/lib/security/action-payload';

/** Sections only administrators may open; the rest of /admin is for editors too. */
const ADMIN_ONLY_SECTIONS = ['/admin/users', '/admin/packages'];

export async function proxy(request: NextRequest): Promise<NextResponse | undefined> {
  const { pathname, search } = request.nextUrl;
  if (request.method === 'POST' && request.headers.has('next-action')) {
    const problem = await malformedActionPayload(request);
    if (!problem) return undefined;
    return NextResponse.json({ error: { code: 'bad_request', message: problem } }, { status: 400, headers: { 'cache-control': 'private, no-store' } });
  }
  // The header matcher lets other paths in: only the back office is gated here.
  if (pathname !== '/admin' && !pathname.startsWith('/admin/')) return undefined;
  if (request.method !== 'GET' && request.method !== 'HEAD') return undefined;
  const user = await sessionUserFrom((name) => request.cookies.get(name)?.value);
  if (!user) {
    const signIn = request.nextUrl.clone();
    signIn.pathname = '/sign-in';
    signIn.search = '';
    signIn.searchParams.set('callbackUrl', `${pathname}${search}`);
    return NextResponse.redirect(signIn, 307);
  }
  const needed = ADMIN_ONLY_SECTIONS.some((section) => pathname === section || pathname.startsWith(`${section}/`)) ? Role.ADMIN : Role.EDITOR;
  if (hasRole(user, needed)) return undefined;
  // A clone of nextUrl keeps Next's own origin, so the rewrite stays inside this server.
  const forbiddenPage = request.nextUrl.clone();
  forbiddenPage.pathname = '/access-denied';
  forbiddenPage.search = '';
  return NextResponse.rewrite(forbiddenPage, { status: 403 });
}

export const config = {
  matcher: ['/admin', '/admin/:path*', { source: '/:path*', has: [{ type: 'header', key: 'next-action' }] }],
};
