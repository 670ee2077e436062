import 'server-only';
import type { z } from 'zod';
import { currentUser, type SessionUser } from '@/lib/auth/session';
import { can, ForbiddenError, PERMISSIONS, type Permission } from '@/lib/auth/permissions';
import { databaseUnavailableResponse, isDatabaseUnavailable } from '@/lib/db/availability';
import { parseInput, queryObject, type Parsed } from '@/lib/http/input';

/**
 * Builds a route handler for the signed-in desk in the browser (exports, the live stream), which
 * sends the session cookie; the token API has its own (lib/api/handler.ts). In order: the
 * session (401), the role's permission (403), params and query through zod (422), then the
 * route's work, whose RouteError answers its own status. A database that is away is a 503.
 * Every refusal is JSON `{ error, fieldErrors? }` and never cached.
 */
export class RouteError extends Error {
  constructor(
    public readonly status: 400 | 403 | 404 | 409 | 422,
    message: string,
    public readonly fieldErrors?: Record<string, string[]>,
  ) {
    super(message);
    this.name = 'RouteError';
  }
}

type SessionRouteDef<P extends z.ZodObject | undefined, Q extends z.ZodObject | undefined> = {
  /** What the route lets a member do, worded for refusals: "export claims" → "Sign in to export claims." */
  does: string;
  /** Beyond being a signed-in member of a team. */
  permission?: Permission;
  params?: P;
  query?: Q;
};

type Input<P, Q> = { user: SessionUser; params: Parsed<P>; query: Parsed<Q> };

function refusal(status: number, error: string, fieldErrors?: Record<string, string[]>): Response {
  return Response.json({ error, ...(fieldErrors ? { fieldErrors } : {}) }, { status, headers: { 'Cache-Control': 'no-store' } });
}

/** "admins", "admins and editors": who holds a permission, from the role table. */
function holders(permission: Permission): string {
  const roles = PERMISSIONS[permission].map((role) => `${role}s`);
  return roles.length > 1 ? `${roles.slice(0, -1).join(', ')} and ${roles.at(-1)}` : roles[0];
}

function parse<S extends z.ZodObject | undefined>(schema: S, value: unknown): Parsed<S> {
  const parsed = parseInput(schema, value);
  if (!parsed.ok) throw new RouteError(422, parsed.message, parsed.fieldErrors);
  return parsed.data;
}

export function sessionRoute<P extends z.ZodObject | undefined = undefined, Q extends z.ZodObject | undefined = undefined>(
  def: SessionRouteDef<P, Q>,
  handle: (input: Input<P, Q>, request: Request) => Promise<Response>,
) {
  return async (request: Request, context?: { params: Promise<Record<string, string>> }): Promise<Response> => {
    try {
      const user = await currentUser();
      if (!user) return refusal(401, `Sign in to ${def.does}.`);
      if (def.permission && !can(user, def.permission)) return refusal(403, `Only ${holders(def.permission)} ${def.does}.`);
      const params = parse(def.params as P, (await context?.params) ?? {});
      const query = parse(def.query as Q, queryObject(new URL(request.url)));
      return await handle({ user, params, query }, request);
    } catch (err) {
      if (err instanceof RouteError) return refusal(err.status, err.message, err.fieldErrors);
      if (err instanceof ForbiddenError) return refusal(403, err.message);
      if (isDatabaseUnavailable(err)) return databaseUnavailableResponse();
      console.error(err);
      return refusal(500, 'Something went wrong on our side. Try again in a moment.');
    }
  };
}
