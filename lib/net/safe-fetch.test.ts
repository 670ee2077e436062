import dns from 'node:dns';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import zlib from 'node:zlib';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { safeFetch, SafeFetchError, type SafeFetchErrorCode } from '@/lib/net/safe-fetch';

/** Addresses a test treats as public, to get a first hop to the local server past the check. */
const treatedAsPublic = vi.hoisted(() => new Set<string>());
vi.mock('@/lib/net/address', async (importOriginal) => {
  const actual = await importOriginal<typeof import('@/lib/net/address')>();
  return { isPublicAddress: (address: string) => treatedAsPublic.has(address) || actual.isPublicAddress(address) };
});

type LookupMock = (host: string, options: dns.LookupOptions, callback: (err: NodeJS.ErrnoException | null, addresses: dns.LookupAddress[]) => void) => void;
/** Answer every DNS lookup with `answer(host, call)`; the real resolver is never asked. */
function fakeDns(answer: (host: string, call: number) => string[]) {
  let calls = 0;
  return vi.spyOn(dns, 'lookup').mockImplementation(((host, _options, callback) =>
    callback(
      null,
      answer(host, calls++).map((address) => ({ address, family: address.includes(':') ? 6 : 4 })),
    )) as LookupMock as unknown as typeof dns.lookup);
}

let base = '';
let port = 0;
const received: { method?: string; url?: string; headers: http.IncomingHttpHeaders; body: string }[] = [];

