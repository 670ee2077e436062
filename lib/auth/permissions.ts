/**
 * Who may do what, as data. The UI asks `can` to hide what a user may not do; every server
 * action and API route asks `assertCan` anyway. Resource rules (same team, own claim, not
 * your own verdict) live in lib/domain/workflow.ts.
 */
export const ROLES = ['admin', 'editor', 'checker'] as const;
export type Role = (typeof ROLES)[number];

export const PERMISSIONS = {
  'article.import': ['admin', 'editor'],
  'claim.assign': ['admin', 'editor'],
  'claim.edit': ['admin', 'editor'],
  'claim.take': ['admin', 'editor', 'checker'],
  'claim.research': ['admin', 'editor', 'checker'],
  'claim.exclude': ['admin', 'editor', 'checker'],
  'claim.review': ['admin', 'editor'],
  'claim.publish': ['admin', 'editor'],
  'dashboard.view': ['admin', 'editor'],
  'evidence.editAny': ['admin', 'editor'],
  'scale.manage': ['admin'],
  'team.manage': ['admin'],
  'webhook.manage': ['admin'],
  'team.export': ['admin'],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

export class ForbiddenError extends Error {
  constructor(public readonly permission: Permission) {
    super(`Your role does not allow this (${permission}).`);
    this.name = 'ForbiddenError';
  }
}

export function can(user: { role: Role }, permission: Permission): boolean {
  return (PERMISSIONS[permission] as readonly Role[]).includes(user.role);
}

export function assertCan(user: { role: Role }, permission: Permission): void {
  if (!can(user, permission)) throw new ForbiddenError(permission);
}
