import type { Metadata } from 'next';
import Link from 'next/link';
import { Suspense } from 'react';
import styles from '../auth.module.css';
import { SignInForm } from './sign-in-form';

export const metadata: Metadata = { title: 'Sign in' };

// The page itself is static; only the form reads the query string (the return path).
export default function SignInPage() {
  return (
    <main className={styles.panel}>
      <h1>Sign in</h1>
      <Suspense fallback={<p>Loading the sign-in form…</p>}>
        <SignInForm />
      </Suspense>
      <p>
        New to Primetime? <Link href="/sign-up">Create an account</Link>
      </p>
    </main>
  );
}
