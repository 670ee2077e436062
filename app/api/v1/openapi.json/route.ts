import { openApiDocument } from '@/lib/api/openapi';

/** Public: the document describes the API, not any team's data. */
export function GET(request: Request) {
  return Response.json(openApiDocument(new URL('/api/v1', request.url).toString()));
}
