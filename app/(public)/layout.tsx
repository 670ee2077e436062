import type { ReactNode } from 'react';
import Link from 'next/link';

/** Pages anyone may read without signing in: published fact-checks, corrections, API docs. */
export default function PublicLayout({ children }: { children: ReactNode }) {
  return (
    <div className="min-h-screen">
      <header className="border-b border-stone-200 bg-white">
        <div className="mx-auto flex max-w-3xl items-center justify-between px-4 py-3">
          <Link href="/" className="text-sm font-semibold uppercase tracking-widest text-blue-800">
            Claimdesk
          </Link>
        </div>
      </header>
      <main className="mx-auto max-w-3xl px-4 py-8">{children}</main>
    </div>
  );
}
