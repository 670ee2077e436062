import { describe, expect, it } from 'vitest';
import { isDatabaseUnavailable, probeDatabase } from '@/lib/db/availability';

const adapter = (kind: string) => Object.assign(new Error('Invalid invocation'), { code: 'P2010', meta: { driverAdapterError: { cause: { kind } } } });

describe('isDatabaseUnavailable', () => {
  it.each([
    ['Prisma cannot reach the server', Object.assign(new Error("Can't reach database server"), { code: 'P1001' })],
    ['a transaction that could not start', Object.assign(new Error('Unable to start a transaction in the given time.'), { code: 'P2028' })],
    ['a raw query whose adapter reports DatabaseNotReachable', adapter('DatabaseNotReachable')],
    ['a closed connection', adapter('ConnectionClosed')],
    ['node-postgres losing its socket', new Error('Connection terminated unexpectedly')],
    ['a connection timeout', new Error('Connection terminated due to connection timeout')],
    ['a server shutting down (57P01)', Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' })],
    ['a socket error as the cause', new Error('query failed', { cause: Object.assign(new Error('connect'), { code: 'ECONNREFUSED' }) })],
  ])('is true for %s', (_name, err) => {
    expect(isDatabaseUnavailable(err)).toBe(true);
  });

  it.each([
    ['a unique violation', Object.assign(new Error('Unique constraint failed'), { code: 'P2002' })],
    ['a refused audit change', Object.assign(new Error('AuditEvent is append-only: UPDATE refused'), { code: '42501' })],
    ['a programming error', new TypeError("Cannot read properties of undefined (reading 'id')")],
    ['nothing', null],
  ])('is false for %s', (_name, err) => {
    expect(isDatabaseUnavailable(err)).toBe(false);
  });
});

describe('probeDatabase', () => {
  it('says up when SELECT 1 answers, down when it fails, and down by the deadline when it hangs', async () => {
    const answering = { $queryRaw: () => Promise.resolve([{ '?column?': 1 }]) };
    const failing = { $queryRaw: () => Promise.reject(new Error('Connection terminated unexpectedly')) };
    const hanging = { $queryRaw: () => new Promise(() => {}) };
    expect(await probeDatabase(answering as never)).toBe('up');
    expect(await probeDatabase(failing as never)).toBe('down');
    expect(await probeDatabase(hanging as never, 50)).toBe('down');
  });
});
