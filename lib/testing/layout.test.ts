import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The shape of the house (README, "Where things live"), checked on the source: rules that a
 * review misses once and a newcomer then copies.
 */
const root = path.resolve(import.meta.dirname, '../..');

/** The non-test TypeScript files under a folder of the repository, as paths relative to it. */
function sources(folder: string): string[] {
  return readdirSync(path.join(root, folder), { recursive: true, withFileTypes: true })
    .filter((f) => f.isFile() && /\.tsx?$/.test(f.name) && !/\.test\.tsx?$/.test(f.name))
    .map((f) => path.relative(root, path.join(f.parentPath, f.name)))
    .filter((file) => !file.startsWith(path.join('lib', 'generated')))
    .sort();
}

/** Lines of the files that match `pattern`, as "file:line: text". */
function offending(files: string[], pattern: RegExp): string[] {
  return files.flatMap((file) =>
    readFileSync(path.join(root, file), 'utf8')
      .split('\n')
      .flatMap((line, i) => (pattern.test(line) ? [`${file}:${i + 1}: ${line.trim()}`] : [])),
  );
}

describe('the layout of lib/', () => {
  it('lib/ never imports from prisma/ (the seed and schema depend on lib, not the other way round)', () => {
    const files = sources('lib');
    expect(files.length).toBeGreaterThan(50);
    // `from '@/prisma/…'`, `from '../prisma/…'` and dynamic `import('…/prisma/…')` alike.
    expect(offending(files, /(from|import\()\s*['"](@\/|(\.\.\/)+)prisma\//)).toEqual([]);
  });
});

describe('lib/data', () => {
  it('reads and never writes: no Prisma write calls, no raw SQL writes', () => {
    const files = sources('lib/data');
    expect(files.length).toBeGreaterThan(5);
    // `db.claim.update(…)` (a model's write, not a Map's `seen.delete(…)`), `db.$executeRaw`, and SQL in raw queries.
    const prismaWrite = /\.\w+\.(create|createMany|createManyAndReturn|update|updateMany|updateManyAndReturn|upsert|delete|deleteMany)\s*\(/;
    const rawWrite = /\.\$executeRaw(Unsafe)?\b|\b(INSERT\s+INTO|UPDATE\s+"|DELETE\s+FROM|TRUNCATE|MERGE\s+INTO)\b/;
    expect(offending(files, new RegExp(`${prismaWrite.source}|${rawWrite.source}`))).toEqual([]);
  });
});
