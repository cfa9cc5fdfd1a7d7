'use client';
// The header's "Sign in" / account link. A client component on purpose: the layout wraps
// shared, cached pages, which must never read cookies (DESIGN.md request path 2), so the
// browser asks Auth.js's session endpoint once per page load instead.
import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { useEffect, useState } from 'react';
import styles from './account-menu.module.css';

type MenuState = { kind: 'loading' } | { kind: 'anonymous' } | { kind: 'signed-in'; email: string };

interface SessionBody {
  user?: { email?: unknown };
}

export function AccountMenu() {
  const [state, setState] = useState<MenuState>({ kind: 'loading' });
  const pathname = usePathname();

  useEffect(() => {
    const controller = new AbortController();
    fetch('/api/auth/session', { credentials: 'same-origin', cache: 'no-store', signal: controller.signal })
      .then((response) => (response.ok ? (response.json() as Promise<SessionBody | null>) : null))
      .then((body) => {
        const email = body?.user?.email;
        setState(typeof email === 'string' && email ? { kind: 'signed-in', email } : { kind: 'anonymous' });
      })
      .catch((error: unknown) => {
        if ((error as Error).name !== 'AbortError') setState({ kind: 'anonymous' });
      });
    return () => controller.abort();
  }, [pathname]);

  if (state.kind === 'signed-in') {
    return (
      <Link href="/account" className={styles.menu} aria-label={`Your account (${state.email})`}>
        Account
      </Link>
    );
  }
  const onAuthPage = pathname === '/sign-in' || pathname === '/sign-up';
  const href = onAuthPage || !pathname ? '/sign-in' : `/sign-in?callbackUrl=${encodeURIComponent(pathname)}`;
  // While loading, the same link keeps the header from jumping; it is right for most visitors.
  return (
    <Link href={href} className={styles.menu} aria-busy={state.kind === 'loading' ? true : undefined}>
      Sign in
    </Link>
  );
}
