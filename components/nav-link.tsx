'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import type { ReactNode } from 'react';

/**
 * A link marked as the current page, or as the section the page is in (`section`, default `href`);
 * `exact` for a link whose section's other pages have links of their own (Settings → Team).
 */
export function NavLink({ href, children, exact = false, section }: { href: string; children: ReactNode; exact?: boolean; section?: string }) {
  const pathname = usePathname();
  const base = section ?? href;
  const active = pathname === href || (!exact && (pathname === base || pathname.startsWith(`${base}/`)));
  return (
    <Link
      href={href}
      aria-current={active ? 'page' : undefined}
      className={`block rounded-md px-3 py-1.5 text-sm font-medium ${active ? 'bg-stone-900 text-white' : 'text-stone-700 hover:bg-stone-100'}`}
    >
      {children}
    </Link>
  );
}
