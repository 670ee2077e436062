import { z } from 'zod';

// Zod compiles object parsers with new Function() when eval is allowed, and probes for it once;
// the Content-Security-Policy forbids eval, so in the browser that probe is a CSP violation.
// Every schema imports this module, so this runs before any schema is built (ADR 0015).
z.config({ jitless: true });

/**
 * What PostgreSQL can store, checked before it is asked to (ADR 0024). A text column refuses
 * NUL, and a `jsonb` value (audit events, webhook payloads) refuses NUL and half of a surrogate
 * pair; JavaScript strings allow both, so every text field refuses them here, with a sentence,
 * instead of the database refusing them with a 500.
 */
const UNPAIRED_SURROGATE = /\p{Surrogate}/u;

export const hasNul = (value: string) => value.includes('\u0000');
export const hasUnpairedSurrogate = (value: string) => UNPAIRED_SURROGATE.test(value);

/** A string that can be stored as text: no NUL character, no unpaired surrogate. */
export const storableString = (label: string, typeError = `${label} must be text.`) =>
  z
    .string({ error: typeError })
    .refine((v) => !hasNul(v), { error: `${label} contains a NUL character, which cannot be stored. Remove it.`, abort: true })
    .refine((v) => !hasUnpairedSurrogate(v), { error: `${label} contains a broken character (half of a surrogate pair). Remove it.`, abort: true });

/** Form fields arrive as strings; an empty optional field means "not given". */
export const optionalText = (max: number, label: string) =>
  storableString(label)
    .trim()
    .max(max, `${label} must be at most ${max} characters.`)
    .optional()
    .transform((v) => (v ? v : undefined));

export const requiredText = (max: number, label: string) =>
  storableString(label, `${label} is required.`).trim().min(1, `${label} is required.`).max(max, `${label} must be at most ${max} characters.`);

/** Free text that may be empty (a comment, a restatement), trimmed. */
export const plainText = (max: number, label: string, tooLong = `${label} must be at most ${max.toLocaleString('en-US')} characters.`) =>
  storableString(label).trim().max(max, tooLong);

/** An absolute http(s) address: the only kind of stored URL the app ever renders as a link. */
export function isWebUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && Boolean(url.hostname);
  } catch {
    return false;
  }
}

/** Links a reader can open: http and https only (no javascript:, data:, file: …). */
export const webUrl = (label: string) =>
  storableString(label, `${label} is required.`)
    .trim()
    .min(1, `${label} is required.`)
    .max(2048, `${label} is too long.`)
    .refine(isWebUrl, `${label} must be a web address starting with http:// or https://.`);

export const optionalWebUrl = (label: string) =>
  storableString(label)
    .trim()
    .max(2048, `${label} is too long.`)
    .optional()
    .refine((v) => !v || isWebUrl(v), `${label} must be a web address starting with http:// or https://.`)
    .transform((v) => (v ? v : undefined));

/**
 * The years a date typed on the desk may fall in (a due date, a publication date). Wide enough
 * for any article a desk checks and any deadline it sets; narrow enough that a slip of the
 * keyboard (99999, year 0) is refused with a sentence rather than stored, or refused by the
 * database with a 500.
 */
export const MIN_YEAR = 1900;
export const MAX_YEAR = 2200;

const yearOf = (date: Date) => date.getUTCFullYear();

export const optionalDate = (label: string) =>
  storableString(label)
    .trim()
    .optional()
    .refine((v) => !v || !Number.isNaN(Date.parse(v)), { error: `${label} is not a valid date.`, abort: true })
    .refine((v) => !v || (yearOf(new Date(v)) >= MIN_YEAR && yearOf(new Date(v)) <= MAX_YEAR), `${label} must be between ${MIN_YEAR} and ${MAX_YEAR}.`)
    .transform((v) => (v ? new Date(v) : undefined));

/**
 * A timestamp as ISO 8601 that the database can store: years 0001 to 9999. For data the app
 * wrote itself (list cursors, team exports), which may hold any date the desk ever accepted.
 */
export const storableIsoDate = z.iso.datetime().refine((v) => !v.startsWith('0000'), 'The year 0 does not exist.');

/**
 * Why `value` (parsed JSON) cannot be stored as `jsonb`, or null when it can: a string or key
 * with a NUL or half a surrogate pair, or nesting deeper than `maxDepth`. Walked with a stack of
 * its own, so a file nested a million deep is refused rather than overflowing ours.
 */
export function jsonProblem(value: unknown, maxDepth = 32): string | null {
  const pending: [unknown, number][] = [[value, 0]];
  while (pending.length) {
    const [node, depth] = pending.pop()!;
    if (typeof node === 'string') {
      if (hasNul(node) || hasUnpairedSurrogate(node)) return 'holds text with a NUL character or a broken character, which cannot be stored';
    } else if (node !== null && typeof node === 'object') {
      if (depth >= maxDepth) return `is nested more than ${maxDepth} deep`;
      for (const [key, child] of Object.entries(node)) pending.push([key, depth + 1], [child, depth + 1]);
    } else if (typeof node === 'number' ? !Number.isFinite(node) : typeof node !== 'boolean' && node !== null) {
      return 'is not JSON';
    }
  }
  return null;
}

/** PostgreSQL's `integer`: versions, offsets and positions are stored in it. */
export const INT4_MAX = 2_147_483_647;

/** A whole number from a form field or JSON, from 0 up to what an `integer` column holds. */
export const int4 = (label: string, typeError = `${label} must be a number.`) =>
  z.coerce.number({ error: typeError }).int(`${label} must be a whole number.`).min(0, `${label} cannot be negative.`).max(INT4_MAX, `${label} is too large.`);

/** The version of a row as it was read (optimistic locking); an `integer` column. */
export const version = int4('Version');

export const id = storableString('Id').trim().min(1).max(64);
