// Issue 10 journeys: the app in German (de-DE, Europe/Berlin) and in Arabic (ar,
// Asia/Riyadh, right to left), chosen by the browser's language alone. Each signs in through
// the app's own (translated) button, decides a work item end to end, checks how dates,
// times and counts are written, and runs the axe audit. The Arabic one also checks that the
// layout is mirrored: the table's first column, the header's brand and a dialog's first
// button are on the right, the toasts on the left. The sandbox's sign-in page follows the
// browser's Accept-Language too; the "cannot start" page speaks the browser's (or the
// stored) language, since config.json's own locale is what may be wrong; and at 360 px
// the header keeps the language menu on a line with Sign out, at the inline end.
import { readFileSync } from 'node:fs';
import type { Locator, Page } from '@playwright/test';
import { audit } from './axe';
import { test, expect, type Sandbox } from './fixtures';
import { undecided, type Item } from './actions-helpers';

/** The words of one language the journeys look for, in the app and on the sandbox's
 * sign-in page. */
interface Words {
  lang: 'de' | 'ar';
  dir: 'ltr' | 'rtl';
  signIn: string;
  signOut: string;
  /** The sandbox's heading and a person's button there. */
  sandboxHeading: string;
  signInAs: (name: string) => string;
}

const GERMAN: Words = {
  lang: 'de', dir: 'ltr', signIn: 'Anmelden', signOut: 'Abmelden',
  sandboxHeading: 'Bei der Sandbox von Meine Aufgaben anmelden',
  signInAs: (name) => `Anmelden als ${name}`,
};

const ARABIC: Words = {
  lang: 'ar', dir: 'rtl', signIn: 'تسجيل الدخول', signOut: 'تسجيل الخروج',
  sandboxHeading: 'سجّل الدخول إلى بيئة مهامي التجريبية',
  signInAs: (name) => `تسجيل الدخول باسم ${name}`,
};

/** Signs in as `alias` through the app's sign-in button and the sandbox's sign-in page,
 * both in the browser's language; with `auditPage`, audits the sandbox's page with axe. */
async function signInAs(page: Page, sandbox: Sandbox, alias: string, path: string, words: Words, auditPage = false) {
  await page.goto(path);
  await page.getByRole('button', { name: words.signIn, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: words.sandboxHeading })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', words.lang);
  await expect(page.locator('html')).toHaveAttribute('dir', words.dir);
  await expect(page.getByText('Sign in', { exact: false })).toHaveCount(0);
  if (auditPage) await audit(page, `the sandbox's sign-in page in ${words.lang}`);
  await page.getByRole('button', { name: words.signInAs(sandbox.identity(alias).name) }).click();
  await expect(page.getByRole('button', { name: words.signOut })).toBeVisible();
}

const ALIAS = 'alison.ferguso';

/** Every pending item of Alison's, page by page (she may have extra generated ones). */
async function alisonsItems(sandbox: Sandbox): Promise<Item[]> {
  const items: Item[] = [];
  for (let offset = 0; ; offset += 250) {
    const page: Item[] = await sandbox.getJson(ALIAS, `/v2024/work-items?limit=250&offset=${offset}`);
    items.push(...page);
    if (page.length < 250) return items;
  }
}

/** Alison's item with two or more approval items to decide, and the seed's 240-day-old
 * "Create an Account" item for Fred.Astaire. */
async function seedItems(sandbox: Sandbox) {
  const items = await alisonsItems(sandbox);
  const decide = items.find((i) => undecided(i).length >= 2);
  const fred = items.find((i) => i.name === 'Create an Account'
    && (i.remediationItems ?? []).some((r) => r.nativeIdentity === 'fred-astaire-sp'));
  if (!decide || !fred) throw new Error('the demo data lacks Alison’s approval item or the Fred.Astaire item');
  const created: string = (await sandbox.getJson(ALIAS, `/v2024/work-items/${fred.id}`)).created;
  return { item: decide, fred, created };
}

/** The detail page's field row labelled `label`. */
const field = (page: Page, label: string) =>
  page.locator('.mt-fields__row').filter({ has: page.locator('dt', { hasText: new RegExp(`^${label}$`) }) });

/** A date as Intl writes it in `locale` and `timeZone`, computed in the page. */
const intlDate = (page: Page, iso: string, locale: string, timeZone: string) =>
  page.evaluate(([iso, locale, timeZone]) => new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone })
    .format(new Date(iso)), [iso, locale, timeZone]);

