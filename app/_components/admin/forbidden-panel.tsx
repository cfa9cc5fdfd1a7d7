import Link from 'next/link';
import styles from './admin.module.css';

/** What a signed-in user without the role sees instead of an admin page (app/forbidden.tsx). */
export function ForbiddenPanel() {
  return (
    <section className={styles.forbidden} aria-labelledby="forbidden-heading">
      <h1 id="forbidden-heading">403 · Not allowed</h1>
      <p>Your account does not have the role this page needs. Editors open the back office; only administrators manage users and packages.</p>
      <p>
        <Link href="/guide">Back to the TV guide</Link>
      </p>
    </section>
  );
}
