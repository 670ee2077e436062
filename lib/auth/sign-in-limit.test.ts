import { afterAll, describe, expect, it } from 'vitest';
import { createTeam, createUser, DEMO_PASSWORD, uniqueSuffix } from '@/lib/testing/factories';
import { hasDatabase, testPrisma } from '@/lib/testing/database';

/** The sign-in check with its limits, against the database `npm test` made: the counters live there. */
describe.skipIf(!hasDatabase)('sign-in limits', async () => {
  const prisma = hasDatabase ? testPrisma() : (undefined as never);
  const { authorizeCredentials, TooManySignIns } = await import('@/lib/auth/credentials');
  const { clearAccountFailures, SIGN_IN_DELAY, SIGN_IN_LIMITS, SIGN_IN_WINDOW_SECONDS } = await import('@/lib/auth/sign-in-limit');
  afterAll(() => prisma.$disconnect());

  // Each test signs in from an address of its own, so that no test fills another's address counter.
  const address = () => `test-${uniqueSuffix()}`;
  // Every attempt at the middle of the current window, so that no test straddles the start of a new one.
  const windowMs = SIGN_IN_WINDOW_SECONDS * 1000;
  const now = new Date(Math.floor(Date.now() / windowMs) * windowMs + windowMs / 2);

  async function member() {
    const suffix = uniqueSuffix();
    const team = await createTeam(prisma, { name: `Limits ${suffix}`, slug: `limits-${suffix}` });
    return createUser(prisma, { teamId: team.id, email: `member.${suffix}@example.test`, name: 'Mia Member', role: 'checker' });
  }

  // The waits each attempt asked for, by email; nobody actually waits in these tests.
  const waits = new Map<string, number[]>();

  /** What the sign-in form would tell: signed in, wrong credentials, or too many attempts. */
  async function outcome(email: string, password: string, from: string | null) {
    const sleep = async (ms: number) => void waits.set(email, [...(waits.get(email) ?? []), ms]);
    try {
      const user = await authorizeCredentials({ email, password }, from, { now, sleep });
      return `signed in as ${user.email}`;
    } catch (err) {
      if (err instanceof TooManySignIns) return 'too many';
      if (err instanceof Error && err.name === 'CredentialsSignin') return 'no match';
      throw err;
    }
  }

  async function fail(times: number, email: string, from: string | null) {
    for (let i = 0; i < times; i++) expect(await outcome(email, 'not-the-password', from)).toBe('no match');
  }

  it('locks an account after five failures, refusing even the right password, exactly as an unknown email', async () => {
    const mia = await member();
    const from = address();
    const unknown = `nobody.${uniqueSuffix()}@example.test`;
    await fail(SIGN_IN_LIMITS.account, mia.email, from);
    await fail(SIGN_IN_LIMITS.account, unknown, from);
    expect(await outcome(mia.email, DEMO_PASSWORD, from)).toBe('too many');
    expect(await outcome(unknown, DEMO_PASSWORD, from)).toBe('too many');
    // The account is locked wherever the attempt comes from, and whatever the email's case.
    expect(await outcome(mia.email.toUpperCase(), DEMO_PASSWORD, address())).toBe('too many');
  });

  it('lets another account sign in from the address a locked account failed from', async () => {
    const [mia, max] = [await member(), await member()];
    const from = address();
    await fail(SIGN_IN_LIMITS.account, mia.email, from);
    expect(await outcome(mia.email, DEMO_PASSWORD, from)).toBe('too many');
    expect(await outcome(max.email, DEMO_PASSWORD, from)).toBe(`signed in as ${max.email}`);
  });

  it('does not count successful sign-ins', async () => {
    const mia = await member();
    const from = address();
    await fail(SIGN_IN_LIMITS.account - 1, mia.email, from);
    for (let i = 0; i < 6; i++) expect(await outcome(mia.email, DEMO_PASSWORD, from)).toBe(`signed in as ${mia.email}`);
    await fail(1, mia.email, from);
    expect(await outcome(mia.email, DEMO_PASSWORD, from)).toBe('too many');
  });

  it('lets no more parallel guesses through than the limit', async () => {
    const mia = await member();
    const from = address();
    const results = await Promise.all(Array.from({ length: SIGN_IN_LIMITS.account + 4 }, () => outcome(mia.email, 'not-the-password', from)));
    expect(results.filter((r) => r === 'no match')).toHaveLength(SIGN_IN_LIMITS.account);
    expect(results.filter((r) => r === 'too many')).toHaveLength(4);
  });

  it('stops every account from an address with too many failures, and no other address', async () => {
    const mia = await member();
    const from = address();
    // Many emails, few failures each: a password spray, which only the address limit sees.
    const sprayed = Array.from({ length: SIGN_IN_LIMITS.address }, (_, i) => `spray.${i}.${uniqueSuffix()}@example.test`);
    const results = await Promise.all(sprayed.map((email) => outcome(email, 'Password123', from)));
    expect(new Set(results)).toEqual(new Set(['no match']));
    expect(await outcome(mia.email, DEMO_PASSWORD, from)).toBe('too many');
    expect(await outcome(mia.email, DEMO_PASSWORD, address())).toBe(`signed in as ${mia.email}`);
  });

  it('refuses a removed member with the right password like a wrong one', async () => {
    const mia = await member();
    await prisma.user.update({ where: { id: mia.id }, data: { deactivatedAt: new Date() } });
    expect(await outcome(mia.email, DEMO_PASSWORD, address())).toBe('no match');
  });

  it('lets a locked account in at once after an admin set a new password', async () => {
    const mia = await member();
    const from = address();
    await fail(SIGN_IN_LIMITS.account, mia.email, from);
    expect(await outcome(mia.email, DEMO_PASSWORD, from)).toBe('too many');
    await prisma.$transaction((tx) => clearAccountFailures(tx, mia.email));
    expect(await outcome(mia.email, DEMO_PASSWORD, from)).toBe(`signed in as ${mia.email}`);
  });

  it('has no shared bucket when the address is unknown: 60 failures with random emails lock nobody else out', async () => {
    const mia = await member();
    // More failures than the address limit, each with an email of its own, as a stranger needs no account for.
    const sprayed = Array.from({ length: 60 }, (_, i) => `spray.${i}.${uniqueSuffix()}@example.test`);
    const results = await Promise.all(sprayed.map((email) => outcome(email, 'Password123', null)));
    expect(new Set(results)).toEqual(new Set(['no match']));
    expect(await outcome(mia.email, DEMO_PASSWORD, null)).toBe(`signed in as ${mia.email}`);
    // Without an address the account limit still holds.
    await fail(SIGN_IN_LIMITS.account, mia.email, null);
    expect(await outcome(mia.email, DEMO_PASSWORD, null)).toBe('too many');
  });

  it('makes each attempt at an account wait a second longer per recent failure, up to the cap, and no other account', async () => {
    const [mia, max] = [await member(), await member()];
    const from = address();
    await fail(SIGN_IN_LIMITS.account - 1, mia.email, from);
    // The right password waits as long as a wrong one would, so the wait tells nothing.
    expect(await outcome(mia.email, DEMO_PASSWORD, from)).toBe(`signed in as ${mia.email}`);
    await fail(1, mia.email, from);
    expect(await outcome(mia.email, DEMO_PASSWORD, from)).toBe('too many');
    expect(await outcome(mia.email, DEMO_PASSWORD, from)).toBe('too many');
    expect(waits.get(mia.email)).toEqual([1_000, 2_000, 3_000, 4_000, 4_000, SIGN_IN_DELAY.maxMs, SIGN_IN_DELAY.maxMs]);
    expect(await outcome(max.email, DEMO_PASSWORD, from)).toBe(`signed in as ${max.email}`);
    expect(waits.get(max.email)).toBeUndefined();
  });
});