test.describe('in German', () => {
  test.use({ locale: 'de-DE', timezoneId: 'Europe/Berlin', sandboxArgs: ['--extra-items', '1200'] });

  test('a decision end to end, German dates and numbers, the language menu, and no axe violations', async ({ page, sandbox }) => {
    const { item, fred, created } = await seedItems(sandbox);
    const alias = ALIAS;
    const count = undecided(item).length;
    await signInAs(page, sandbox, alias, `/items/${item.id}`, GERMAN, true);
    await expect(page.locator('html')).toHaveAttribute('lang', 'de');
    await expect(page.locator('html')).toHaveAttribute('dir', 'ltr');
    await audit(page, 'a detail page in German');

    await page.getByRole('button', { name: 'Alle genehmigen' }).click();
    const dialog = page.getByRole('dialog', { name: 'Elemente genehmigen' });
    await expect(dialog).toContainText(`Alle ${count} ausstehenden Genehmigungselemente dieses Arbeitselements genehmigen?`);
    await audit(page, 'the Approve All dialog in German');
    await dialog.getByRole('button', { name: 'Alle genehmigen' }).click();
    await expect(page.getByRole('status').filter({ hasText: `Genehmigt: ${count} Elemente in „${item.name}“.` })).toBeVisible();
    await expect(page.locator('.mt-detail__state')).toContainText('Abgeschlossen');
    const after = await sandbox.getJson(alias, `/v2024/work-items/${item.id}`);
    expect(after.state).toBe('Finished');

    // Dates: relative in German, exact as de-DE writes them, in Berlin time.
    await page.goto(`/items/${fred.id}`);
    const when = field(page, 'Erstellt');
    await expect(when.locator('time')).toHaveText(/^vor 8 Monaten/);
    const exact = await when.locator('.mt-time__exact').textContent();
    expect(exact).toMatch(/^\d{2}\.\d{2}\.\d{4}, \d{2}:\d{2}$/);
    expect(exact).toBe(await intlDate(page, created, 'de-DE', 'Europe/Berlin'));

    // Counts: 1,200 extra items make the totals four digits, grouped with a dot.
    const summary = await sandbox.getJson(alias, '/v2024/work-items/summary');
    await page.goto('/');
    const total = page.locator('.mt-stat').filter({ hasText: 'Gesamt' }).locator('.mt-stat__value');
    await expect(total).toHaveText(summary.total.toLocaleString('de-DE'));
    expect(summary.total).toBeGreaterThan(999);
    await expect(total).toHaveText(/^\d\.\d{3}$/);
    await audit(page, 'the dashboard in German');
    await page.goto('/tasks/pending');
    await expect(page.getByRole('status').filter({ hasText: /^\d\.\d{3} Arbeitselemente$/ })).toBeVisible({ timeout: 30_000 });
    await audit(page, 'the Task Manager in German');
    // Each row's checkbox is named in German too.
    await expect(page.getByRole('checkbox', { name: /^.+ auswählen$/ }).first()).toBeVisible();

    // The CSV a person opens in a spreadsheet has its header row in German and the
    // semicolons a German spreadsheet splits on, after the byte-order mark that says it is
    // UTF-8 (so "Identitäten" is read as written); the cells below stay the API's data.
    const [csv] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Als CSV exportieren' }).click(),
    ]);
    const bytes = readFileSync((await csv.path())!);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const [header, first] = bytes.subarray(3).toString('utf8').split('\r\n');
    expect(header.split(';')).toEqual(['ID', 'Name', 'Typ', 'Status', 'Antragsteller', 'Identitäten', 'Konten',
      'Quellen', 'Erstellt', 'Geändert', 'Erledigt', 'Beschreibung']);
    expect(first).toContain(';Pending;');
    // The shortcuts name Enter and Escape as a German keyboard does.
    await page.keyboard.press('?');
    const help = page.getByRole('dialog', { name: 'Tastenkürzel' });
    await expect(help.locator('kbd').filter({ hasText: /^Eingabetaste$/ })).toHaveCount(1);
    await expect(help.locator('kbd').filter({ hasText: /^Esc$/ })).toHaveCount(1);
    await expect(help).not.toContainText('Enter');
    await page.keyboard.press('Escape');
    await expect(help).toHaveCount(0);

    // The person's own pick beats the browser's language, and is kept.
    await page.getByRole('button', { name: 'Sprache Deutsch' }).click();
    await page.getByRole('button', { name: 'English', exact: true }).click();
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
    await page.reload();
    await expect(page.getByRole('heading', { level: 1, name: 'Task Manager' })).toBeVisible();
    expect(await page.evaluate(() => localStorage.getItem('my-tasks.language'))).toBe('en');
  });
});

