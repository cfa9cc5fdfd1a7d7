import type { Metadata } from 'next';
import styles from '../auth.module.css';
import { SignOutButton } from './sign-out-button';

export const metadata: Metadata = { title: 'Sign out' };

export default function SignOutPage() {
  return (
    <main className={styles.panel}>
      <h1>Sign out</h1>
      <p>Sign out of Primetime on this browser?</p>
      <SignOutButton />
    </main>
  );
}
