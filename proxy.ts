// The back office's first gate, before anything renders: page requests to /admin from
// anonymous visitors get a real 307 to sign-in, from signed-in users without the editor
// role a real 403 (app/access-denied). The pages render inside a
// prerendered shell that streams with 200 before a layout could decide, so the status
// has to be set here. This is NOT the authorisation: every admin page, server action and
// route handler checks the role itself (lib/auth/guards.ts); writes (POST and others) are
// left to them, so they answer in their own format (form state, JSON).
// Only /admin is matched: the viewer paths' throughput must not pay for a proxy (DESIGN.md).
import { NextResponse, type NextRequest } from 'next/server';
import { hasRole } from '@/lib/auth/guards';
import { sessionUserFrom } from '@/lib/auth/session';
import { Role } from '@/lib/db/generated/enums';

/** Sections only administrators may open; the rest of /admin is for editors too. */
const ADMIN_ONLY_SECTIONS = ['/admin/users', '/admin/packages'];

export async function proxy(request: NextRequest): Promise<NextResponse | undefined> {
  if (request.method !== 'GET' && request.method !== 'HEAD') return undefined;
  const { pathname, search } = request.nextUrl;
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

export const config = { matcher: ['/admin', '/admin/:path*'] };
