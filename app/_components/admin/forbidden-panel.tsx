import Link from 'next/link';
import styles from './admin.module.css';

/** What a signed-in user without the role sees instead of an admin page. */
export function ForbiddenPanel({ role }: { role: 'EDITOR' | 'ADMIN' }) {
  return (
    <section className={styles.forbidden} aria-labelledby="forbidden-heading">
      <h1 id="forbidden-heading">403 · Not allowed</h1>
      <p>{role === 'ADMIN' ? 'Only administrators can open this page.' : 'Only editors and administrators can open the back office.'}</p>
      <p>
        <Link href="/guide">Back to the TV guide</Link>
      </p>
    </section>
  );
}
