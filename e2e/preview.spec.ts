// While the wasm downloads, the boot script draws a read-only preview of a Task Manager
// tab's first rows from its first read (assets/preview.js), and the app removes it as it
// starts (src/main.rs). Each test holds the wasm (route interception) so that "before the
// app arrives" lasts as long as the test needs, then lets it through. Served by the sandbox
// and by nginx with the production CSP; any CSP violation fails every test, and the tests
// with strictConsole fail on any console error too.
import type { Locator, Page } from '@playwright/test';
import { audit } from './axe';
import { test, expect, type Sandbox } from './fixtures';
import type { Item } from './actions-helpers';

const ALISON = 'alison.ferguso';
/** The app's first read of each tab (assets/first-reads.js, src/hooks/queue.rs). */
const FIRST_PAGE = {
  pending: '/v2024/work-items?limit=250&offset=0&count=true',
  completed: '/v2024/work-items/completed?limit=250&offset=0&count=true',
} as const;
type Tab = keyof typeof FIRST_PAGE;

/** Work items as the API sends them, with the fields the table shows. */
type Row = Item & { type?: string; created?: string; completed?: string | null; requesterDisplayName?: string };

/** Signs `alias` in as a returning visit would: the session is in sessionStorage before
 * any page loads (as bench/first-visit.mjs does), so no page of the app loads first. */
async function signedIn(page: Page, sandbox: Sandbox, alias = ALISON) {
  const session = JSON.stringify({
    access_token: await sandbox.token(alias), refresh_token: null, expires_at_ms: Date.now() + 3_600_000,
  });
  await page.addInitScript((s) => sessionStorage.setItem('my-tasks.session', s), session);
}

/** Holds every request for the wasm until the returned function is called. */
async function holdWasm(page: Page): Promise<() => void> {
  let release!: () => void;
  const released = new Promise<void>((ok) => { release = ok; });
  await page.route('**/*.wasm', async (route) => {
    await released;
    await route.continue().catch(() => { /* the page went elsewhere meanwhile */ });
  });
  return release;
}

/** When an item was done, else created: what "newest" sorts by (src/logic/list.rs). */
const recent = (i: Row) => Date.parse(i.completed ?? i.created ?? '') || -Infinity;

/** A tab's first page newest first, as the app sorts it by default. */
async function newestFirst(sandbox: Sandbox, tab: Tab = 'pending'): Promise<Row[]> {
  const items: Row[] = await sandbox.getJson(ALISON, FIRST_PAGE[tab]);
  const at = recent;
  return items.map((item, seq) => ({ item, seq }))
    .sort((a, b) => at(b.item) - at(a.item) || a.seq - b.seq)
    .map(({ item }) => item);
}

/** What a table shows, by column: the headings, and for each row its type, name, link,
 * requester, identities / accounts, sources and age. */
async function tableTexts(table: Locator) {
  return table.evaluate((t) => ({
    headings: [...t.querySelectorAll('thead th')].map((th) => th.textContent!.trim()),
    rows: [...t.querySelectorAll('tbody tr.mt-table__row')].map((tr) => {
      const cells = [...tr.querySelectorAll('td')];
      return {
        type: tr.querySelector('.mt-tag')!.textContent,
        name: tr.querySelector('.mt-table__name a')!.textContent,
        href: tr.querySelector('.mt-table__name a')!.getAttribute('href'),
        cells: cells.slice(2, 5).map((c) => c.textContent),
        age: cells[5].querySelector('span')!.textContent,
        // The Completed tab's outcome: its state's badge, the tally, the whole as a title.
        outcome: tr.querySelector('.mt-table__outcome') && {
          text: tr.querySelector('.mt-table__outcome')!.textContent,
          state: tr.querySelector('.mt-table__outcome .mt-state')!.textContent,
          badge: tr.querySelector('.mt-table__outcome .mt-state')!.className,
          title: tr.querySelector('.mt-table__outcome')!.getAttribute('title'),
        },
      };
    }),
  }));
}

/** Whether the rows drawn are those that fill the view: the last reaches the bottom of the
 * view or of the table's scroller, the one before it does not. */
