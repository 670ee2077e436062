import { createArticle } from '@/lib/testing/factories';
import { expect, importFixture, prisma, signIn, test } from './fixtures';

test('a checker sees similar approved claims from other articles and reuses one, which still goes to review', async ({ page, desk }) => {
  // An earlier article with an approved verdict and evidence.
  const earlier = await createArticle(prisma, {
    teamId: desk.team.id,
    actorId: desk.editor.id,
    text: 'Transit Figures Disputed\n\nThe U.S. Department of Transportation said ridership rose 12.5% in 2025.',
  });
  const source = await prisma.claim.findFirstOrThrow({ where: { articleId: earlier.id } });
  const mostlyFalse = await prisma.verdictLabel.findFirstOrThrow({ where: { teamId: desk.team.id, name: 'Mostly false' } });
  await prisma.claim.update({
    where: { id: source.id },
    data: {
      status: 'APPROVED',
      verdictLabelId: mostlyFalse.id,
      rationale: 'The agency’s own table shows 9.8%.',
      assigneeId: desk.checker2.id,
      proposedById: desk.checker2.id,
    },
  });
  await prisma.evidence.create({
    data: {
      teamId: desk.team.id,
      claimId: source.id,
      url: 'https://example.gov/ridership-2025',
      title: 'Ridership table 2025',
      stance: 'REFUTES',
      authorId: desk.checker2.id,
    },
  });

  const article = await importFixture(desk, 'transit-budget');
  const claim = await prisma.claim.findFirstOrThrow({ where: { articleId: article.id, position: 1 } });
  await prisma.claim.update({ where: { id: claim.id }, data: { status: 'IN_RESEARCH', assigneeId: desk.checker.id } });

  await signIn(page, desk.checker);
  await page.goto(`/claims/${claim.id}`);
  const similar = page.getByRole('list', { name: 'Similar approved claims, most similar first' });
  await expect(similar.getByRole('listitem')).toHaveCount(1);
  await expect(similar).toContainText(source.text);
  await expect(similar).toContainText('Mostly false');
  await expect(similar).toContainText('% similar');

  await similar.getByRole('button', { name: 'Reuse this verdict' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Verdict, rationale and evidence copied.' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Ridership table 2025' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'an earlier claim' })).toHaveAttribute('href', `/claims/${source.id}`);
  await expect(page.getByRole('list', { name: 'History, newest first' }).getByRole('listitem').first()).toContainText('reused the verdict “Mostly false”');
  const after = await prisma.claim.findUniqueOrThrow({ where: { id: claim.id } });
  expect(after).toMatchObject({ status: 'IN_RESEARCH', verdictLabelId: mostlyFalse.id, reusedFromId: source.id });

  // It still goes through review.
  await page.getByRole('form', { name: 'Propose verdict' }).getByRole('button', { name: 'Submit for review' }).click();
  await expect(page.getByText('In review').first()).toBeVisible();
});
