/**
 * The team export file an admin uploads, read within a limit. The browser gzips it before
 * upload (JSON shrinks ~13×) and gzip can shrink far more: 255 KB once unpacked to 250 MB and held
 * the server at 5.5 GB for ten minutes. So the upload is unpacked as a stream and counted as it
 * goes, and stops at MAX_TEAM_EXPORT_BYTES (64 MB) without holding more than that. The limit is
 * what a real export that fits the 4 MB upload unpacks to, with room: about 40,000 claims. Parsing
 * that much JSON and checking it against the import schema takes 2–3 s and a few hundred MB on
 * this request (ADR 0022); nothing larger gets that far.
 */
import { Readable } from 'node:stream';
import type { ReadableStream } from 'node:stream/web';
import { createGunzip } from 'node:zlib';

/** A team export once unpacked: a real export that fits the 4 MB upload (the action's limit) unpacks to 30–55 MB. */
export const MAX_TEAM_EXPORT_BYTES = 64 * 1024 * 1024;

export class TeamFileError extends Error {}

const TOO_LARGE = `That file unpacks to more than ${MAX_TEAM_EXPORT_BYTES / (1024 * 1024)} MB, more than a team export that fits the 4 MB upload ever holds. Check that it is the file “Download team export” saved.`;

/** The bytes of the file, gunzipped when it is gzip, never more than `limit` of them. */
export async function unpackTeamFile(file: Blob, limit = MAX_TEAM_EXPORT_BYTES): Promise<Buffer> {
  const head = new Uint8Array(await file.slice(0, 2).arrayBuffer());
  const gzipped = head[0] === 0x1f && head[1] === 0x8b;
  const source = Readable.fromWeb(file.stream() as ReadableStream<Uint8Array>);
  const stream = gzipped ? source.pipe(createGunzip()) : source;
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      size += chunk.length;
      if (size > limit) throw new TeamFileError(TOO_LARGE);
      chunks.push(chunk);
    }
  } catch (err) {
    if (err instanceof TeamFileError) throw err;
    throw new TeamFileError('That file could not be unpacked: it is not a complete gzip file. Choose the .json file that “Download team export” saved.');
  } finally {
    source.destroy();
    stream.destroy();
  }
  return Buffer.concat(chunks, size);
}

/** The file's JSON document, for `importTeam` to check. */
export async function readTeamFile(file: Blob): Promise<unknown> {
  const bytes = await unpackTeamFile(file);
  try {
    return JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    throw new TeamFileError('That file is not JSON. Choose the .json file that “Download team export” saved.');
  }
}
