import 'server-only';
import type { z } from 'zod';
import { db } from '@/lib/db';
import { DATABASE_UNAVAILABLE_MESSAGE, isDatabaseUnavailable } from '@/lib/db/availability';
import { assertCan } from '@/lib/auth/permissions';
import { ConflictError, OperationError, refusalStatus } from '@/lib/operations/errors';
import { hitRateLimit } from '@/lib/api/rate-limit';
import { userForToken, type TokenUser } from '@/lib/api/tokens';
import type { ApiRouteDef, ErrorStatus } from '@/lib/api/routes';
import { parseInput, queryObject, type Parsed } from '@/lib/http/input';

/**
 * Builds a /api/v1 route handler from its definition. In order: bearer token (401), the
 * token's rate limit, counted in the database so that it holds across instances (429 with
 * Retry-After), scope (403), then params, query and JSON body through the definition's zod
 * schemas (400 for JSON that does not parse, 422 with field errors), then the route's work.
 * Every refusal is JSON: `{ error: { status, message, fieldErrors? } }`.
 */
export class ApiError extends Error {
  constructor(
    public readonly status: ErrorStatus | 500,
    message: string,
    public readonly fieldErrors?: Record<string, string[]>,
    public readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

type Input<D extends ApiRouteDef> = {
  user: TokenUser;
  params: D['params'] extends z.ZodObject ? z.output<D['params']> : Record<string, never>;
  query: D['query'] extends z.ZodObject ? z.output<D['query']> : Record<string, never>;
  body: D['body'] extends z.ZodObject ? z.output<D['body']> : Record<string, never>;
};

function errorJson(status: number, message: string, fieldErrors?: Record<string, string[]>, headers: Record<string, string> = {}) {
  return Response.json({ error: { status, message, ...(fieldErrors ? { fieldErrors } : {}) } }, { status, headers });
}

function parse<S extends z.ZodType | undefined>(schema: S, value: unknown): Parsed<S> {
  const parsed = parseInput(schema, value);
  if (!parsed.ok) throw new ApiError(422, parsed.message, parsed.fieldErrors);
  return parsed.data;
}

async function authenticate(request: Request): Promise<TokenUser> {
  const header = request.headers.get('authorization') ?? '';
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  if (!match) throw new ApiError(401, 'Send a personal access token: Authorization: Bearer cdk_… (make one in Settings → API tokens).');
  const user = await userForToken(db, match[1]);
  if (!user) throw new ApiError(401, 'That token is not valid: it was revoked, or never existed.');
  return user;
}

const RATE_LIMIT_WINDOW_SECONDS = 60;

export function apiRoute<D extends ApiRouteDef>(def: D, handle: (input: Input<D>, request: Request) => Promise<z.input<D['success']['schema']>>) {
  return async (request: Request, context: { params: Promise<Record<string, string>> }): Promise<Response> => {
    try {
      const user = await authenticate(request);
      const limit = await hitRateLimit(db, { key: `token:${user.tokenId}`, limit: user.rateLimitPerMinute, windowSeconds: RATE_LIMIT_WINDOW_SECONDS });
      if (!limit.allowed) {
        throw new ApiError(
          429,
          `Too many requests: this token may make ${user.rateLimitPerMinute} a minute. Try again in ${limit.retryAfterSeconds} s.`,
          undefined,
          {
            'Retry-After': String(limit.retryAfterSeconds),
          },
        );
      }
      if (def.scope === 'write' && user.scope !== 'write') throw new ApiError(403, 'This token is read-only. Make a token with write access to change things.');
      if (def.permission) assertCan(user, def.permission);
      const params = parse(def.params, await context.params);
      const query = parse(def.query, queryObject(new URL(request.url)));
      let rawBody: unknown = {};
      if (def.body) {
        try {
          rawBody = await request.json();
        } catch {
          throw new ApiError(400, 'The request body is not valid JSON.');
        }
        if (typeof rawBody !== 'object' || rawBody === null || Array.isArray(rawBody)) throw new ApiError(400, 'The request body must be a JSON object.');
      }
      const body = parse(def.body, rawBody);
      const result = await handle({ user, params, query, body } as Input<D>, request);
      return Response.json(result, { status: def.success.status });
    } catch (err) {
      if (err instanceof ApiError) return errorJson(err.status, err.message, err.fieldErrors, err.headers);
      const status = refusalStatus(err);
      if (status !== null) {
        const given = err instanceof OperationError ? err.fieldErrors : {};
        const fieldErrors = Object.fromEntries(Object.entries(given).filter((e): e is [string, string[]] => Boolean(e[1]?.length)));
        const conflict = err instanceof ConflictError ? { conflict: err.conflict } : {};
        return Response.json(
          { error: { status, message: (err as Error).message, ...(Object.keys(fieldErrors).length ? { fieldErrors } : {}), ...conflict } },
          { status },
        );
      }
      if (isDatabaseUnavailable(err)) return errorJson(503, DATABASE_UNAVAILABLE_MESSAGE, undefined, { 'Retry-After': '5' });
      console.error(err);
      return errorJson(500, 'Something went wrong on our side and nothing was saved. Try again in a moment.');
    }
  };
}

export function notFoundError(): ApiError {
  return new ApiError(404, 'That item does not exist or is not in your team.');
}
