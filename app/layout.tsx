import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import { connection } from 'next/server';
import './globals.css';

export const metadata: Metadata = {
  title: { default: 'Claimdesk', template: '%s · Claimdesk' },
  description: 'Claim verification for fact-checking teams.',
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  // Every page renders per request, so that Next.js can put that request's CSP nonce on its
  // scripts (proxy.ts); a page prerendered at build time would carry none and not hydrate.
  await connection();
  return (
    <html lang="en">
      <body className="min-h-screen bg-stone-50 font-sans text-stone-900 antialiased">{children}</body>
    </html>
  );
}
