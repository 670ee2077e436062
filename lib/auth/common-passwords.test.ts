import { describe, expect, it } from 'vitest';
import { isCommonPassword } from '@/lib/auth/common-passwords';
import { addMemberSchema, COMMON_PASSWORD_MESSAGE, resetPasswordSchema } from '@/lib/validation/team';

describe('isCommonPassword', () => {
  it.each(['password123', 'qwertyuiop', 'basketball', '1q2w3e4r5t'])('knows %s', (password) => {
    expect(isCommonPassword(password)).toBe(true);
  });

  it('ignores case', () => {
    expect(isCommonPassword('PassWord123')).toBe(true);
    expect(isCommonPassword('BASKETBALL')).toBe(true);
  });

  it.each(['claimdesk-demo', 'a-long-enough-password', 'password123 but longer'])('does not refuse %s', (password) => {
    expect(isCommonPassword(password)).toBe(false);
  });
});

describe('the password rules of every form that sets one', () => {
  const member = { name: 'Nina New', email: 'nina@example.org', role: 'checker' };

  it.each([
    ['a new member', (password: string) => addMemberSchema.safeParse({ ...member, password })],
    ['an admin reset', (password: string) => resetPasswordSchema.safeParse({ userId: 'u1', confirm: 'on', password })],
  ])('%s refuses a common password with a clear message, and takes an uncommon one', (_, parse) => {
    const refused = parse('Basketball');
    expect(refused.success).toBe(false);
    expect(refused.error?.issues.map((i) => [i.path[0], i.message])).toEqual([['password', COMMON_PASSWORD_MESSAGE]]);
    expect(parse('tidal-orchard-lantern').success).toBe(true);
  });

  it('tells a short common password only that it is too short', () => {
    const result = addMemberSchema.safeParse({ ...member, password: 'short' });
    expect(result.error?.issues.map((i) => i.message)).toEqual(['The password needs at least 10 characters.']);
  });

  it('asks for the "I understand" box before a reset', () => {
    const result = resetPasswordSchema.safeParse({ userId: 'u1', password: 'tidal-orchard-lantern' });
    expect(result.error?.issues.map((i) => [i.path[0], i.message])).toEqual([['confirm', 'Tick the box to confirm.']]);
  });
});
