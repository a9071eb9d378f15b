// A first visit starts its API reads while the wasm downloads (assets/first-reads.js), and
// the app takes each of them instead of asking again (src/api/first_reads.rs). Run over a
// slow link so "while the wasm downloads" is a second wide, served by the sandbox and by
// nginx with the production CSP (any console error or CSP violation fails it).
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Page, Request } from '@playwright/test';
import { test, expect } from './fixtures';
import { signIn } from './actions-helpers';

const ALISON = 'alison.ferguso';

/** What the first rendered row is on each page. */
const FIRST_ROW = {
  '/': '.mt-widget__item', '/widget': '.mt-widget__item',
  '/tasks/pending': '.mt-table__row', '/tasks/completed': '.mt-table__row',
} as const;

/** Chromium's slow-4G emulation, as bench/first-visit.mjs uses it. */
async function slowNetwork(page: Page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false, latency: 150, downloadThroughput: 1.6e6 / 8, uploadThroughput: 750e3 / 8,
  });
}

const isApiRead = (request: Request) =>
  request.method() === 'GET' && (new URL(request.url()).pathname.includes('/work-items')
    || new URL(request.url()).pathname === '/config.json');

for (const through of ['sandbox', 'nginx'] as const) {
  test.describe(`first reads, served by ${through}`, () => {
    test.use({ through, strictConsole: true });

    for (const path of Object.keys(FIRST_ROW) as (keyof typeof FIRST_ROW)[]) {
      test(`${path}: every read of the first paint leaves before the wasm is in, and none is sent twice`, async ({ page, sandbox }) => {
        test.setTimeout(90_000);
        await signIn(page, sandbox, ALISON, '/');
        // The signed-in page's own reads are over before this visit's are counted.
        await page.waitForLoadState('networkidle');
        await slowNetwork(page);
        const reads: { url: string; at: number }[] = [];
        let wasmDone = Number.POSITIVE_INFINITY;
        page.on('request', (request) => {
          if (isApiRead(request)) reads.push({ url: request.url(), at: Date.now() });
        });
        page.on('requestfinished', (request) => {
          if (new URL(request.url()).pathname.endsWith('.wasm')) wasmDone = Date.now();
        });

        await page.goto(path);
        await expect(page.locator(FIRST_ROW[path]).first()).toBeVisible({ timeout: 30_000 });
        const firstPaint = reads.slice();
        await page.waitForLoadState('networkidle');

        expect(Number.isFinite(wasmDone), 'the wasm was fetched').toBe(true);
        expect(firstPaint.some((r) => r.url.includes('/work-items')), 'work items were read').toBe(true);
        const late = firstPaint.filter((r) => r.at >= wasmDone).map((r) => r.url);
        expect(late, 'reads that waited for the wasm').toEqual([]);
        const urls = reads.map((r) => r.url);
        const twice = urls.filter((url, i) => urls.indexOf(url) !== i);
        expect(twice, 'reads sent twice').toEqual([]);
      });
    }
  });
}

test('a later visit starts its reads from the config the last one read, and starts again when config.json changed', async ({ page, sandbox }) => {
  await signIn(page, sandbox, ALISON, '/');
  // The signed-in page's own reads are over before the next visit's are counted.
  await page.waitForLoadState('networkidle');
  // As if the last visit had read a config that sent work items to the per-service paths.
  await page.evaluate(() => {
    const key = 'my-tasks.first-reads.config';
    const config = JSON.parse(sessionStorage.getItem(key) ?? 'null');
    if (!config) throw new Error('the first visit remembered no config');
    sessionStorage.setItem(key, JSON.stringify({ ...config, workItemsPath: '/work-items/v1' }));
  });
  const reads: string[] = [];
  page.on('request', (request) => {
    if (isApiRead(request)) reads.push(new URL(request.url()).pathname);
  });
  await page.goto('/tasks/pending');
  await expect(page.locator(FIRST_ROW['/tasks/pending']).first()).toBeVisible();
  await page.waitForLoadState('networkidle');
  // The remembered config's reads went out at once; the app, configured by the real
  // config.json, did not take them, and took the reads started again from it instead.
  expect(reads.filter((p) => p.startsWith('/work-items/v1')).length).toBe(3);
  expect(reads.filter((p) => p === '/v2024/work-items').length).toBe(1);
  expect(reads.filter((p) => p === '/v2024/work-items/count').length).toBe(1);
});

/** Serves the app its config.json with `changes` applied. */
async function configWith(page: Page, changes: Record<string, unknown>) {
  const dist = process.env.DIST_DIR ?? join(resolve(__dirname, '..'), 'dist');
  const config = { ...JSON.parse(readFileSync(join(dist, 'config.json'), 'utf8')), ...changes };
  await page.route('**/config.json', (route) => route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(config) }));
}

test.describe('first reads and the path family', () => {
  test.use({ strictConsole: true });

  test('workItemsPath "/v2024" written out (the default) starts the reads at the work-item paths, each taken once', async ({ page, sandbox }) => {
    await configWith(page, { workItemsPath: '/v2024' });
    await signIn(page, sandbox, ALISON, '/');
    // The signed-in page's own reads are over before the next visit's are counted: one
    // still going out as the listener starts looked like a read sent twice.
    await page.waitForLoadState('networkidle');
    const reads: string[] = [];
    page.on('request', (request) => {
      const url = new URL(request.url());
      if (request.method() === 'GET' && url.pathname.startsWith('/v2024')) reads.push(url.pathname + url.search);
    });
    await page.goto('/');
    await expect(page.locator(FIRST_ROW['/']).first()).toBeVisible();
    await page.waitForLoadState('networkidle');
    expect(reads.filter((p) => !p.startsWith('/v2024/work-items')), 'reads outside the work-item paths').toEqual([]);
    expect(reads.filter((p, i) => reads.indexOf(p) !== i), 'reads sent twice').toEqual([]);
  });

  test('a config.json the app refuses (an unknown workItemsPath) starts no reads', async ({ page, sandbox }) => {
    await signIn(page, sandbox, ALISON, '/');
    await configWith(page, { workItemsPath: '/v3' });
    const reads: string[] = [];
    page.on('request', (request) => {
      if (request.method() === 'GET' && new URL(request.url()).pathname.startsWith('/v3')) reads.push(request.url());
    });
    await page.goto('/');
    await expect(page.getByRole('heading', { name: 'My Tasks cannot start' })).toBeVisible();
    await page.waitForLoadState('networkidle');
    expect(reads).toEqual([]);
  });
});
