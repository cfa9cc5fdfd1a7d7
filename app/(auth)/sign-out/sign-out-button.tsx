// A form, not a link: signing out changes state, so it is a POST (a server action, which
// Next checks against the page's origin), never something a crawler or an <img> can trigger.
import { signOutAction } from '../actions';
import styles from '../auth.module.css';

export function SignOutButton() {
  return (
    <form action={signOutAction}>
      <button type="submit" className={styles.button}>
        Sign out
      </button>
    </form>
  );
}
