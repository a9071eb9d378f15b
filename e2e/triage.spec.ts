// Journeys of issue 9 (triage at scale): views that are links, export of what the table
// shows, and a queue of thousands loaded in the background with visible progress.
import { readFileSync } from 'node:fs';
import type { Locator, Page } from '@playwright/test';
import { test, expect, type Sandbox } from './fixtures';
import { pendingItems, signIn, undecided, type Item } from './actions-helpers';

const ALISON = 'alison.ferguso';
/** A name as an English sentence holds it: isolated (U+2068 … U+2069) when it is written
 * right to left, so that it cannot move the words around it. */
const inSentence = (name: string | undefined) => (/[\u0590-\u08FF]/.test(name ?? '') ? `\u2068${name}\u2069` : `${name}`);

/** The Pending table, and its drawn item rows (the header and spacers left out). */
function pendingTable(page: Page) {
  const table = page.getByRole('table', { name: 'Pending work items' });
  return { table, rows: table.locator('tbody').getByRole('row').filter({ has: page.getByRole('cell') }) };
}

/** Alison's pending items, and those of them that mention "fred" (some, not all). */
async function withFred(sandbox: Sandbox) {
  const all = await pendingItems(sandbox, ALISON);
  const fred = all.filter((i) => JSON.stringify(i).toLowerCase().includes('fred'));
  expect(fred.length).toBeGreaterThan(0);
  expect(fred.length).toBeLessThan(all.length);
  return { all, fred };
}

/** Every source of an item (approval and remediation items), as the app lists them. */
const sourcesOf = (item: Item) => [
  ...(item.approvalItems ?? []).map((a) => a.application),
  ...(item.remediationItems ?? []).map((r) => r.applicationName),
].filter(Boolean);

/** How many lines a button's label takes. The text has one box per line and per run of one
 * direction ("تصدير CSV" is two on one line): a box that starts below the previous one's
 * bottom starts a line. */
const labelLines = (button: Locator) => button.evaluate((b) => {
  const text = document.createRange();
  text.selectNodeContents(b);
  let lines = 0;
  let bottom = -Infinity;
  for (const box of [...text.getClientRects()].sort((a, c) => a.top - c.top)) {
    if (box.top >= bottom - 1) lines += 1;
    bottom = Math.max(bottom, box.bottom);
  }
  return lines;
});

/** Parses RFC 4180 CSV (quoted fields, doubled quotes, CRLF) into records of fields. */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i++; }
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { record.push(field); field = ''; }
    else if (c === '\r' && text[i + 1] === '\n') { record.push(field); records.push(record); record = []; field = ''; i++; }
    else field += c;
  }
  return records;
}

