import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { MAX_TEAM_EXPORT_BYTES, readTeamFile, unpackTeamFile } from '@/lib/export/team-file';
import { teamExportBomb } from '@/scripts/fixtures/hostile-documents';

const DOC = { format: 'claimdesk-team', version: 1, articles: [{ title: 'Harbour Tunnel Opens' }] };

describe('readTeamFile', () => {
  it('reads a team export as the browser sends it (gzipped) and as a plain file', async () => {
    expect(await readTeamFile(new Blob([gzipSync(JSON.stringify(DOC))]))).toEqual(DOC);
    expect(await readTeamFile(new Blob([JSON.stringify(DOC)]))).toEqual(DOC);
  });

  it('stops unpacking the 255 KB gzip bomb of 250 MB at the limit, holding no more than the limit', async () => {
    const bomb = await teamExportBomb(250 * 1024 * 1024);
    expect(bomb.length).toBeLessThan(300 * 1024);
    const start = process.memoryUsage.rss();
    let peak = start;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), 5);
    try {
      await expect(unpackTeamFile(new Blob([new Uint8Array(bomb)]))).rejects.toThrow('That file unpacks to more than 64 MB');
    } finally {
      clearInterval(sampler);
    }
    // Unbounded, this was 5.5 GB; bounded, it is the limit's chunks and some slack.
    expect((peak - start) / (1024 * 1024)).toBeLessThan(MAX_TEAM_EXPORT_BYTES / (1024 * 1024) + 100);
  });

  it.each([
    ['a cut-off gzip file', gzipSync(JSON.stringify(DOC)).subarray(0, 20), 'not a complete gzip file'],
    ['a file that is not JSON', Buffer.from('%PDF-1.7'), 'That file is not JSON'],
    ['JSON that is not UTF-8', Buffer.from([0x7b, 0x22, 0xff, 0x22, 0x7d]), 'That file is not JSON'],
  ])('refuses %s', async (_name, bytes, message) => {
    await expect(readTeamFile(new Blob([bytes]))).rejects.toThrow(message);
  });
});