test.describe('in Arabic', () => {
  test.use({ locale: 'ar', timezoneId: 'Asia/Riyadh', viewport: { width: 1280, height: 800 } });

  test('right to left, mirrored, a decision end to end, Arabic dates and numbers, and no axe violations', async ({ page, sandbox }) => {
    const { item, fred, created } = await seedItems(sandbox);
    const alias = ALIAS;
    await signInAs(page, sandbox, alias, '/tasks/pending', ARABIC, true);
    const html = page.locator('html');
    await expect(html).toHaveAttribute('lang', 'ar');
    await expect(html).toHaveAttribute('dir', 'rtl');

    // Mirrored: the table's first column (Type) is right of the second (Name), and the
    // brand is at the right end of the header.
    const type = page.getByRole('columnheader', { name: 'النوع' });
    const name = page.getByRole('columnheader', { name: 'الاسم' });
    await expect(type).toBeVisible();
    const [typeBox, nameBox] = [await type.boundingBox(), await name.boundingBox()];
    expect(typeBox!.x).toBeGreaterThan(nameBox!.x);
    const brand = await page.getByRole('link', { name: 'مهامي', exact: true }).boundingBox();
    expect(brand!.x).toBeGreaterThan(640);
    // Counts as Arabic writes them.
    const pending = await sandbox.getJson(alias, '/v2024/work-items/count');
    const badge = page.locator('#tab-pending .mt-badge');
    await expect(badge).toHaveText(await page.evaluate((n) => new Intl.NumberFormat('ar').format(n), pending.count));
    await audit(page, 'the Task Manager in Arabic');

    await page.goto(`/items/${item.id}`);
    // The (Latin) description lines up on the page's right edge, under its heading.
    const description = page.locator('.mt-detail__description');
    await expect(description).toBeVisible();
    const edges = await description.evaluate((p) => {
      const text = document.createRange();
      text.selectNodeContents(p);
      return { text: text.getBoundingClientRect().right, box: p.getBoundingClientRect().right };
    });
    expect(edges.box - edges.text).toBeLessThan(1);
    await page.getByRole('region', { name: /عناصر الموافقة/ }).getByRole('button', { name: 'الموافقة على الكل' }).click();
    const dialog = page.getByRole('dialog', { name: 'الموافقة على العناصر' });
    await expect(dialog).toBeVisible();
    // The dialog's buttons mirror too: Cancel, first in reading order, is on the right.
    const cancel = await dialog.getByRole('button', { name: 'إلغاء' }).boundingBox();
    const confirm = await dialog.getByRole('button', { name: 'الموافقة على الكل' }).boundingBox();
    expect(cancel!.x).toBeGreaterThan(confirm!.x);
    await audit(page, 'the Approve All dialog in Arabic');
    await dialog.getByRole('button', { name: 'الموافقة على الكل' }).click();
    const toast = page.locator('.mt-toast').filter({ hasText: 'تمت الموافقة على' });
    await expect(toast).toBeVisible();
    // Toasts sit at the inline end, which is the left in Arabic.
    expect((await toast.boundingBox())!.x).toBeLessThan(640);
    await expect(page.locator('.mt-detail__state')).toContainText('منتهية');
    expect((await sandbox.getJson(alias, `/v2024/work-items/${item.id}`)).state).toBe('Finished');
    await audit(page, 'a detail page in Arabic');

    // Dates: relative and exact as Arabic writes them, in Riyadh time.
    await page.goto(`/items/${fred.id}`);
    const when = field(page, 'أُنشئت');
    await expect(when.locator('time')).toHaveText(/^قبل /);
    await expect(when.locator('.mt-time__exact')).toHaveText(await intlDate(page, created, 'ar', 'Asia/Riyadh'));
    await page.goto('/');
    await expect(page.getByRole('list', { name: 'أعداد المهام' })).toBeVisible();
    await audit(page, 'the dashboard in Arabic');
  });
});

