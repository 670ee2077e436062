import type { ReactNode } from 'react';
import { requireUser } from '@/lib/auth/session';
import { can } from '@/lib/auth/permissions';
import { NavLink } from '@/components/nav-link';
import { settingsSections } from '@/lib/auth/settings-sections';

/** Settings are several pages; each member sees the sections their role may use. */
export default async function SettingsLayout({ children }: { children: ReactNode }) {
  const user = await requireUser();
  const sections = settingsSections((p) => can(user, p));
  return (
    <>
      <nav aria-label="Settings" className="mb-6">
        <ul className="flex flex-wrap gap-1 border-b border-stone-200 pb-2">
          {sections.map((s) => (
            <li key={s.href}>
              <NavLink href={s.href} exact>
                {s.label}
              </NavLink>
            </li>
          ))}
        </ul>
      </nav>
      {children}
    </>
  );
}
