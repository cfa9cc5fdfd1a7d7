'use client';
import { useSearchParams } from 'next/navigation';
import { useActionState } from 'react';
import { signInAction, type SignInState } from '../actions';
import styles from '../auth.module.css';
import { FormField } from '../form-field';

const INITIAL: SignInState = {};

export function SignInForm() {
  const [state, action, pending] = useActionState(signInAction, INITIAL);
  const callbackUrl = useSearchParams().get('callbackUrl') ?? '';
  return (
    <form action={action} className={styles.form} noValidate>
      {state.message ? (
        <p role="alert" className={styles.alert}>
          {state.message}
        </p>
      ) : null}
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      <FormField name="email" label="Email" type="email" autoComplete="email" defaultValue={state.email} error={state.errors?.email} />
      <FormField name="password" label="Password" type="password" autoComplete="current-password" error={state.errors?.password} />
      <button type="submit" className={styles.button} disabled={pending}>
        {pending ? 'Signing in…' : 'Sign in'}
      </button>
    </form>
  );
}
