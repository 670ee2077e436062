import { describe, expect, it } from 'vitest';
import { assertCan, can, ForbiddenError, PERMISSIONS, ROLES, type Permission, type Role } from '@/lib/auth/permissions';

/** The whole table, spelled out: a change to who may do what has to change this test too. */
const expected: Record<Permission, Role[]> = {
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
  'team.export': ['admin'],
  'webhook.manage': ['admin'],
};

describe('permission table', () => {
  it('has exactly the expected permissions', () => {
    expect(Object.keys(PERMISSIONS).sort()).toEqual(Object.keys(expected).sort());
  });

  for (const [permission, roles] of Object.entries(expected) as [Permission, Role[]][]) {
    for (const role of ROLES) {
      const allowed = roles.includes(role);
      it(`${role} ${allowed ? 'may' : 'may not'} ${permission}`, () => {
        expect(can({ role }, permission)).toBe(allowed);
        if (allowed) expect(() => assertCan({ role }, permission)).not.toThrow();
        else expect(() => assertCan({ role }, permission)).toThrow(ForbiddenError);
      });
    }
  }
});