async function fillsTheView(preview: Locator, rowSelector: string, scroller?: string) {
  return preview.evaluate((p, [rowSelector, scroller]) => {
    const rows = [...p.querySelectorAll(rowSelector)];
    const limit = Math.min(innerHeight, scroller ? p.querySelector(scroller)!.getBoundingClientRect().bottom : Infinity);
    const bottom = (i: number) => rows[i].getBoundingClientRect().bottom;
    const last = rows.length - 1;
    return last >= 0 && bottom(last) >= limit - 1 && (last === 0 || bottom(last - 1) < limit);
  }, [rowSelector, scroller] as const);
}

/** Counts the GETs of a tab's first page, to show the preview sends none of its own. */
function countFirstPageReads(page: Page, tab: Tab): () => number {
  let n = 0;
  page.on('request', (r) => {
    const url = new URL(r.url());
    if (r.method() === 'GET' && url.pathname + url.search === FIRST_PAGE[tab]) n += 1;
  });
  return () => n;
}

/** The journey of a wide screen: the preview's table from the first read, then the app's. */
async function tableJourney(page: Page, sandbox: Sandbox, words: { headings: string[]; lang: string; dir: string }, tab: Tab = 'pending') {
  await signedIn(page, sandbox);
  const items = await newestFirst(sandbox, tab);
  const reads = countFirstPageReads(page, tab);
  const release = await holdWasm(page);
  await page.goto(`/tasks/${tab}`, { waitUntil: 'commit' });

  const preview = page.locator('#mt-preview');
  await expect(preview.locator('.mt-table__row').first()).toBeVisible();
  await expect(preview).toHaveAttribute('aria-busy', 'true');
  await expect(page.locator('html')).toHaveAttribute('lang', words.lang);
  await expect(page.locator('html')).toHaveAttribute('dir', words.dir);
  // The app has not started: its header has no Sign out, and no row of its own is there.
  await expect(page.locator('.mt-header__user')).toHaveCount(0);
  await expect(page.locator('.mt-table__row:not(#mt-preview *)')).toHaveCount(0);

  const drawn = await tableTexts(preview.locator('table'));
  expect(drawn.headings).toEqual(words.headings);
  const n = drawn.rows.length;
  // Alison has more pending items than fill the view.
  if (tab === 'pending') expect(n, 'rows enough to fill the view, not the whole page').toBeLessThan(items.length);
  if (n < items.length) expect(await fillsTheView(preview, '.mt-table__row', '.mt-table__scroll')).toBe(true);
  expect(drawn.rows.map((r) => r.name)).toEqual(items.slice(0, n).map((i) => i.name));
  if (tab === 'completed') {
    // English names the states as the API does; an item of several approval items says
    // how they were decided (the demo's expired one: none was).
    expect(drawn.rows.map((r) => r.outcome!.state)).toEqual(items.slice(0, n).map((i) => i.state));
    expect(drawn.rows.map((r) => r.outcome!.text)).toContain(`Expired ${'\u2068'}3 undecided${'\u2069'}`);
  }
  expect(drawn.rows.map((r) => r.href)).toEqual(items.slice(0, n).map((i) => `/items/${i.id}`));
  // Names are text: the demo data's "<script>…" name made no element.
  expect(await preview.locator('script, img, b').count()).toBe(0);
  await audit(page, `the preview of ${tab} in ${words.lang}`);

  release();
  await expect(preview).toHaveCount(0);
  const table = page.locator('table.mt-table');
  await expect(table.locator('.mt-table__row').nth(n - 1)).toBeVisible();
  await expect(table).toHaveCount(1);
  await expect(page.getByRole('link', { name: items[0].name!, exact: true })).toHaveCount(1);
  // The same words, rows and order once the app has them (ages of items less than an hour
  // old may have moved on a minute meanwhile).
  const app = await tableTexts(table);
  expect(app.headings).toEqual(drawn.headings);
  const young = (i: number) => Date.now() - recent(items[i]) < 3_600_000;
  const same = (rows: typeof drawn.rows) => rows.map((r, i) => ({ ...r, age: young(i) ? '' : r.age }));
  expect(same(app.rows.slice(0, n))).toEqual(same(drawn.rows));
  await page.waitForLoadState('networkidle');
  expect(reads(), 'the first page is read once, by the boot script, for the preview and the app').toBe(1);
}

