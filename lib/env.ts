import { z } from 'zod';

/** Process environment, parsed once. Scripts set these before the app starts (scripts/start.ts). */
const schema = z.object({
  DATABASE_URL: z.string().min(1).optional(),
  /** Set by the launcher when DATABASE_URL points at the embedded PGlite socket: one session only. */
  CLAIMDESK_EMBEDDED: z.enum(['0', '1']).default('0'),
  CLAIMDESK_DATA_DIR: z.string().default('.data'),
  AUTH_SECRET: z.string().min(16).optional(),
  /** The AUTH_SECRET before a change, while every process seals webhook secrets again with the new one (lib/webhooks/secret-box.ts). */
  CLAIMDESK_PREVIOUS_AUTH_SECRET: z.string().min(16).optional(),
  PORT: z.coerce.number().int().positive().default(3000),
  /** '1' lets imports from a URL and webhooks reach private, loopback and link-local addresses (tests, intranets). */
  CLAIMDESK_ALLOW_PRIVATE_URLS: z.enum(['0', '1']).default('0'),
  /** '1' behind a reverse proxy that appends the client to X-Forwarded-For: sign-in limits then count per client address. */
  CLAIMDESK_TRUST_PROXY: z.enum(['0', '1']).default('0'),
  /** Address of the public fact-check pages in ClaimReview and links, e.g. https://factcheck.example; else taken from the request. */
  CLAIMDESK_PUBLIC_URL: z.string().url().optional(),
  /** First retry delay of a failed webhook delivery; each later one doubles it. */
  CLAIMDESK_WEBHOOK_RETRY_MS: z.coerce.number().int().positive().default(30_000),
  /** How often each app instance records the notices of claims that became overdue (lib/jobs/overdue-sweep.ts). */
  CLAIMDESK_OVERDUE_SWEEP_MS: z.coerce.number().int().positive().default(30_000),
  /** How often an open live-updates stream checks that its session and member are still as they were (app/api/events). */
  CLAIMDESK_LIVE_RECHECK_MS: z.coerce.number().int().positive().default(30_000),
});

export const env = schema.parse(process.env);

export function databaseUrl(): string {
  if (!env.DATABASE_URL) {
    throw new Error('DATABASE_URL is not set. Start the app with `npm start`, which provides the embedded database.');
  }
  return env.DATABASE_URL;
}
