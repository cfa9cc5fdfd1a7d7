'use server';
// Sign-in, sign-up and sign-out as server actions. They return typed form state and never
// throw on bad input; Next's redirect after a successful sign-in is rethrown untouched.
import { headers } from 'next/headers';
import { AuthError } from 'next-auth';
import { isSignInRefused } from '@/lib/auth/credentials';
import { signIn, signOut } from '@/lib/auth/next-auth';
import { fieldErrors, signInSchema, signUpSchema, type FieldErrors } from '@/lib/auth/schemas';
import { createAccount, type SignUpField } from '@/lib/auth/sign-up';
import { clientAddressFrom } from '@/lib/geo/client-address';
import { getAuthLimits, tooManyAttemptsMessage } from '@/lib/rate-limit';
import { safeReturnPath } from '@/lib/auth/return-path';

export interface SignInState {
  email?: string;
  errors?: FieldErrors<'email' | 'password'>;
  message?: string;
}

export interface SignUpState {
  email?: string;
  errors?: FieldErrors<SignUpField>;
  message?: string;
}

function text(value: FormDataEntryValue | null): string {
  return typeof value === 'string' ? value : '';
}

/**
 * A server action can be called with any arguments a script encodes, not only the form's
 * FormData: anything else is a form error, never a 500 from `formData.get`.
 */
const NOT_A_FORM = 'Send the form from the page.';

export async function signInAction(_previous: SignInState, formData: FormData): Promise<SignInState> {
  if (!(formData instanceof FormData)) return { message: NOT_A_FORM };
  const form = { email: text(formData.get('email')), password: text(formData.get('password')) };
  const parsed = signInSchema.safeParse(form);
  if (!parsed.success) return { email: form.email, errors: fieldErrors(parsed.error) };
  const redirectTo = safeReturnPath(formData.get('callbackUrl'));
  try {
    await signIn('credentials', { ...parsed.data, redirectTo });
  } catch (error) {
    return { email: form.email, message: refusalMessage(error) };
  }
  return {};
}

export async function signUpAction(_previous: SignUpState, formData: FormData): Promise<SignUpState> {
  if (!(formData instanceof FormData)) return { message: NOT_A_FORM };
  const form = {
    email: text(formData.get('email')),
    password: text(formData.get('password')),
    confirmPassword: text(formData.get('confirmPassword')),
  };
  const parsed = signUpSchema.safeParse(form);
  if (!parsed.success) return { email: form.email, errors: fieldErrors<SignUpField>(parsed.error) };

  // Only well-formed attempts count, so typos in the form never lock anyone out.
  const admission = await getAuthLimits().admitSignUp(clientAddressFrom(await headers()));
  if (!admission.allowed) return { email: form.email, message: tooManyAttemptsMessage(admission.retryAfterMs) };

  const created = await createAccount(parsed.data);
  if (!created.ok) return { email: form.email, errors: created.errors };
  try {
    await signIn('credentials', { email: created.user.email, password: parsed.data.password, redirectTo: '/account' });
  } catch (error) {
    return { email: form.email, message: `Your account was created, but signing in failed: ${refusalMessage(error)}` };
  }
  return {};
}

export async function signOutAction(): Promise<void> {
  await signOut({ redirectTo: '/' });
}

/** The sentence for a refused sign-in; anything that is not an Auth.js refusal (such as Next's redirect) is rethrown. */
function refusalMessage(error: unknown): string {
  if (isSignInRefused(error)) return error.userMessage;
  if (error instanceof AuthError) return 'Signing in failed. Please try again.';
  throw error;
}
