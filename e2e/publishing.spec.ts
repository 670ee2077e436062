import AxeBuilder from '@axe-core/playwright';
import type { APIRequestContext } from '@playwright/test';
import { createApiToken } from '@/lib/api/tokens';
import { createDesk, expect, importFixture, pageAs, prisma, signIn, test, type Desk } from './fixtures';

/** An approved claim with everything a fact-check has, and things the public must never see. */
async function approvedClaim(desk: Desk) {
  const article = await importFixture(desk, 'transit-budget');
  await prisma.article.update({
    where: { id: article.id },
    data: { author: 'Jane Q. Doe', outlet: 'Metro Post', sourceUrl: 'https://metro.example/transit-budget', publishedAt: new Date('2026-03-03T00:00:00Z') },
  });
  const [first, second] = await prisma.claim.findMany({ where: { articleId: article.id }, orderBy: { position: 'asc' }, take: 2 });
  const label = await prisma.verdictLabel.findFirstOrThrow({ where: { teamId: desk.team.id, name: 'Mostly true' } });
  for (const claim of [first, second]) {
    await prisma.claim.update({
      where: { id: claim.id },
      data: {
        status: 'APPROVED',
        assigneeId: desk.checker.id,
        proposedById: desk.checker.id,
        proposedAt: new Date(),
        verdictLabelId: label.id,
        rationale: 'The department’s annual report shows 12.4%, rounded in the release.',
        notes: 'SECRET RESEARCH NOTE: call the press office again.',
      },
    });
  }
  await prisma.evidence.create({
    data: {
      teamId: desk.team.id,
      claimId: first.id,
      authorId: desk.checker.id,
      url: 'https://dot.example/annual-report-2025.pdf',
      title: 'Annual ridership report 2025',
      publisher: 'Department of Transportation',
      stance: 'SUPPORTS',
      quote: 'Ridership grew by 12.4 percent.',
      archiveUrl: 'https://archive.example/dot-2025',
      note: 'INTERNAL EVIDENCE NOTE',
    },
  });
  return { article, claim: first, unpublished: second };
}

async function claimReviewOf(request: APIRequestContext, path: string) {
  const response = await request.get(path);
  expect(response.status()).toBe(200);
  const html = await response.text();
  const match = /<script type="application\/ld\+json">([\s\S]*?)<\/script>/.exec(html);
  expect(match, 'the page embeds ClaimReview JSON-LD').toBeTruthy();
  return { ld: JSON.parse(match![1]), html };
}

