import { afterEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import type { SessionUser } from '@/lib/auth/session';
import { DATABASE_UNAVAILABLE_MESSAGE } from '@/lib/db/availability';
import { RouteError, sessionRoute } from '@/lib/http/session-route';

const session = vi.hoisted(() => ({ user: null as SessionUser | null }));
vi.mock('@/lib/auth/session', () => ({ currentUser: async () => session.user }));

const member = (role: SessionUser['role']): SessionUser => ({ id: 'u1', name: 'Ed', email: 'ed@example.test', role, teamId: 't1', teamName: 'Desk' });

/** What a caller of a session route sees, in the order the wrapper checks. */
describe('sessionRoute', () => {
  afterEach(() => vi.restoreAllMocks());

  const route = sessionRoute(
    {
      does: 'open the thing',
      permission: 'claim.review',
      params: z.object({ thingId: z.string().max(3, 'Too long.') }),
      query: z.object({ n: z.coerce.number().int().default(1) }),
    },
    async ({ user, params, query }) => {
      if (params.thingId === 'nil') throw new RouteError(404, 'No such thing.');
      if (params.thingId === 'db') throw Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
      if (params.thingId === 'bug') throw new Error('a bug');
      return Response.json({ user: user.id, thing: params.thingId, n: query.n });
    },
  );
  const call = async (thingId: string, search = '') => {
    const response = await route(new Request(`http://desk.test/things/${thingId}${search}`), { params: Promise.resolve({ thingId }) });
    return { status: response.status, body: await response.json(), cache: response.headers.get('Cache-Control') };
  };

  it('answers 401 signed out and 403 to a role without the permission, naming who may', async () => {
    session.user = null;
    expect(await call('abc')).toEqual({ status: 401, body: { error: 'Sign in to open the thing.' }, cache: 'no-store' });
    session.user = member('checker');
    expect(await call('abc')).toEqual({ status: 403, body: { error: 'Only admins and editors open the thing.' }, cache: 'no-store' });
  });

  it('parses params and query with their schemas: 422 with field errors when they do not fit', async () => {
    session.user = member('editor');
    expect(await call('abc', '?n=2&n=5')).toMatchObject({ status: 200, body: { user: 'u1', thing: 'abc', n: 2 } });
    expect(await call('abc')).toMatchObject({ status: 200, body: { n: 1 } });
    expect(await call('abcd')).toEqual({ status: 422, body: { error: 'Not valid. Too long.', fieldErrors: { thingId: ['Too long.'] } }, cache: 'no-store' });
    expect(await call('abc', '?n=x')).toMatchObject({ status: 422, body: { fieldErrors: { n: [expect.any(String)] } } });
  });

  it('maps what the work throws: its RouteError status, 503 while the database is away, else 500', async () => {
    session.user = member('admin');
    vi.spyOn(console, 'error').mockImplementation(() => {});
    expect(await call('nil')).toEqual({ status: 404, body: { error: 'No such thing.' }, cache: 'no-store' });
    expect(await call('db')).toEqual({ status: 503, body: { error: DATABASE_UNAVAILABLE_MESSAGE }, cache: 'no-store' });
    expect(await call('bug')).toMatchObject({ status: 500, body: { error: expect.stringMatching(/^Something went wrong/) } });
    expect(console.error).toHaveBeenCalledTimes(1);
  });
});
