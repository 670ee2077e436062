'use server';

import { actionFor } from '@/lib/actions/safe-action';
import type { TeamImportResult } from '@/lib/export/team';
import { readTeamFile, TeamFileError } from '@/lib/export/team-file';
import { InvalidInputError } from '@/lib/operations/errors';
import { importTeamExportOp } from '@/lib/operations/team-export';

function fileError(message: string) {
  return new InvalidInputError(message, { file: [message] });
}

/** The uploaded file, plain or gzipped JSON; read only after the permission check. */
async function readExportFile(formData: FormData, input: Record<string, unknown>): Promise<void> {
  const file = formData.get('file');
  if (!(file instanceof File) || file.size === 0) throw fileError('Choose the team export file (.json) to import.');
  try {
    input.document = await readTeamFile(file);
  } catch (err) {
    if (err instanceof TeamFileError) throw fileError(err.message);
    throw err;
  }
}

function resultMessage(r: TeamImportResult): string {
  const plural = (n: number, one: string, many: string) => `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;
  const imported = `Imported ${plural(r.articles, 'article', 'articles')} with ${plural(r.claims, 'claim', 'claims')} and ${plural(r.members, 'member', 'members')}.`;
  if (r.createdMembers.length === 0) return imported;
  return `${imported} New accounts were made for ${r.createdMembers.join(', ')}, with a random password nobody knows: they cannot sign in until an admin sets a new one.`;
}

export const importTeamExport = actionFor(importTeamExportOp, resultMessage, { prepare: readExportFile });