const ENGLISH = {
  lang: 'en', dir: 'ltr',
  headings: ['Type', 'Name', 'Requester', 'Identity / account', 'Source', 'Waiting', 'Actions'],
};

for (const through of ['sandbox', 'nginx'] as const) {
  test.describe(`the preview of Pending, served by ${through}`, () => {
    test.use({ through, strictConsole: true });

    test('English: the first rows appear from the first read before the wasm, and the app replaces them once', async ({ page, sandbox }) => {
      await tableJourney(page, sandbox, ENGLISH);
    });
  });
}

test.describe('the preview of Completed', () => {
  test.use({ strictConsole: true });

  test('the done items newest first, with when each was completed and no actions, then the app\'s', async ({ page, sandbox }) => {
    await tableJourney(page, sandbox, {
      lang: 'en', dir: 'ltr', headings: ['Type', 'Name', 'Requester', 'Identity / account', 'Source', 'Completed', 'Outcome'],
    }, 'completed');
  });
});

test.describe('the preview of Pending in Arabic, chosen by the browser', () => {
  test.use({ locale: 'ar', strictConsole: true });

  test('right to left, with the catalogue\'s words, and the same words once the app replaces it', async ({ page, sandbox }) => {
    await tableJourney(page, sandbox, {
      lang: 'ar', dir: 'rtl',
      headings: ['النوع', 'الاسم', 'مقدّم الطلب', 'الهوية / الحساب', 'المصدر', 'مدة الانتظار', 'الإجراءات'],
    });
  });
});

test.describe('the preview of Pending on a phone, in German picked by the person', () => {
  test.use({ through: 'nginx', strictConsole: true, viewport: { width: 360, height: 780 } });

  test('cards with German words, real links, then the app\'s cards once', async ({ page, sandbox }) => {
    await signedIn(page, sandbox);
    await page.addInitScript(() => localStorage.setItem('my-tasks.language', 'de'));
    const items = await newestFirst(sandbox);
    const release = await holdWasm(page);
    await page.goto('/tasks/pending', { waitUntil: 'commit' });

    const preview = page.locator('#mt-preview');
    const cards = preview.locator('.mt-list .mt-row');
    await expect(cards.first()).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'de');
    await expect(preview.locator('.mt-table')).toHaveCount(0);
    await expect(preview.getByRole('heading', { level: 1 })).toHaveText('Aufgabenverwaltung');
    expect(await fillsTheView(preview, '.mt-list .mt-row')).toBe(true);
    const drawn = await cards.evaluateAll((list) => list.map((li) => ({
      name: li.querySelector('.mt-row__name')!.textContent,
      href: li.querySelector('a.mt-row__name')!.getAttribute('href'),
      type: li.querySelector('.mt-tag')?.textContent ?? null,
      facets: [...li.querySelectorAll('.mt-row__facet dt')].map((dt) => dt.textContent),
    })));
    const n = drawn.length;
    expect(n).toBeLessThan(items.length);
    expect(drawn.map((c) => c.name)).toEqual(items.slice(0, n).map((i) => i.name));
    expect(drawn.map((c) => c.href)).toEqual(items.slice(0, n).map((i) => `/items/${i.id}`));
    expect(drawn.flatMap((c) => c.facets)).toContain('Erstellt');
    await audit(page, 'the preview of pending cards in de');

    release();
    await expect(preview).toHaveCount(0);
    const appCards = page.locator('.mt-list .mt-row');
    await expect(appCards.nth(n - 1)).toBeVisible();
    const app = await appCards.evaluateAll((list) => list.map((li) => ({
      name: li.querySelector('.mt-row__name')!.textContent,
      href: li.querySelector('a.mt-row__name')!.getAttribute('href'),
      type: li.querySelector('.mt-tag')?.textContent ?? null,
      facets: [...li.querySelectorAll('.mt-row__facet dt')].map((dt) => dt.textContent),
    })));
    expect(app.slice(0, n)).toEqual(drawn);
    await expect(page.getByRole('link', { name: items[0].name!, exact: true })).toHaveCount(1);
  });
});

