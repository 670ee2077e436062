/**
 * Test data made through the same factories as the demo seed: each test gets a team of its
 * own (admin, two editors, two checkers), so no test depends on another's leftovers.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test as base, expect, type Browser, type Page } from '@playwright/test';
import { createPrismaClient } from '@/lib/db/client';
import { createArticle, createTeam, createUser, DEMO_PASSWORD, uniqueSuffix } from '@/lib/testing/factories';

export const prisma = createPrismaClient(process.env.DATABASE_URL!, process.env.CLAIMDESK_EMBEDDED === '1');

export type Member = { id: string; email: string; name: string; role: 'admin' | 'editor' | 'checker'; teamId: string };

export type Desk = {
  team: { id: string; name: string; slug: string };
  admin: Member;
  editor: Member;
  editor2: Member;
  checker: Member;
  checker2: Member;
};

const FIXTURES_DIR = path.resolve(process.cwd(), 'lib/testing/fixtures/articles');

export function fixtureText(name: string): string {
  return readFileSync(path.join(FIXTURES_DIR, `${name}.txt`), 'utf8');
}

export function fixtureExpected(name: string): { title: string; byline?: string; claims: string[] } {
  return JSON.parse(readFileSync(path.join(FIXTURES_DIR, `${name}.expected.json`), 'utf8'));
}

export async function createDesk(label = 'Desk'): Promise<Desk> {
  const suffix = uniqueSuffix();
  const team = await createTeam(prisma, { name: `${label} ${suffix}`, slug: `${label.toLowerCase().replace(/\W+/g, '-')}-${suffix}` });
  const member = (role: Member['role'], name: string) =>
    createUser(prisma, { teamId: team.id, role, name, email: `${name.toLowerCase().replace(/\W+/g, '.')}.${suffix}@example.test` }) as Promise<Member>;
  const [admin, editor, editor2, checker, checker2] = await Promise.all([
    member('admin', 'Alex Admin'),
    member('editor', 'Erin Editor'),
    member('editor', 'Ezra Editor'),
    member('checker', 'Cara Checker'),
    member('checker', 'Cole Checker'),
  ]);
  return { team, admin, editor, editor2, checker, checker2 };
}

export async function importFixture(desk: Desk, name = 'belarus-air-defense') {
  return createArticle(prisma, { teamId: desk.team.id, actorId: desk.editor.id, text: fixtureText(name) });
}

export async function signIn(page: Page, member: Member) {
  await page.goto('/login');
  await page.getByLabel('Email').fill(member.email);
  await page.getByLabel('Password').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Articles' })).toBeVisible();
}

/** A signed-in page in a browser context of its own (its own cookies). */
export async function pageAs(browser: Browser, member: Member): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, member);
  return page;
}

export const test = base.extend<{ desk: Desk }>({
  // Playwright's fixture callback is named `use`; it is not a React hook.
  // eslint-disable-next-line react-hooks/rules-of-hooks
  desk: async ({}, use) => use(await createDesk()),
});

export { expect };
