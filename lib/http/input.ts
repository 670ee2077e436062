import type { z } from 'zod';

/**
 * Route input through zod, for both kinds of route handler: the token API (lib/api/handler.ts)
 * and the session routes (lib/http/session-route.ts). Bad input is a 422 with a message that
 * repeats every problem and the problems by field.
 */
type InvalidInput = { message: string; fieldErrors: Record<string, string[]> };

export type Parsed<S> = S extends z.ZodType ? z.output<S> : Record<string, never>;

/** `value` through `schema` (no schema: nothing to parse, `{}`). */
export function parseInput<S extends z.ZodType | undefined>(schema: S, value: unknown): { ok: true; data: Parsed<S> } | ({ ok: false } & InvalidInput) {
  if (!schema) return { ok: true, data: {} as Parsed<S> };
  const parsed = schema.safeParse(value);
  if (parsed.success) return { ok: true, data: parsed.data as Parsed<S> };
  const fieldErrors: Record<string, string[]> = {};
  for (const issue of parsed.error.issues) (fieldErrors[String(issue.path[0] ?? 'body')] ??= []).push(issue.message);
  return { ok: false, message: `Not valid. ${[...new Set(parsed.error.issues.map((i) => i.message))].join(' ')}`, fieldErrors };
}

/** A query string as a plain object: each name once, with its first value. */
export function queryObject(url: URL): Record<string, string> {
  return Object.fromEntries([...new Set(url.searchParams.keys())].map((k) => [k, url.searchParams.get(k)!]));
}
