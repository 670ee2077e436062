import Link from 'next/link';
import type { ReactNode } from 'react';
import { requireUser } from '@/lib/auth/session';
import { can } from '@/lib/auth/permissions';
import { logout } from '@/lib/actions/auth';
import { NavLink } from '@/components/nav-link';
import { SubmitButton } from '@/components/form';
import { unreadNotificationCount } from '@/lib/data/notifications';
import { settingsSections } from '@/lib/auth/settings-sections';

export default async function DeskLayout({ children }: { children: ReactNode }) {
  const user = await requireUser();
  const unread = await unreadNotificationCount(user);
  const links = [
    ...(can(user, 'claim.review') ? [{ href: '/dashboard', label: 'Dashboard' }] : []),
    { href: '/articles', label: 'Articles' },
    { href: '/claims', label: 'Claims' },
    { href: '/my-claims', label: 'My claims' },
    ...(can(user, 'claim.review') ? [{ href: '/review', label: 'Review queue' }] : []),
    { href: settingsSections((p) => can(user, p))[0].href, label: 'Settings', section: '/settings' },
  ];
  return (
    <div className="min-h-screen">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2"
      >
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
                  <NavLink href={l.href} section={'section' in l ? l.section : undefined}>
                    {l.label}
                  </NavLink>
                </li>
              ))}
            </ul>
          </nav>
          <div className="ml-auto flex items-center gap-3 text-sm">
            <Link
              href="/notifications"
              className="relative rounded-md border border-stone-300 px-2.5 py-1.5 text-stone-800 hover:bg-stone-50"
              aria-label={unread ? `Notifications, ${unread} unread` : 'Notifications'}
            >
              <svg aria-hidden="true" viewBox="0 0 20 20" className="h-4 w-4" fill="currentColor">
                <path d="M10 2a5 5 0 0 0-5 5v2.6L3.3 13a1 1 0 0 0 .9 1.5h11.6a1 1 0 0 0 .9-1.5L15 9.6V7a5 5 0 0 0-5-5Zm0 16a2.5 2.5 0 0 0 2.4-2h-4.8A2.5 2.5 0 0 0 10 18Z" />
              </svg>
              {unread ? (
                <span
                  aria-hidden="true"
                  className="absolute -right-2 -top-2 min-w-5 rounded-full bg-red-700 px-1 text-center text-xs font-semibold leading-5 text-white"
                >
                  {unread > 99 ? '99+' : unread}
                </span>
              ) : null}
            </Link>
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