test('a filtered, sorted view lives in the URL: it survives reload and back, and can be saved by name', async ({ page, sandbox }) => {
  const all = await pendingItems(sandbox, ALISON);
  const approvals = all.filter((i: any) => i.type === 'Approval');
  expect(approvals.length).toBeGreaterThan(1);
  await signIn(page, sandbox, ALISON, '/tasks/pending');
  const { table, rows } = pendingTable(page);
  await expect(page.getByRole('status').filter({ hasText: `${all.length} work items` })).toBeVisible();

  await page.getByRole('combobox', { name: 'Type' }).selectOption('Approval');
  // Each choice is its own history entry once a frame has passed; two within one frame
  // are one (on a busy machine, Playwright's two choices can be).
  await expect(page).toHaveURL(/\/tasks\/pending\?type=Approval$/);
  await page.getByRole('combobox', { name: 'Sort by' }).selectOption('oldest');
  await expect(page).toHaveURL(/\/tasks\/pending\?type=Approval&sort=oldest$/);
  const oldestFirst = [...approvals].sort((a: any, b: any) => a.created.localeCompare(b.created));
  const checkView = async () => {
    await expect(table).toHaveAttribute('aria-rowcount', String(approvals.length + 1));
    await expect(rows.first().getByRole('link')).toHaveText(oldestFirst[0].name!);
    await expect(page.getByRole('combobox', { name: 'Type' })).toHaveValue('Approval');
    await expect(page.getByRole('combobox', { name: 'Sort by' })).toHaveValue('oldest');
  };
  await checkView();
  await page.reload();
  await checkView();

  // Open an item, come back: the same view. Then back once more: the view before sorting.
  await rows.first().getByRole('link').click();
  await expect(page.getByRole('heading', { level: 1, name: oldestFirst[0].name! })).toBeVisible();
  await page.goBack();
  await checkView();
  await page.goBack();
  await expect(page).toHaveURL(/\/tasks\/pending\?type=Approval$/);
  await expect(page.getByRole('combobox', { name: 'Sort by' })).toHaveValue('newest');
  await expect(table).toHaveAttribute('aria-rowcount', String(approvals.length + 1));

  // Saved by name in this browser, and brought back from the menu on another visit.
  await page.getByRole('combobox', { name: 'Sort by' }).selectOption('oldest');
  await page.getByRole('textbox', { name: 'View name' }).fill('Old approvals');
  await page.getByRole('button', { name: 'Save view' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Saved the view “Old approvals”.' })).toBeVisible();
  await page.goto('/tasks/pending');
  await expect(table).toHaveAttribute('aria-rowcount', String(all.length + 1));
  await page.getByRole('combobox', { name: 'Saved views' }).selectOption('Old approvals');
  await expect(page).toHaveURL(/\/tasks\/pending\?type=Approval&sort=oldest$/);
  await checkView();
  const stored = await page.evaluate(() => localStorage.getItem('my-tasks.saved-views'));
  expect(JSON.parse(stored!)).toEqual([{ name: 'Old approvals', query: 'type=Approval&sort=oldest' }]);
  expect(stored).not.toContain('token');
});

test('saving a view under a name already taken asks before replacing it, and a nameless save points at the name field', async ({ page, sandbox }) => {
  await signIn(page, sandbox, ALISON, '/tasks/pending');
  const name = page.getByRole('textbox', { name: 'View name' });
  const save = page.getByRole('button', { name: 'Save view' });
  const search = page.getByRole('searchbox', { name: 'Search' });

  // No name: the error says so and takes the person to the field.
  await save.click();
  await expect(page.getByRole('status').filter({ hasText: 'Give the view a name first.' })).toBeVisible();
  await expect(name).toBeFocused();
  await expect(name).toHaveAttribute('aria-invalid', 'true');

  await search.fill('delete');
  await name.fill('Mine');
  await save.click();
  await expect(page.getByRole('status').filter({ hasText: 'Saved the view “Mine”.' })).toBeVisible();
  await expect(name).not.toHaveAttribute('aria-invalid', 'true');

  // The same name for another view: nothing is replaced until the person says so again,
  // and the name typed stays.
  await search.fill('fred');
  await name.fill('Mine');
  await save.click();
  await expect(page.getByRole('status').filter({ hasText: 'A view named “Mine” exists already. Save again to replace it.' })).toBeVisible();
  await expect(name).toHaveValue('Mine');
  const stored = async () => JSON.parse((await page.evaluate(() => localStorage.getItem('my-tasks.saved-views')))!);
  expect(await stored()).toEqual([{ name: 'Mine', query: 'q=delete' }]);
  await save.click();
  await expect(page.getByRole('status').filter({ hasText: 'Replaced the view “Mine”.' })).toBeVisible();
  expect(await stored()).toEqual([{ name: 'Mine', query: 'q=fred' }]);
});

test('a saved view can be deleted with the mouse or the keyboard, once the person confirms, and the deletion is said', async ({ page, sandbox }) => {
  await signIn(page, sandbox, ALISON, '/tasks/pending');
  const menu = page.getByRole('combobox', { name: 'Saved views' });
  const remove = page.locator('.mt-views').getByRole('button', { name: 'Delete view' });
  const name = page.getByRole('textbox', { name: 'View name' });
  const stored = async () => JSON.parse((await page.evaluate(() => localStorage.getItem('my-tasks.saved-views'))) ?? '[]');
  const saveAs = async (view: string) => {
    await name.fill(view);
    await page.getByRole('button', { name: 'Save view' }).click();
    await expect(page.getByRole('status').filter({ hasText: `Saved the view “${view}”.` })).toBeVisible();
  };
  // No saved view is shown: nothing to delete.
  await expect(remove).toBeDisabled();
  await page.getByRole('combobox', { name: 'Sort by' }).selectOption('oldest');
  await saveAs('Oldest');
  await page.getByRole('searchbox', { name: 'Search' }).fill('fred');
  await expect(page).toHaveURL(/\/tasks\/pending\?q=fred&sort=oldest$/);
  await saveAs('Fred');
  // The menu names the saved view shown.
  await expect(menu).toHaveValue('Fred');

  // With the mouse: Cancel keeps it; confirmed, it goes, and the list shown stays.
  const dialog = page.getByRole('dialog', { name: 'Delete saved view' });
  await remove.click();
  await expect(dialog).toContainText('Delete the saved view “Fred” from this browser?');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toHaveCount(0);
  expect((await stored()).map((v: { name: string }) => v.name)).toEqual(['Fred', 'Oldest']);
  await remove.click();
  await dialog.getByRole('button', { name: 'Delete view' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(page.getByRole('status').filter({ hasText: 'Deleted the view “Fred”.' })).toBeVisible();
  expect(await stored()).toEqual([{ name: 'Oldest', query: 'sort=oldest' }]);
  await expect(menu.getByRole('option', { name: 'Fred' })).toHaveCount(0);
  await expect(menu).toHaveValue('');
  await expect(remove).toBeDisabled();
  await expect(menu).toBeFocused();
  await expect(page).toHaveURL(/\/tasks\/pending\?q=fred&sort=oldest$/);

  // With the keyboard: from the menu, Tab to the button, Enter; Cancel has focus first.
  await menu.selectOption('Oldest');
  await expect(page).toHaveURL(/\/tasks\/pending\?sort=oldest$/);
  await menu.focus();
  await page.keyboard.press('Tab');
  await expect(remove).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(dialog).toContainText('“Oldest”');
  await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status').filter({ hasText: 'Deleted the view “Oldest”.' })).toBeVisible();
  expect(await stored()).toEqual([]);
  await expect(menu.getByRole('option')).toHaveText(['None saved yet']);
  await expect(menu).toBeFocused();
  // Still gone on another visit.
  await page.reload();
  await expect(menu.getByRole('option')).toHaveText(['None saved yet']);
});

test('saved views from two tabs of one browser: neither overwrites the other\'s, and each tab\'s menu follows the other\'s saves and deletes', async ({ page, context, sandbox }) => {
  await signIn(page, sandbox, ALISON, '/tasks/pending?q=delete');
  const other = await context.newPage();
  await signIn(other, sandbox, ALISON, '/tasks/pending?type=Approval');
  const stored = async () => JSON.parse((await page.evaluate(() => localStorage.getItem('my-tasks.saved-views'))) ?? '[]');
  const saveAs = async (tab: Page, view: string) => {
    await tab.getByRole('textbox', { name: 'View name' }).fill(view);
    await tab.getByRole('button', { name: 'Save view' }).click();
    await expect(tab.getByRole('status').filter({ hasText: `Saved the view “${view}”.` })).toBeVisible();
  };
  const menu = (tab: Page) => tab.getByRole('combobox', { name: 'Saved views' });
  // Both tabs were open before either saved.
  await expect(menu(page).getByRole('option')).toHaveText(['None saved yet']);
  await expect(menu(other).getByRole('option')).toHaveText(['None saved yet']);

  await saveAs(page, 'Deletes');
  await saveAs(other, 'Approvals');
  expect(await stored()).toEqual([
    { name: 'Approvals', query: 'type=Approval' },
    { name: 'Deletes', query: 'q=delete' },
  ]);
  // Each menu has both, without a reload.
  await expect(menu(page).getByRole('option')).toHaveText(['Choose a view', 'Approvals', 'Deletes']);
  await expect(menu(other).getByRole('option')).toHaveText(['Choose a view', 'Approvals', 'Deletes']);

  // A view deleted in one tab leaves the other's menu; the other's own view stays saved.
  await menu(other).selectOption('Deletes');
  await expect(other).toHaveURL(/\/tasks\/pending\?q=delete$/);
  await other.locator('.mt-views').getByRole('button', { name: 'Delete view' }).click();
  await other.getByRole('dialog', { name: 'Delete saved view' }).getByRole('button', { name: 'Delete view' }).click();
  await expect(other.getByRole('status').filter({ hasText: 'Deleted the view “Deletes”.' })).toBeVisible();
  await expect(menu(page).getByRole('option')).toHaveText(['Choose a view', 'Approvals']);
  expect(await stored()).toEqual([{ name: 'Approvals', query: 'type=Approval' }]);
  // A name the other tab took meanwhile is a name taken: saving asks before replacing it.
  await page.getByRole('textbox', { name: 'View name' }).fill('Approvals');
  await page.getByRole('button', { name: 'Save view' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'A view named “Approvals” exists already. Save again to replace it.' })).toBeVisible();
});

test('a filter that matches nothing is still chosen in its menu, with a count of 0, and its “All” choice clears it', async ({ page, sandbox }) => {
  const all = await pendingItems(sandbox, ALISON);
  await signIn(page, sandbox, ALISON, '/tasks/pending?source=Nowhere');
  const { rows } = pendingTable(page);
  const source = page.getByRole('combobox', { name: 'Source' });
  await expect(page.getByRole('status').filter({ hasText: 'No work items match' })).toBeVisible();
  await expect(source).toHaveValue('Nowhere');
  await expect(source.locator('option:checked')).toHaveText('Nowhere (0)');
  await source.selectOption({ label: 'All sources' });
  await expect(page).toHaveURL(/\/tasks\/pending$/);
  await expect(page.getByRole('status').filter({ hasText: `${all.length} work items` })).toBeVisible();
  await expect(rows.first()).toBeVisible();
  // The chosen source is an option only while it is chosen.
  await expect(source.getByRole('option', { name: /^Nowhere/ })).toHaveCount(0);

  // A link to a type, a requester and an age no item has: each menu says what filters the list.
  await page.goto('/tasks/pending?type=Nope&requester=Nobody&age=45');
  await expect(page.getByRole('status').filter({ hasText: 'No work items match' })).toBeVisible();
  const type = page.getByRole('combobox', { name: 'Type' });
  const requester = page.getByRole('combobox', { name: 'Requester' });
  const age = page.getByRole('combobox', { name: 'Age', exact: true });
  await expect(type).toHaveValue('Nope');
  await expect(type.locator('option:checked')).toHaveText('Nope (0)');
  await expect(requester).toHaveValue('Nobody');
  await expect(age).toHaveValue('45');
  await expect(age.locator('option:checked')).toHaveText('Waiting 45+ days');
  await type.selectOption({ label: 'All types' });
  await expect(page).toHaveURL(/\/tasks\/pending\?requester=Nobody&age=45$/);
  await requester.selectOption({ label: 'Anyone' });
  await age.selectOption({ label: 'Any age' });
  await expect(page).toHaveURL(/\/tasks\/pending$/);
  await expect(page.getByRole('status').filter({ hasText: `${all.length} work items` })).toBeVisible();
});

test('the way back from a detail page, by Escape or by its link, returns to the tab and view the item was opened from', async ({ page, sandbox }) => {
  await signIn(page, sandbox, ALISON, '/tasks/completed');
  await page.getByRole('combobox', { name: 'Sort by' }).selectOption('name-desc');
  await expect(page).toHaveURL(/\/tasks\/completed\?sort=name-desc$/);
  const first = page.getByRole('table').locator('tbody').getByRole('link').first();
  const name = (await first.textContent())!;
  await first.click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(name);
  await page.keyboard.press('Escape');
  await expect(page).toHaveURL(/\/tasks\/completed\?sort=name-desc$/);
  await expect(page.getByRole('combobox', { name: 'Sort by' })).toHaveValue('name-desc');

  // The Pending tab, filtered; opened by the keyboard, back by the page's link.
  await page.getByRole('tab', { name: /Pending/ }).click();
  await page.getByRole('combobox', { name: 'Type' }).selectOption('Approval');
  await expect(page).toHaveURL(/\/tasks\/pending\?type=Approval$/);
  // Enter on the focused tab would follow the tab's own link.
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.keyboard.press('j');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/items\//);
  await page.getByRole('link', { name: /Back to Task Manager/ }).click();
  await expect(page).toHaveURL(/\/tasks\/pending\?type=Approval$/);
  await expect(page.getByRole('combobox', { name: 'Type' })).toHaveValue('Approval');
});

/** Alison's Pending tab, oldest first, drawn: her items (also oldest first), the table,
 * the live region that announces the current row, and the current row. */
async function oldestFirst(page: Page, sandbox: Sandbox) {
  const all = await pendingItems(sandbox, ALISON);
  const byAge = [...all].sort((a: any, b: any) => a.created.localeCompare(b.created));
  await signIn(page, sandbox, ALISON, '/tasks/pending?sort=oldest');
  const { table } = pendingTable(page);
  await expect(table).toHaveAttribute('aria-rowcount', String(all.length + 1));
  const live = page.locator('.mt-bulk [aria-live="polite"]');
  return { all, byAge, table, live, current: table.locator('tr.mt-table__row--current') };
}

test('the keyboard’s current row is kept over opening its item and coming back by the page’s link, Escape or Back: current, in view and announced', async ({ page, sandbox }) => {
  // Low enough that the last rows are not drawn while the table is scrolled to its top.
  await page.setViewportSize({ width: 1280, height: 700 });
  const { all, byAge, table, live, current } = await oldestFirst(page, sandbox);
  // Down to the last row but one.
  const at = all.length - 1;
  const target = byAge[at - 1];
  await page.getByRole('heading', { level: 1 }).click();
  for (let i = 0; i < at; i++) await page.keyboard.press('j');
  const isTheTarget = async () => {
    await expect(current).toHaveCount(1);
    await expect(current.locator('.mt-table__name a')).toHaveAttribute('href', `/items/${target.id}`);
    await expect(current).toBeInViewport({ ratio: 0.95 });
    await expect(live).toHaveText(`${inSentence(target.name)}, ${at} of ${all.length}`);
  };
  await isTheTarget();
  for (const way of ['link', 'Escape', 'Back']) {
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 1, name: target.name! })).toBeFocused();
    if (way === 'link') await page.getByRole('link', { name: /Back to Task Manager/ }).click();
    else if (way === 'Escape') await page.keyboard.press('Escape');
    else await page.goBack();
    await expect(page, way).toHaveURL(/\/tasks\/pending\?sort=oldest$/);
    await isTheTarget();
  }
  // The keyboard carries on from there.
  await page.keyboard.press('k');
  await expect(live).toHaveText(`${inSentence(byAge[at - 2].name)}, ${at - 1} of ${all.length}`);
});

test('an item opened with the mouse is the current row on the way back, and the keyboard carries on from it', async ({ page, sandbox }) => {
  const { all, byAge, table, live, current } = await oldestFirst(page, sandbox);
  await expect(current).toHaveCount(0);
  const target = byAge[2];
  await table.locator(`a[href="/items/${target.id}"]`).click();
  await expect(page.getByRole('heading', { level: 1, name: target.name! })).toBeVisible();
  await page.goBack();
  await expect(current.locator('.mt-table__name a')).toHaveAttribute('href', `/items/${target.id}`);
  await expect(live).toHaveText(`${inSentence(target.name)}, 3 of ${all.length}`);
  await page.keyboard.press('j');
  await expect(live).toHaveText(`${inSentence(byAge[3].name)}, 4 of ${all.length}`);
});

