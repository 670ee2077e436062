import { describe, expect, it } from 'vitest';
import { clientAddress, parseAddress } from '@/lib/auth/client-address';

const forwardedFor = (value: string) => new Headers({ 'x-forwarded-for': value });

describe('parseAddress', () => {
  it.each([
    ['203.0.113.7', '203.0.113.7'],
    [' 203.0.113.7 ', '203.0.113.7'],
    ['203.0.113.7:4711', '203.0.113.7'],
    ['::ffff:203.0.113.7', '203.0.113.7'],
    ['[::ffff:203.0.113.7]:443', '203.0.113.7'],
    ['2001:db8:1:2:3:4:5:6', '2001:db8:1:2::/64'],
    ['[2001:db8:1:2::9]:443', '2001:db8:1:2::/64'],
    ['2001:DB8:1:2:ffff::1', '2001:db8:1:2::/64'],
    ['::1', '::/64'],
  ])('%s is bucketed as %s', (entry, expected) => {
    expect(parseAddress(entry)).toBe(expected);
  });

  it.each(['', 'unknown', '1.2.3', '0x7f.0.0.1', '999.1.1.1', 'evil.example', '1.2.3.4.5', '[1.2.3.4'])('%j is not an address', (entry) => {
    expect(parseAddress(entry)).toBeNull();
  });
});

describe('clientAddress', () => {
  it('takes the entry our proxy appended, not what the client put before it', () => {
    expect(clientAddress(forwardedFor('198.51.100.1, 203.0.113.7'), { trustProxy: true })).toBe('203.0.113.7');
  });

  it('does not fall back to a client-supplied entry when the last one is not an address', () => {
    expect(clientAddress(forwardedFor('198.51.100.1, garbage'), { trustProxy: true })).toBeNull();
    expect(clientAddress(forwardedFor('198.51.100.1,'), { trustProxy: true })).toBeNull();
  });

  it('knows no address without a trusted proxy, whatever the header says', () => {
    expect(clientAddress(forwardedFor('203.0.113.7'), { trustProxy: false })).toBeNull();
    expect(clientAddress(new Headers(), { trustProxy: true })).toBeNull();
  });
});
