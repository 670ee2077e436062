/**
 * The entry of an import worker thread (lib/import/pool.ts). The pool loads it from disk,
 * outside the Next.js bundle, so that `next start`, vitest and the CLI all run the same file;
 * it compiles the TypeScript it imports with tsx (a dependency already: it runs `npm start` and
 * the CLI), caching the result on disk (docs/decisions/0022-bounded-documents-and-a-worker-pool.md).
 */
import { fileURLToPath } from 'node:url';
import { register } from 'tsx/esm/api';

register({ tsconfig: fileURLToPath(new URL('../../../tsconfig.json', import.meta.url)) });
const { runImportJob } = await import('./jobs.ts');

export default runImportJob;
