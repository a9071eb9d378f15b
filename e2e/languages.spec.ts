// Issue 7 journeys: only the visitor's language is downloaded. English is compiled into the
// wasm; German and Arabic are files beside it (`<lang>-<hash>.txt`, written by
// scripts/postbuild.py, cached as immutable), started by the boot script while the wasm
// downloads and taken by the app. A German page's words come from its file, an English
// page asks for none, config.json's `locale` can choose one, and a file that cannot be
// loaded leaves a working page in English.
import type { Page, Request, Route } from '@playwright/test';
import { test, expect } from './fixtures';
import { signIn } from './actions-helpers';

/** A language's catalogue file of either build. */
const CATALOGUE = /\/(?:w\/)?(de|ar)-[0-9a-f]{16}\.txt$/;

/** Every catalogue file the page asks for, as it asks. */
function catalogueRequests(page: Page): Request[] {
  const seen: Request[] = [];
  page.on('request', (request) => {
    if (CATALOGUE.test(new URL(request.url()).pathname)) seen.push(request);
  });
  return seen;
}

/** The catalogue files the boot script names, by language. */
async function namedCatalogues(page: Page): Promise<Record<string, string>> {
  return page.evaluate(() => (globalThis as any).myTasksFirstReads?.catalogues ?? {});
}

const pathOf = (request: Request) => new URL(request.url()).pathname;

test.describe('in German', () => {
  test.use({ locale: 'de-DE' });

  test('the full app and the widget speak German from their own catalogue file, fetched once', async ({ page }) => {
    const asked = catalogueRequests(page);
    // Change one German word on its way in: the page can only show it if it reads the file.
    await page.route(CATALOGUE, async (route) => {
      const response = await route.fetch();
      const text = await response.text();
      expect(text).toContain('\u{1e}sign-in\u{1f}Anmelden\u{1e}');
      await route.fulfill({ response, body: text.replace('\u{1e}sign-in\u{1f}Anmelden\u{1e}', '\u{1e}sign-in\u{1f}Anmelden (aus der Datei)\u{1e}') });
    });
    await page.goto('/');
    await expect(page.getByRole('button', { name: 'Anmelden (aus der Datei)', exact: true })).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'de');
    await expect(page).toHaveTitle('Meine Aufgaben');
    const named = await namedCatalogues(page);
    expect(Object.keys(named).sort()).toEqual(['ar', 'de']);
    // The boot script started it; the app took that read instead of sending its own.
    expect(asked.map(pathOf)).toEqual([named.de]);
    expect(named.de).toMatch(/^\/de-[0-9a-f]{16}\.txt$/);

    // The widget build has its own, smaller file (the widget's words only).
    asked.length = 0;
    await page.goto('/widget');
    await expect(page.getByRole('button', { name: 'Anmelden (aus der Datei)', exact: true })).toBeVisible();
    const widget = await namedCatalogues(page);
    expect(widget.de).toMatch(/^\/w\/de-[0-9a-f]{16}\.txt$/);
    expect(asked.map(pathOf)).toEqual([widget.de]);
  });

  test('a catalogue file that cannot be loaded leaves a working page in English, and says so in the console', async ({ page, sandbox }) => {
    const aborted: string[] = [];
    await page.route(CATALOGUE, (route) => {
      aborted.push(pathOf(route.request()));
      return route.abort();
    });
    const warnings: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'warning') warnings.push(message.text());
    });
    await page.goto('/tasks/pending');
    await expect(page.getByRole('button', { name: 'Sign in', exact: true })).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(page.locator('html')).toHaveAttribute('dir', 'ltr');
    expect(warnings.some((w) => w.includes('the words in de cannot be loaded'))).toBeTruthy();
    // The boot script's request, then the app's own try.
    expect(aborted.length).toBeGreaterThanOrEqual(1);
    expect(aborted.every((path) => /^\/de-/.test(path))).toBeTruthy();

    // The page works: sign in (the sandbox's page follows the app, which speaks English
    // here, not the browser's German) and use it.
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.getByRole('button', { name: `Sign in as ${sandbox.identity('alison.ferguso').name}` }).click();
    await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
    await expect(page.getByRole('tab', { name: /Pending/ })).toBeVisible();
    await expect(page.getByRole('table').getByRole('row').nth(1)).toBeVisible();
  });
});

