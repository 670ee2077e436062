import { z } from 'zod';
import { id, MAX_YEAR, MIN_YEAR } from '@/lib/validation/fields';

const isoDay = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine((v) => {
    const date = new Date(`${v}T00:00:00Z`);
    return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(v) && date.getUTCFullYear() >= MIN_YEAR && date.getUTCFullYear() <= MAX_YEAR;
  });

/** Read one search parameter; a bad or repeated value counts as not given. */
const ignoredIfInvalid = <T extends z.ZodType>(schema: T) => schema.optional().catch(undefined);

/**
 * The dashboard's filters as they come in the URL, so a view can be shared. Anything that
 * does not parse is ignored rather than refused: a stale or hand-edited link still opens.
 * Ids are checked against the team when the data is read.
 */
const dashboardFiltersSchema = z.object({
  assignee: ignoredIfInvalid(id),
  article: ignoredIfInvalid(id),
  from: ignoredIfInvalid(isoDay),
  to: ignoredIfInvalid(isoDay),
});

export type DashboardFilters = z.infer<typeof dashboardFiltersSchema>;

export function parseDashboardFilters(searchParams: Record<string, string | string[] | undefined>): DashboardFilters {
  return dashboardFiltersSchema.parse(searchParams);
}