test('an editor publishes an approved fact-check with ClaimReview data; a correction and unpublishing are public only once a second editor approves', async ({
  page,
  browser,
  request,
  desk,
}) => {
  const { claim, unpublished } = await approvedClaim(desk);

  // The admin names the publisher.
  const admin = await pageAs(browser, desk.admin);
  await admin.goto('/settings/publishing');
  const publisher = admin.getByRole('form', { name: 'Publisher' });
  await publisher.getByLabel('Organisation name').fill('Demo Fact Check');
  await publisher.getByLabel('Organisation URL').fill('https://factcheck.example');
  await publisher.getByLabel('Logo URL').fill('https://factcheck.example/logo.png');
  await publisher.getByRole('button', { name: 'Save publisher' }).click();
  await expect(publisher.getByRole('status')).toHaveText('Publisher details saved.');

  await signIn(page, desk.editor);
  await page.goto(`/claims/${claim.id}`);
  await page.getByRole('form', { name: 'Publish fact-check' }).getByRole('button', { name: 'Publish' }).click();
  await expect(page.getByRole('region', { name: 'Publishing' })).toContainText('Published since');
  const publicPath = `/t/${desk.team.slug}/fact-checks/${claim.id}`;
  await expect(page.getByRole('link', { name: 'public page' })).toHaveAttribute('href', publicPath);

  // Anyone can read it, without signing in; nothing private is on it.
  const reader = await (await browser.newContext()).newPage();
  await reader.goto(publicPath);
  await expect(reader.getByRole('blockquote').first()).toHaveText(claim.text);
  await expect(reader.getByRole('region', { name: 'Our verdict' })).toContainText('Mostly true');
  await expect(reader.getByText('The department’s annual report shows 12.4%')).toBeVisible();
  await expect(reader.getByRole('link', { name: 'Annual ridership report 2025', exact: true })).toHaveAttribute(
    'href',
    'https://dot.example/annual-report-2025.pdf',
  );
  await expect(reader.getByRole('link', { name: 'Archived copy of Annual ridership report 2025' })).toHaveAttribute('href', 'https://archive.example/dot-2025');
  await expect(reader.getByText('Ridership grew by 12.4 percent.')).toBeVisible();
  const text = await reader.locator('body').innerText();
  for (const secret of ['SECRET RESEARCH NOTE', 'INTERNAL EVIDENCE NOTE', desk.checker.email, desk.editor.email, desk.checker.name])
    expect(text).not.toContain(secret);
  expect((await new AxeBuilder({ page: reader }).analyze()).violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);

  const stored = await prisma.claim.findUniqueOrThrow({ where: { id: claim.id }, select: { firstPublishedAt: true } });
  const { ld, html } = await claimReviewOf(request, publicPath);
  for (const secret of ['SECRET RESEARCH NOTE', 'INTERNAL EVIDENCE NOTE', desk.checker.email]) expect(html).not.toContain(secret);
  expect(ld).toMatchObject({
    '@context': 'https://schema.org',
    '@type': 'ClaimReview',
    claimReviewed: claim.text,
    datePublished: stored.firstPublishedAt!.toISOString(),
    author: { '@type': 'Organization', name: 'Demo Fact Check', url: 'https://factcheck.example', logo: { url: 'https://factcheck.example/logo.png' } },
    // "Mostly true" is second of the seven default labels.
    reviewRating: { '@type': 'Rating', ratingValue: 6, bestRating: 7, worstRating: 1, alternateName: 'Mostly true' },
    itemReviewed: {
      '@type': 'Claim',
      author: { '@type': 'Person', name: 'Jane Q. Doe' },
      datePublished: '2026-03-03',
      appearance: { '@type': 'CreativeWork', url: 'https://metro.example/transit-budget' },
    },
  });
  expect(new URL(ld.url).pathname).toBe(publicPath);
  expect(ld.dateModified).toBeUndefined();

  // An approved claim that is not published, and another team's address, are not found.
  expect((await request.get(`/t/${desk.team.slug}/fact-checks/${unpublished.id}`)).status()).toBe(404);
  const other = await createDesk('Elsewhere');
  expect((await request.get(`/t/${other.team.slug}/fact-checks/${claim.id}`)).status()).toBe(404);

  // A correction is proposed by one editor and is not public until another approves it.
  await page.locator('summary', { hasText: 'Propose a correction' }).click();
  const correction = page.getByRole('form', { name: 'Propose a correction' });
  await correction.getByLabel('Corrected verdict').selectOption({ label: 'Half true' });
  await correction.getByLabel('Rationale').fill('The revised report shows 9.8%, well below the claim.');
  await correction.getByLabel('Correction note').fill('The department revised its 2025 figure.');
  await correction.getByRole('button', { name: 'Propose correction' }).click();
  const pending = page.getByRole('region', { name: 'A corrected verdict is waiting for approval' });
  await expect(pending).toContainText('Proposed by Erin Editor');
  await expect(pending).toContainText('Mostly true → Half true');
  // Its proposer cannot approve it: no button, and the API refuses too.
  await expect(pending.getByRole('button', { name: 'Approve correction' })).toHaveCount(0);
  await expect(pending.getByText('You proposed this, so another editor approves it.')).toBeVisible();
  const proposal = await prisma.correction.findFirstOrThrow({ where: { claimId: claim.id, status: 'PROPOSED' } });
  const token = (await createApiToken(prisma, { userId: desk.editor.id, teamId: desk.team.id, name: 'self', scope: 'write' })).token;
  const selfApproval = await request.post(`/api/v1/claims/${claim.id}/corrections/${proposal.id}/decision`, {
    headers: { authorization: `Bearer ${token}` },
    data: { decision: 'approve' },
  });
  expect(selfApproval.status()).toBe(403);
  await reader.reload();
  await expect(reader.getByRole('region', { name: 'Our verdict' })).toContainText('Mostly true');
  await expect(reader.getByRole('region', { name: 'Correction' })).toHaveCount(0);

  const second = await pageAs(browser, desk.editor2);
  await second.goto(`/claims/${claim.id}`);
  const decision = second.getByRole('region', { name: 'A corrected verdict is waiting for approval' });
  await decision.getByRole('button', { name: 'Approve correction' }).click();
  await expect(second.getByRole('form', { name: 'Decide on the correction' })).toHaveCount(0);
  await expect(second.getByRole('region', { name: 'Verdict', exact: true })).toContainText('proposed by Erin Editor, approved by Ezra Editor');

  await reader.reload();
  const notice = reader.getByRole('region', { name: 'Correction' });
  await expect(notice).toContainText('The department revised its 2025 figure.');
  await expect(notice).toContainText('Previous verdict: Mostly true; now: Half true.');
  await expect(notice).toContainText(new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric' }).format(new Date()));
  await expect(reader.getByRole('region', { name: 'Our verdict' })).toContainText('Half true');
  const corrected = (await claimReviewOf(request, publicPath)).ld;
  expect(corrected.reviewRating).toMatchObject({ alternateName: 'Half true', ratingValue: 5 });
  const madeAt = await prisma.correction.findFirstOrThrow({ where: { claimId: claim.id, status: 'APPROVED' } });
  expect(corrected.dateModified).toBe(madeAt.decidedAt!.toISOString());
  expect(corrected.datePublished).toBe(stored.firstPublishedAt!.toISOString());

  await reader.getByRole('link', { name: 'Corrections by Demo Fact Check' }).click();
  await expect(reader.getByRole('heading', { level: 1, name: 'Corrections by Demo Fact Check' })).toBeVisible();
  await expect(reader.getByRole('listitem').filter({ hasText: claim.text })).toContainText(
    'From Mostly true to Half true: The department revised its 2025 figure.',
  );

  // Unpublishing is a correction too: proposed, approved by another editor, then a 404 with a dated withdrawal.
  await page.reload();
  await page.locator('summary', { hasText: 'Propose unpublishing' }).click();
  const unpublish = page.getByRole('form', { name: 'Propose unpublishing' });
  await unpublish.getByLabel('Reason for readers').fill('The figure is under review by the department.');
  await unpublish.getByRole('button', { name: 'Propose unpublishing' }).click();
  await expect(page.getByRole('region', { name: 'Taking this fact-check off its public page is waiting for approval' })).toBeVisible();
  expect((await request.get(publicPath)).status()).toBe(200);
  await second.reload();
  await second.getByRole('button', { name: 'Approve correction' }).click();
  await expect(second.getByRole('form', { name: 'Publish fact-check' })).toBeVisible();
  await expect.poll(async () => (await request.get(publicPath)).status()).toBe(404);
  await reader.reload();
  await expect(reader.getByRole('listitem').filter({ hasText: 'The figure is under review' })).toContainText('Withdrawn');
  await expect(reader.getByRole('link', { name: claim.text })).toHaveCount(0);
});

test('an article report lists its published fact-checks only; checkers cannot publish', async ({ page, browser, request, desk }) => {
  const { article, claim, unpublished } = await approvedClaim(desk);
  await prisma.claim.update({ where: { id: claim.id }, data: { publishedAt: new Date(), firstPublishedAt: new Date() } });
  const reportPath = `/t/${desk.team.slug}/reports/${article.id}`;
  expect((await request.get(reportPath)).status()).toBe(404);

  await signIn(page, desk.editor);
  await page.goto(`/articles/${article.id}`);
  await page.getByRole('form', { name: 'Article report' }).getByRole('button', { name: 'Publish report' }).click();
  await expect(page.getByRole('link', { name: 'public report' })).toHaveAttribute('href', reportPath);

  const reader = await (await browser.newContext()).newPage();
  await reader.goto(reportPath);
  await expect(reader.getByRole('heading', { level: 1, name: article.title })).toBeVisible();
  await expect(reader.getByRole('listitem')).toHaveCount(1);
  await expect(reader.getByRole('listitem')).toContainText(claim.text);
  await expect(reader.getByText(unpublished.text)).toHaveCount(0);
  await reader.getByRole('link', { name: /^Read the fact-check/ }).click();
  await expect(reader.getByRole('blockquote').first()).toHaveText(claim.text);

  await page.getByRole('form', { name: 'Article report' }).getByRole('button', { name: 'Unpublish report' }).click();
  await expect(page.getByRole('form', { name: 'Article report' }).getByRole('button', { name: 'Publish report' })).toBeVisible();
  await expect.poll(async () => (await request.get(reportPath)).status()).toBe(404);

  const checker = await pageAs(browser, desk.checker);
  await checker.goto(`/claims/${unpublished.id}`);
  await expect(checker.getByRole('region', { name: 'Publishing' })).toContainText('Not published');
  await expect(checker.getByRole('button', { name: 'Publish' })).toHaveCount(0);
});
