import type { APIRequestContext, Page } from '@playwright/test';
import { expect, pageAs, prisma, signIn, test, type Desk } from './fixtures';
import { createArticle } from '@/lib/testing/factories';

/**
 * A re-import never changes what a newsroom published: a checked claim whose sentence changed
 * or left the source stays as it was checked, flagged for an editor, and its public page
 * changes only through a correction that a second editor approves.
 */
const V1 = 'Transit Budget\n\nRidership fell 40% last year. The council approved the plan. Fares rose to $3 in March.';

async function publishedClaim(desk: Desk) {
  const article = await createArticle(prisma, { teamId: desk.team.id, actorId: desk.editor.id, text: V1 });
  const [claim] = await prisma.claim.findMany({ where: { articleId: article.id }, orderBy: { position: 'asc' }, take: 1 });
  const label = await prisma.verdictLabel.findFirstOrThrow({ where: { teamId: desk.team.id, name: 'True' } });
  await prisma.claim.update({
    where: { id: claim.id },
    data: {
      status: 'APPROVED',
      assigneeId: desk.checker.id,
      proposedById: desk.checker.id,
      proposedAt: new Date(),
      verdictLabelId: label.id,
      rationale: 'The annual report says 40%.',
      publishedAt: new Date(),
      firstPublishedAt: new Date(),
    },
  });
  return { article, claim };
}

async function importNewVersion(page: Page, articleId: string, text: string) {
  await page.goto(`/articles/${articleId}`);
  await page.getByRole('link', { name: 'Import new version' }).click();
  await page.getByLabel('Article text').fill(text);
  await page.getByRole('button', { name: 'Import new version' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Versions' })).toBeVisible();
}

async function publicPage(request: APIRequestContext, path: string) {
  const response = await request.get(path);
  const html = await response.text();
  const ld = /<script type="application\/ld\+json">([\s\S]*?)<\/script>/.exec(html);
  return { status: response.status(), html, claimReview: ld ? JSON.parse(ld[1]) : null };
}

test('a changed sentence leaves the published fact-check and its ClaimReview as checked; reopening it takes a second editor', async ({
  page,
  browser,
  request,
  desk,
}) => {
  const { article, claim } = await publishedClaim(desk);
  const path = `/t/${desk.team.slug}/fact-checks/${claim.id}`;
  const before = await publicPage(request, path);
  expect(before.claimReview.claimReviewed).toBe('Ridership fell 40% last year.');

  await signIn(page, desk.editor);
  await importNewVersion(page, article.id, V1.replace('40%', '40.5%'));

  const after = await publicPage(request, path);
  expect(after.status).toBe(200);
  expect(after.claimReview).toEqual(before.claimReview);
  expect(after.html).not.toContain('40.5%');

  await page.goto(`/claims/${claim.id}`);
  const flag = page.getByRole('region', { name: 'Source changed' });
  await expect(flag).toContainText('Ridership fell 40% last year.');
  await expect(flag).toContainText('Ridership fell 40.5% last year.');
  await flag.getByLabel('Note (optional)').fill('The article now says 40.5%: checking again.');
  await flag.getByRole('button', { name: 'Propose reopening' }).click();
  const pending = page.getByRole('region', { name: 'Reopening this fact-check (the source changed) is waiting for approval' });
  await expect(pending).toBeVisible();
  await expect(pending.getByRole('button', { name: 'Approve correction' })).toHaveCount(0);
  expect((await publicPage(request, path)).claimReview).toEqual(before.claimReview);

  const second = await pageAs(browser, desk.editor2);
  await second.goto(`/claims/${claim.id}`);
  await second.getByRole('button', { name: 'Approve correction' }).click();
  await expect(second.getByRole('blockquote')).toHaveText('Ridership fell 40.5% last year.');
  await expect(second.getByRole('region', { name: 'As stated (paragraph 1)' })).toContainText('Returned');
  await expect.poll(async () => (await publicPage(request, path)).status).toBe(404);
  const corrections = await request.get(`/t/${desk.team.slug}/corrections`);
  expect(await corrections.text()).toContain('The article now says 40.5%: checking again.');
});

test('a removed sentence leaves the published fact-check public, flagged Removed from source, until a second editor approves unpublishing', async ({
  page,
  browser,
  request,
  desk,
}) => {
  const { article, claim } = await publishedClaim(desk);
  const path = `/t/${desk.team.slug}/fact-checks/${claim.id}`;
  const before = await publicPage(request, path);

  await signIn(page, desk.editor);
  await importNewVersion(page, article.id, 'Transit Budget\n\nThe council approved the plan. Fares rose to $3 in March.');
  const after = await publicPage(request, path);
  expect(after.status).toBe(200);
  expect(after.claimReview).toEqual(before.claimReview);

  await page.goto(`/claims/${claim.id}`);
  const flag = page.getByRole('region', { name: 'Removed from source' });
  await expect(flag).toContainText('no longer has this sentence');
  await expect(flag.getByRole('button', { name: 'Reopen with the new sentence' })).toHaveCount(0);

  await page.locator('summary', { hasText: 'Propose unpublishing' }).click();
  const unpublish = page.getByRole('form', { name: 'Propose unpublishing' });
  await unpublish.getByLabel('Reason for readers').fill('The article no longer makes this claim.');
  await unpublish.getByRole('button', { name: 'Propose unpublishing' }).click();
  await expect(page.getByRole('region', { name: 'Taking this fact-check off its public page is waiting for approval' })).toBeVisible();
  expect((await publicPage(request, path)).status).toBe(200);

  const second = await pageAs(browser, desk.editor2);
  await second.goto(`/claims/${claim.id}`);
  await second.getByRole('button', { name: 'Approve correction' }).click();
  await expect.poll(async () => (await publicPage(request, path)).status).toBe(404);
  expect(await (await request.get(`/t/${desk.team.slug}/corrections`)).text()).toContain('The article no longer makes this claim.');
});