/** How far down the page the first row is, in the preview while it is shown, else in the app. */
const firstRowTop = (page: Page, wide: boolean) => page.evaluate((wide) => {
  const row = document.querySelector(wide ? '.mt-table__row' : '.mt-list .mt-row');
  return row ? row.getBoundingClientRect().top + scrollY : null;
}, wide);

/** One cold visit of a tab, its wasm held until the preview is drawn: where the first row
 * was in the preview and where it is once the app has taken over. */
async function handOver(page: Page, tab: Tab, wide: boolean) {
  const release = await holdWasm(page);
  await page.goto(`/tasks/${tab}`, { waitUntil: 'commit' });
  await expect(page.locator('#mt-preview').locator(wide ? '.mt-table__row' : '.mt-row').first()).toBeVisible();
  const before = (await firstRowTop(page, wide))!;
  release();
  await expect(page.locator('#mt-preview')).toHaveCount(0);
  const after = (await firstRowTop(page, wide))!;
  await page.unroute('**/*.wasm');
  return { before, after };
}

test.describe('the preview hands over without moving the rows', () => {
  test.use({ strictConsole: true });

  for (const { tab, width, lang } of [
    { tab: 'pending', width: 1280, lang: 'en' },
    { tab: 'completed', width: 1280, lang: 'en' },
    { tab: 'pending', width: 360, lang: 'en' },
  ] as const) {
    test(`${tab} at ${width} px in ${lang}: room is kept for what the app draws above the rows`, async ({ page, sandbox }) => {
      await page.setViewportSize({ width, height: 800 });
      await signedIn(page, sandbox);
      await page.addInitScript((l) => localStorage.setItem('my-tasks.language', l), lang);
      const { before, after } = await handOver(page, tab, width >= 900);
      // First visit in this browser: the room is the preview's estimate (ROOM in preview.js).
      expect(Math.abs(after - before), `the first row moved from ${before} to ${after}`).toBeLessThanOrEqual(4);
    });
  }

  test('at a width the estimate misses, the room measured as one preview handed over keeps the next one\'s rows in place', async ({ page, sandbox }) => {
    await page.setViewportSize({ width: 1000, height: 800 });
    await signedIn(page, sandbox);
    await page.addInitScript(() => localStorage.setItem('my-tasks.language', 'de'));
    const first = await handOver(page, 'pending', true);
    // German's longer words wrap the toolbar: more room than the estimate kept.
    expect(first.after - first.before).toBeGreaterThan(20);
    const rooms = await page.evaluate(() => JSON.parse(localStorage.getItem('my-tasks.preview-room') ?? '[]'));
    expect(rooms).toEqual([expect.objectContaining({ tab: 'pending', lang: 'de', width: 1000 })]);
    const second = await handOver(page, 'pending', true);
    expect(Math.abs(second.after - second.before), `the first row moved from ${second.before} to ${second.after}`).toBeLessThanOrEqual(1);
    expect(second.before).toBeCloseTo(first.after, 0);
  });

  test('the app\'s loading line is never seen: the preview stays over the app until its rows are drawn', async ({ page, sandbox }) => {
    await signedIn(page, sandbox);
    // Notes, at every change of the page, whether the app showed its loading line uncovered.
    await page.addInitScript(() => {
      const seen = { loading: 0, uncovered: 0 };
      (globalThis as any).loadingSeen = seen;
      new MutationObserver(() => {
        if (!document.querySelector('.mt-tabpanel .mt-status--loading')) return;
        seen.loading += 1;
        if (!document.querySelector('#mt-preview.mt-preview--over')) seen.uncovered += 1;
      }).observe(document, { childList: true, subtree: true });
    });
    await handOver(page, 'pending', true);
    await expect(page.locator('.mt-table__row').first()).toBeVisible();
    const seen = await page.evaluate(() => (globalThis as any).loadingSeen);
    expect(seen.uncovered, 'changes with the loading line in view').toBe(0);
  });
});

