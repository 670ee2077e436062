import { z } from 'zod';
import { id, requiredText } from '@/lib/validation/fields';
import { TOKEN_SCOPES } from '@/lib/validation/token-scopes';

export const createTokenSchema = z.object({
  name: requiredText(100, 'Name'),
  scope: z.enum(TOKEN_SCOPES, { error: 'Choose read or write access.' }),
});

export const tokenRefSchema = z.object({ tokenId: id });