const server = http.createServer((req, res) => {
  let body = '';
  req.on('data', (c) => (body += c));
  req.on('end', () => {
    received.push({ method: req.method, url: req.url, headers: req.headers, body });
    const url = new URL(req.url ?? '/', base);
    switch (url.pathname) {
      case '/page':
        return res.writeHead(200, { 'content-type': 'text/html', 'x-tag': 'a' }).end('<p>Hello</p>');
      case '/echo':
        return res.writeHead(201, { 'content-type': 'application/json' }).end(JSON.stringify({ method: req.method, body }));
      case '/slow':
        setTimeout(() => res.writeHead(200).end('late'), 2_000).unref();
        return;
      case '/trickle':
        res.writeHead(200, { 'content-type': 'text/plain' });
        res.write('first part ');
        setTimeout(() => res.end('rest'), 2_000).unref();
        return;
      case '/large-declared':
        return res.writeHead(200, { 'content-length': String(2048) }).end(Buffer.alloc(2048, 'a'));
      case '/large-chunked':
        res.writeHead(200, { 'content-type': 'text/plain' });
        for (let i = 0; i < 8; i++) res.write(Buffer.alloc(512, 'b'));
        return res.end();
      case '/gzip-bomb':
        return res.writeHead(200, { 'content-encoding': 'gzip' }).end(zlib.gzipSync(Buffer.alloc(64 * 1024, 0)));
      case '/gzip':
        return res.writeHead(200, { 'content-encoding': 'gzip', 'content-type': 'text/plain' }).end(zlib.gzipSync('compressed hello'));
      case '/redirect':
        return res.writeHead(302, { location: url.searchParams.get('to') ?? '/page' }).end();
      case '/see-other':
        return res.writeHead(303, { location: '/echo' }).end();
      case '/loop':
        return res.writeHead(301, { location: `/loop?n=${Number(url.searchParams.get('n') ?? 0) + 1}` }).end();
      default:
        return res.writeHead(404).end('not found');
    }
  });
});

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
  base = `http://127.0.0.1:${port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
afterEach(() => {
  vi.restoreAllMocks();
  treatedAsPublic.clear();
  received.length = 0;
});

async function failure(promise: Promise<unknown>): Promise<SafeFetchError> {
  const err = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(SafeFetchError);
  return err as SafeFetchError;
}

async function expectRefused(promise: Promise<unknown>, code: SafeFetchErrorCode, message?: string | RegExp) {
  const err = await failure(promise);
  expect(err.code).toBe(code);
  if (message) expect(err.message).toMatch(message);
}

describe('safeFetch', () => {
  it('returns the status, headers, body and final address', async () => {
    const res = await safeFetch(`${base}/page`, { allowPrivate: true });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/html');
    expect(res.headers['x-tag']).toBe('a');
    expect(res.body.toString()).toBe('<p>Hello</p>');
    expect(res.finalUrl).toBe(`${base}/page`);
  });

  it('sends the method, headers and body it is given, and returns any status', async () => {
    const res = await safeFetch(`${base}/echo`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Signature': 'abc' },
      body: '{"a":1}',
      allowPrivate: true,
    });
    expect(res.status).toBe(201);
    expect(JSON.parse(res.body.toString())).toEqual({ method: 'POST', body: '{"a":1}' });
    expect(received[0].headers['x-signature']).toBe('abc');
    expect((await safeFetch(`${base}/nothing`, { allowPrivate: true })).status).toBe(404);
  });

  it('decompresses gzip bodies', async () => {
    expect((await safeFetch(`${base}/gzip`, { allowPrivate: true })).body.toString()).toBe('compressed hello');
  });

  it('follows redirects, at most five', async () => {
    const res = await safeFetch(`${base}/redirect?to=/page`, { allowPrivate: true });
    expect(res.finalUrl).toBe(`${base}/page`);
    expect(res.body.toString()).toBe('<p>Hello</p>');
    await expectRefused(safeFetch(`${base}/loop`, { allowPrivate: true }), 'too_many_redirects', /more than 5 times/);
    expect(received).toHaveLength(1 + 1 + 6);
  });

  it('returns a redirect as it is, sending nothing to its target, when asked not to follow', async () => {
    const res = await safeFetch(`${base}/redirect?to=/echo`, { method: 'POST', body: 'secret', allowPrivate: true, followRedirects: false });
    expect(res.status).toBe(302);
    expect(res.headers.location).toBe('/echo');
    expect(res.finalUrl).toBe(`${base}/redirect?to=/echo`);
    expect(received.map((r) => r.url)).toEqual(['/redirect?to=/echo']);
  });

  it('continues a POST answered with 303 as a GET without the body', async () => {
    const res = await safeFetch(`${base}/see-other`, { method: 'POST', body: 'payload', headers: { 'content-type': 'text/plain' }, allowPrivate: true });
    expect(JSON.parse(res.body.toString())).toEqual({ method: 'GET', body: '' });
  });

  it('gives up after the time limit, while waiting for headers or for the body', async () => {
    const started = Date.now();
    await expectRefused(safeFetch(`${base}/slow`, { timeoutMs: 300, allowPrivate: true }), 'timeout', 'The page took longer than 0.3 seconds to answer.');
    await expectRefused(safeFetch(`${base}/trickle`, { timeoutMs: 300, allowPrivate: true }), 'timeout');
    expect(Date.now() - started).toBeLessThan(1_500);
  });

  it('says "10 seconds" for the default time limit', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      const pending = failure(safeFetch(`${base}/slow`, { allowPrivate: true }));
      await vi.advanceTimersByTimeAsync(10_000);
      expect((await pending).message).toBe('The page took longer than 10 seconds to answer.');
    } finally {
      vi.useRealTimers();
    }
  });

  it('refuses bodies over the size limit, declared or streamed, and counts decompressed bytes', async () => {
    await expectRefused(safeFetch(`${base}/large-declared`, { maxBytes: 1024, allowPrivate: true }), 'too_large', 'The page is larger than 1 KB.');
    await expectRefused(safeFetch(`${base}/large-chunked`, { maxBytes: 1024, allowPrivate: true }), 'too_large');
    await expectRefused(safeFetch(`${base}/gzip-bomb`, { maxBytes: 1024, allowPrivate: true }), 'too_large');
    expect((await safeFetch(`${base}/large-chunked`, { maxBytes: 4096, allowPrivate: true })).body).toHaveLength(4096);
  });

  it.each([
    'http://127.0.0.1:1/',
    'http://10.1.2.3/',
    'http://169.254.169.254/latest/meta-data/',
    'http://[::1]/',
    'http://[fd00::1]/',
    'http://[::ffff:127.0.0.1]/',
    'http://0.0.0.0/',
    'http://100.64.0.1/',
  ])('refuses the private address %s without connecting', async (url) => {
    await expectRefused(
      safeFetch(url, { allowPrivate: false }),
      'private_address',
      'That address is on a private network; Claimdesk only fetches public pages.',
    );
  });

  it.each(['http://169.254.169.254/latest/meta-data/', 'http://[::1]/', 'http://10.0.0.1/', 'http://internal.example/'])(
    'checks every redirect hop again: a redirect to %s is refused',
    async (target) => {
      treatedAsPublic.add('127.0.0.1');
      fakeDns((host) => (host === 'internal.example' ? ['10.0.0.5'] : ['127.0.0.1']));
      await expectRefused(safeFetch(`http://news.example:${port}/redirect?to=${encodeURIComponent(target)}`, { allowPrivate: false }), 'private_address');
      expect(received.map((r) => r.url)).toEqual([`/redirect?to=${encodeURIComponent(target)}`]);
    },
  );

  it('refuses a host name when any address it resolves to is private', async () => {
    fakeDns(() => ['93.184.216.34', '127.0.0.1']);
    await expectRefused(safeFetch(`http://rebind.example:${port}/page`, { allowPrivate: false }), 'private_address');
    expect(received).toHaveLength(0);
  });

  it('connects to the address it checked, so a second DNS answer cannot swap in another (DNS rebinding)', async () => {
    treatedAsPublic.add('127.0.0.1');
    const lookup = fakeDns((_host, call) => (call === 0 ? ['127.0.0.1'] : ['10.9.9.9']));
    const res = await safeFetch(`http://news.example:${port}/page`, { allowPrivate: false });
    expect(res.status).toBe(200);
    expect(received[0].headers.host).toBe(`news.example:${port}`);
    expect(lookup).toHaveBeenCalledTimes(1);
  });

  it('reaches localhost by name only when private addresses are allowed', async () => {
    await expectRefused(safeFetch(`http://localhost:${port}/page`, { allowPrivate: false }), 'private_address');
    expect((await safeFetch(`http://localhost:${port}/page`, { allowPrivate: true })).status).toBe(200);
  });

  it('follows the CLAIMDESK_ALLOW_PRIVATE_URLS setting when allowPrivate is not given', async () => {
    const { env } = await import('@/lib/env');
    const saved = env.CLAIMDESK_ALLOW_PRIVATE_URLS;
    try {
      env.CLAIMDESK_ALLOW_PRIVATE_URLS = '0';
      await expectRefused(safeFetch(`${base}/page`), 'private_address');
      env.CLAIMDESK_ALLOW_PRIVATE_URLS = '1';
      expect((await safeFetch(`${base}/page`)).status).toBe(200);
    } finally {
      env.CLAIMDESK_ALLOW_PRIVATE_URLS = saved;
    }
  });

  it.each([
    ['file:///etc/passwd', 'unsupported_protocol'],
    ['ftp://example.com/a', 'unsupported_protocol'],
    ['javascript:alert(1)', 'unsupported_protocol'],
    ['not a url', 'invalid_url'],
  ] as const)('refuses %s', async (url, code) => {
    await expectRefused(safeFetch(url), code);
  });

  it('refuses a redirect to another protocol', async () => {
    await expectRefused(safeFetch(`${base}/redirect?to=file:///etc/passwd`, { allowPrivate: true }), 'unsupported_protocol');
  });

  it('says when nothing answers', async () => {
    await expectRefused(safeFetch('http://127.0.0.1:1/', { allowPrivate: true }), 'unreachable', /could not be reached/);
  });
});
