/**
 * The OpenAPI 3.1 document of /api/v1, generated from the route table and its zod schemas
 * (@asteasolutions/zod-to-openapi), so the document cannot drift from what is validated.
 */
import { OpenAPIRegistry, OpenApiGeneratorV31 } from '@asteasolutions/zod-to-openapi';
import { API_ROUTES, type ApiRouteDef } from '@/lib/api/routes';
import { errorResponse } from '@/lib/api/schemas';

const ERROR_DESCRIPTION: Record<number, string> = {
  400: 'The body is not a JSON object.',
  401: 'No token, or a revoked or unknown one.',
  403: 'The token is read-only, or the member’s role does not allow this.',
  404: 'No such item in the token owner’s team (another team’s items are 404 too).',
  409: 'The claim changed since its version was read, or is in a state that does not allow this.',
  422: 'The input is not valid; `fieldErrors` says where.',
  429: 'The token made too many requests this minute; see Retry-After.',
};

export function openApiDocument(serverUrl = '/api/v1') {
  const registry = new OpenAPIRegistry();
  registry.registerComponent('securitySchemes', 'bearerToken', {
    type: 'http',
    scheme: 'bearer',
    description: 'A personal access token (cdk_…), made in Settings → API tokens or with `npm run claimdesk -- token create`.',
  });
  for (const def of Object.values(API_ROUTES) as ApiRouteDef[]) {
    registry.registerPath({
      method: def.method,
      path: def.path,
      operationId: def.operationId,
      summary: def.summary,
      description: def.description,
      security: [{ bearerToken: [] }],
      'x-claimdesk-scope': def.scope,
      request: {
        ...(def.params ? { params: def.params } : {}),
        ...(def.query ? { query: def.query } : {}),
        ...(def.body ? { body: { required: true, content: { 'application/json': { schema: def.body } } } } : {}),
      },
      responses: {
        [def.success.status]: { description: def.success.description, content: { 'application/json': { schema: def.success.schema } } },
        ...Object.fromEntries(
          def.errors.map((status) => [status, { description: ERROR_DESCRIPTION[status], content: { 'application/json': { schema: errorResponse } } }]),
        ),
      },
    });
  }
  return new OpenApiGeneratorV31(registry.definitions).generateDocument({
    openapi: '3.1.0',
    info: {
      title: 'Claimdesk API',
      version: '1.0.0',
      description:
        'Articles, claims, evidence and verdicts of the token owner’s team, with the same permission and team checks as the desk. Scopes: a read token may only GET; a write token may also POST.',
    },
    servers: [{ url: serverUrl }],
  });
}
