'use client';
// "Add to watchlist" on shared, cached pages (title, programme). A client component that
// asks for the viewer's list only after hydration, so the page stays cached and identical
// for everyone. Optimistic: the button flips at once; a failed write rolls back and says so.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import Link from 'next/link';
import { useState, useSyncExternalStore } from 'react';
import { WATCHLIST_API_PATH, WATCHLIST_QUERY_KEY, type WatchlistEntry, type WatchlistKind } from '@/lib/watchlist/types';
import styles from './watchlist.module.css';

interface ItemProps {
  kind: WatchlistKind;
  id: string;
  name: string;
  href: string;
}

class SignedOut extends Error {}

async function fetchWatchlist(): Promise<WatchlistEntry[]> {
  const response = await fetch(WATCHLIST_API_PATH, { credentials: 'same-origin' });
  if (response.status === 401) throw new SignedOut('Sign in to keep a watchlist.');
  if (!response.ok) throw new Error(`Could not load your watchlist (${response.status}).`);
  return ((await response.json()) as { items: WatchlistEntry[] }).items;
}

async function writeWatchlist(method: 'POST' | 'DELETE', kind: WatchlistKind, id: string): Promise<void> {
  const response = await fetch(WATCHLIST_API_PATH, {
    method,
    credentials: 'same-origin',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ kind, id }),
  });
  if (!response.ok) throw new Error(method === 'POST' ? 'Could not add it to your watchlist.' : 'Could not remove it from your watchlist.');
}

const subscribeNothing = () => () => undefined;

function LiveToggle({ kind, id, name, href }: ItemProps) {
  const client = useQueryClient();
  const [failure, setFailure] = useState<string | null>(null);
  const list = useQuery({ queryKey: WATCHLIST_QUERY_KEY, queryFn: fetchWatchlist, retry: false });
  const onList = list.data?.some((entry) => entry.kind === kind && entry.id === id) ?? false;
  const mutation = useMutation({
    mutationFn: (add: boolean) => writeWatchlist(add ? 'POST' : 'DELETE', kind, id),
    onMutate: async (add: boolean) => {
      setFailure(null);
      await client.cancelQueries({ queryKey: WATCHLIST_QUERY_KEY });
      const previous = client.getQueryData<WatchlistEntry[]>(WATCHLIST_QUERY_KEY);
      client.setQueryData<WatchlistEntry[]>(WATCHLIST_QUERY_KEY, (entries = []) =>
        add
          ? [{ kind, id, name, href, addedAt: new Date().toISOString() }, ...entries.filter((e) => !(e.kind === kind && e.id === id))]
          : entries.filter((e) => !(e.kind === kind && e.id === id)),
      );
      return { previous };
    },
    onError: (error, _add, context) => {
      client.setQueryData(WATCHLIST_QUERY_KEY, context?.previous);
      setFailure(error.message);
    },
    onSettled: () => client.invalidateQueries({ queryKey: WATCHLIST_QUERY_KEY }),
  });

  if (list.error instanceof SignedOut) {
    return (
      <p className={styles.toggle}>
        <Link href={`/sign-in?callbackUrl=${encodeURIComponent(href)}`}>Sign in to add to your watchlist</Link>
      </p>
    );
  }
  return (
    <p className={styles.toggle}>
      <button type="button" className={styles.button} disabled={!list.isSuccess} onClick={() => mutation.mutate(!onList)}>
        {onList ? 'Remove from watchlist' : 'Add to watchlist'}
      </button>
      <span role="status" className={styles.status}>
        {failure ?? (list.isError ? list.error.message : '')}
      </span>
    </p>
  );
}

export function WatchlistToggle(props: ItemProps) {
  const hydrated = useSyncExternalStore(subscribeNothing, () => true, () => false);
  if (!hydrated) {
    // The same box as the live button: nothing moves when it arrives.
    return (
      <p className={styles.toggle}>
        <button type="button" className={styles.button} disabled>
          Add to watchlist
        </button>
      </p>
    );
  }
  return <LiveToggle {...props} />;
}
