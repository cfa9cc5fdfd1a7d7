// Account creation: validated input, argon2id hash, a VIEWER account. Duplicate emails are
// a form error, found by the unique index itself (no check-then-insert race).
import 'server-only';
import { db } from '@/lib/db/client';
import { Role } from '@/lib/db/generated/enums';
import { hashPassword } from './password';
import { fieldErrors, signUpSchema, type FieldErrors } from './schemas';

export type SignUpField = 'email' | 'password' | 'confirmPassword';

export type SignUpResult =
  | { ok: true; user: { id: string; email: string } }
  | { ok: false; errors: FieldErrors<SignUpField> };

export const EMAIL_TAKEN_MESSAGE = 'An account with this email already exists. Sign in instead.';

export async function createAccount(input: unknown): Promise<SignUpResult> {
  const parsed = signUpSchema.safeParse(input);
  if (!parsed.success) return { ok: false, errors: fieldErrors<SignUpField>(parsed.error) };
  const { email, password } = parsed.data;

  const passwordHash = await hashPassword(password);
  // ON CONFLICT DO NOTHING: a taken email is an expected answer, not an exception, and
  // the unique index decides it atomically (two sign-ups racing for one email).
  const [user] = await db.user.createManyAndReturn({
    data: [{ email, passwordHash, role: Role.VIEWER }],
    skipDuplicates: true,
    select: { id: true, email: true },
  });
  if (!user) return { ok: false, errors: { email: EMAIL_TAKEN_MESSAGE } };
  return { ok: true, user };
}
