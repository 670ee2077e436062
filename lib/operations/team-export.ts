import 'server-only';
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { db } from '@/lib/db';
import { importTeam, TeamImportError } from '@/lib/export/team';
import { InvalidInputError } from '@/lib/operations/errors';
import { operation } from '@/lib/operations/operation';

/** Admin: read a team export (already parsed JSON) into this empty team, all or nothing. */
export const importTeamExportOp = operation(z.object({ document: z.unknown() }), 'team.export', async ({ document }, user) => {
  try {
    const result = await importTeam(db, user.teamId, document, user);
    revalidatePath('/', 'layout');
    return result;
  } catch (err) {
    if (err instanceof TeamImportError) throw new InvalidInputError(err.message);
    throw err;
  }
});