test.describe('while the preview lies over the app', () => {
  test.use({ strictConsole: true });

  /** The app reads its first page itself (the boot script's read is not handed to it),
   * and that read waits until the returned function is called: the preview is drawn, and
   * the app's rows are not. */
  async function holdTheAppsRows(page: Page): Promise<() => void> {
    await page.addInitScript(() => {
      let reads: unknown;
      Object.defineProperty(globalThis, 'myTasksFirstReads', {
        configurable: true,
        get: () => reads,
        set: (r) => { reads = { ...r, take: () => undefined }; },
      });
    });
    let release!: () => void;
    const released = new Promise<void>((ok) => { release = ok; });
    let reads = 0;
    await page.route((url) => url.pathname + url.search === FIRST_PAGE.pending, async (route) => {
      reads += 1;
      if (reads > 1) await released;
      await route.continue().catch(() => { /* the test is over */ });
    });
    return release;
  }
  /** Signs in and opens Pending with the wasm held until the preview is drawn, then lets it
   * through, with the app's rows held back (see `holdTheAppsRows`) and the handover
   * watched (see `watchHandover`): the preview lies over the app. */
  async function overTheApp(page: Page, sandbox: Sandbox) {
    await signedIn(page, sandbox);
    await watchHandover(page);
    const releaseRows = await holdTheAppsRows(page);
    const release = await holdWasm(page);
    await page.goto('/tasks/pending', { waitUntil: 'commit' });
    const preview = page.locator('#mt-preview');
    await expect(preview.locator('.mt-table__row').first()).toBeVisible();
    release();
    await expect(preview).toHaveClass(/mt-preview--over/);
    return { preview, releaseRows };
  }
  /** Notes when the preview lay over the app and when it went (performance.now()). */
  const watchHandover = (page: Page) => page.addInitScript(() => {
    const times: Record<string, number> = {};
    (globalThis as any).handover = times;
    new MutationObserver(() => {
      const over = document.querySelector('#mt-preview.mt-preview--over');
      if (over && !times.over) times.over = performance.now();
      if (times.over && !document.querySelector('#mt-preview') && !times.gone) times.gone = performance.now();
    }).observe(document, { childList: true, subtree: true, attributes: true });
    addEventListener('keydown', () => { times.key ??= performance.now(); }, true);
  });

  test('it is hidden from assistive technology, and gone within a moment even when the rows are late', async ({ page, sandbox }) => {
    const { preview, releaseRows } = await overTheApp(page, sandbox);
    await expect(preview).toHaveAttribute('aria-hidden', 'true');
    // The app's page, beneath it, is the one assistive technology reads.
    await expect(page.getByRole('button', { name: 'Sign out' })).toBeAttached();
    await expect(preview).toHaveCount(0);
    await expect(page.locator('.mt-tabpanel .mt-status--loading')).toBeVisible();
    const t = await page.evaluate(() => (globalThis as any).handover);
    expect(t.gone - t.over).toBeGreaterThanOrEqual(1400);
    expect(t.gone - t.over).toBeLessThan(3000);
    releaseRows();
    await expect(page.locator('.mt-table__row').first()).toBeVisible();
  });

  test('a click on one of its rows opens that row\'s item, not what lies beneath', async ({ page, sandbox }) => {
    const items = await newestFirst(sandbox);
    const { preview } = await overTheApp(page, sandbox);
    // (Hidden from assistive technology, so found by its class, not its role.)
    await preview.locator('.mt-table__name a').nth(1).click();
    await expect(page).toHaveURL(`/items/${items[1].id}`);
    await expect(page.getByRole('heading', { level: 1, name: items[1].name! })).toBeVisible();
  });

  test('a keyboard user sees the app at the first key, which acts on the app', async ({ page, sandbox }) => {
    const { preview, releaseRows } = await overTheApp(page, sandbox);
    // "/" is the app's shortcut to its search, there beneath the preview.
    await expect(page.getByRole('searchbox')).toBeAttached();
    await expect(preview).toHaveCount(1);
    await page.keyboard.press('/');
    await expect(preview).toHaveCount(0);
    // (The test's page may not have the browser's focus, so asked of the document.)
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('type'))).toBe('search');
    const t = await page.evaluate(() => (globalThis as any).handover);
    expect(t.gone - t.key, 'gone with the key, not the timer').toBeLessThan(500);
    expect(t.gone - t.over).toBeLessThan(1400);
    releaseRows();
    await expect(page.locator('.mt-table__row').first()).toBeVisible();
  });
});

