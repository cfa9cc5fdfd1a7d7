import type { Metadata, Viewport } from 'next';
import Link from 'next/link';
import { Suspense, type ReactNode } from 'react';
import { AccountMenu } from '@/app/_components/auth/account-menu';
import { QueryProvider } from '@/app/_components/providers/query-provider';
import './globals.css';

export const metadata: Metadata = {
  title: { default: 'Primetime', template: '%s · Primetime' },
  description: 'Live TV guide and on-demand catalogue.',
  icons: { icon: { url: '/favicon.svg', type: 'image/svg+xml' } },
};

export const viewport: Viewport = { themeColor: '#0b0d12' };

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>
        <QueryProvider>
          <header className="site-header">
            <Link href="/" className="brand">
              Primetime
            </Link>
            <nav aria-label="Main">
              <Link href="/guide">TV guide</Link>
              <Link href="/vod">On demand</Link>
              <Link href="/search">Search</Link>
              <Link href="/account/watchlist">Watchlist</Link>
            </nav>
            {/* usePathname() must sit inside Suspense, or every route with unlisted
                params fails to prerender its shell. */}
            <Suspense fallback={null}>
              <AccountMenu />
            </Suspense>
          </header>
          {children}
        </QueryProvider>
      </body>
    </html>
  );
}