test('focus in a row makes it the current row: r rejects the focused item, and j takes focus along, so Enter opens the row moved to', async ({ page, sandbox }) => {
  const { byAge, table, live, current } = await oldestFirst(page, sandbox);
  const link = (item: Item) => table.locator(`.mt-table__name a[href="/items/${item.id}"]`);
  await page.getByRole('heading', { level: 1 }).click();
  await page.keyboard.press('j');
  await expect(current.locator('.mt-table__name a')).toHaveAttribute('href', `/items/${byAge[0].id}`);
  // Tab-focusing another row's link makes that row the current one, without a word from
  // the live region (the screen reader reads the link).
  const at = byAge.findIndex((item, n) => n > 2 && undecided(item).length > 0);
  const focused = byAge[at];
  await link(focused).focus();
  await expect(current.locator('.mt-table__name a')).toHaveAttribute('href', `/items/${focused.id}`);
  await expect(live).toBeEmpty();
  // r rejects the focused row's item, not the one j had made current.
  await page.keyboard.press('r');
  const confirm = page.getByRole('dialog', { name: 'Reject All: confirm' });
  await expect(confirm).toContainText(`Reject every pending approval item of “${inSentence(focused.name)}”?`);
  await confirm.getByRole('button', { name: 'Reject All' }).click();
  const results = page.getByRole('dialog', { name: 'Reject All: results' });
  await expect(results.getByRole('status')).toHaveText('Finished: 1 done.');
  await expect(results.getByRole('listitem')).toHaveCount(1);
  await expect(results.getByRole('listitem')).toContainText(focused.name!);
  await page.keyboard.press('Escape');
  const stillPending = (await pendingItems(sandbox, ALISON)).map((i) => i.id);
  expect(stillPending).not.toContain(focused.id);
  expect(stillPending).toContain(byAge[0].id);
  // With focus on a row's link, j and k move focus along with the current row.
  const rest = byAge.filter((i) => i.id !== focused.id);
  await link(rest[1]).focus();
  await page.keyboard.press('j');
  await expect(link(rest[2])).toBeFocused();
  await page.keyboard.press('j');
  await page.keyboard.press('k');
  await expect(link(rest[2])).toBeFocused();
  await expect(current.locator('.mt-table__name a')).toHaveAttribute('href', `/items/${rest[2].id}`);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: rest[2].name! })).toBeFocused();
});

test('on a phone, Enter on the time in a card opens that card’s item, not the current row’s', async ({ page, sandbox }) => {
  await page.setViewportSize({ width: 600, height: 800 });
  await signIn(page, sandbox, ALISON, '/tasks/pending?sort=oldest');
  const cards = page.getByRole('list', { name: 'Pending work items' }).locator('li.mt-row');
  await expect(cards.first()).toBeVisible();
  await page.getByRole('heading', { level: 1 }).click();
  await page.keyboard.press('j');
  await expect(cards.first()).toHaveClass(/mt-row--current/);
  const card = cards.nth(4);
  const name = (await card.locator('a.mt-row__name').textContent())!;
  await card.locator('time').first().focus();
  await expect(card).toHaveClass(/mt-row--current/);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name })).toBeFocused();
});

test('the single-key shortcuts can be turned off in the shortcuts list, stay off over a reload, and come back on', async ({ page, sandbox }) => {
  const { byAge, current } = await oldestFirst(page, sandbox);
  const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  const toggle = help.getByRole('switch', { name: 'Single-key shortcuts' });
  const openHelp = () => page.getByRole('button', { name: 'Keyboard shortcuts' }).click();
  await openHelp();
  await expect(toggle).toBeChecked();
  await toggle.click();
  await expect(toggle).not.toBeChecked();
  await expect(help).toContainText('only ↓ ↑, Enter and Escape work');
  await page.keyboard.press('Escape');
  await expect(help).toHaveCount(0);
  // Off: letters do nothing; the arrows (no character key) still move the current row.
  const first = `/items/${byAge[0].id}`;
  const offNow = async () => {
    await page.getByRole('heading', { level: 1 }).click();
    await page.keyboard.press('ArrowDown');
    await expect(current.locator('.mt-table__name a')).toHaveAttribute('href', first);
    for (const key of ['j', 'x', 'r', 'c', '?']) await page.keyboard.press(key);
    await expect(current.locator('.mt-table__name a')).toHaveAttribute('href', first);
    await expect(page.getByRole('region', { name: 'Selected work items' }).getByRole('status')).toHaveText('0 selected');
    await expect(page.getByRole('dialog')).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Keyboard shortcuts' })).not.toHaveAttribute('aria-keyshortcuts');
  };
  await offNow();
  await page.reload();
  await expect(page.getByRole('table', { name: 'Pending work items' })).toBeVisible();
  await page.getByRole('heading', { level: 1 }).click();
  await page.keyboard.press('Escape');
  await expect(current).toHaveCount(0);
  await offNow();
  // On again: j and r work.
  await openHelp();
  await expect(toggle).not.toBeChecked();
  await toggle.click();
  await page.keyboard.press('Escape');
  await page.getByRole('heading', { level: 1 }).click();
  await page.keyboard.press('j');
  await expect(current.locator('.mt-table__name a')).toHaveAttribute('href', `/items/${byAge[1].id}`);
  await page.keyboard.press('r');
  await expect(page.getByRole('dialog', { name: 'Reject All: confirm' })).toBeVisible();
});

test('Shift+Tab up the whole table goes through every row, each drawn and in view, never to the page', async ({ page, sandbox }) => {
  await page.setViewportSize({ width: 1280, height: 700 });
  const { all, table } = await oldestFirst(page, sandbox);
  const scroller = page.locator('.mt-table__scroll');
  await scroller.evaluate((el) => { el.scrollTop = el.scrollHeight; });
  const last = table.locator(`tr[aria-rowindex="${all.length + 1}"]`);
  await last.locator('.mt-row__select').focus();
  // Where focus is: the row (its aria-rowindex), and whether it is in the scroller's view.
  const where = () => page.evaluate(() => {
    const active = document.activeElement!;
    const row = active.closest('tr[aria-rowindex]');
    const box = active.getBoundingClientRect();
    const view = document.querySelector('.mt-table__scroll')!.getBoundingClientRect();
    const head = document.querySelector('.mt-table thead')!.getBoundingClientRect();
    return { tag: active.tagName, row: row ? Number(row.getAttribute('aria-rowindex')) : 0,
      shown: box.top >= head.bottom - 1 && box.bottom <= view.bottom + 1 };
  });
  let row = all.length + 1;
  const seen = new Set<number>([row]);
  for (let press = 0; press < all.length * 4 && row > 2; press++) {
    await page.keyboard.press('Shift+Tab');
    const now = await where();
    expect(now.tag, `Shift+Tab ${press + 1} from row ${row}`).not.toBe('BODY');
    expect(now.row, `Shift+Tab ${press + 1} from row ${row}`).toBeGreaterThanOrEqual(row - 1);
    expect(now.shown, `row ${now.row} in view`).toBe(true);
    row = now.row;
    seen.add(row);
  }
  expect(row).toBe(2);
  expect(seen.size).toBe(all.length);
});

test('scrolling a long table back towards the current row leaves the table where the person scrolled it', async ({ page, sandbox }) => {
  // Grouped, the table is longer than its scroller; the last row is made current.
  await signIn(page, sandbox, ALISON, '/tasks/pending?group=type');
  const { table, rows } = pendingTable(page);
  await expect(rows).not.toHaveCount(0);
  const scroller = page.locator('.mt-table__scroll');
  const scrollTo = (top: number) => scroller.evaluate(async (el, top) => {
    el.scrollTop = top;
    // The table draws the rows now in reach, and anything they do happens, in a frame or two.
    await new Promise((done) => setTimeout(done, 300));
    return el.scrollTop;
  }, top);
  const bottom = await scrollTo(1e6);
  expect(bottom).toBeGreaterThan(600);
  const last = table.locator('tbody tr.mt-table__row').last();
  await last.getByRole('checkbox').click();
  await expect(last).toHaveClass(/mt-table__row--current/);
  expect(await scrollTo(0)).toBe(0);
  // On the way back down, the current row is drawn before it is in view: it must not
  // pull the table to itself.
  for (let top = 100; top < bottom - 100; top += 100) {
    expect(Math.abs(await scrollTo(top) - top), `scrolled to ${top}`).toBeLessThanOrEqual(2);
  }
  // The keyboard still brings it into view.
  await scrollTo(0);
  await page.getByRole('heading', { level: 1 }).click();
  await page.keyboard.press('k');
  await page.keyboard.press('j');
  await expect(last).toHaveClass(/mt-table__row--current/);
  await expect(last).toBeInViewport();
});

test('to Completed and back with a current row and a selection: the triage keys do nothing on Completed, and Pending carries on with both', async ({ page, sandbox }) => {
  // Once the app stopped here ("unreachable"): Completed's keys used Pending's list, gone.
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  const { all, byAge, table, live, current } = await oldestFirst(page, sandbox);
  const { rows } = pendingTable(page);
  const count = page.locator('.mt-bulk__count');
  await rows.nth(0).getByRole('checkbox').click();
  await page.keyboard.press('j');
  await expect(count).toHaveText('1 selected');
  await expect(live).toHaveText(`${inSentence(byAge[1].name)}, 2 of ${all.length}`);

  await page.getByRole('tab', { name: /Completed/ }).click();
  await expect(page.getByRole('table', { name: 'Completed work items' })).toBeVisible();
  await page.getByRole('heading', { level: 1 }).click();
  for (const key of ['j', 'x', 'a', 'Enter']) await page.keyboard.press(key);
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expect(page).toHaveURL(/\/tasks\/completed$/);

  await page.getByRole('tab', { name: /Pending/ }).click();
  await expect(table).toBeVisible();
  await expect(count).toHaveText('1 selected');
  await expect(rows.nth(0).getByRole('checkbox')).toBeChecked();
  await expect(current.locator('.mt-table__name a')).toHaveAttribute('href', `/items/${byAge[1].id}`);
  await page.getByRole('heading', { level: 1 }).click();
  await page.keyboard.press('j');
  await expect(live).toHaveText(`${inSentence(byAge[2].name)}, 3 of ${all.length}`);
  expect(errors).toEqual([]);
});

