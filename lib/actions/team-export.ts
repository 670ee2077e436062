'use server';

import { gunzipSync } from 'node:zlib';
import { actionFor } from '@/lib/actions/safe-action';
import type { TeamImportResult } from '@/lib/export/team';
import { InvalidInputError } from '@/lib/operations/errors';
import { importTeamExportOp } from '@/lib/operations/team-export';

/** The largest team export read, once decompressed; the browser gzips it before upload. */
const MAX_EXPORT_BYTES = 256 * 1024 * 1024;

function fileError(message: string) {
  return new InvalidInputError(message, { file: [message] });
}

/** The uploaded file, plain or gzipped JSON; read only after the permission check. */
async function readExportFile(formData: FormData, input: Record<string, unknown>): Promise<void> {
  const file = formData.get('file');
  if (!(file instanceof File) || file.size === 0) throw fileError('Choose the team export file (.json) to import.');
  let bytes: Buffer = Buffer.from(await file.arrayBuffer());
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) {
    try {
      bytes = gunzipSync(bytes, { maxOutputLength: MAX_EXPORT_BYTES });
    } catch {
      throw fileError('That file could not be unpacked, or it is larger than 256 MB unpacked.');
    }
  }
  if (bytes.length > MAX_EXPORT_BYTES) throw fileError('That file is larger than 256 MB.');
  try {
    input.document = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    throw fileError('That file is not JSON. Choose the .json file that “Download team export” saved.');
  }
}

function resultMessage(r: TeamImportResult): string {
  const plural = (n: number, one: string, many: string) => `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;
  const imported = `Imported ${plural(r.articles, 'article', 'articles')} with ${plural(r.claims, 'claim', 'claims')} and ${plural(r.members, 'member', 'members')}.`;
  if (r.createdMembers.length === 0) return imported;
  return `${imported} New accounts were made for ${r.createdMembers.join(', ')}, with a random password nobody knows: they cannot sign in until an admin sets a new one.`;
}

export const importTeamExport = actionFor(importTeamExportOp, resultMessage, { prepare: readExportFile });
