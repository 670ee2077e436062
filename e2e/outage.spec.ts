import type { ChildProcess } from 'node:child_process';
import net from 'node:net';
import type { Page } from '@playwright/test';
import { freePort, startNext, stopProcessGroup, waitForHttp } from '../scripts/lib/next';
import { expect, importFixture, signIn, test } from './fixtures';

/**
 * A TCP proxy between PostgreSQL and an app instance of this test's own, so the database can
 * "go away" for that instance only: `cut` refuses new connections and drops the open ones.
 */
function databaseProxy(target: { host: string; port: number }, port: number) {
  const sockets = new Set<net.Socket>();
  let server: net.Server | undefined;
  const track = (s: net.Socket) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
    s.on('error', () => s.destroy());
  };
  return {
    open: () =>
      new Promise<void>((resolve, reject) => {
        server = net.createServer((client) => {
          const upstream = net.connect(target.port, target.host);
          track(client);
          track(upstream);
          client.on('close', () => upstream.destroy());
          upstream.on('close', () => client.destroy());
          client.pipe(upstream).pipe(client);
        });
        server.once('error', reject);
        server.listen(port, '127.0.0.1', () => resolve());
      }),
    cut: async () => {
      const closed = new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
      for (const s of sockets) s.destroy();
      await closed;
      server = undefined;
    },
  };
}

test.describe('the database goes away and comes back', () => {
  test.skip(process.env.CLAIMDESK_EMBEDDED === '1', 'needs a PostgreSQL server to put a proxy in front of');
  let app: ChildProcess | undefined;
  let appUrl = '';
  let proxy: ReturnType<typeof databaseProxy>;

  test.beforeAll(async () => {
    const database = new URL(process.env.DATABASE_URL!);
    const proxyPort = await freePort();
    proxy = databaseProxy({ host: database.hostname, port: Number(database.port || 5432) }, proxyPort);
    await proxy.open();
    const viaProxy = new URL(database);
    viaProxy.host = `127.0.0.1:${proxyPort}`;
    const port = await freePort();
    app = startNext({ DATABASE_URL: viaProxy.toString(), CLAIMDESK_EMBEDDED: '0', AUTH_SECRET: process.env.AUTH_SECRET! }, port, {
      host: '127.0.0.1',
      stdio: 'pipe',
    });
    appUrl = `http://127.0.0.1:${port}`;
    await waitForHttp(`${appUrl}/login`);
  });
  test.afterAll(async () => {
    stopProcessGroup(app);
    await proxy?.cut();
  });

  const health = async (page: Page) => {
    const response = await page.request.get(`${appUrl}/api/health`, { timeout: 20_000 });
    return { status: response.status(), body: await response.json() };
  };

  test('pages say the desk is temporarily unavailable, /api/health says 503, and both recover by themselves', async ({ browser, desk }) => {
    test.slow(); // a second server on two cores
    await importFixture(desk, 'transit-budget');
    const page = await (await browser.newContext({ baseURL: appUrl })).newPage();
    await signIn(page, desk.admin);
    expect(await health(page)).toEqual({ status: 200, body: { status: 'ok', database: 'up' } });

    await proxy.cut();
    expect(await health(page)).toEqual({ status: 503, body: { status: 'unavailable', database: 'down' } });
    const exportResponse = await page.request.get(`${appUrl}/api/export/audit?format=csv`);
    expect(exportResponse.status()).toBe(503);
    expect(await exportResponse.json()).toEqual({ error: expect.stringMatching(/temporarily unavailable/) });
    const response = await page.goto('/articles');
    expect(response?.status()).toBeGreaterThanOrEqual(500);
    await expect(page.getByRole('heading', { level: 1, name: 'Temporarily unavailable' })).toBeVisible({ timeout: 20_000 });
    await expect(page.getByRole('status')).toContainText('cannot reach its database');

    await proxy.open();
    // No reload: the error page notices the database is back and loads the page again.
    await expect(page.getByRole('heading', { level: 1, name: 'Articles' })).toBeVisible({ timeout: 30_000 });
    await expect(page.getByRole('link', { name: 'City Council Approves $4.5M Budget for Transit' })).toBeVisible();
    await expect.poll(async () => (await health(page)).status, { timeout: 20_000 }).toBe(200);
  });
});