test('the rows selected are still selected on coming back from an item, by its link or by Back', async ({ page, sandbox }) => {
  const { byAge, table } = await oldestFirst(page, sandbox);
  const { rows } = pendingTable(page);
  const count = page.locator('.mt-bulk__count');
  await rows.nth(0).getByRole('checkbox').click();
  await rows.nth(2).getByRole('checkbox').click();
  await expect(count).toHaveText('2 selected');
  for (const way of ['link', 'Back']) {
    await table.locator(`a[href="/items/${byAge[1].id}"]`).click();
    await expect(page.getByRole('heading', { level: 1, name: byAge[1].name! })).toBeVisible();
    if (way === 'link') await page.getByRole('link', { name: /Back to Task Manager/ }).click();
    else await page.goBack();
    await expect(page, way).toHaveURL(/\/tasks\/pending\?sort=oldest$/);
    await expect(count, way).toHaveText('2 selected');
    for (const at of [0, 2]) await expect(rows.nth(at).getByRole('checkbox'), way).toBeChecked();
    await expect(rows.nth(1).getByRole('checkbox'), way).not.toBeChecked();
  }
  // Another view of the tab is another list: nothing is taken up there.
  await page.goto('/tasks/pending');
  await expect(rows.first()).toBeVisible();
  await expect(count).toHaveText('0 selected');
});

test('ticking the first row does not move the table, at any width from 900 px up', async ({ page, sandbox }) => {
  await signIn(page, sandbox, ALISON, '/tasks/pending');
  const { rows } = pendingTable(page);
  await expect(rows.first()).toBeVisible();
  const top = () => page.locator('.mt-table__scroll').evaluate((el) => el.getBoundingClientRect().top);
  const box = rows.nth(0).getByRole('checkbox');
  for (let width = 900; width <= 1600; width += 25) {
    await page.setViewportSize({ width, height: 900 });
    await expect(page.locator('.mt-bulk__count')).toHaveText('0 selected');
    const before = await top();
    await box.click();
    await expect(page.locator('.mt-bulk__count')).toHaveText('1 selected');
    // "Clear selection" appeared: once, it wrapped the bar to a second line at 1280 px.
    expect(await top(), `${width} px`).toBe(before);
    await box.click();
  }
});

test('choosing the open tab keeps its view, and each tab comes back with the view it was left with', async ({ page, sandbox }) => {
  const { all, fred } = await withFred(sandbox);
  await signIn(page, sandbox, ALISON, '/tasks/pending?q=fred&sort=oldest');
  const { table } = pendingTable(page);
  const pending = page.getByRole('tab', { name: /Pending/ });
  const completed = page.getByRole('tab', { name: /Completed/ });
  const search = page.getByRole('searchbox', { name: 'Search' });
  const sort = page.getByRole('combobox', { name: 'Sort by' });
  const pendingView = async () => {
    await expect(page).toHaveURL(/\/tasks\/pending\?q=fred&sort=oldest$/);
    await expect(search).toHaveValue('fred');
    await expect(sort).toHaveValue('oldest');
    await expect(table).toHaveAttribute('aria-rowcount', String(fred.length + 1));
  };
  await pendingView();
  const entries = await page.evaluate(() => history.length);

  // The open tab, chosen by mouse and by keyboard: the view stays, and no history entry is added.
  await pending.click();
  await pendingView();
  await pending.focus();
  await page.keyboard.press('Enter');
  await pendingView();
  expect(await page.evaluate(() => history.length)).toBe(entries);

  // Completed opens with its own view (its default, the first time), and each tab keeps its own.
  await completed.click();
  await expect(page).toHaveURL(/\/tasks\/completed$/);
  await expect(search).toHaveValue('');
  await sort.selectOption('name');
  await expect(page).toHaveURL(/\/tasks\/completed\?sort=name$/);
  await pending.click();
  await pendingView();
  await completed.click();
  await expect(page).toHaveURL(/\/tasks\/completed\?sort=name$/);
  await expect(sort).toHaveValue('name');
  // The tabs are links to those views, for a new browser tab too.
  await expect(pending).toHaveAttribute('href', '/tasks/pending?q=fred&sort=oldest');
  await expect(completed).toHaveAttribute('href', '/tasks/completed?sort=name');
});

test('what is typed in search filters at once and reaches the URL when typing pauses, or before a link is followed', async ({ page, sandbox }) => {
  const { all, fred } = await withFred(sandbox);
  await signIn(page, sandbox, ALISON, '/tasks/pending');
  const { table, rows } = pendingTable(page);
  await expect(table).toHaveAttribute('aria-rowcount', String(all.length + 1));
  const search = page.getByRole('searchbox', { name: 'Search' });
  await search.pressSequentially('fred');
  await expect(page).toHaveURL(/\/tasks\/pending\?q=fred$/);
  await page.reload();
  await expect(search).toHaveValue('fred');
  const shown = Number(await table.getAttribute('aria-rowcount')) - 1;
  expect(shown).toBeGreaterThan(0);
  expect(shown).toBeLessThan(all.length);

  // Typed and, at once, a row opened: leaving the field writes the URL first.
  await search.press('End');
  await search.pressSequentially(' ');
  await search.press('Backspace');
  await search.press('Backspace');
  await rows.first().getByRole('link').click();
  await expect(page.getByRole('heading', { level: 1 })).not.toHaveText('Task Manager');
  await page.goBack();
  await expect(page).toHaveURL(/\/tasks\/pending\?q=fre$/);
  await expect(search).toHaveValue('fre');
});

test('a sort chosen and a row opened within the same frame: Back still finds the sorted view', async ({ page, sandbox }) => {
  const all = await pendingItems(sandbox, ALISON);
  await signIn(page, sandbox, ALISON, '/tasks/pending');
  const { table } = pendingTable(page);
  await expect(table).toHaveAttribute('aria-rowcount', String(all.length + 1));
  // The menu's history entry waits for the next frame; the click comes before it.
  const sort = await page.getByRole('combobox', { name: 'Sort by' }).elementHandle();
  await page.evaluate((select) => {
    const menu = select as HTMLSelectElement;
    menu.value = 'name';
    menu.dispatchEvent(new Event('change', { bubbles: true }));
    document.querySelector<HTMLAnchorElement>('.mt-table__name a')!.click();
  }, sort);
  await expect(page).toHaveURL(/\/items\//);
  await expect(page.getByRole('heading', { level: 1 })).not.toHaveText('Task Manager');
  await page.goBack();
  await expect(page).toHaveURL(/\/tasks\/pending\?sort=name$/);
  await expect(page.getByRole('combobox', { name: 'Sort by' })).toHaveValue('name');
  await page.goBack();
  await expect(page).toHaveURL(/\/tasks\/pending$/);
  await expect(page.getByRole('combobox', { name: 'Sort by' })).toHaveValue('newest');
});

// A time zone where today is another date than in UTC, at any hour: the export's file is
// named with the person's date.
const FAR_ZONE = new Date().getUTCHours() < 11 ? 'Pacific/Pago_Pago' : 'Pacific/Kiritimati';

test.describe(`where the date is not UTC's (${FAR_ZONE})`, () => {
  test.use({ timezoneId: FAR_ZONE });

  test('export downloads exactly the filtered view, as CSV and as JSON, named with owner and date', async ({ page, sandbox }) => {
    const all = await pendingItems(sandbox, ALISON);
    const onGithub = all.filter((i) => sourcesOf(i).includes('GitHub'));
    expect(onGithub.length).toBeGreaterThan(0);
    expect(onGithub.length).toBeLessThan(all.length);
    await signIn(page, sandbox, ALISON, '/tasks/pending?source=GitHub&sort=name');
    const { table } = pendingTable(page);
    await expect(table).toHaveAttribute('aria-rowcount', String(onGithub.length + 1));
    // The day where the person is (en-CA writes YYYY-MM-DD), which is not UTC's.
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: FAR_ZONE }).format(new Date());
    expect(today).not.toBe(new Date().toISOString().slice(0, 10));

    const [csvDownload] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export CSV' }).click(),
    ]);
    expect(csvDownload.suggestedFilename()).toBe(`my-tasks-pending-${ALISON}-${today}.csv`);
    const csvText = readFileSync((await csvDownload.path())!, 'utf8');
    // A byte-order mark first, so a spreadsheet reads it as UTF-8.
    expect(csvText.startsWith('\uFEFF')).toBe(true);
    const [header, ...records] = parseCsv(csvText.slice(1));
    expect(header).toEqual(['id', 'name', 'type', 'state', 'requester', 'identities', 'accounts', 'sources',
      'created', 'modified', 'completed', 'description']);
    expect(records.map((r) => r[0]).sort()).toEqual(onGithub.map((i) => i.id).sort());
    for (const record of records) {
      expect(record).toHaveLength(header.length);
      expect(record[7]).toContain('GitHub');
      expect(record[3]).toBe('Pending');
    }

    const [jsonDownload] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export JSON' }).click(),
    ]);
    expect(jsonDownload.suggestedFilename()).toBe(`my-tasks-pending-${ALISON}-${today}.json`);
    const exported: Item[] = JSON.parse(readFileSync((await jsonDownload.path())!, 'utf8'));
    // The table's order (name, A to Z, as the app compares them) and the API's own items.
    const byName = [...onGithub].sort((a, b) => (a.name ?? '').toLowerCase() < (b.name ?? '').toLowerCase() ? -1 : (a.name ?? '').toLowerCase() > (b.name ?? '').toLowerCase() ? 1 : 0);
    expect(exported.map((i) => i.name)).toEqual(byName.map((i) => i.name));
    const fields = (i: any) => ({ id: i.id, name: i.name, type: i.type, created: i.created, description: i.description });
    expect(exported.map(fields)).toEqual(byName.map(fields));
  });
});

test('below 900 px the items are cards, and widening the window turns them into the table', async ({ page, sandbox }) => {
  const all = await pendingItems(sandbox, ALISON);
  await page.setViewportSize({ width: 600, height: 900 });
  await signIn(page, sandbox, ALISON, '/tasks/pending');
  const cards = page.getByRole('list', { name: 'Pending work items' }).getByRole('listitem');
  await expect(cards).toHaveCount(Math.min(all.length, 50));
  await expect(page.getByRole('table')).toHaveCount(0);
  await page.setViewportSize({ width: 1000, height: 900 });
  await expect(page.getByRole('table', { name: 'Pending work items' })).toHaveAttribute('aria-rowcount', String(all.length + 1));
  await expect(cards).toHaveCount(0);
});

