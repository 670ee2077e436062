import 'server-only';
import type { z } from 'zod';
import { apiRoute } from '@/lib/api/handler';
import { presentClaim } from '@/lib/api/present';
import type { ApiRouteDef } from '@/lib/api/routes';
import { perform, type Operation } from '@/lib/operations/operation';

type ClaimRoute = ApiRouteDef & { params: z.ZodObject<{ claimId: z.ZodType<string> }> };

/**
 * A route that runs one desk operation on the claim in its path (the body is the operation's
 * input without the claim) and answers with the claim as it is now: most writes of the API.
 */
export function claimOperationRoute<D extends ClaimRoute, S extends z.ZodType>(def: D, op: Operation<S, unknown>, extra: Record<string, unknown> = {}) {
  return apiRoute(def, async ({ user, params, body }, request) => {
    const { claimId } = params as { claimId: string };
    await perform(op, user, { ...extra, ...body, ...params, claimId } as z.output<S>);
    return { claim: await presentClaim(user, claimId, request) } as never;
  });
}