/** What the boot script's `firstPage` settled to: 'a first page', null, or 'none' (no
 * such promise: a boot script without the preview's first page). */
const firstPageOf = (page: Page) => page.evaluate(async () => {
  const reads = (globalThis as any).myTasksFirstReads;
  if (!reads || !reads.firstPage) return 'none';
  return reads.firstPage.then((p: unknown) => (p ? 'a first page' : null));
});

test.describe('when there is no preview', () => {
  test.use({ strictConsole: true });

  test('not signed in, or viewing as someone else, nothing is drawn before the app; signed in as oneself, it is', async ({ context, sandbox }) => {
    // Each visit in a tab of its own, its wasm held throughout (the tab is closed held).
    const visit = async (setUp: (page: Page) => Promise<void>) => {
      const page = await context.newPage();
      await setUp(page);
      const release = await holdWasm(page);
      await page.goto('/tasks/pending', { waitUntil: 'domcontentloaded' });
      return { page, release };
    };
    const anonymous = await visit(async () => {});
    expect(await firstPageOf(anonymous.page), 'not signed in: no first page was read').toBeNull();
    await expect(anonymous.page.locator('#mt-preview')).toHaveCount(0);
    await expect(anonymous.page.locator('.mt-table__row')).toHaveCount(0);
    await anonymous.page.close();

    const viewingAs = await visit(async (page) => {
      await signedIn(page, sandbox);
      await page.addInitScript(() => sessionStorage.setItem('my-tasks.view-as', JSON.stringify({ id: 'x', name: 'X' })));
    });
    expect(await firstPageOf(viewingAs.page), 'viewing as someone else: no first page was read').toBeNull();
    await expect(viewingAs.page.locator('#mt-preview')).toHaveCount(0);
    await expect(viewingAs.page.locator('.mt-table__row')).toHaveCount(0);
    await viewingAs.page.close();

    // The control: signed in as oneself, the same visit draws it.
    const own = await visit((page) => signedIn(page, sandbox));
    await expect(own.page.locator('#mt-preview .mt-table__row').first()).toBeVisible();
    own.release();
    await expect(own.page.locator('#mt-preview')).toHaveCount(0);
    await expect(own.page.locator('.mt-table__row').first()).toBeVisible();
  });
});

test.describe('a preview\'s link', () => {
  test.use({ strictConsole: true });

  test('a name followed before the app arrives opens the item\'s page, which the app serves', async ({ page, sandbox }) => {
    await signedIn(page, sandbox);
    const items = await newestFirst(sandbox);
    const release = await holdWasm(page);
    await page.goto('/tasks/pending', { waitUntil: 'commit' });
    await page.locator('#mt-preview').getByRole('link', { name: items[0].name!, exact: true }).click();
    await expect(page).toHaveURL(`/items/${items[0].id}`);
    await expect(page.locator('#mt-preview')).toHaveCount(0);
    release();
    await expect(page.getByRole('heading', { level: 1, name: items[0].name! })).toBeVisible();
  });
});

test('when the wasm cannot be loaded, the rows stay, no longer busy, and say so with Retry, which loads the app', async ({ page, sandbox }) => {
  // Not strictConsole: the failed load is reported in the console, as it is without a preview.
  await signedIn(page, sandbox);
  let broken = true;
  await page.route('**/*.wasm', (route) => (broken ? route.fulfill({ status: 404, body: '' }) : route.continue()));
  await page.goto('/tasks/pending');
  const preview = page.locator('#mt-preview');
  const alert = preview.getByRole('alert');
  await expect(alert).toContainText('Something went wrong.');
  await expect(preview).toHaveAttribute('aria-busy', 'false');
  await expect(preview.locator('.mt-table__row').first()).toBeVisible();

  broken = false;
  await alert.getByRole('button', { name: 'Retry' }).click();
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
  await expect(preview).toHaveCount(0);
  await expect(page.locator('.mt-table__row').first()).toBeVisible();
});