test('with the browser\'s text size doubled, a 1280 px window shows the cards, not a table squeezed to nothing', async ({ page, context, sandbox }) => {
  // The browser's own font-size setting (Chromium's "Very large" and beyond): the table's
  // columns would have no room for their text; the cards wrap it.
  await page.setViewportSize({ width: 1280, height: 900 });
  const cdp = await context.newCDPSession(page);
  await cdp.send('Page.setFontSizes', { fontSizes: { standard: 32 } });
  await signIn(page, sandbox, ALISON, '/tasks/pending');
  await expect(page.getByRole('list', { name: 'Pending work items' }).getByRole('listitem').first()).toBeVisible();
  await expect(page.getByRole('table')).toHaveCount(0);
  // At the usual size, the same window has the table.
  await cdp.send('Page.setFontSizes', { fontSizes: { standard: 16 } });
  await page.reload();
  await expect(page.getByRole('table', { name: 'Pending work items' })).toBeVisible();
});

test('on a phone, upright or on its side, the first items are on the first screen; the filters, sort and views open from one button that counts the choices made', async ({ page, sandbox }) => {
  const approvals = (await pendingItems(sandbox, ALISON)).filter((i) => i.type === 'Approval');
  expect(approvals.length).toBeGreaterThan(1);
  await page.setViewportSize({ width: 360, height: 780 });
  await signIn(page, sandbox, ALISON, '/tasks/pending');
  const cards = page.getByRole('list', { name: 'Pending work items' }).getByRole('listitem');
  await expect(cards.first()).toBeInViewport();
  // The bulk actions come with a selection; the menus and the views bar wait behind the button.
  await expect(page.locator('.mt-bulk').getByRole('button', { name: 'Approve All' })).toBeHidden();
  await expect(page.getByRole('searchbox', { name: 'Search' })).toBeVisible();
  const more = page.getByRole('button', { name: 'Filters and views', exact: true });
  await expect(more).toHaveAttribute('aria-expanded', 'false');
  await expect(page.getByRole('combobox', { name: 'Type' })).toBeHidden();
  await expect(page.getByRole('button', { name: 'Export CSV' })).toBeHidden();
  await more.click();
  await page.getByRole('combobox', { name: 'Type' }).selectOption('Approval');
  await page.getByRole('combobox', { name: 'Sort by' }).selectOption('oldest');
  await expect(page.getByRole('button', { name: 'Export CSV' })).toBeVisible();
  await expect(cards).toHaveCount(approvals.length);
  // Closed again, the button says how many choices are made; the list keeps them.
  const counted = page.getByRole('button', { name: 'Filters and views (2)' });
  await expect(counted).toHaveAttribute('aria-expanded', 'true');
  await counted.click();
  await expect(counted).toHaveAttribute('aria-expanded', 'false');
  await expect(page.getByRole('combobox', { name: 'Type' })).toBeHidden();
  await expect(cards).toHaveCount(approvals.length);
  await cards.first().getByRole('checkbox').check();
  await expect(page.locator('.mt-bulk').getByRole('button', { name: 'Approve All' })).toBeVisible();
  // A phone on its side: the actions come with a selection there too, and the first card
  // is on the first screen.
  await cards.first().getByRole('checkbox').uncheck();
  await page.setViewportSize({ width: 740, height: 360 });
  await page.evaluate(() => scrollTo(0, 0));
  await expect(page.locator('.mt-bulk').getByRole('button', { name: 'Approve All' })).toBeHidden();
  await expect(cards.first()).toBeInViewport();
  await cards.first().getByRole('checkbox').check();
  await expect(page.locator('.mt-bulk').getByRole('button', { name: 'Approve All' })).toBeVisible();
  // From 900 px everything is shown, and the button is not.
  await page.setViewportSize({ width: 1280, height: 800 });
  await expect(page.getByRole('combobox', { name: 'Type' })).toBeVisible();
  await expect(counted).toBeHidden();
});

test.describe('with 60 more pending items', () => {
  test.use({ sandboxArgs: ['--extra-items', '60'] });

  test('on a phone the cards come 50 at a time, and Show more shows the rest', async ({ page, sandbox }) => {
    const all = await pendingItems(sandbox, ALISON);
    expect(all.length).toBeGreaterThan(50);
    expect(all.length).toBeLessThanOrEqual(100);
    await page.setViewportSize({ width: 360, height: 780 });
    await signIn(page, sandbox, ALISON, '/tasks/pending');
    const cards = page.getByRole('list', { name: 'Pending work items' }).getByRole('listitem');
    await expect(cards).toHaveCount(50);
    const more = page.getByRole('button', { name: 'Show more' });
    await expect(more).toBeVisible();
    await more.click();
    await expect(cards).toHaveCount(all.length);
    await expect(more).toHaveCount(0);
  });

  test('on a phone Show more leaves the page where it is, though the keyboard has a current row further up', async ({ page, sandbox }) => {
    await page.setViewportSize({ width: 360, height: 780 });
    await signIn(page, sandbox, ALISON, '/tasks/pending');
    const cards = page.getByRole('list', { name: 'Pending work items' }).getByRole('listitem');
    await expect(cards).toHaveCount(50);
    await page.getByRole('heading', { level: 1 }).click();
    await page.keyboard.press('j');
    await expect(page.locator('.mt-list .mt-row--current')).toHaveCount(1);
    await page.getByRole('button', { name: 'Show more' }).click();
    await expect(cards.nth(50)).toBeInViewport();
    await expect(page.locator('.mt-list .mt-row--current')).not.toBeInViewport();
  });

  test('on a phone the keyboard moves on past the 50th card, and that row is shown again on the way back from its item', async ({ page, sandbox }) => {
    const all = await pendingItems(sandbox, ALISON);
    const byAge = [...all].sort((a: any, b: any) => a.created.localeCompare(b.created));
    await page.setViewportSize({ width: 360, height: 780 });
    await signIn(page, sandbox, ALISON, '/tasks/pending?sort=oldest');
    const cards = page.getByRole('list', { name: 'Pending work items' }).getByRole('listitem');
    await expect(cards).toHaveCount(50);
    const current = page.locator('.mt-list .mt-row--current');
    const live = page.locator('.mt-bulk [aria-live="polite"]');
    await page.getByRole('heading', { level: 1 }).click();
    for (let i = 0; i < 51; i++) await page.keyboard.press('j');
    const isCurrent = async (at: number) => {
      await expect(current).toHaveCount(1);
      await expect(current.locator('a.mt-row__name')).toHaveAttribute('href', `/items/${byAge[at].id}`);
      await expect(current).toBeInViewport({ ratio: 0.5 });
      await expect(live).toHaveText(`${inSentence(byAge[at].name)}, ${at + 1} of ${all.length}`);
    };
    await isCurrent(50);
    // Shown in a whole step, as Show more would.
    await expect(cards).toHaveCount(all.length);
    const openAndComeBack = async (at: number) => {
      await page.keyboard.press('Enter');
      await expect(page.getByRole('heading', { level: 1, name: byAge[at].name! })).toBeFocused();
      await page.goBack();
      await isCurrent(at);
    };
    // Beyond the first 50 cards, and among them.
    await openAndComeBack(50);
    for (let i = 0; i < 10; i++) await page.keyboard.press('k');
    await isCurrent(40);
    await openAndComeBack(40);
  });
});

test('on a phone a saved view with a long name keeps the page from scrolling sideways, in English and Arabic', async ({ page, sandbox }) => {
  await page.setViewportSize({ width: 360, height: 780 });
  await signIn(page, sandbox, ALISON, '/tasks/pending');
  await page.getByRole('button', { name: 'Filters and views', exact: true }).click();
  await page.getByRole('textbox', { name: 'View name' }).fill('Quarterly access review for the finance department');
  await page.getByRole('button', { name: 'Save view' }).click();
  await expect(page.getByRole('combobox', { name: 'Saved views' })).toContainText('Quarterly access review');
  const sideways = () => page.evaluate(() => document.scrollingElement!.scrollWidth - document.scrollingElement!.clientWidth);
  // The menu once grew to its option's width, 453 px.
  expect(await sideways()).toBe(0);
  await page.evaluate(() => localStorage.setItem('my-tasks.language', 'ar'));
  await page.reload();
  await page.getByRole('button', { name: 'عوامل التصفية والعروض', exact: true }).click();
  await expect(page.locator('.mt-views select').first()).toBeVisible();
  expect(await sideways()).toBe(0);
});

test('on a phone in German, the shortcuts list keeps each key clear of its words', async ({ page, sandbox }) => {
  await page.setViewportSize({ width: 360, height: 800 });
  await signIn(page, sandbox, ALISON, '/tasks/pending');
  await page.evaluate(() => localStorage.setItem('my-tasks.language', 'de'));
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('lang', 'de');
  await expect(page.getByRole('table').or(page.getByRole('list', { name: /Arbeitselemente/ })).first()).toBeVisible();
  // The boot script's preview, drawn on reload, lies over the page until the app's rows
  // are drawn: the key goes to the app once it is gone (a busy machine drew it late).
  await expect(page.locator('#mt-preview')).toHaveCount(0);
  await page.getByRole('heading', { level: 1 }).click();
  const rows = page.getByRole('dialog').locator('.mt-shortcuts__row');
  await expect(async () => {
    if (await page.getByRole('dialog').count() === 0) await page.keyboard.press('?');
    await expect(rows.first()).toBeVisible({ timeout: 1_000 });
  }).toPass();
  const overlaps = await rows.evaluateAll((all) => all.flatMap((row) => {
    const dt = row.querySelector('dt')!.getBoundingClientRect();
    const dd = row.querySelector('dd')!.getBoundingClientRect();
    const keys = [...row.querySelectorAll('dt kbd')].map((k) => k.getBoundingClientRect().right);
    // "Eingabetaste" once ran 3 px into its words.
    return Math.max(dt.right, ...keys) > dd.left + 0.5 ? [row.textContent] : [];
  }));
  expect(overlaps).toEqual([]);
});

