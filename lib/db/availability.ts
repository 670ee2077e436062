/**
 * Is the database there? The one place that tells "the database is unreachable" apart from
 * every other error, for the health check, route handlers (503) and the error page, and a
 * probe with a deadline so that a health check never hangs on a dead connection (ADR 0016).
 */
import type { PrismaClient } from '@/lib/generated/prisma/client';

export const DATABASE_UNAVAILABLE_MESSAGE =
  'Claimdesk is temporarily unavailable: the database is not answering. Nothing saved is lost; try again in a moment.';

// Prisma: P1001 can't reach, P1002 timed out, P1008 operation timed out, P1017 server closed the connection,
// P2024 no connection from the pool in time, P2028 transaction could not start (or its connection went away).
const PRISMA_CODES = new Set(['P1001', 'P1002', 'P1008', 'P1017', 'P2024', 'P2028']);
// What @prisma/adapter-pg reports for a socket that failed.
const ADAPTER_KINDS = new Set(['DatabaseNotReachable', 'ConnectionClosed', 'SocketTimeout']);
// PostgreSQL: class 08 (connection exception), 57P01-57P03 (shutting down, cannot connect now), 53300 too many connections.
const SQLSTATE = /^(08...|57P0[123]|53300)$/;
// Node and node-postgres, when the adapter passes their errors on unchanged.
const MESSAGES =
  /Connection terminated|connection timeout|timeout exceeded when trying to connect|ECONNREFUSED|ECONNRESET|EPIPE|Can't reach database server|Client has encountered a connection error/i;

type Loose = { code?: unknown; message?: unknown; meta?: { driverAdapterError?: { cause?: { kind?: unknown; code?: unknown } } }; cause?: unknown };

export function isDatabaseUnavailable(err: unknown, depth = 0): boolean {
  if (!err || typeof err !== 'object' || depth > 3) return false;
  const e = err as Loose;
  if (
    typeof e.code === 'string' &&
    (PRISMA_CODES.has(e.code) || SQLSTATE.test(e.code) || /^E(CONNREFUSED|CONNRESET|PIPE|TIMEDOUT|HOSTUNREACH|NETUNREACH)$/.test(e.code))
  ) {
    return true;
  }
  const cause = e.meta?.driverAdapterError?.cause;
  if (cause && (ADAPTER_KINDS.has(String(cause.kind)) || (typeof cause.code === 'string' && SQLSTATE.test(cause.code)))) return true;
  if (typeof e.message === 'string' && MESSAGES.test(e.message)) return true;
  return isDatabaseUnavailable(e.cause, depth + 1);
}

/** What a route handler answers while the database is away. */
export function databaseUnavailableResponse(): Response {
  return Response.json({ error: DATABASE_UNAVAILABLE_MESSAGE }, { status: 503, headers: { 'Retry-After': '5', 'Cache-Control': 'no-store' } });
}

/** `SELECT 1` through the app's pool, given up after `timeoutMs` (the query itself may finish later). */
export async function probeDatabase(db: Pick<PrismaClient, '$queryRaw'>, timeoutMs = 2_000): Promise<'up' | 'down'> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<'down'>((resolve) => {
    timer = setTimeout(() => resolve('down'), timeoutMs);
  });
  const query = db.$queryRaw`SELECT 1`.then(
    () => 'up' as const,
    () => 'down' as const,
  );
  try {
    return await Promise.race([query, deadline]);
  } finally {
    clearTimeout(timer);
  }
}