test.describe('in Arabic, on an Arabic keyboard', () => {
  test.use({ locale: 'ar', timezoneId: 'Asia/Riyadh', viewport: { width: 1280, height: 800 } });

  test('the shortcuts are where they are on a US keyboard: the J key (ت) moves, Shift and the slash key (؟) lists them; Caps Lock too', async ({ page, sandbox }) => {
    await signInAs(page, sandbox, ALIAS, '/tasks/pending', ARABIC, true);
    const current = page.locator('tr.mt-table__row--current');
    await expect(page.getByRole('table').first()).toBeVisible();
    await expect(current).toHaveCount(0);
    // What an Arabic layout sends; Playwright's own keys are a US layout's.
    const press = (key: string, code: string, shiftKey = false) => page.evaluate(([key, code, shiftKey]) =>
      document.dispatchEvent(new KeyboardEvent('keydown', { key, code, shiftKey, bubbles: true, cancelable: true })),
    [key, code, shiftKey] as const);
    await press('ت', 'KeyJ');
    await expect(current).toHaveCount(1);
    const first = await current.getAttribute('aria-rowindex');
    await press('ت', 'KeyJ');
    await expect(current).not.toHaveAttribute('aria-rowindex', first!);
    // Caps Lock: the K key comes as "K" without Shift, and moves back up.
    await press('K', 'KeyK');
    await expect(current).toHaveAttribute('aria-rowindex', first!);
    await press('؟', 'Slash', true);
    await expect(page.getByRole('dialog')).toBeVisible();
  });
});

/** The text of each table cell `tds` matches (with text), its direction, and whether its
 * text is cut at its start. */
async function cellsOf(tds: Locator) {
  return tds.evaluateAll((cells) => cells.filter((td) => td.textContent!.trim() !== '').map((td) => {
    const text = document.createRange();
    text.selectNodeContents(td);
    return {
      // Lists isolate each part (U+2068 … U+2069); the letters decide.
      text: td.textContent!.replace(/[\u2066-\u2069]/g, '').trim(),
      direction: getComputedStyle(td).direction,
      cutAtStart: text.getBoundingClientRect().left < td.getBoundingClientRect().left - 1,
    };
  }));
}

test.describe('in English, Arabic names in the table', () => {
  test.use({ locale: 'en-US', viewport: { width: 1280, height: 800 } });

  test('a cell led by an Arabic name runs left to right with the page and keeps its start', async ({ page, sandbox }) => {
    await page.goto('/tasks/pending');
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.getByRole('button', { name: `Sign in as ${sandbox.identity(ALIAS).name}` }).click();
    const table = page.getByRole('table');
    await expect(table.locator('tbody tr.mt-table__row').first()).toBeVisible();
    // Requester, identity or account, and source: the third to fifth cells of a row.
    const cells = await cellsOf(table.locator('tbody tr.mt-table__row td:nth-child(n+3):nth-child(-n+5)'));
    // "ليلى حداد, layla-haddad-sp": once turned right to left, cut at its start.
    const mixed = cells.filter((c) => /^[\u0600-\u06FF]/.test(c.text) && /[A-Za-z]/.test(c.text));
    expect(mixed.length).toBeGreaterThan(0);
    for (const c of mixed) expect(c, c.text).toMatchObject({ direction: 'ltr', cutAtStart: false });
    for (const c of cells.filter((c) => /[A-Za-z]/.test(c.text))) expect(c.direction, c.text).toBe('ltr');
  });
});

