import type { Metadata } from 'next';
import { openApiDocument } from '@/lib/api/openapi';
import { API_ROUTES, type ApiRouteDef } from '@/lib/api/routes';

export const metadata: Metadata = { title: 'API' };

type Operation = {
  parameters?: { name: string; in: string; required?: boolean; schema?: unknown; description?: string }[];
  requestBody?: { content: Record<string, { schema: unknown }> };
  responses: Record<string, { description: string }>;
};

/** The API reference, rendered from the same OpenAPI document that /api/v1/openapi.json serves. */
export default function ApiDocsPage() {
  const doc = openApiDocument() as unknown as { paths: Record<string, Record<string, Operation>> };
  const routes = Object.values(API_ROUTES) as ApiRouteDef[];
  return (
    <article className="prose-sm">
      <h1 className="font-serif text-3xl font-semibold">Claimdesk API</h1>
      <p className="mt-2 text-stone-700">
        Everything under <code>/api/v1</code> acts for the member who owns the token, in their team, with their role’s permissions. Send{' '}
        <code>Authorization: Bearer cdk_…</code>; make a token in Settings → API tokens, or with <code>npm run claimdesk -- token create --user EMAIL</code>. A
        read token may only GET. Each token may make a set number of requests a minute (429 with <code>Retry-After</code> beyond it). Errors are JSON:{' '}
        <code>{'{ "error": { "status", "message", "fieldErrors"? } }'}</code>.
      </p>
      <p className="mt-2">
        Machine-readable:{' '}
        <a className="text-blue-800 underline" href="/api/v1/openapi.json">
          OpenAPI 3.1 document
        </a>
        .
      </p>
      <nav aria-label="Routes" className="mt-6">
        <ul className="list-disc pl-5">
          {routes.map((r) => (
            <li key={r.operationId}>
              <a className="text-blue-800 underline" href={`#${r.operationId}`}>
                {r.method.toUpperCase()} {r.path}
              </a>{' '}
              — {r.summary}
            </li>
          ))}
        </ul>
      </nav>
      {routes.map((r) => {
        const op = doc.paths[r.path.replace(/\{(\w+)\}/g, '{$1}')]?.[r.method];
        const body = op?.requestBody?.content['application/json']?.schema;
        return (
          <section
            key={r.operationId}
            id={r.operationId}
            aria-labelledby={`${r.operationId}-h`}
            className="mt-8 rounded-lg border border-stone-200 bg-white p-4"
          >
            <h2 id={`${r.operationId}-h`} className="font-mono text-base font-semibold">
              {r.method.toUpperCase()} /api/v1{r.path}
            </h2>
            <p className="mt-1">{r.summary}</p>
            {r.description ? <p className="mt-1 text-stone-700">{r.description}</p> : null}
            <p className="mt-1 text-sm text-stone-600">Token scope: {r.scope}</p>
            {op?.parameters?.length ? (
              <>
                <h3 className="mt-3 text-sm font-semibold">Parameters</h3>
                <ul className="list-disc pl-5 text-sm">
                  {op.parameters.map((p) => (
                    <li key={`${p.in}-${p.name}`}>
                      <code>{p.name}</code> ({p.in}
                      {p.required ? ', required' : ''}) <code className="text-stone-600">{JSON.stringify(p.schema)}</code>
                    </li>
                  ))}
                </ul>
              </>
            ) : null}
            {body ? (
              <>
                <h3 className="mt-3 text-sm font-semibold">JSON body</h3>
                <pre className="mt-1 overflow-x-auto rounded bg-stone-100 p-2 text-xs">{JSON.stringify(body, null, 2)}</pre>
              </>
            ) : null}
            <h3 className="mt-3 text-sm font-semibold">Responses</h3>
            <ul className="list-disc pl-5 text-sm">
              {Object.entries(op?.responses ?? {}).map(([status, res]) => (
                <li key={status}>
                  <code>{status}</code> {res.description}
                </li>
              ))}
            </ul>
          </section>
        );
      })}
    </article>
  );
}
