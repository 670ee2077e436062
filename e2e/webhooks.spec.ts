import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { verifySignature } from '@/lib/webhooks/signature';
import { expect, importFixture, signIn, test } from './fixtures';

type Received = { headers: http.IncomingHttpHeaders; body: string };

/** A receiver on this machine that fails its first request and accepts the rest. */
async function startReceiver() {
  const received: Received[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      received.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
      res.writeHead(received.length === 1 ? 503 : 204).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/claimdesk-hook`,
    received,
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}

test('an admin registers a webhook that receives a signed event, retried until it succeeds', async ({ page, desk }) => {
  const receiver = await startReceiver();
  try {
    await signIn(page, desk.admin);
    await page.goto('/settings/webhooks');
    const form = page.getByRole('form', { name: 'Register a webhook' });
    await form.getByLabel('URL').fill(receiver.url);
    await form.getByRole('button', { name: 'Register webhook' }).click();
    await expect(form.getByRole('status')).toContainText('Choose at least one event.');
    await expect(form.getByLabel('URL')).toHaveValue(receiver.url);

    const events = form.getByRole('group', { name: 'Events' });
    await events.getByRole('checkbox', { name: /An article is imported/ }).check();
    await form.getByRole('button', { name: 'Register webhook' }).click();
    const shown = form.getByRole('status');
    await expect(shown).toContainText('Copy its signing secret now');
    const secret = (await shown.textContent())!.match(/whsec_[\w-]+/)![0];
    await expect(page.getByRole('region', { name: 'Webhooks of the team' })).toContainText(receiver.url);

    const article = await importFixture(desk);

    await expect.poll(() => receiver.received.length, { timeout: 15_000 }).toBe(2);
    for (const { headers, body } of receiver.received) {
      expect(verifySignature(secret, headers['claimdesk-signature'] as string, body)).toBe(true);
      expect(headers['claimdesk-event']).toBe('article.imported');
      expect(JSON.parse(body)).toMatchObject({ event: 'article.imported', team: { id: desk.team.id }, data: { articleId: article.id } });
    }
    expect(receiver.received[1].headers['claimdesk-delivery']).toBe(receiver.received[0].headers['claimdesk-delivery']);

    const log = page.getByRole('table', { name: /webhook deliveries, newest first/ });
    await expect(async () => {
      await page.reload();
      const row = log.getByRole('row').filter({ hasText: 'article.imported' });
      await expect(row).toContainText('Delivered');
      await expect(row.getByRole('cell', { name: '204', exact: true })).toBeVisible();
      await expect(row.getByRole('cell', { name: '2', exact: true })).toBeVisible();
    }).toPass({ timeout: 10_000 });

    const rotate = page.getByRole('form', { name: `Rotate the secret of ${receiver.url}` });
    await rotate.getByRole('button', { name: 'Rotate secret' }).click();
    await expect(rotate.getByRole('status')).toContainText('Copy its signing secret now');
    expect((await rotate.getByRole('status').textContent())!.match(/whsec_[\w-]+/)![0]).not.toBe(secret);

    await page
      .getByRole('form', { name: `Disable ${receiver.url}` })
      .getByRole('button', { name: 'Disable' })
      .click();
    await expect(page.getByRole('form', { name: `Enable ${receiver.url}` })).toBeVisible();
    await page
      .getByRole('form', { name: `Delete ${receiver.url}` })
      .getByRole('button', { name: 'Delete' })
      .click();
    await expect(page.getByText('No webhooks yet')).toBeVisible();
  } finally {
    await receiver.close();
  }
});

test('editors cannot reach webhook settings', async ({ page, desk }) => {
  await signIn(page, desk.editor);
  await page.goto('/settings/webhooks');
  await expect(page.getByText('Only admins manage the team’s webhooks.')).toBeVisible();
  await expect(page.getByRole('form', { name: 'Register a webhook' })).toHaveCount(0);
  await expect(page.getByRole('table')).toHaveCount(0);
});