test('on a phone the selection bar is small, and stays in view only while something is selected', async ({ page, sandbox }) => {
  await page.setViewportSize({ width: 360, height: 780 });
  await signIn(page, sandbox, ALISON, '/tasks/pending');
  await page.evaluate(() => localStorage.setItem('my-tasks.language', 'de'));
  await page.reload();
  const bar = page.locator('.mt-bulk');
  const boxes = page.locator('.mt-list .mt-row__select');
  await expect(boxes.first()).toBeVisible();
  // Scrolled down with nothing selected: the bar has scrolled away with the page.
  await page.mouse.wheel(0, 1500);
  await expect.poll(async () => (await bar.boundingBox())!.y + (await bar.boundingBox())!.height).toBeLessThanOrEqual(0);
  // Two selected (German, the longest labels): it sticks at the top, in under 30% of the screen.
  await boxes.nth(3).check();
  await boxes.nth(4).check();
  await expect(bar.getByRole('status')).toHaveText('2 ausgewählt');
  await page.mouse.wheel(0, 600);
  await expect.poll(async () => (await bar.boundingBox())!.y).toBe(0);
  // (It took 240 px, its actions' labels on two lines; 227 px with them smaller.)
  expect((await bar.boundingBox())!.height).toBeLessThanOrEqual(780 * 0.3);
  for (const button of await bar.getByRole('button').all()) {
    const box = (await button.boundingBox())!;
    expect(box.height, await button.textContent() ?? '').toBeGreaterThanOrEqual(40);
  }
});

test('a type tag fits its cell in the table, whole or shortened with its label in the title, never a bare ellipsis', async ({ page, sandbox }) => {
  const all = await pendingItems(sandbox, ALISON);
  await page.setViewportSize({ width: 1280, height: 1600 });
  await signIn(page, sandbox, ALISON, '/tasks/pending');
  const { table } = pendingTable(page);
  await expect(table).toHaveAttribute('aria-rowcount', String(all.length + 1));
  /** Each drawn tag: its label, its title, whether it is cut, and whether it lies inside its cell. */
  const tags = () => page.locator('.mt-table .mt-tag:not([hidden])').evaluateAll((els) => els.map((el) => {
    const tag = el.getBoundingClientRect();
    const cell = el.closest('td')!;
    const box = cell.getBoundingClientRect();
    const pad = parseFloat(getComputedStyle(cell).paddingInlineEnd);
    return {
      label: el.textContent, title: el.getAttribute('title'), cut: el.scrollWidth > el.clientWidth,
      inside: tag.left >= box.left && tag.right <= box.right - pad + 0.5,
    };
  }));
  const wide = await tags();
  expect(wide.length).toBeGreaterThan(5);
  for (const tag of wide) {
    expect(tag, `${tag.label} at 1280 px`).toMatchObject({ inside: true, title: tag.label });
  }
  // The demo's common types are read whole on a laptop.
  for (const label of ['Approval', 'Remediation', 'Generic', 'Delegation']) {
    if (wide.some((t) => t.label === label)) expect(wide.find((t) => t.label === label)!.cut, label).toBe(false);
  }
  // At the narrowest table, a long label is cut inside its tag, which stays in its cell.
  await page.setViewportSize({ width: 900, height: 1600 });
  await expect(table).toBeVisible();
  for (const tag of await tags()) {
    expect(tag, `${tag.label} at 900 px`).toMatchObject({ inside: true, title: tag.label });
  }
});

for (const [layout, width] of [['table', 1280], ['cards', 600]] as const) {
  test(`after a row’s quick action takes its item away, focus is on the next item’s link (${layout})`, async ({ page, sandbox }) => {
    await page.setViewportSize({ width, height: 1600 });
    await signIn(page, sandbox, ALISON, '/tasks/pending');
    const list = layout === 'table'
      ? page.getByRole('table', { name: 'Pending work items' })
      : page.getByRole('list', { name: 'Pending work items' });
    const all = await pendingItems(sandbox, ALISON);
    await expect(page.getByRole('status').filter({ hasText: `${all.length} work items` })).toBeVisible();
    const rows = layout === 'table' ? list.locator('tbody tr[aria-rowindex]') : list.getByRole('listitem');
    // The first item with Mark Complete as its quick action, and the item after it.
    const names = await rows.evaluateAll((els) => els.map((el) => ({
      name: el.querySelector('a[href]')?.textContent?.trim() ?? '',
      complete: [...el.querySelectorAll('button')].some((b) => b.textContent === 'Mark Complete' && b.checkVisibility()),
    })));
    const at = names.findIndex((n) => n.complete);
    expect(at).toBeGreaterThanOrEqual(0);
    expect(at + 1).toBeLessThan(names.length);
    const row = rows.nth(at);
    await row.getByRole('button', { name: 'Mark Complete' }).focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Complete work item' });
    await expect(dialog).toBeVisible();
    // Keyboard only: from Cancel (focused first, the safe choice) to the confirming button.
    await page.keyboard.press('Tab');
    await expect(dialog.getByRole('button', { name: 'Mark Complete' })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('status').filter({ hasText: `${all.length - 1} work items` })).toBeVisible();
    // The row that took the item's place shows the next item; its link has focus.
    const next = rows.nth(at).locator('a[href]');
    await expect(next).toHaveText(names[at + 1].name);
    await expect(next).toBeFocused();
    // Enter opens the item focus went to.
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 1, name: names[at + 1].name })).toBeVisible();
  });
}

test('leaving the page while a row’s quick action runs: the action finishes and the app goes on working', async ({ page, sandbox }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  await page.setViewportSize({ width: 1280, height: 1600 });
  await signIn(page, sandbox, ALISON, '/');
  await page.getByRole('link', { name: 'Task Manager' }).click();
  const all = await pendingItems(sandbox, ALISON);
  const table = page.getByRole('table', { name: 'Pending work items' });
  await expect(table).toHaveAttribute('aria-rowcount', String(all.length + 1));
  // The request is held until the person has gone to the dashboard.
  let release!: () => void;
  const held = new Promise<void>((ok) => { release = ok; });
  await page.route(/\/v2024\/work-items\/[0-9a-f]+$/, async (route) => {
    if (route.request().method() === 'POST') await held;
    await route.continue();
  });
  await table.getByRole('button', { name: 'Mark Complete' }).first().click();
  await page.getByRole('dialog', { name: 'Complete work item' }).getByRole('button', { name: 'Mark Complete' }).click();
  // The dialog is modal while its request runs, so the way out is the browser's Back.
  await page.goBack();
  await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();
  release();
  await expect.poll(async () => (await pendingItems(sandbox, ALISON)).length).toBe(all.length - 1);
  // Still alive: the counts follow the change, and Task Manager opens.
  await expect(page.getByText(String(all.length - 1), { exact: true }).first()).toBeVisible();
  await page.getByRole('link', { name: 'Task Manager' }).click();
  await expect(table).toHaveAttribute('aria-rowcount', String(all.length));
  expect(errors).toEqual([]);
});

test('grouped by source: a heading and count per source, one collapsed, kept over reload, and back undoes it', async ({ page, sandbox }) => {
  const all = await pendingItems(sandbox, ALISON);
  // An item is grouped under its first source; the ones without one come last.
  const groups = new Map<string, Item[]>();
  for (const item of all) groups.set(sourcesOf(item)[0] ?? '', [...(groups.get(sourcesOf(item)[0] ?? '') ?? []), item]);
  const github = groups.get('GitHub')!;
  expect(github.length).toBeGreaterThan(0);
  expect(groups.size).toBeGreaterThan(2);
  await signIn(page, sandbox, ALISON, '/tasks/pending?sort=oldest');
  const { table } = pendingTable(page);
  const itemRows = table.getByRole('row').filter({ has: page.locator('a[href^="/items/"]') });
  const heading = (name: string) => table.getByRole('button', { name: new RegExp(`^${name} \\d+ work items?$`) });
  await expect(table).toHaveAttribute('aria-rowcount', String(all.length + 1));

  await page.getByRole('combobox', { name: 'Group by' }).selectOption('source');
  await expect(page).toHaveURL(/\/tasks\/pending\?sort=oldest&group=source$/);
  await expect(table).toHaveAttribute('aria-rowcount', String(all.length + groups.size + 1));
  await expect(heading('GitHub')).toContainText(`GitHub ${github.length} work item${github.length === 1 ? '' : 's'}`);
  await expect(heading('GitHub')).toHaveAttribute('aria-expanded', 'true');
  // The first row is a heading; j skips it to the first item, which is the oldest of its group.
  await expect(table.locator('tbody tr[aria-rowindex="2"]').getByRole('button')).toHaveAttribute('aria-expanded', 'true');
  await page.getByRole('heading', { level: 1 }).click();
  await page.keyboard.press('j');
  await expect(itemRows.first()).toHaveClass(/mt-table__row--current/);
  await expect(table.locator('tbody tr[aria-rowindex="3"]')).toHaveClass(/mt-table__row--current/);

  // Collapsed with the keyboard: the heading and its count stay, its items go.
  await heading('GitHub').focus();
  await page.keyboard.press('Enter');
  const collapsedView = async () => {
    await expect(heading('GitHub')).toHaveAttribute('aria-expanded', 'false');
    await expect(table).toHaveAttribute('aria-rowcount', String(all.length - github.length + groups.size + 1));
    for (const item of github) await expect(table.locator(`a[href="/items/${item.id}"]`)).toHaveCount(0);
    await expect(page.getByRole('combobox', { name: 'Group by' })).toHaveValue('source');
  };
  await expect(page).toHaveURL(/\?sort=oldest&group=source&collapsed=GitHub$/);
  await collapsedView();
  await page.reload();
  await collapsedView();
  // Narrow, the cards have the same headings.
  await page.setViewportSize({ width: 600, height: 900 });
  const cards = page.getByRole('list', { name: 'Pending work items' });
  await expect(cards.getByRole('button', { name: /^GitHub / })).toHaveAttribute('aria-expanded', 'false');
  await page.setViewportSize({ width: 1280, height: 900 });
  // Opened again with the mouse.
  await heading('GitHub').click();
  await expect(heading('GitHub')).toHaveAttribute('aria-expanded', 'true');
  await expect(table).toHaveAttribute('aria-rowcount', String(all.length + groups.size + 1));
  await heading('GitHub').click();
  await collapsedView();
  // The address follows within a frame (views are written to the history once a frame):
  // back before then would leave from the entry before its last replacement.
  await expect(page).toHaveURL(/\?sort=oldest&group=source&collapsed=GitHub$/);

  // Collapsing replaced the history entry: back is the view before grouping, forward the grouped one.
  await page.goBack();
  await expect(page).toHaveURL(/\/tasks\/pending\?sort=oldest$/);
  await expect(page.getByRole('combobox', { name: 'Group by' })).toHaveValue('');
  await expect(table).toHaveAttribute('aria-rowcount', String(all.length + 1));
  await expect(table.locator('.mt-group')).toHaveCount(0);
  await page.goForward();
  await collapsedView();
});

