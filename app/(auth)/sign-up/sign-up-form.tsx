'use client';
import { useActionState } from 'react';
import { PASSWORD_MIN_LENGTH } from '@/lib/auth/schemas';
import { signUpAction, type SignUpState } from '../actions';
import styles from '../auth.module.css';
import { FormField } from '../form-field';

const INITIAL: SignUpState = {};

export function SignUpForm() {
  const [state, action, pending] = useActionState(signUpAction, INITIAL);
  return (
    <form action={action} className={styles.form} noValidate>
      {state.message ? (
        <p role="alert" className={styles.alert}>
          {state.message}
        </p>
      ) : null}
      <FormField name="email" label="Email" type="email" autoComplete="email" defaultValue={state.email} error={state.errors?.email} />
      <FormField
        name="password"
        label="Password"
        type="password"
        autoComplete="new-password"
        hint={`At least ${PASSWORD_MIN_LENGTH} characters, mixing letters with digits or symbols.`}
        error={state.errors?.password}
      />
      <FormField name="confirmPassword" label="Repeat password" type="password" autoComplete="new-password" error={state.errors?.confirmPassword} />
      <button type="submit" className={styles.button} disabled={pending}>
        {pending ? 'Creating your account…' : 'Create account'}
      </button>
    </form>
  );
}
