import type { Permission } from '@/lib/auth/permissions';

const SECTIONS: { href: string; label: string; permission: Permission | null }[] = [
  { href: '/settings', label: 'Team', permission: 'team.manage' },
  { href: '/settings/publishing', label: 'Publishing', permission: 'team.manage' },
  { href: '/settings/webhooks', label: 'Webhooks', permission: 'webhook.manage' },
  { href: '/settings/tokens', label: 'API tokens', permission: null },
  { href: '/settings/export', label: 'Export', permission: null },
];

/** The settings pages a member may use, in menu order; the first is where "Settings" leads. */
export function settingsSections(can: (permission: Permission) => boolean) {
  return SECTIONS.filter((s) => s.permission === null || can(s.permission));
}