test('a group heading’s checkbox selects every item of its group, is mixed when some are, and unselects them', async ({ page, sandbox }) => {
  const all = await pendingItems(sandbox, ALISON);
  const approvals = all.filter((i) => i.type === 'Approval');
  expect(approvals.length).toBeGreaterThan(1);
  expect(approvals.length).toBeLessThan(all.length);
  // Tall enough that the grouped table needs no scrolling of its own: on a starved CPU a
  // click right after the table scrolled could land where the box was a moment before.
  await page.setViewportSize({ width: 1280, height: 2000 });
  await signIn(page, sandbox, ALISON, '/tasks/pending?group=type');
  const { table } = pendingTable(page);
  await expect(table).toHaveAttribute('aria-rowcount', /\d+/);
  const group = table.getByRole('checkbox', { name: 'Select every work item in Approval' });
  const count = page.getByRole('region', { name: 'Selected work items' }).getByRole('status');
  const mixed = () => group.evaluate((box) => (box as HTMLInputElement).indeterminate);
  await expect(group).not.toBeChecked();

  await group.click();
  await expect(count).toHaveText(`${approvals.length} selected`);
  await expect(group).toBeChecked();
  const firstApproval = table.getByRole('row').filter({ has: page.locator(`a[href="/items/${approvals[0].id}"]`) });
  await expect(firstApproval.getByRole('checkbox')).toBeChecked();
  // One of them unselected: the group's box is mixed; ticking it selects the group again.
  await firstApproval.getByRole('checkbox').click();
  await expect(count).toHaveText(`${approvals.length - 1} selected`);
  await expect(group).not.toBeChecked();
  expect(await mixed()).toBe(true);
  await group.click();
  await expect(count).toHaveText(`${approvals.length} selected`);
  expect(await mixed()).toBe(false);
  // All selected: ticking it again unselects the whole group.
  await group.click();
  await expect(count).toHaveText('0 selected');
  await expect(firstApproval.getByRole('checkbox')).not.toBeChecked();
});

test('the overdue mark shows on items waiting past staleAfterDays only, and follows the rows through a sort', async ({ page, sandbox }) => {
  const all = await pendingItems(sandbox, ALISON);
  const byAge = [...all].sort((a: any, b: any) => a.created.localeCompare(b.created));
  const week = Date.now() - 7 * 24 * 3600 * 1000;
  expect(Date.parse(byAge[0].created!)).toBeLessThan(week);
  expect(Date.parse(byAge.at(-1)!.created!)).toBeGreaterThan(week);
  await signIn(page, sandbox, ALISON, '/tasks/pending?sort=oldest');
  const { rows } = pendingTable(page);
  await expect(rows.first().getByRole('link')).toHaveText(byAge[0].name!);
  await expect(rows.first().getByText('overdue', { exact: true })).toBeVisible();
  await expect(rows.first()).toHaveClass(/mt-table__row--overdue/);
  // The same row, now showing the newest item: no mark.
  await page.getByRole('combobox', { name: 'Sort by' }).selectOption('newest');
  await expect(rows.first().getByRole('link')).toHaveText(byAge.at(-1)!.name!);
  await expect(rows.first().getByText('overdue', { exact: true })).toBeHidden();
  await expect(rows.first()).not.toHaveClass(/mt-table__row--overdue/);
});

test('how long an item has waited moves on by itself each minute, in the row already drawn', async ({ page, sandbox }) => {
  const all = await pendingItems(sandbox, ALISON);
  const newest = [...all].sort((a: any, b: any) => b.created.localeCompare(a.created))[0];
  const minutes = Math.floor((Date.now() - Date.parse(newest.created!)) / 60_000);
  // The demo's newest item waits some minutes: three more still count in minutes.
  expect(minutes).toBeGreaterThan(1);
  expect(minutes + 3).toBeLessThan(60);
  await page.clock.install();
  await signIn(page, sandbox, ALISON, '/tasks/pending?sort=newest');
  const { rows } = pendingTable(page);
  const row = rows.first();
  await expect(row.getByRole('link')).toHaveText(newest.name!);
  const age = row.locator('td.mt-table__age');
  await expect(age).toHaveText(/^\d+ minutes/);
  // Read from the page: a minute may have turned since `minutes` was worked out.
  const shown = Number((await age.textContent())!.split(' ')[0]);
  expect(shown - minutes).toBeLessThanOrEqual(1);
  await row.evaluate((tr) => { (tr as any).drawnBefore = true; });
  await page.clock.fastForward('03:00');
  await expect(age).toHaveText(new RegExp(`^${shown + 3} minutes`));
  // The same row element: the clock's tick changed its text, not the list.
  expect(await row.evaluate((tr) => (tr as any).drawnBefore)).toBe(true);
});

test.describe('with 2,000 extra pending items', () => {
  test.use({ sandboxArgs: ['--extra-items', '2000'] });

  test('the whole queue loads in the background with progress, is usable from the first page, and search finds one item', async ({ page, sandbox }) => {
    const total = (await sandbox.getJson(ALISON, '/v2024/work-items/count')).count;
    expect(total).toBeGreaterThan(2000);
    // Later pages wait until the test has seen the first one shown with the progress line.
    let release!: () => void;
    const firstPageSeen = new Promise<void>((ok) => { release = ok; });
    const laterPages: string[] = [];
    await page.route(/\/v2024\/work-items\?.*offset=[1-9]/, async (route) => {
      laterPages.push(route.request().url());
      await firstPageSeen;
      await route.continue();
    });
    await signIn(page, sandbox, ALISON, '/tasks/pending');
    const { table, rows } = pendingTable(page);
    const thousands = (n: number) => n.toLocaleString('en-US');
    await expect(page.getByRole('status').filter({ hasText: `Loaded 250 of ${thousands(total)}` })).toBeVisible();
    await expect(rows.first()).toBeVisible();
    // An export before the end holds what had loaded, and says so.
    const exportCsv = async () => {
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: 'Export CSV' }).click(),
      ]);
      return parseCsv(readFileSync((await download.path())!, 'utf8').slice(1)).length - 1;
    };
    const partial = page.getByRole('status').filter({ hasText: 'The file holds only what had loaded' });
    expect(await exportCsv()).toBe(250);
    await expect(partial).toHaveText(`The file holds only what had loaded: 250 of ${thousands(total)} work items.`);
    release();
    await expect(page.getByRole('status').filter({ hasText: new RegExp(`^${thousands(total)} work items$`) }))
      .toBeVisible({ timeout: 30_000 });
    expect(await exportCsv()).toBe(total);
    await expect(partial).toHaveCount(0);
    await expect(table).toHaveAttribute('aria-rowcount', String(total + 1));
    // Every later page was asked for once, 250 at a time, and only the rows in view are drawn.
    expect(laterPages.length).toBe(Math.ceil(total / 250) - 1);
    expect(new Set(laterPages).size).toBe(laterPages.length);
    expect(await rows.count()).toBeLessThan(60);

    await page.getByRole('searchbox', { name: 'Search' }).fill('#1999');
    await expect(table).toHaveAttribute('aria-rowcount', '2');
    await expect(rows).toHaveCount(1);
    await expect(rows.first().getByRole('link')).toContainText('#1999');
    // Scrolled to the end of everything, the last rows are drawn.
    await page.getByRole('searchbox', { name: 'Search' }).fill('');
    await expect(table).toHaveAttribute('aria-rowcount', String(total + 1));
    await page.locator('.mt-table__scroll').evaluate((el) => { el.scrollTop = el.scrollHeight; });
    await expect(table.locator(`tr[aria-rowindex="${total + 1}"]`)).toBeVisible();
  });

  test('a later page that fails stops loading with the server\'s message and tracking id; Retry loads the rest and keeps the selection and current row', async ({ page, sandbox }) => {
    const total = (await sandbox.getJson(ALISON, '/v2024/work-items/count')).count;
    let failed = false;
    await page.route(/\/v2024\/work-items\?.*offset=1000/, async (route) => {
      if (failed) return route.continue();
      failed = true;
      await route.fulfill({
        status: 500,
        contentType: 'application/json',
        body: JSON.stringify({ detailCode: '500.0 Internal Fault', trackingId: 'c0ffee00c0ffee00', messages: [{ locale: 'en-US', localeOrigin: 'DEFAULT', text: 'An internal fault occurred.' }] }),
      });
    });
    await signIn(page, sandbox, ALISON, '/tasks/pending?sort=oldest');
    const { rows } = pendingTable(page);
    const stopped = page.locator('.mt-progress__error');
    await expect(stopped).toContainText('An internal fault occurred.');
    await expect(stopped).toContainText('Tracking ID: c0ffee00c0ffee00');
    const count = page.locator('.mt-bulk__count');
    for (const at of [0, 1, 2]) await rows.nth(at).getByRole('checkbox').click();
    await page.keyboard.press('j');
    await expect(count).toHaveText('3 selected');
    const currentHref = await page.locator('tr.mt-table__row--current .mt-table__name a').getAttribute('href');

    // Loading again starts from nothing: once, that cleared the selection and current row.
    await stopped.getByRole('button', { name: 'Retry' }).click();
    const thousands = (n: number) => n.toLocaleString('en-US');
    await expect(page.getByRole('status').filter({ hasText: `${thousands(total)} work items` })).toBeVisible({ timeout: 30_000 });
    await expect(count).toHaveText('3 selected');
    for (const at of [0, 1, 2]) await expect(rows.nth(at).getByRole('checkbox')).toBeChecked();
    await expect(page.locator('tr.mt-table__row--current .mt-table__name a')).toHaveAttribute('href', currentHref!);
  });
});

