import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { newWebhookSecret, signatureHeader, verifySignature } from '@/lib/webhooks/signature';

const secret = 'whsec_test-secret';
const body = JSON.stringify({ id: 'd1', event: 'article.imported', data: { articleId: 'a1' } });
const sentAt = new Date('2026-12-01T12:00:00Z');

describe('webhook signatures', () => {
  it('accepts the header the worker sends, within the tolerance', () => {
    const header = signatureHeader(secret, body, sentAt);
    expect(verifySignature(secret, header, body, { now: sentAt })).toBe(true);
    expect(verifySignature(secret, header, Buffer.from(body), { now: new Date(sentAt.getTime() + 299_000) })).toBe(true);
  });

  it('is HMAC-SHA256 over "<t>.<body>" in hex, so any language can check it', () => {
    const t = Math.floor(sentAt.getTime() / 1000);
    const v1 = createHmac('sha256', secret).update(`${t}.${body}`).digest('hex');
    expect(signatureHeader(secret, body, sentAt)).toBe(`t=${t},v1=${v1}`);
  });

  it.each([
    ['a tampered body', () => verifySignature(secret, signatureHeader(secret, body, sentAt), body.replace('a1', 'a2'), { now: sentAt })],
    ['the wrong secret', () => verifySignature('whsec_other', signatureHeader(secret, body, sentAt), body, { now: sentAt })],
    ['a stale timestamp (a replay)', () => verifySignature(secret, signatureHeader(secret, body, sentAt), body, { now: new Date(sentAt.getTime() + 301_000) })],
    ['a timestamp from the future', () => verifySignature(secret, signatureHeader(secret, body, sentAt), body, { now: new Date(sentAt.getTime() - 301_000) })],
    [
      'a re-stamped header',
      () => {
        const header = signatureHeader(secret, body, sentAt).replace(/t=\d+/, `t=${Math.floor(sentAt.getTime() / 1000) + 60}`);
        return verifySignature(secret, header, body, { now: sentAt });
      },
    ],
    ['no header', () => verifySignature(secret, undefined, body)],
    ['a malformed header', () => verifySignature(secret, 'v1=abc', body, { now: sentAt })],
  ])('refuses %s', (_case, check) => {
    expect(check()).toBe(false);
  });

  it('accepts a stricter tolerance only when the request is fresh enough', () => {
    const header = signatureHeader(secret, body, sentAt);
    expect(verifySignature(secret, header, body, { now: new Date(sentAt.getTime() + 20_000), toleranceSeconds: 10 })).toBe(false);
    expect(verifySignature(secret, header, body, { now: new Date(sentAt.getTime() + 5_000), toleranceSeconds: 10 })).toBe(true);
  });

  it('makes a new random secret each time', () => {
    const a = newWebhookSecret();
    expect(a).toMatch(/^whsec_[\w-]{43}$/);
    expect(newWebhookSecret()).not.toBe(a);
  });
});
