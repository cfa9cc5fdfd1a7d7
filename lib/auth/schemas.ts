// Form schemas shared by the sign-in and sign-up forms and the server that checks them.
import { z } from 'zod';

export const PASSWORD_MIN_LENGTH = 10;
/** argon2 hashes any length, but a megabyte "password" is a denial-of-service, not a secret. */
export const PASSWORD_MAX_LENGTH = 128;

/** Emails are compared and stored trimmed and lower-cased: one account per mailbox. */
export const emailSchema = z
  .string({ error: 'Enter your email address.' })
  .trim()
  .toLowerCase()
  .min(1, 'Enter your email address.')
  .max(254, 'That email address is too long.')
  .pipe(z.email({ error: 'Enter a valid email address, like name@example.com.' }));

export const signInSchema = z.object({
  email: emailSchema,
  password: z
    .string({ error: 'Enter your password.' })
    .min(1, 'Enter your password.')
    .max(PASSWORD_MAX_LENGTH, 'Email or password is incorrect.'),
});

export const newPasswordSchema = z
  .string({ error: 'Choose a password.' })
  .min(PASSWORD_MIN_LENGTH, `Use at least ${PASSWORD_MIN_LENGTH} characters.`)
  .max(PASSWORD_MAX_LENGTH, `Use at most ${PASSWORD_MAX_LENGTH} characters.`)
  .refine((password) => password.trim().length === password.length, 'Remove spaces at the start or end.')
  .refine((password) => /[a-z]/i.test(password) && /[^a-z]/i.test(password), 'Mix letters with digits or symbols.');

export const signUpSchema = z
  .object({
    email: emailSchema,
    password: newPasswordSchema,
    confirmPassword: z.string({ error: 'Repeat your password.' }),
  })
  .refine((form) => form.password === form.confirmPassword, {
    path: ['confirmPassword'],
    message: 'The passwords do not match.',
  });

export type SignInInput = z.infer<typeof signInSchema>;
export type SignUpInput = z.infer<typeof signUpSchema>;

/** Field name -> first message, the shape forms render. */
export type FieldErrors<Field extends string> = Partial<Record<Field, string>>;

export function fieldErrors<Field extends string>(error: z.ZodError): FieldErrors<Field> {
  const errors: FieldErrors<Field> = {};
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? '') as Field;
    errors[field] ??= issue.message;
  }
  return errors;
}
