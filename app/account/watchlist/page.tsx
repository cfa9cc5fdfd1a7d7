import type { Metadata } from 'next';
import Link from 'next/link';
import { Suspense } from 'react';
import styles from '@/app/_components/entitlements/watchlist.module.css';
import { requireUserOrSignIn } from '@/lib/auth/guards';
import { listWatchlist } from '@/lib/watchlist/watchlist';

export const metadata: Metadata = { title: 'Your watchlist' };

const added = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeZone: 'UTC' });

/** The viewer's list; reads the session, so it streams behind Suspense and is never cached. */
async function WatchlistItems() {
  const user = await requireUserOrSignIn('/account/watchlist');
  const items = await listWatchlist(user.id);
  if (items.length === 0) return <p>Your watchlist is empty. Add titles and programmes from their pages.</p>;
  return (
    <ul className={styles.list} aria-label="Watchlist">
      {items.map((item) => (
        <li key={`${item.kind}:${item.id}`}>
          <Link href={item.href}>{item.name}</Link> <span className="muted">· {item.kind === 'title' ? 'On demand' : 'TV programme'} · added {added.format(new Date(item.addedAt))}</span>
        </li>
      ))}
    </ul>
  );
}

export default function WatchlistPage() {
  return (
    <main>
      <h1>Your watchlist</h1>
      <Suspense fallback={<p>Loading your watchlist…</p>}>
        <WatchlistItems />
      </Suspense>
    </main>
  );
}
