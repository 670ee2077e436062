import { describe, expect, it } from 'vitest';
import { localPath } from './local-path';

describe('localPath', () => {
  it.each([
    ['/claims/abc?tab=evidence#notes', '/claims/abc?tab=evidence#notes'],
    ['/articles', '/articles'],
    ['', '/articles'],
    ['articles', '/articles'],
    ['//evil.example/', '/articles'],
    ['/\\evil.example/', '/articles'],
    ['/\t/evil.example/', '/articles'],
    ['/.//evil.example/', '/articles'],
    ['https://evil.example/', '/articles'],
    ['javascript:alert(1)', '/articles'],
    ['/%2F%2Fevil.example', '/%2F%2Fevil.example'],
  ])('%j → %j', (next, expected) => {
    expect(localPath(next)).toBe(expected);
  });
});