test.describe('in Arabic, Latin names in the table', () => {
  test.use({ locale: 'ar', timezoneId: 'Asia/Riyadh', viewport: { width: 1280, height: 800 } });

  test('a cell of Latin text runs left to right and keeps its start; an Arabic one runs right to left', async ({ page, sandbox }) => {
    await signInAs(page, sandbox, ALIAS, '/tasks/pending', ARABIC);
    const table = page.getByRole('table');
    await expect(table.locator('tbody tr.mt-table__row').first()).toBeVisible();
    // Name (with its description), requester, identity or account, and source: the second
    // to fifth cells of a row.
    const cells = await cellsOf(table.locator('tbody tr.mt-table__row td:nth-child(n+2):nth-child(-n+5)'));
    const latin = cells.filter((c) => /^[A-Za-z]/.test(c.text));
    const arabic = cells.filter((c) => /^[\u0600-\u06FF]/.test(c.text));
    expect(latin.length).toBeGreaterThan(0);
    expect(arabic.length).toBeGreaterThan(0);
    for (const c of latin) expect(c, c.text).toMatchObject({ direction: 'ltr', cutAtStart: false });
    for (const c of arabic) expect(c.direction, c.text).toBe('rtl');
    // A list of several is written with Arabic's comma.
    expect(cells.some((c) => /^[A-Za-z].*، /.test(c.text))).toBe(true);

    // What is typed runs in its own direction, the field in the page's: Latin text in the
    // search field starts at its left, its full stop at its end (it once sat on the left).
    const search = page.getByRole('searchbox').first();
    await search.fill('Ada.');
    const typed = await search.evaluate((input) => ({
      direction: getComputedStyle(input).direction,
      bidi: getComputedStyle(input).unicodeBidi,
    }));
    expect(typed).toEqual({ direction: 'rtl', bidi: 'plaintext' });
  });
});

/** Serves `body` (with `status`) as the app's config.json. */
async function serveConfig(page: Page, body: string, status = 200) {
  await page.route('**/config.json', (route) => route.fulfill({ status, contentType: 'application/json', body }));
}

test.describe('cannot start, in German', () => {
  test.use({ locale: 'de-DE' });

  test('an unknown locale in config.json is refused in the browser\'s language', async ({ page }) => {
    await serveConfig(page, '{"auth": {"mode": "proxy"}, "locale": "fr"}');
    await page.goto('/');
    const alert = page.getByRole('alert');
    await expect(alert.getByRole('heading', { name: 'Meine Aufgaben kann nicht starten' })).toBeVisible();
    await expect(alert).toContainText('locale muss eine Sprache der App nennen: „en“, „de“ oder „ar“');
    await expect(alert).toContainText('nicht „fr“.');
    await expect(alert).toContainText('Bitten Sie die Person, die diese App betreibt');
    await expect(page).toHaveTitle('Meine Aufgaben');
    await expect(page.locator('html')).toHaveAttribute('lang', 'de');
    await audit(page, 'the "cannot start" page in German');
  });

  test('a config.json that is not the expected JSON says where, in German, with the parser\'s words beside', async ({ page }) => {
    await serveConfig(page, '{"auth": {"mode": "proxy"},\n "colour": "blue"}');
    await page.goto('/');
    const alert = page.getByRole('alert');
    await expect(alert).toContainText('config.json hat in Zeile 2 einen unbekannten Schlüssel oder einen Wert der falschen Art.');
    await expect(alert.locator('code[lang="en"]')).toContainText('unknown field `colour`');
  });
});

test.describe('cannot start, in the stored language', () => {
  test.use({ locale: 'de-DE' });

  test('the person\'s stored pick (Arabic) beats the browser\'s German, right to left', async ({ page }) => {
    await page.addInitScript(() => localStorage.setItem('my-tasks.language', 'ar'));
    await serveConfig(page, 'not found', 404);
    await page.goto('/');
    const alert = page.getByRole('alert');
    await expect(alert.getByRole('heading', { name: 'تعذّر بدء تشغيل مهامي' })).toBeVisible();
    await expect(alert).toContainText(/تعذّر تحميل config\.json \(HTTP \u2068?404\u2069?\)\./);
    await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
    await expect(page).toHaveTitle('مهامي');
  });
});

/** At 360 px, the header's language menu shares its line with Sign out and sits at the
 * line's inline end (right in German, left in Arabic), and nothing overflows the page. */
async function headerFitsAPhone(page: Page, words: Words) {
  const signOut = (await page.getByRole('button', { name: words.signOut }).boundingBox())!;
  const language = (await page.locator('.mt-language__button').boundingBox())!;
  const header = (await page.locator('.mt-header').boundingBox())!;
  // One line: their vertical extents overlap.
  expect(language.y).toBeLessThan(signOut.y + signOut.height);
  expect(signOut.y).toBeLessThan(language.y + language.height);
  // The name (a Latin one, isolated) starts its line where the page's lines start.
  const name = (await page.locator('.mt-header__name bdi').boundingBox())!;
  const padding = 24;
  if (words.dir === 'ltr') {
    expect(language.x).toBeGreaterThan(signOut.x + signOut.width);
    expect(header.x + header.width - (language.x + language.width)).toBeLessThan(padding);
    expect(name.x - header.x).toBeLessThan(padding);
  } else {
    expect(language.x + language.width).toBeLessThan(signOut.x);
    expect(language.x - header.x).toBeLessThan(padding);
    expect(header.x + header.width - (name.x + name.width)).toBeLessThan(padding);
  }
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
}

