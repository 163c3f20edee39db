import type { Metadata } from 'next';
import Link from 'next/link';
import type { ReactNode } from 'react';
import { webEnv } from '../env';
import './globals.css';

// Every page renders per request: its scripts carry that response's CSP nonce (see proxy.ts),
// which a page prerendered at build time could not.
export const dynamic = 'force-dynamic';

export const metadata: Metadata = {
  title: { default: 'Lineage', template: '%s · Lineage' },
  description: 'How defects in AI models propagate to the products built on them',
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>
        <a className="skip" href="#main">
          Skip to content
        </a>
        <header className="top">
          <Link href="/" className="brand">
            Lineage
          </Link>
          <nav aria-label="Main">
            <Link href="/">Home</Link>
            <Link href="/explore">Explorer</Link>
            <Link href="/defects">Defects</Link>
            <Link href="/watched">Watched</Link>
            <Link href="/licences">Licences</Link>
            <Link href="/what-if">What-if</Link>
            <Link href="/paths">Paths</Link>
            <Link href="/import">Import</Link>
            <a href={webEnv().LINEAGE_PUBLIC_API_URL}>GraphiQL</a>
          </nav>
        </header>
        <main id="main">{children}</main>
      </body>
    </html>
  );
}
