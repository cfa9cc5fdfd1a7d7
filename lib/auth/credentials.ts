// Email + password sign-in: the one place that decides whether a credential is good.
// Called by the Credentials provider's `authorize`, for the sign-in form's server action
// and for POST /api/auth/callback/credentials alike, so both paths are rate-limited.
import 'server-only';
// From @auth/core (what next-auth re-exports): next-auth's entry needs Next's bundler to load.
import { CredentialsSignin } from '@auth/core/errors';
import { db } from '@/lib/db/client';
import type { Role } from '@/lib/db/generated/enums';
import { clientAddressFrom } from '@/lib/geo/client-address';
import { getAuthLimits, tooManyAttemptsMessage } from '@/lib/rate-limit';
import type { AuthLimits } from '@/lib/rate-limit/auth-limits';
import { verifyPassword } from './password';
import { signInSchema } from './schemas';

export const INVALID_CREDENTIALS_MESSAGE = 'Email or password is incorrect.';
export const DISABLED_ACCOUNT_MESSAGE = 'This account has been disabled. Contact support if you think this is a mistake.';

export type SignInRefusal = 'credentials' | 'rate_limited' | 'disabled';

/**
 * A refused sign-in. Extends Auth.js's CredentialsSignin so Auth.js passes it through
 * unchanged (its `code` lands in the error URL of the HTTP flow); `userMessage` is the
 * sentence forms show.
 */
export class SignInRefused extends CredentialsSignin {
  constructor(
    readonly refusal: SignInRefusal,
    readonly userMessage: string,
  ) {
    super(userMessage);
    this.code = refusal;
  }
}

/**
 * Whether `error` is a SignInRefused. Checked by shape as well as by class, because Next may
 * bundle Auth.js and this module apart, giving the class two identities.
 */
export function isSignInRefused(error: unknown): error is SignInRefused {
  if (error instanceof SignInRefused) return true;
  if (!(error instanceof Error)) return false;
  const candidate = error as Partial<SignInRefused>;
  return typeof candidate.userMessage === 'string' && typeof candidate.refusal === 'string';
}

export interface AuthenticatedUser {
  id: string;
  email: string;
  role: Role;
}

/**
 * The user whose email and password these are, or a SignInRefused. `limits` is the app's
 * Redis-backed limiter; tests pass one with their own key prefix and short windows.
 */
export async function authenticate(
  credentials: unknown,
  headers: Headers,
  limits: AuthLimits = getAuthLimits(),
): Promise<AuthenticatedUser> {
  const parsed = signInSchema.safeParse(credentials);
  if (!parsed.success) throw new SignInRefused('credentials', INVALID_CREDENTIALS_MESSAGE);
  const { email, password } = parsed.data;
  const address = clientAddressFrom(headers);

  const admission = await limits.admitSignIn(email, address);
  if (!admission.allowed) throw new SignInRefused('rate_limited', tooManyAttemptsMessage(admission.retryAfterMs));

  const user = await db.user.findUnique({
    where: { email },
    select: { id: true, email: true, role: true, passwordHash: true, disabledAt: true },
  });
  const passwordMatches = await verifyPassword(user?.passwordHash ?? null, password);
  if (!user || !passwordMatches) throw new SignInRefused('credentials', INVALID_CREDENTIALS_MESSAGE);
  // Told only to someone who knows the password; the attempt keeps counting as a failure.
  if (user.disabledAt) throw new SignInRefused('disabled', DISABLED_ACCOUNT_MESSAGE);

  await limits.signInSucceeded(email, address);
  return { id: user.id, email: user.email, role: user.role };
}
