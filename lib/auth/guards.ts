// Authorisation guards: the first line of every privileged action, handler and page.
// Each re-reads the account's role and status (lib/auth/user-state.ts) rather than
// trusting the session token, so a demotion or a disabled account takes effect at once
// when the change invalidates the cached state, and within 60 s in any case.
import 'server-only';
import { redirect } from 'next/navigation';
import { Role } from '@/lib/db/generated/enums';
import { AppError } from '@/lib/errors';
import { getSessionUserState } from './session';
import type { UserState } from './user-state';

export type SessionUser = UserState;

const RANK: Record<Role, number> = { [Role.VIEWER]: 0, [Role.EDITOR]: 1, [Role.ADMIN]: 2 };

const FORBIDDEN_MESSAGE: Record<Role, string> = {
  [Role.VIEWER]: 'Sign in to continue.',
  [Role.EDITOR]: 'Only editors can do this.',
  [Role.ADMIN]: 'Only administrators can do this.',
};

/** The signed-in user; AppError `unauthorized` (401) for anonymous or disabled accounts. */
export async function requireUser(): Promise<SessionUser> {
  return assertRole(await getSessionUserState(), Role.VIEWER);
}

/** An editor or admin; 401 when not signed in, 403 (`forbidden`) for viewers. */
export async function requireEditor(): Promise<SessionUser> {
  return assertRole(await getSessionUserState(), Role.EDITOR);
}

/** An admin; 401 when not signed in, 403 for editors and viewers. */
export async function requireAdmin(): Promise<SessionUser> {
  return assertRole(await getSessionUserState(), Role.ADMIN);
}

/**
 * For pages: the signed-in user, or a redirect to the sign-in page that comes back to
 * `returnTo` afterwards.
 */
export async function requireUserOrSignIn(returnTo: string): Promise<SessionUser> {
  const user = await getSessionUserState();
  if (!user) redirect(`/sign-in?callbackUrl=${encodeURIComponent(returnTo)}`);
  return user;
}

export function hasRole(user: Pick<SessionUser, 'role'>, atLeast: Role): boolean {
  return RANK[user.role] >= RANK[atLeast];
}

/** `user` when present (enabled) and at least `atLeast`; otherwise the 401 or 403 AppError. */
export function assertRole(user: SessionUser | null, atLeast: Role): SessionUser {
  if (!user) throw new AppError('unauthorized', 'Sign in to continue.');
  if (!hasRole(user, atLeast)) throw new AppError('forbidden', FORBIDDEN_MESSAGE[atLeast]);
  return user;
}