test('in every language the table’s headers, type tags and row actions fit their cells from 900 px up, and every column stays readable', async ({ page, sandbox }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await signIn(page, sandbox, ALISON, '/tasks/pending?sort=oldest');
  // The table's accessible name is translated: find it by its class in every language.
  const table = page.locator('table.mt-table');
  const rows = table.locator('tr.mt-table__row');
  /** Each header that is cut, and each row-action button that is cut or leaves its cell. */
  const misfits = () => page.locator('.mt-table').evaluate((t) => {
    const cut = (el: Element) => el.scrollWidth > el.clientWidth + 0.5;
    // A header may take two lines, not more than its row's height.
    const headers = [...t.querySelectorAll('thead th')]
      .filter((th) => cut(th) || th.scrollHeight > th.clientHeight + 0.5).map((th) => th.textContent);
    const buttons = [...t.querySelectorAll('.mt-table__actions .mt-button')]
      .filter((b) => (b as HTMLElement).offsetParent !== null)
      .filter((b) => {
        const box = b.getBoundingClientRect();
        const cell = b.closest('td')!.getBoundingClientRect();
        return cut(b) || box.left < cell.left - 0.5 || box.right > cell.right + 0.5;
      }).map((b) => b.textContent);
    // The overdue mark lies whole inside its cell's padding, at either side.
    const overdue = [...t.querySelectorAll('.mt-overdue:not([hidden])')].filter((mark) => {
      const box = mark.getBoundingClientRect();
      const cell = mark.closest('td')!;
      const edge = cell.getBoundingClientRect();
      const pad = parseFloat(getComputedStyle(cell).paddingInlineEnd);
      return box.left < edge.left + pad - 0.5 || box.right > edge.right - pad + 0.5;
    }).map((mark) => mark.closest('tr')!.querySelector('a')!.textContent);
    // A type tag shows its whole label (on two lines at most), not a few letters and "…".
    const tags = [...t.querySelectorAll('.mt-table__row .mt-tag:not([hidden])')]
      .filter((tag) => cut(tag) || tag.scrollHeight > tag.clientHeight + 0.5).map((tag) => tag.textContent);
    return { headers, buttons, overdue, tags };
  });
  for (const lang of ['ar', 'de', 'en']) {
    await page.evaluate((lang) => localStorage.setItem('my-tasks.language', lang), lang);
    await page.reload();
    await expect(page.locator('html')).toHaveAttribute('lang', lang);
    await expect(rows.first().locator('.mt-table__actions .mt-button').first()).toBeVisible();
    await expect(table).toBeVisible();
    await expect(rows.first().locator('.mt-overdue')).toBeVisible();
    expect(await misfits(), `${lang} at 1280 px`).toEqual({ headers: [], buttons: [], overdue: [], tags: [] });
    // The oldest row's overdue bar is at its inline start: the right in Arabic.
    await expect(rows.first()).toHaveClass(/mt-table__row--overdue/);
    const bar = await rows.first().locator('td').first().evaluate((td) => getComputedStyle(td).boxShadow);
    expect(bar, `${lang}: the overdue bar`).toMatch(lang === 'ar' ? / -4px 0px 0px 0px inset$/ : / 4px 0px 0px 0px inset$/);
  }
  /** The requesters (short personal names) shown cut in the drawn rows. */
  const cutRequesters = () => rows.evaluateAll((trs) => trs.map((tr) => tr.children[2] as HTMLElement)
    .filter((td) => td.scrollWidth > td.clientWidth + 0.5).map((td) => td.textContent));
  for (const lang of ['ar', 'de', 'en']) {
    await page.evaluate((lang) => localStorage.setItem('my-tasks.language', lang), lang);
    // At the narrowest table no column is squeezed to a letter and an ellipsis: German's
    // wide quick actions and Arabic's narrow ages leave the text columns as much room as English.
    await page.setViewportSize({ width: 900, height: 900 });
    await page.reload();
    await expect(page.locator('html')).toHaveAttribute('lang', lang);
    await expect(rows.first().locator('.mt-overdue')).toBeVisible();
    const widths = await rows.first().locator('td').evaluateAll((cells) => cells.map((c) => Math.round(c.getBoundingClientRect().width)));
    expect(widths).toHaveLength(7);
    for (const width of widths) expect(width, `${lang} at 900 px: ${widths}`).toBeGreaterThanOrEqual(72);
    expect(await misfits(), `${lang} at 900 px`).toEqual({ headers: [], buttons: [], overdue: [], tags: [] });
    // From 1100 px a requester's name is read whole.
    await page.setViewportSize({ width: 1100, height: 900 });
    await expect.poll(cutRequesters, `${lang} at 1100 px`).toEqual([]);
    // The Completed tab has no quick actions: its times keep their room at 900 px.
    await page.setViewportSize({ width: 900, height: 900 });
    await page.goto('/tasks/completed');
    await expect(rows.first()).toBeVisible();
    const cutTimes = await rows.evaluateAll((trs) => trs.map((tr) => tr.children[5] as HTMLElement)
      .filter((td) => td.scrollWidth > td.clientWidth + 0.5).map((td) => td.textContent));
    expect(cutTimes, `${lang}: completed times at 900 px`).toEqual([]);
    expect((await misfits()).headers, `${lang}: completed headers at 900 px`).toEqual([]);
    expect((await misfits()).tags, `${lang}: completed type tags at 900 px`).toEqual([]);
    await page.goto('/tasks/pending?sort=oldest');
  }
});

/** The toolbar's and the views bar's menus whose chosen option is not shown whole: each is
 * compared with a copy of itself holding only that option, at its own natural width. */
const cutMenus = (page: Page) => page.locator('.mt-toolbar select, .mt-views select').evaluateAll((menus) =>
  (menus as HTMLSelectElement[]).filter((menu) => {
    const alone = menu.cloneNode(false) as HTMLSelectElement;
    alone.append(new Option(menu.selectedOptions[0].text));
    alone.style.cssText = 'position: absolute; width: auto; min-width: 0; max-width: none; visibility: hidden';
    menu.parentElement!.append(alone);
    const needed = alone.getBoundingClientRect().width;
    alone.remove();
    return needed > menu.getBoundingClientRect().width + 0.5;
  }).map((menu) => `${menu.closest('label')!.querySelector('.mt-field__label')!.textContent}: ${menu.selectedOptions[0].text}`));

test('in every language the menus show their chosen option whole, from a phone to a laptop, whatever is chosen', async ({ page, sandbox }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await signIn(page, sandbox, ALISON, '/tasks/pending');
  const menus = page.locator('.mt-toolbar select, .mt-views select');
  for (const lang of ['de', 'ar', 'en']) {
    await page.evaluate((lang) => localStorage.setItem('my-tasks.language', lang), lang);
    for (const width of [1280, 360]) {
      await page.setViewportSize({ width, height: 900 });
      await page.goto('/tasks/pending');
      await expect(page.locator('html')).toHaveAttribute('lang', lang);
      await expect(page.locator('.mt-tabpanel a').first()).toBeVisible();
      // Below 900 px the menus wait behind "Filters and views".
      if (width < 900) await page.locator('.mt-toolbar__more').click();
      expect(await cutMenus(page), `${lang} at ${width} px, as opened`).toEqual([]);
      // Each menu's longest choice ("Am längsten nicht geändert"), chosen as a person would.
      const longest = await menus.evaluateAll((all) => (all as HTMLSelectElement[]).map((menu) => {
        const probe = document.createElement('span');
        probe.style.cssText = 'position: absolute; white-space: pre; visibility: hidden';
        probe.style.font = getComputedStyle(menu).font;
        document.body.append(probe);
        const widths = [...menu.options].map((o) => { probe.textContent = o.text; return probe.getBoundingClientRect().width; });
        probe.remove();
        return menu.options[widths.indexOf(Math.max(...widths))].value;
      }));
      expect(longest.length).toBeGreaterThanOrEqual(7);
      // By value: a filter's counts, in its options' labels, change with the other filters.
      for (const [i, value] of longest.entries()) await menus.nth(i).selectOption({ value });
      expect(await cutMenus(page), `${lang} at ${width} px, the longest chosen`).toEqual([]);
    }
  }
});

test('the export buttons keep their labels on one line and stay together; at 900 px the views bar is one line in English and Arabic', async ({ page, sandbox }) => {
  await signIn(page, sandbox, ALISON, '/tasks/pending');
  const bar = page.locator('.mt-views');
  /** Each button's label, label lines and top edge, and how many lines the bar's parts take. */
  const layout = async () => ({
    buttons: await Promise.all((await bar.getByRole('button').all()).map(async (b) => ({
      label: await b.textContent(), lines: await labelLines(b), top: Math.round((await b.boundingBox())!.y),
    }))),
    // The parts of one line share their bottom edge.
    lines: await bar.evaluate((el) => new Set([...el.querySelectorAll('.mt-field, .mt-button')]
      .map((part) => Math.round(part.getBoundingClientRect().bottom))).size),
  });
  for (const lang of ['de', 'ar', 'en']) {
    await page.evaluate((lang) => localStorage.setItem('my-tasks.language', lang), lang);
    for (const width of [900, 1280, 360]) {
      await page.setViewportSize({ width, height: 900 });
      await page.goto('/tasks/pending');
      await expect(page.locator('html')).toHaveAttribute('lang', lang);
      if (width < 900) await page.locator('.mt-toolbar__more').click();
      await expect(bar.getByRole('button')).toHaveCount(4);
      const { buttons, lines } = await layout();
      for (const b of buttons) expect(b.lines, `${lang} at ${width} px: ${b.label}`).toBe(1);
      const [, , csv, json] = buttons;
      if (width > 360) expect(json.top, `${lang} at ${width} px: ${json.label} beside ${csv.label}`).toBe(csv.top);
      if (width === 900 && lang !== 'de') expect(lines, `${lang} at 900 px: lines of the views bar`).toBe(1);
    }
  }
});
