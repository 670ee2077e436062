import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { API_ROUTES, type ApiRouteDef } from '@/lib/api/routes';
import { openApiDocument } from '@/lib/api/openapi';

/** Every route file under app/api/v1 is in the route table (so in the OpenAPI document), and back. */
const ROOT = path.resolve('app/api/v1');

function routeFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? routeFiles(path.join(dir, e.name)) : e.name === 'route.ts' ? [path.join(dir, e.name)] : [],
  );
}

const handlers = routeFiles(ROOT)
  .filter((f) => !f.includes('openapi.json'))
  .flatMap((file) => {
    const source = readFileSync(file, 'utf8');
    const apiPath = path.relative(ROOT, path.dirname(file)).replace(/\[(\w+)\]/g, '{$1}');
    return [...source.matchAll(/export const (GET|POST|PUT|PATCH|DELETE) = (?:apiRoute|claimOperationRoute)\(API_ROUTES\.(\w+)/g)].map(([, method, name]) => ({
      key: `${method.toLowerCase()} /${apiPath}`,
      name,
      file,
      exports: [...source.matchAll(/export (?:const|async function|function) (GET|POST|PUT|PATCH|DELETE)\b/g)].length,
    }));
  });

describe('the API route table', () => {
  it('has an entry for every handler, at the path and method of its file', () => {
    for (const h of handlers) {
      const def: ApiRouteDef = API_ROUTES[h.name as keyof typeof API_ROUTES];
      expect(def, h.file).toBeTruthy();
      expect(`${def.method} ${def.path}`, h.file).toBe(h.key);
    }
  });

  it('has a handler for every entry, and every handler is built from the table', () => {
    expect(handlers.map((h) => h.name).sort()).toEqual(Object.keys(API_ROUTES).sort());
    const files = new Map<string, number>();
    for (const h of handlers) files.set(h.file, (files.get(h.file) ?? 0) + 1);
    for (const h of handlers) expect(files.get(h.file), `${h.file} exports a handler not made with apiRoute`).toBe(h.exports);
  });

  it('is the OpenAPI document, every route with its answers', () => {
    const doc = openApiDocument() as unknown as { paths: Record<string, Record<string, { responses: Record<string, unknown> }>> };
    for (const def of Object.values(API_ROUTES) as ApiRouteDef[]) {
      expect(Object.keys(doc.paths[def.path][def.method].responses).map(Number).sort()).toEqual([def.success.status, ...def.errors].sort());
    }
    expect(Object.values(doc.paths).flatMap((p) => Object.keys(p))).toHaveLength(Object.keys(API_ROUTES).length);
  });
});
