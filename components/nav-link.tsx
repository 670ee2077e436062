'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import type { ReactNode } from 'react';

export function NavLink({ href, children }: { href: string; children: ReactNode }) {
  const pathname = usePathname();
  const active = pathname === href || pathname.startsWith(`${href}/`);
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
