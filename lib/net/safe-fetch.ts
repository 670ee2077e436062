/**
 * Server-side HTTP(S) requests to addresses a user typed (article imports, webhooks) without
 * letting them reach the desk's own network. Every hop resolves the host itself, refuses the
 * request if any resolved address is not public, and connects to exactly the addresses it
 * checked (through the socket's `lookup`), so DNS rebinding cannot swap in another address
 * between check and connect. Time and size are bounded; redirects are followed by hand and
 * each hop is checked again. See docs/decisions/0009-import-from-url-html-docx.md.
 */
import dns from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import zlib from 'node:zlib';
import type { Readable } from 'node:stream';
import { env } from '@/lib/env';
import { isPublicAddress } from '@/lib/net/address';

export type SafeFetchOptions = {
  method?: string;
  headers?: Record<string, string>;
  body?: string;
  /** The whole exchange, redirects included. Default 10 s. */
  timeoutMs?: number;
  /** Of the decoded body. Default 5 MB. */
  maxBytes?: number;
  /** Reach private, loopback and link-local addresses too. Default: `CLAIMDESK_ALLOW_PRIVATE_URLS === '1'`. */
  allowPrivate?: boolean;
  /** Follow redirects (each hop checked again). Default true; false returns the redirect itself, and nothing goes to its target. */
  followRedirects?: boolean;
};

export type SafeFetchResponse = {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
  /** The address that answered, after redirects. */
  finalUrl: string;
};

export type SafeFetchErrorCode =
  'invalid_url' | 'unsupported_protocol' | 'private_address' | 'not_found' | 'unreachable' | 'timeout' | 'too_large' | 'too_many_redirects';

/** A refusal or failure whose message can be shown to the user as it is. */
export class SafeFetchError extends Error {
  constructor(
    public readonly code: SafeFetchErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'SafeFetchError';
  }
}

const DEFAULT_TIMEOUT_MS = 10_000;
const DEFAULT_MAX_BYTES = 5 * 1024 * 1024;
const MAX_REDIRECTS = 5;

const PRIVATE_MESSAGE = 'That address is on a private network; Claimdesk only fetches public pages.';
const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);
/** Credentials meant for one site are not forwarded to another one a redirect points at. */
const ORIGIN_BOUND_HEADERS = ['authorization', 'cookie', 'proxy-authorization'];

function formatSeconds(ms: number) {
  const s = Math.round(ms / 100) / 10;
  return `${s} ${s === 1 ? 'second' : 'seconds'}`;
}

function formatMegabytes(bytes: number) {
  const mb = bytes / (1024 * 1024);
  return mb >= 1 ? `${Math.round(mb * 10) / 10} MB` : `${Math.round(bytes / 1024)} KB`;
}

type LookupCallback = (err: NodeJS.ErrnoException | null, address: string | dns.LookupAddress[], family?: number) => void;

/** A `lookup` for net/tls that resolves, refuses the whole answer if any address is private, and hands on only what it checked. */
function checkedLookup(allowPrivate: boolean) {
  return (hostname: string, options: dns.LookupOptions, callback: LookupCallback) => {
    dns.lookup(hostname, { ...options, all: true }, (err, addresses) => {
      if (err) {
        const notFound = err.code === 'ENOTFOUND' || err.code === 'EAI_AGAIN' || err.code === 'ENODATA';
        return callback(notFound ? new SafeFetchError('not_found', `No site answers at ${hostname}. Check the address.`, { cause: err }) : err, []);
      }
      if (!allowPrivate && addresses.some((a) => !isPublicAddress(a.address))) {
        return callback(new SafeFetchError('private_address', PRIVATE_MESSAGE) as NodeJS.ErrnoException, []);
      }
      if (options.all) return callback(null, addresses);
      const [first] = addresses;
      if (!first) return callback(new SafeFetchError('not_found', `No site answers at ${hostname}. Check the address.`), []);
      callback(null, first.address, first.family);
    });
  };
}

function parseUrl(raw: string, base?: string): URL {
  let url: URL;
  try {
    url = new URL(raw, base);
  } catch {
    throw new SafeFetchError('invalid_url', 'That is not a web address. Use one that starts with https://.');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new SafeFetchError('unsupported_protocol', 'Only http:// and https:// addresses can be fetched.');
  }
  return url;
}

function flattenHeaders(headers: http.IncomingHttpHeaders): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined) out[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return out;
}

function decoded(res: http.IncomingMessage): Readable {
  switch ((res.headers['content-encoding'] ?? '').trim().toLowerCase()) {
    case 'gzip':
    case 'x-gzip':
      return res.pipe(zlib.createGunzip());
    case 'deflate':
      return res.pipe(zlib.createInflate());
    case 'br':
      return res.pipe(zlib.createBrotliDecompress());
    default:
      return res;
  }
}

type Hop = { url: URL; method: string; headers: Record<string, string>; body?: string };
type HopResult = { status: number; headers: Record<string, string>; body: Buffer; location?: string };

