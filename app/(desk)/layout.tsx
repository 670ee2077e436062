import Link from 'next/link';
import type { ReactNode } from 'react';
import { requireUser } from '@/lib/auth/session';
import { can } from '@/lib/auth/permissions';
import { logout } from '@/lib/actions/auth';
import { NavLink } from '@/components/nav-link';
import { SubmitButton } from '@/components/form';

export default async function DeskLayout({ children }: { children: ReactNode }) {
  const user = await requireUser();
  const links = [
    { href: '/articles', label: 'Articles' },
    { href: '/my-claims', label: 'My claims' },
    ...(can(user, 'claim.review') ? [{ href: '/review', label: 'Review queue' }] : []),
    ...(can(user, 'team.manage') ? [{ href: '/settings', label: 'Settings' }] : []),
  ];
  return (
    <div className="min-h-screen">
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2">
        Skip to content
      </a>
      <header className="border-b border-stone-200 bg-white">
        <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3 sm:px-6">
          <Link href="/articles" className="font-serif text-lg font-semibold text-stone-900">
            Claimdesk
          </Link>
          <nav aria-label="Main" className="order-3 w-full sm:order-none sm:w-auto">
            <ul className="flex flex-wrap gap-1">
              {links.map((l) => (
                <li key={l.href}>
                  <NavLink href={l.href}>{l.label}</NavLink>
                </li>
              ))}
            </ul>
          </nav>
          <div className="ml-auto flex items-center gap-3 text-sm">
            <span className="hidden text-right leading-tight text-stone-700 sm:block">
              <span className="block font-medium text-stone-900">{user.name}</span>
              <span className="block text-xs">
                {user.teamName} · {user.role}
              </span>
            </span>
            <form action={logout}>
              <SubmitButton variant="secondary" pendingText="Signing out…">
                Sign out
              </SubmitButton>
            </form>
          </div>
        </div>
      </header>
      <main id="main" className="mx-auto max-w-6xl px-4 py-6 sm:px-6 sm:py-8">
        {children}
      </main>
    </div>
  );
}
