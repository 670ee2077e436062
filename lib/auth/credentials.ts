import 'server-only';
// next-auth re-exports this very class; its own entry needs Next.js's runtime, which tests do not load.
import { CredentialsSignin } from '@auth/core/errors';
import { db } from '@/lib/db';
import { verifyPassword } from '@/lib/auth/password';
import { reserveSignInAttempt } from '@/lib/auth/sign-in-limit';
import { loginSchema } from '@/lib/validation/team';

/** Too many failures for the account or from the address: said the same way whether or not the account exists. */
export class TooManySignIns extends CredentialsSignin {
  code = 'too_many_attempts';
}

// Spent on unknown emails and refused attempts too, so the response time does not tell whether an account exists.
const DUMMY_HASH = '$argon2id$v=19$m=19456,t=2,p=1$aMF+azMEnvwBm9xEyN5Y8Q$9pdUHAxJGi+/v/mRmN1mts8tp8whpNERzYVyE8b8r08';

const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * The Credentials provider's check: the member for a right email and password, else a
 * CredentialsSignin (TooManySignIns over the limits of lib/auth/sign-in-limit.ts). `address` is
 * the client's rate-limit bucket from lib/auth/client-address.ts, null when unknown. Every
 * attempt first waits the delay its account's recent failures call for (`sleep`, for tests).
 */
export async function authorizeCredentials(
  raw: unknown,
  address: string | null,
  { now = new Date(), sleep = wait }: { now?: Date; sleep?: (ms: number) => Promise<void> } = {},
) {
  const parsed = loginSchema.safeParse(raw);
  if (!parsed.success) throw new CredentialsSignin();
  const { email, password } = parsed.data;
  const attempt = await reserveSignInAttempt(db, { email, address, now });
  if (attempt.delayMs > 0) await sleep(attempt.delayMs);
  if (!attempt.allowed) {
    // Not even the right password gets through now, and the dummy check keeps the timing of a real one.
    await verifyPassword(DUMMY_HASH, password);
    throw new TooManySignIns();
  }
  const user = await db.user.findUnique({
    where: { email },
    select: { id: true, email: true, name: true, passwordHash: true, sessionVersion: true, deactivatedAt: true },
  });
  const ok = await verifyPassword(user?.passwordHash ?? DUMMY_HASH, password);
  // A removed member is refused like a wrong password, and it counts as a failure.
  if (!user || !ok || user.deactivatedAt) throw new CredentialsSignin();
  await attempt.succeeded();
  return { id: user.id, email: user.email, name: user.name, sessionVersion: user.sessionVersion };
}
