import type { Metadata } from 'next';
import Link from 'next/link';
import styles from '../auth.module.css';
import { SignUpForm } from './sign-up-form';

export const metadata: Metadata = { title: 'Create an account' };

export default function SignUpPage() {
  return (
    <main className={styles.panel}>
      <h1>Create an account</h1>
      <SignUpForm />
      <p>
        Already have an account? <Link href="/sign-in">Sign in</Link>
      </p>
    </main>
  );
}
