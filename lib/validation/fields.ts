import { z } from 'zod';

// Zod compiles object parsers with new Function() when eval is allowed, and probes for it once;
// the Content-Security-Policy forbids eval, so in the browser that probe is a CSP violation.
// Every schema imports this module, so this runs before any schema is built (ADR 0015).
z.config({ jitless: true });

/** Form fields arrive as strings; an empty optional field means "not given". */
export const optionalText = (max: number, label: string) =>
  z
    .string()
    .trim()
    .max(max, `${label} must be at most ${max} characters.`)
    .optional()
    .transform((v) => (v ? v : undefined));

export const requiredText = (max: number, label: string) =>
  z
    .string({ error: `${label} is required.` })
    .trim()
    .min(1, `${label} is required.`)
    .max(max, `${label} must be at most ${max} characters.`);

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
  z
    .string({ error: `${label} is required.` })
    .trim()
    .min(1, `${label} is required.`)
    .max(2048, `${label} is too long.`)
    .refine(isWebUrl, `${label} must be a web address starting with http:// or https://.`);

export const optionalWebUrl = (label: string) =>
  z
    .string()
    .trim()
    .max(2048, `${label} is too long.`)
    .optional()
    .refine((v) => !v || isWebUrl(v), `${label} must be a web address starting with http:// or https://.`)
    .transform((v) => (v ? v : undefined));

export const optionalDate = (label: string) =>
  z
    .string()
    .trim()
    .optional()
    .refine((v) => !v || !Number.isNaN(Date.parse(v)), `${label} is not a valid date.`)
    .transform((v) => (v ? new Date(v) : undefined));

export const id = z.string().trim().min(1).max(64);
