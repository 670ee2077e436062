import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * One writer of claims (lib/operations/claim-writer.ts): no other file of the app updates the
 * Claim table, so nothing else can change a claim's status, text, verdict or version without
 * the invariants, the version check and the audit event. New claims are inserted only where
 * articles are imported (lib/import/claim-rows.ts) and by the team import. Tests and the bench
 * and load fixtures under scripts/lib set up data directly and are not the app.
 */
const ROOT = path.resolve(import.meta.dirname, '../..');
const SCANNED = ['app', 'lib', 'scripts', 'components'];
const WRITER = 'lib/operations/claim-writer.ts';
const INSERTERS = new Set(['lib/import/claim-rows.ts', 'lib/export/team.ts']);

const UPDATE = [/\bclaim\.(update|updateMany|upsert|delete|deleteMany)\s*\(/, /UPDATE\s+"Claim"/i, /DELETE\s+FROM\s+"Claim"/i];
const INSERT = [/\bclaim\.(create|createMany|createManyAndReturn)\s*\(/, /INSERT\s+INTO\s+"Claim"/i];

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    const rel = path.relative(ROOT, full);
    if (name === 'node_modules' || rel === 'lib/generated' || rel === 'scripts/lib') continue;
    if (statSync(full).isDirectory()) out.push(...sourceFiles(full));
    else if (/\.(ts|tsx)$/.test(name) && !/\.test\.ts$/.test(name)) out.push(rel);
  }
  return out;
}

/** Every line of the app that writes the Claim table outside the places allowed to. */
export function claimWritesOutsideTheWriter(files: { path: string; text: string }[]): string[] {
  const found: string[] = [];
  for (const file of files) {
    if (file.path === WRITER) continue;
    file.text.split('\n').forEach((line, i) => {
      const where = `${file.path}:${i + 1}: ${line.trim()}`;
      if (UPDATE.some((re) => re.test(line))) found.push(where);
      else if (!INSERTERS.has(file.path) && INSERT.some((re) => re.test(line))) found.push(where);
    });
  }
  return found;
}

describe('the claim writer is the only writer of claims', () => {
  const files = SCANNED.flatMap((dir) => sourceFiles(path.join(ROOT, dir))).map((p) => ({ path: p, text: readFileSync(path.join(ROOT, p), 'utf8') }));

  it('scans the app', () => {
    expect(files.map((f) => f.path)).toContain(WRITER);
    expect(files.length).toBeGreaterThan(100);
  });

  it('finds no update of the Claim table outside lib/operations/claim-writer.ts', () => {
    expect(claimWritesOutsideTheWriter(files)).toEqual([]);
  });

  it('catches the ways a file could write claims', () => {
    const offending = [
      'await tx.claim.update({ where: { id }, data: { status: "APPROVED" } });',
      'await db.claim.updateMany({ where: {}, data: { text: "x" } });',
      'await tx.$executeRaw`UPDATE "Claim" SET "verdictLabelId" = ${id}`;',
      'await tx.$executeRawUnsafe(\'update "Claim" set version = 0\');',
      'await tx.claim.upsert({ where: { id }, create: {}, update: {} });',
      'await tx.claim.create({ data: { status: "APPROVED" } });',
    ];
    for (const line of offending) expect(claimWritesOutsideTheWriter([{ path: 'lib/operations/sneaky.ts', text: line }])).toHaveLength(1);
    expect(claimWritesOutsideTheWriter([{ path: 'lib/import/claim-rows.ts', text: 'INSERT INTO "Claim" (id) VALUES ($1)' }])).toEqual([]);
    expect(claimWritesOutsideTheWriter([{ path: 'lib/data/claims.ts', text: 'await db.claim.findMany({ where: { teamId } });' }])).toEqual([]);
  });
});
