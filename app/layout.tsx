import type { Metadata, Viewport } from 'next';
import Link from 'next/link';
import type { ReactNode } from 'react';
import './globals.css';

export const metadata: Metadata = {
  title: { default: 'Primetime', template: '%s · Primetime' },
  description: 'Live TV guide and on-demand catalogue.',
};

export const viewport: Viewport = { themeColor: '#0b0d12' };

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>
        <header className="site-header">
          <Link href="/" className="brand">
            Primetime
          </Link>
          <nav aria-label="Main">
            <Link href="/guide">TV guide</Link>
          </nav>
        </header>
        {children}
      </body>
    </html>
  );
}