function requestOnce(hop: Hop, limits: { allowPrivate: boolean; maxBytes: number; signal: AbortSignal }): Promise<HopResult> {
  const { url } = hop;
  const hostname = url.hostname.replace(/^\[(.*)\]$/, '$1');
  // net.connect skips `lookup` for a literal address, so a literal is checked here.
  if (net.isIP(hostname) && !limits.allowPrivate && !isPublicAddress(hostname)) {
    return Promise.reject(new SafeFetchError('private_address', PRIVATE_MESSAGE));
  }
  const tooLarge = () => new SafeFetchError('too_large', `The page is larger than ${formatMegabytes(limits.maxBytes)}.`);
  const transport = url.protocol === 'https:' ? https : http;

  return new Promise<HopResult>((resolve, reject) => {
    let settled = false;
    const settle = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      outcome();
    };
    const fail = (err: Error) => {
      settle(() => reject(err));
      req.destroy();
    };
    const req = transport.request(
      {
        protocol: url.protocol,
        hostname,
        port: url.port || undefined,
        path: `${url.pathname}${url.search}`,
        method: hop.method,
        headers: { 'accept-encoding': 'gzip, deflate, br', ...hop.headers },
        lookup: checkedLookup(limits.allowPrivate) as unknown as net.LookupFunction,
        agent: false,
        signal: limits.signal,
      },
      (res) => {
        const status = res.statusCode ?? 0;
        const headers = flattenHeaders(res.headers);
        if (REDIRECT_STATUSES.has(status) && headers.location) {
          settle(() => resolve({ status, headers, body: Buffer.alloc(0), location: headers.location }));
          req.destroy();
          return;
        }
        const declared = Number(res.headers['content-length']);
        if (!res.headers['content-encoding'] && Number.isFinite(declared) && declared > limits.maxBytes) return fail(tooLarge());
        const chunks: Buffer[] = [];
        let size = 0;
        const stream = decoded(res);
        stream.on('data', (chunk: Buffer) => {
          size += chunk.length;
          if (size > limits.maxBytes) {
            stream.destroy();
            return fail(tooLarge());
          }
          chunks.push(chunk);
        });
        stream.on('end', () => settle(() => resolve({ status, headers, body: Buffer.concat(chunks) })));
        stream.on('error', (err) =>
          fail(stream === res ? err : new SafeFetchError('unreachable', 'The page could not be read: its content is damaged.', { cause: err })),
        );
        res.on('error', fail);
        res.on('close', () => {
          if (!res.complete) fail(new Error('The connection closed before the page was complete.'));
        });
      },
    );
    req.on('error', fail);
    req.end(hop.body);
  });
}

function asSafeFetchError(err: unknown, signal: AbortSignal, timeoutMs: number, host: string): SafeFetchError {
  if (signal.aborted) return new SafeFetchError('timeout', `The page took longer than ${formatSeconds(timeoutMs)} to answer.`, { cause: err });
  if (err instanceof SafeFetchError) return err;
  const code = (err as NodeJS.ErrnoException | undefined)?.code ?? '';
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return new SafeFetchError('not_found', `No site answers at ${host}. Check the address.`, { cause: err });
  if (code.startsWith('ERR_TLS') || code.includes('CERT') || code === 'DEPTH_ZERO_SELF_SIGNED_CERT') {
    return new SafeFetchError('unreachable', `${host} did not present a valid security certificate.`, { cause: err });
  }
  return new SafeFetchError('unreachable', `${host} could not be reached. Check the address or try again later.`, { cause: err });
}

/**
 * Fetch `url` within the limits above. Any status is returned (callers decide what a 404 means);
 * refusals and failures throw a `SafeFetchError` with a message fit for the user.
 */
export async function safeFetch(url: string, opts: SafeFetchOptions = {}): Promise<SafeFetchResponse> {
  const timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const maxBytes = opts.maxBytes ?? DEFAULT_MAX_BYTES;
  const allowPrivate = opts.allowPrivate ?? env.CLAIMDESK_ALLOW_PRIVATE_URLS === '1';
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);

  let hop: Hop = {
    url: parseUrl(url.trim()),
    method: (opts.method ?? 'GET').toUpperCase(),
    headers: Object.fromEntries(Object.entries(opts.headers ?? {}).map(([k, v]) => [k.toLowerCase(), v])),
    body: opts.body,
  };
  try {
    for (let redirects = 0; ; redirects++) {
      let result: HopResult;
      try {
        result = await requestOnce(hop, { allowPrivate, maxBytes, signal: controller.signal });
      } catch (err) {
        throw asSafeFetchError(err, controller.signal, timeoutMs, hop.url.host);
      }
      if (!result.location || opts.followRedirects === false)
        return { status: result.status, headers: result.headers, body: result.body, finalUrl: hop.url.href };
      if (redirects >= MAX_REDIRECTS) {
        throw new SafeFetchError('too_many_redirects', `The page redirected more than ${MAX_REDIRECTS} times; give the final address instead.`);
      }
      const next = parseUrl(result.location, hop.url.href);
      // As browsers do: 303, and 301/302 after a POST, continue as a GET without the body.
      const asGet = result.status === 303 || ((result.status === 301 || result.status === 302) && hop.method === 'POST');
      const headers = { ...hop.headers };
      if (next.origin !== hop.url.origin) for (const name of ORIGIN_BOUND_HEADERS) delete headers[name];
      if (asGet) {
        delete headers['content-type'];
        delete headers['content-length'];
      }
      hop = { url: next, method: asGet ? 'GET' : hop.method, headers, body: asGet ? undefined : hop.body };
    }
  } finally {
    clearTimeout(timer);
  }
}