test.describe('in English', () => {
  test.use({ locale: 'en-US' });

  test('picked German on Task Manager: the boot script starts the file once the tab\'s first page is in', async ({ page, sandbox }) => {
    await signIn(page, sandbox, 'alison.ferguso');
    await page.evaluate(() => localStorage.setItem('my-tasks.language', 'de'));
    // The first page answers after 1 s and the wasm after 2 s, as on a slow link: the
    // words must not share the link with the page the preview draws, and must not wait
    // for the app either.
    const hold = (ms: number) => (route: Route) =>
      new Promise((resolve) => setTimeout(resolve, ms)).then(() => route.continue());
    await page.route(/\/v2024\/work-items\?limit=250&offset=0&count=true$/, hold(1000));
    await page.route(/\/my-tasks-[0-9a-f]{1,16}_bg\.wasm$/, hold(2000));
    // Routed too, so that the file is asked for over the network, not from the cache.
    await page.route(CATALOGUE, (route) => route.continue());
    await page.goto('/tasks/pending');
    await expect(page.getByRole('button', { name: 'Abmelden' })).toBeVisible();
    await expect(page.getByRole('table').getByRole('row').nth(1)).toBeVisible();
    const named = await namedCatalogues(page);
    const timing = await page.evaluate(() => performance.getEntriesByType('resource')
      .map((e) => ({ path: new URL(e.name).pathname + new URL(e.name).search, start: e.startTime, end: e.responseEnd })));
    const files = timing.filter((e) => e.path === named.de);
    expect(files.length).toBe(1);
    const firstPage = timing.find((e) => e.path.endsWith('?limit=250&offset=0&count=true'))!;
    const wasm = timing.find((e) => e.path.endsWith('_bg.wasm'))!;
    expect(files[0].start).toBeGreaterThanOrEqual(firstPage.end);
    expect(files[0].start).toBeLessThan(wasm.end);
  });

  test('an English page asks for no catalogue file, though the build has them', async ({ page }) => {
    const asked = catalogueRequests(page);
    for (const path of ['/', '/widget']) {
      await page.goto(path);
      await expect(page.getByRole('button', { name: 'Sign in', exact: true })).toBeVisible();
      await expect(page.locator('html')).toHaveAttribute('lang', 'en');
      const named = await namedCatalogues(page);
      expect(Object.keys(named).sort(), path).toEqual(['ar', 'de']);
    }
    expect(asked.map(pathOf)).toEqual([]);
  });
});

test.describe('config.json chooses', () => {
  // A browser language the app does not have: config.json's `locale` decides.
  test.use({ locale: 'fr-FR' });

  test('its locale fetches that language\'s file (Arabic), once, and nothing else', async ({ page }) => {
    const asked = catalogueRequests(page);
    await page.route('**/config.json', async (route) => {
      const response = await route.fetch();
      await route.fulfill({ response, json: { ...await response.json(), locale: 'ar' } });
    });
    await page.goto('/');
    await expect(page.getByRole('button', { name: 'تسجيل الدخول', exact: true })).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'ar');
    await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
    await expect(page).toHaveTitle('مهامي');
    const named = await namedCatalogues(page);
    expect(named.ar).toMatch(/^\/ar-[0-9a-f]{16}\.txt$/);
    expect(asked.map(pathOf)).toEqual([named.ar]);
  });
});

test.describe('behind nginx', () => {
  test.use({ through: 'nginx', strictConsole: true, locale: 'ar' });

  test('the catalogue files are served precompressed, cached as immutable, and allowed by the CSP', async ({ page, request }) => {
    const asked = catalogueRequests(page);
    await page.goto('/');
    await expect(page.getByRole('button', { name: 'تسجيل الدخول', exact: true })).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
    const named = await namedCatalogues(page);
    expect(named.ar).toMatch(/^\/ar-[0-9a-f]{16}\.txt$/);
    expect(asked.map(pathOf)).toEqual([named.ar]);
    for (const file of [named.ar, named.de]) {
      for (const encoding of ['br', 'gzip']) {
        const response = await request.get(file, { headers: { 'Accept-Encoding': encoding } });
        expect(response.status(), file).toBe(200);
        expect(response.headers()['content-encoding'], file).toBe(encoding);
        expect(response.headers()['cache-control'], file).toBe('public, max-age=31536000, immutable');
        expect(response.headers()['content-type'], file).toMatch(/^text\/plain/);
        expect(response.headers()['x-content-type-options'], file).toBe('nosniff');
      }
    }
  });
});
