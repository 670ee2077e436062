import 'server-only';
import { createHash } from 'node:crypto';
import { Prisma, type PrismaClient } from '@/lib/generated/prisma/client';
import { hitRateLimit } from '@/lib/api/rate-limit';
import { sqlTimestamp } from '@/lib/db/sql';

/**
 * Failed sign-ins, counted in the database (lib/api/rate-limit.ts) so every app instance shares
 * the counts: per account (the email as typed, whether or not it has an account) and, when it can
 * be known (lib/auth/client-address.ts), per client address. An address that cannot be known has
 * no counter at all: one bucket shared by every client would let anyone lock everyone out. Each
 * recent failure of an account also makes its next attempts wait a little longer.
 * ADR 0014 and ADR 0023 give the reasons for the numbers.
 */
export const SIGN_IN_WINDOW_SECONDS = 15 * 60;
export const SIGN_IN_LIMITS = { account: 5, address: 50 } as const;
/** The wait before an attempt is answered: this much per failure of its account in the window, at most `maxMs`. */
export const SIGN_IN_DELAY = { perFailureMs: 1_000, maxMs: 5_000 } as const;

/** Keys hold a hash of the email, so the table keeps no list of the addresses people typed. */
function accountKey(email: string): string {
  return `signin:account:${createHash('sha256').update(email.trim().toLowerCase()).digest('hex').slice(0, 32)}`;
}

function addressKey(address: string): string {
  return `signin:address:${address}`;
}

export type SignInAttempt = {
  /** False when the account, or the known address, has had too many failures in this window. */
  allowed: boolean;
  /** How long to wait before answering: grows with the account's recent failures, right password or not. */
  delayMs: number;
  /** Call when the password was right: the attempt then does not count as a failure. */
  succeeded: () => Promise<void>;
};

/**
 * Counts the attempt as a failure before the password is checked, so that parallel guesses cannot
 * all pass a check made before any of them failed; a successful sign-in takes its count back. A
 * success therefore never counts against the account or address, and is refused only when one of
 * the two is over its limit.
 */
export async function reserveSignInAttempt(
  prisma: PrismaClient,
  { email, address, now = new Date() }: { email: string; address: string | null; now?: Date },
): Promise<SignInAttempt> {
  const keys: { key: string; limit: number }[] = [{ key: accountKey(email), limit: SIGN_IN_LIMITS.account }];
  if (address !== null) keys.push({ key: addressKey(address), limit: SIGN_IN_LIMITS.address });
  const hits = await Promise.all(keys.map(({ key, limit }) => hitRateLimit(prisma, { key, limit, windowSeconds: SIGN_IN_WINDOW_SECONDS, now })));
  // The window hitRateLimit counted in (fixed windows from the epoch).
  const windowMs = SIGN_IN_WINDOW_SECONDS * 1000;
  const windowStart = new Date(Math.floor(now.getTime() / windowMs) * windowMs);
  // Attempts before this one that still count: failures, and parallel attempts not yet answered.
  const earlierFailures = hits[0].count - 1;
  return {
    allowed: hits.every((h) => h.allowed),
    delayMs: Math.min(SIGN_IN_DELAY.maxMs, earlierFailures * SIGN_IN_DELAY.perFailureMs),
    succeeded: async () => {
      await prisma.$executeRaw`
        UPDATE "RateLimit" SET "count" = "count" - 1
        WHERE "key" IN (${Prisma.join(keys.map((k) => k.key))}) AND "windowStart" = ${sqlTimestamp(windowStart)} AND "count" > 0`;
    },
  };
}

/** After an admin sets a new password the account may sign in at once (its address may still be over). */
export async function clearAccountFailures(tx: Prisma.TransactionClient, email: string): Promise<void> {
  await tx.rateLimit.deleteMany({ where: { key: accountKey(email) } });
}