for (const [locale, words] of [['de-DE', GERMAN], ['ar', ARABIC]] as const) {
  test.describe(`the header at 360 px (${locale})`, () => {
    test.use({ locale, viewport: { width: 360, height: 780 } });

    test('the language menu sits at the end of the sign-out line, for a person and for an admin', async ({ page, sandbox }) => {
      await signInAs(page, sandbox, ALIAS, '/tasks/pending', words);
      await headerFitsAPhone(page, words);
      await audit(page, `the Task Manager at 360 px in ${words.lang}`);
      // An admin's header has "view as" too: it takes a line of its own.
      await page.getByRole('button', { name: words.signOut }).click();
      await signInAs(page, sandbox, 'thomas.edison', '/', words);
      await headerFitsAPhone(page, words);
      const viewAs = (await page.locator('.mt-header .mt-viewas').boundingBox())!;
      const signOut = (await page.getByRole('button', { name: words.signOut }).boundingBox())!;
      expect(viewAs.y + viewAs.height).toBeLessThanOrEqual(signOut.y);
    });
  });
}

test('the language picked in the app is the sign-in page\'s too, though the browser asks for English', async ({ page, sandbox }) => {
  await page.goto('/');
  await page.getByRole('button', { name: 'Language English' }).click();
  await page.getByRole('button', { name: 'Deutsch', exact: true }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'de');
  await page.getByRole('button', { name: 'Anmelden', exact: true }).click();
  // The app asks for it (ui_locales); the browser's Accept-Language says English.
  await expect(page).toHaveURL(/ui_locales=de/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Bei der Sandbox von Meine Aufgaben anmelden');
  await expect(page.locator('html')).toHaveAttribute('lang', 'de');
  await page.getByRole('button', { name: new RegExp(sandbox.identity(ALIAS).name) }).click();
  await expect(page.getByRole('button', { name: 'Abmelden' })).toBeVisible();
});

// On the dashboard and on Task Manager, where the boot script's preview is drawn first.
for (const path of ['/', '/tasks/pending']) {
  test(`the language menu changes nothing until a language is chosen, and keeps focus across the reload (${path})`, async ({ page, sandbox }) => {
    await page.goto(path);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.getByRole('button', { name: `Sign in as ${sandbox.identity(ALIAS).name}` }).click();
    await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
    const menu = page.getByRole('button', { name: 'Language English' });
    await expect(menu).toHaveAttribute('aria-expanded', 'false');
    // Arrow keys on the button, or moving through the open list, choose nothing (WCAG
    // 3.2.2): a <select> reloaded the page in German at the first ArrowDown.
    await menu.focus();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await expect(menu).toHaveAttribute('aria-expanded', 'true');
    const english = page.getByRole('button', { name: 'English', exact: true });
    await expect(english).toHaveAttribute('aria-current', 'true');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await expect(page.getByRole('button', { name: 'Deutsch', exact: true })).toBeFocused();
    await page.waitForTimeout(300);
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    // Escape closes the list, back on its button.
    await page.keyboard.press('Escape');
    await expect(menu).toHaveAttribute('aria-expanded', 'false');
    await expect(menu).toBeFocused();
    // Chosen with Enter: the page reloads in German, focus back on the menu's button.
    await page.keyboard.press('Enter');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await expect(page.locator('html')).toHaveAttribute('lang', 'de');
    await expect(page.getByRole('button', { name: 'Sprache Deutsch' })).toBeFocused();
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: 'العربية', exact: true }).click();
    await expect(page.locator('html')).toHaveAttribute('lang', 'ar');
    await expect(page.getByRole('button', { name: 'اللغة العربية' })).toBeFocused();
    // Only a switch gives the menu focus: an ordinary reload does not.
    await page.reload();
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expect(page.getByRole('button', { name: 'اللغة العربية' })).not.toBeFocused();
  });
}
