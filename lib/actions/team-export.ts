'use server';

import { gunzipSync } from 'node:zlib';
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { db } from '@/lib/db';
import { ActionError, authedAction } from '@/lib/actions/safe-action';
import { importTeam, TeamImportError, type TeamImportResult } from '@/lib/export/team';

/** The largest team export read, once decompressed; the browser gzips it before upload. */
const MAX_EXPORT_BYTES = 256 * 1024 * 1024;

function fileError(message: string) {
  return new ActionError(message, { file: [message] });
}

/** The uploaded file, plain or gzipped JSON; read only after the permission check. */
async function readExportFile(formData: FormData): Promise<unknown> {
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
    return JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
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

export const importTeamExport = authedAction(z.object({}), 'team.export', async (_input, user, formData) => {
  const doc = await readExportFile(formData);
  let result: TeamImportResult;
  try {
    result = await importTeam(db, user.teamId, doc, user);
  } catch (err) {
    if (err instanceof TeamImportError) throw new ActionError(err.message);
    throw err;
  }
  revalidatePath('/', 'layout');
  return resultMessage(result);
});
