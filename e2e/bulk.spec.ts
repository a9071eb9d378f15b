// Issue 9 journeys: selecting many work items and deciding them at once, keyboard-first
// triage, and new work items announced without reloading — each against a fresh sandbox.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect, type Sandbox } from './fixtures';
import { internalFault, pendingItems, signIn, signInInPopup, undecided, type Item } from './actions-helpers';

const ALISON = 'alison.ferguso';
const LIST = '/tasks/pending';

/** The Pending table. */
const table = (page: Page) => page.getByRole('table', { name: 'Pending work items' });

/** The drawn item rows of the Pending table (the header and spacers left out). */
const rows = (page: Page) => table(page).locator('tbody').getByRole('row').filter({ has: page.getByRole('cell') });

/** The row of the work item `id` in the Pending table. */
const row = (page: Page, id: string) => rows(page).filter({ has: page.locator(`a[href="/items/${id}"]`) });

/** Signs in as Alison on the whole pending list and waits until every read is answered. */
// These journeys pick rows by their item among Alison's 22 pending ones in the demo data, so the
// window is tall enough for the table to draw them all (it draws only the rows in view,
// plus a few on each side).
test.use({ viewport: { width: 1280, height: 1600 } });

async function openList(page: Page, sandbox: Sandbox) {
  await signIn(page, sandbox, ALISON, LIST);
  await expect(rows(page).first()).toBeVisible();
  await page.waitForLoadState('networkidle');
}

const stillPending = async (sandbox: Sandbox, ids: string[]) =>
  (await pendingItems(sandbox, ALISON)).filter((i) => ids.includes(i.id)).map((i) => i.id);

test('select three items and Approve All: one fails with its tracking id, Retry failed finishes it', async ({ page, sandbox }) => {
  const items = await pendingItems(sandbox, ALISON);
  const approvals = items.filter((i) => undecided(i).length > 0 && i.form === null).slice(0, 3);
  const plain = items.find((i) => undecided(i).length === 0 && i.form === null)!;
  expect(approvals).toHaveLength(3);
  await openList(page, sandbox);
  for (const item of [...approvals, plain]) await row(page, item.id).getByRole('checkbox').check();
  const bar = page.getByRole('region', { name: 'Selected work items' });
  await expect(bar.getByRole('status')).toHaveText('4 selected');

  // Only the bulk-approve of the second item meets the fault, whatever the order.
  const failing = approvals[1];
  await sandbox.faults(500, 1, 1, `bulk-approve/${failing.id}`);
  await bar.getByRole('button', { name: 'Approve All' }).click();
  const confirm = page.getByRole('dialog', { name: 'Approve All: confirm' });
  await expect(confirm).toContainText('Approve every pending approval item of 3 work items?');
  await expect(confirm.getByRole('list', { name: 'Work items left out' }))
    .toHaveText(`${plain.name}: it has no approval items waiting for a decision`);
  await confirm.getByRole('button', { name: 'Approve All' }).click();

  const results = page.getByRole('dialog', { name: 'Approve All: results' });
  await expect(results.getByRole('status')).toHaveText('Finished: 2 done, 1 failed.');
  const lines = results.getByRole('list', { name: 'Results' }).getByRole('listitem');
  await expect(lines).toHaveCount(3);
  await expect(lines.nth(approvals.indexOf(failing))).toContainText(/\(tracking ID [\w-]+\)/);
  await expect(lines.filter({ hasText: 'approved' })).toHaveCount(2);
  expect(await stillPending(sandbox, approvals.map((i) => i.id))).toEqual([failing.id]);

  await results.getByRole('button', { name: 'Retry failed' }).click();
  await expect(results.getByRole('status')).toHaveText('Finished: 3 done.');
  await expect(lines.filter({ hasText: 'approved' })).toHaveCount(3);
  expect(await stillPending(sandbox, approvals.map((i) => i.id))).toEqual([]);
  await results.getByRole('button', { name: 'Close' }).click();
  await expect(results).toHaveCount(0);
  for (const item of approvals) await expect(row(page, item.id)).toHaveCount(0);
  // The item that could not take it stays, still selected.
  await expect(row(page, plain.id).getByRole('checkbox')).toBeChecked();
  await expect(bar.getByRole('status')).toHaveText('1 selected');
});

test('Back during a bulk run: the run goes on, the dashboard says how it ended and counts it, and Forward finds its results with Retry failed', async ({ page, sandbox }) => {
  const items = await pendingItems(sandbox, ALISON);
  const plain = items.filter((i) => undecided(i).length === 0 && i.form === null).slice(0, 3);
  expect(plain).toHaveLength(3);
  const open = (await sandbox.getJson(ALISON, '/v2024/work-items/summary')).open;
  await signIn(page, sandbox, ALISON, '/');
  const openCount = page.getByRole('list', { name: 'Work item counts' }).getByRole('listitem').filter({ hasText: 'Open' });
  await expect(openCount).toHaveText(new RegExp(`^Open\\s*${open}$`));
  await page.getByRole('link', { name: 'Task Manager' }).click();
  await expect(rows(page).first()).toBeVisible();
  for (const item of plain) await row(page, item.id).getByRole('checkbox').check();

  // The second item meets 429s until the client's retries run out; the other two are held
  // until the person is on the dashboard.
  const failing = plain[1];
  await sandbox.faults(429, 4, 1, failing.id);
  let release!: () => void;
  const held = new Promise<void>((ok) => { release = ok; });
  await page.route(/\/v2024\/work-items\/[0-9a-f]+$/, async (route) => {
    if (route.request().method() === 'POST' && !route.request().url().endsWith(failing.id)) await held;
    await route.continue();
  });
  const bar = page.getByRole('region', { name: 'Selected work items' });
  await bar.getByRole('button', { name: 'Mark Complete' }).click();
  await page.getByRole('dialog', { name: 'Mark Complete: confirm' }).getByRole('button', { name: 'Mark Complete' }).click();
  const results = page.getByRole('dialog', { name: 'Mark Complete: results' });
  await expect(results.getByRole('status')).toHaveText('Completing… 0 of 3 answered.');

  await page.goBack();
  await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();
  await expect(openCount).toHaveText(new RegExp(`^Open\\s*${open}$`));
  release();
  // Wherever the person is, the run's end is said, and the counts follow it.
  await expect(page.getByRole('alert').filter({ hasText: 'Mark Complete' }))
    .toHaveText(/Mark Complete, 3 work items: 2 done, 1 failed\. Open Task Manager to retry the failed ones\./, { timeout: 15_000 });
  await expect(openCount).toHaveText(new RegExp(`^Open\\s*${open - 2}$`));
  expect(await stillPending(sandbox, plain.map((i) => i.id))).toEqual([failing.id]);

  // Forward to Task Manager: the results are there, and Retry failed finishes the run.
  await page.goForward();
  await expect(results.getByRole('status')).toHaveText('Finished: 2 done, 1 failed.');
  await expect(results.getByRole('list', { name: 'Results' }).getByRole('listitem')
    .filter({ hasText: failing.name! })).toContainText('Too many requests');
  // The results dialog says it now: the toast has gone.
  await expect(page.getByRole('alert').filter({ hasText: 'Open Task Manager' })).toHaveCount(0);
  await results.getByRole('button', { name: 'Retry failed' }).click();
  await expect(results.getByRole('status')).toHaveText('Finished: 3 done.');
  expect(await stillPending(sandbox, plain.map((i) => i.id))).toEqual([]);
  await results.getByRole('button', { name: 'Close' }).click();
  await expect(results).toHaveCount(0);
  for (const item of plain) await expect(row(page, item.id)).toHaveCount(0);
});

test('closing a run opened from a row\'s checkbox gives focus back to the current row\'s, which follows its item', async ({ page, sandbox }) => {
  const items = await pendingItems(sandbox, ALISON);
  await openList(page, sandbox);
  // An approval item, then a later row that cannot take Approve All: approving the first
  // moves the second one's item up a row.
  const shown: string[] = await rows(page).locator('.mt-table__name a').evaluateAll((links) =>
    links.map((a) => a.getAttribute('href')!.replace('/items/', '')));
  const byId = new Map(items.map((i) => [i.id, i]));
  const at = shown.findIndex((id) => undecided(byId.get(id)!).length > 0 && byId.get(id)!.form === null);
  const later = shown.findIndex((id, i) => i > at && undecided(byId.get(id)!).length === 0 && byId.get(id)!.form === null);
  expect(at).toBeGreaterThanOrEqual(0);
  expect(later).toBeGreaterThan(at);
  const [approval, plain] = [shown[at], shown[later]];
  await row(page, approval).getByRole('checkbox').check();
  await row(page, plain).getByRole('checkbox').check();
  await expect(row(page, plain).getByRole('checkbox')).toBeFocused();
  await page.keyboard.press('a');
  const confirm = page.getByRole('dialog', { name: 'Approve All: confirm' });
  await confirm.getByRole('button', { name: 'Approve All' }).click();
  const results = page.getByRole('dialog', { name: 'Approve All: results' });
  await expect(results.getByRole('status')).toHaveText('Finished: 1 done.');
  await expect(results.getByRole('button', { name: 'Close' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(results).toHaveCount(0);
  await expect(row(page, approval)).toHaveCount(0);
  // Once focus went to the checkbox where the row had been: another item's by then.
  await expect(row(page, plain).getByRole('checkbox')).toBeFocused();
});

test('on a phone, closing a run that took the focused card away gives focus to the card that took its place', async ({ page, sandbox }) => {
  await page.setViewportSize({ width: 360, height: 780 });
  const items = await pendingItems(sandbox, ALISON);
  await signIn(page, sandbox, ALISON, LIST);
  const cards = page.getByRole('list', { name: 'Pending work items' }).getByRole('listitem');
  await expect(cards.first()).toBeVisible();
  const shown: string[] = await cards.locator('a.mt-row__name').evaluateAll((links) =>
    links.map((a) => a.getAttribute('href')!.replace('/items/', '')));
  const byId = new Map(items.map((i) => [i.id, i]));
  const approvals = shown.filter((id) => undecided(byId.get(id)!).length > 0 && byId.get(id)!.form === null).slice(0, 2);
  expect(approvals).toHaveLength(2);
  const card = (id: string) => cards.filter({ has: page.locator(`a[href="/items/${id}"]`) });
  for (const id of approvals) await card(id).getByRole('checkbox').check();
  await page.keyboard.press('a');
  await page.getByRole('dialog', { name: 'Approve All: confirm' }).getByRole('button', { name: 'Approve All' }).click();
  const results = page.getByRole('dialog', { name: 'Approve All: results' });
  await expect(results.getByRole('status')).toHaveText('Finished: 2 done.');
  await expect(results.getByRole('button', { name: 'Close' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(results).toHaveCount(0);
  // Once focus fell to the page's body, with the card it was on.
  await expect(page.locator('.mt-row--current .mt-row__select')).toBeFocused();
});

test('forward two selected items to one person with one comment; Cancel on the confirmation goes back to the form as filled in', async ({ page, sandbox }) => {
  const items = (await pendingItems(sandbox, ALISON)).filter((i) => i.form === null).slice(0, 2);
  await openList(page, sandbox);
  for (const item of items) await row(page, item.id).getByRole('checkbox').check();
  await page.getByRole('region', { name: 'Selected work items' }).getByRole('button', { name: 'Forward' }).click();
  const pick = page.getByRole('dialog', { name: 'Forward 2 work items' });
  await pick.getByRole('combobox').fill('Ada');
  await pick.getByRole('option', { name: /Ada Lovelace/ }).click();
  await pick.getByLabel(/Comment/).fill('Ada, these two are yours.');
  await pick.getByRole('button', { name: 'Forward' }).click();
  const confirm = page.getByRole('dialog', { name: 'Forward: confirm' });
  await expect(confirm).toContainText('Forward 2 work items to Ada Lovelace?');
  // Cancel goes back to the form as it was filled in, on its Forward button; nothing is sent.
  await confirm.getByRole('button', { name: 'Cancel' }).click();
  await expect(pick.getByRole('combobox')).toHaveValue('Ada Lovelace');
  await expect(pick.getByLabel(/Comment/)).toHaveValue('Ada, these two are yours.');
  await expect(pick.getByRole('button', { name: 'Forward' })).toBeFocused();
  expect((await pendingItems(sandbox, 'ada.lovelace')).map((i) => i.id)).not.toContain(items[0].id);
  await page.keyboard.press('Enter');
  await expect(confirm).toContainText('Forward 2 work items to Ada Lovelace?');
  await confirm.getByRole('button', { name: 'Forward' }).click();
  const results = page.getByRole('dialog', { name: 'Forward: results' });
  await expect(results.getByRole('status')).toHaveText('Finished: 2 done.');
  await expect(results.getByRole('listitem').filter({ hasText: 'forwarded to Ada Lovelace' })).toHaveCount(2);
  const ada = (await pendingItems(sandbox, 'ada.lovelace')).map((i) => i.id);
  for (const item of items) expect(ada).toContain(item.id);
});

test('keyboard-only triage of five items: move, select, complete, approve, all without a mouse', async ({ page, sandbox }) => {
  const items = new Map((await pendingItems(sandbox, ALISON)).map((i) => [i.id, i] as const));
  await openList(page, sandbox);
  // The rows in the order shown; the first five the two actions can finish (no form).
  const hrefs = await table(page).locator('a[href^="/items/"]').evaluateAll((links) => links.map((a) => a.getAttribute('href')!));
  const order = hrefs.map((h) => h.slice('/items/'.length));
  const chosen = order.filter((id) => items.get(id)!.form === null).slice(0, 5);
  const plainOnes = chosen.filter((id) => undecided(items.get(id)!).length === 0);
  expect(chosen).toHaveLength(5);
  expect(plainOnes.length).toBeGreaterThan(0);
  expect(plainOnes.length).toBeLessThan(5);

  const live = page.locator('.mt-bulk [aria-live="polite"]');
  let at = -1;
  for (const id of chosen) {
    const target = order.indexOf(id);
    for (; at < target; at++) await page.keyboard.press(at < 0 || at % 2 ? 'j' : 'ArrowDown');
    await page.keyboard.press('x');
    await expect(live).toContainText(`${items.get(id)!.name}, ${target + 1} of ${order.length}, selected`);
  }
  await expect(page.getByRole('region', { name: 'Selected work items' }).getByRole('status')).toHaveText('5 selected');

  // c: the plain ones complete; the ones with approval items are named as left out.
  await page.keyboard.press('c');
  const complete = page.getByRole('dialog', { name: 'Mark Complete: confirm' });
  await expect(complete).toContainText(`Mark ${plainOnes.length} work item`);
  await expect(complete.getByRole('list', { name: 'Work items left out' }).getByRole('listitem')).toHaveCount(5 - plainOnes.length);
  await expect(complete.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  const completed = page.getByRole('dialog', { name: 'Mark Complete: results' });
  await expect(completed.getByRole('status')).toHaveText(`Finished: ${plainOnes.length} done.`);
  await expect(completed.getByRole('button', { name: 'Close' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(completed).toHaveCount(0);

  // a: what is still selected are the ones with approval items.
  await expect(page.getByRole('region', { name: 'Selected work items' }).getByRole('status')).toHaveText(`${5 - plainOnes.length} selected`);
  await page.keyboard.press('a');
  const approve = page.getByRole('dialog', { name: 'Approve All: confirm' });
  await expect(approve.getByRole('list', { name: 'Work items left out' })).toHaveCount(0);
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  const approved = page.getByRole('dialog', { name: 'Approve All: results' });
  await expect(approved.getByRole('status')).toHaveText(`Finished: ${5 - plainOnes.length} done.`);
  await expect(approved.getByRole('button', { name: 'Close' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(approved).toHaveCount(0);
  expect(await stillPending(sandbox, chosen)).toEqual([]);

  // ? lists the shortcuts; Escape closes it; / goes to search.
  await page.keyboard.press('?');
  const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(help).toContainText('Approve All');
  await page.keyboard.press('Escape');
  await expect(help).toHaveCount(0);
  await page.keyboard.press('/');
  await expect(page.getByRole('searchbox')).toBeFocused();
  // Typing in search is typing, not shortcuts.
  await page.keyboard.type('xa');
  await expect(page.getByRole('dialog')).toHaveCount(0);
});

test('Enter opens the current row with focus on its heading, and Escape goes back to the list', async ({ page, sandbox }) => {
  await openList(page, sandbox);
  await page.keyboard.press('j');
  const first = rows(page).first();
  await expect(first).toHaveClass(/mt-table__row--current/);
  const href = await first.locator('a[href^="/items/"]').first().getAttribute('href');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(new RegExp(`${href}$`));
  await expect(page.getByRole('heading', { level: 1 })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(page).toHaveURL(/\/tasks\/pending/);
});

test('after an outage at load, the first poll that is answered loads the page again, with no Retry pressed', async ({ page, sandbox }) => {
  await pollEverySecond(page);
  await signIn(page, sandbox, ALISON, '/');
  await expect(page.getByRole('link', { name: 'Create an Account' }).first()).toBeVisible();
  await page.waitForLoadState('networkidle');
  // Every work-item read fails until the server is back.
  let down = true;
  await page.route(/\/v2024\/work-items/, (route) => (down
    ? internalFault(route)
    : route.continue()));
  await page.reload();
  const alerts = page.getByRole('alert').filter({ hasText: 'Something went wrong.' });
  await expect(alerts.first()).toBeVisible();
  down = false;
  await expect(alerts).toHaveCount(0, { timeout: 5_000 });
  await expect(page.getByRole('list', { name: 'Work item counts' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Create an Account' }).first()).toBeVisible();
});

/** Serves the app a config.json that polls the pending count every second. */
async function pollEverySecond(page: Page) {
  const dist = process.env.DIST_DIR ?? join(resolve(__dirname, '..'), 'dist');
  const config = { ...JSON.parse(readFileSync(join(dist, 'config.json'), 'utf8')), pollSeconds: 1 };
  await page.route('**/config.json', (route) => route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(config) }));
}

/** Fred Astaire forwards his first pending work item to Alison, as another session would. */
async function fredForwardsOneToAlison(sandbox: Sandbox): Promise<Item> {
  const fred = 'Fred.Astaire';
  const item: Item = (await pendingItems(sandbox, fred))[0];
  const forwarded = await fetch(`${sandbox.baseURL}/v2024/work-items/${item.id}/forward`, {
    method: 'POST',
    headers: {
      Authorization: `Bearer ${await sandbox.token(fred)}`,
      'Content-Type': 'application/json',
      'X-SailPoint-Experimental': 'true',
    },
    body: JSON.stringify({ targetOwnerId: sandbox.identity(ALISON).id, comment: 'Alison, yours.', sendNotifications: false }),
  });
  expect(forwarded.status).toBe(200);
  return item;
}

/** Makes the page's document hidden (or visible again) as a switch of browser tabs does,
 * and tells the page with a `visibilitychange` event. */
async function setHidden(page: Page, hidden: boolean) {
  await page.evaluate((h) => {
    Object.defineProperty(document, 'hidden', { configurable: true, get: () => h });
    Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => (h ? 'hidden' : 'visible') });
    document.dispatchEvent(new Event('visibilitychange'));
  }, hidden);
}

test('the widget alone (a dashboard tile) brings new work in by itself, and reads nothing while hidden', async ({ page, sandbox }) => {
  await pollEverySecond(page);
  const summary = await sandbox.getJson(ALISON, '/v2024/work-items/summary');
  await page.goto('/widget');
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await page.getByRole('button', { name: `Sign in as ${sandbox.identity(ALISON).name}` }).click();
  const open = page.getByRole('list', { name: 'Work item counts' }).getByRole('listitem').filter({ hasText: 'Open' });
  await expect(open).toHaveText(new RegExp(`^Open\\s*${summary.open}$`));
  const reads: string[] = [];
  page.on('request', (r) => { if (r.url().includes('/work-items')) reads.push(r.url()); });
  await setHidden(page, true);
  await fredForwardsOneToAlison(sandbox);
  await page.waitForTimeout(2_500);
  expect(reads).toEqual([]);
  await expect(open).toHaveText(new RegExp(`^Open\\s*${summary.open}$`));
  // Shown again: one look at once, and the moved counts read everything again.
  await setHidden(page, false);
  await expect(open).toHaveText(new RegExp(`^Open\\s*${summary.open + 1}$`));
});

test('a work item forwarded to this person by someone else shows as new, and Show brings it in', async ({ page, sandbox }) => {
  await pollEverySecond(page);
  const before = (await sandbox.getJson(ALISON, '/v2024/work-items/count')).count;
  await openList(page, sandbox);
  await expect(page).toHaveTitle(`(${before}) Pending · Task Manager · My Tasks`);

  const item = await fredForwardsOneToAlison(sandbox);

  const notice = page.locator('.mt-fresh');
  await expect(notice).toContainText('1 new work item');
  await expect(page).toHaveTitle(`(${before + 1}) Pending · Task Manager · My Tasks`);
  // Nothing moved: the new item is not in the list until asked for.
  await expect(page.locator(`a[href="/items/${item.id}"]`)).toHaveCount(0);
  await notice.getByRole('button', { name: 'Show' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.locator(`a[href="/items/${item.id}"]`).first()).toBeVisible();
  await expect(notice.getByRole('button', { name: 'Show' })).toHaveCount(0);
  // Show went with the notice: focus is on the list, not back at the top of the page.
  await expect(page.getByRole('tabpanel')).toBeFocused();
});

test('a work item forwarded to this person while they are on an item\'s page shows as new back on the list', async ({ page, sandbox }) => {
  await pollEverySecond(page);
  const before = (await sandbox.getJson(ALISON, '/v2024/work-items/count')).count;
  await openList(page, sandbox);
  await rows(page).first().locator('a[href^="/items/"]').first().click();
  await expect(page).toHaveURL(/\/items\//);
  const item = await fredForwardsOneToAlison(sandbox);
  await expect(page).toHaveTitle(new RegExp(`^\\(${before + 1}\\) `));
  await page.getByRole('link', { name: '← Back to Task Manager' }).click();
  const notice = page.locator('.mt-fresh');
  await expect(notice).toContainText('1 new work item');
  const pendingTab = page.getByRole('tab', { name: /^Pending/ });
  await notice.getByRole('button', { name: 'Show' }).click();
  await page.getByRole('searchbox', { name: 'Search' }).fill(item.id);
  await expect(page.locator(`a[href="/items/${item.id}"]`).first()).toBeVisible();
  await expect(pendingTab).toHaveText(new RegExp(`${before + 1}$`));
});

test('on a phone, a toast stands above the new-items notice, which takes its own width and keeps its Show in reach', async ({ page, sandbox }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await pollEverySecond(page);
  await signIn(page, sandbox, ALISON, LIST);
  const cards = page.getByRole('list', { name: 'Pending work items' }).getByRole('listitem');
  const card = cards.filter({ has: page.getByRole('button', { name: 'Mark Complete' }) }).first();
  await expect(card).toBeVisible();
  await fredForwardsOneToAlison(sandbox);
  const notice = page.locator('.mt-fresh__notice');
  await expect(notice).toContainText('1 new work item');
  await card.getByRole('button', { name: 'Mark Complete' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Mark Complete' }).click();
  const toast = page.locator('.mt-toast').filter({ hasText: 'is complete' });
  await expect(toast).toBeVisible();
  await expect(notice).toContainText('1 new work item');
  const [a, b] = [(await toast.boundingBox())!, (await notice.boundingBox())!];
  const overlap = a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
  expect(overlap, `toast ${JSON.stringify(a)}, notice ${JSON.stringify(b)}`).toBe(false);
  // Its own width, not wrapped in the half of the window left of its start (180 px).
  expect(b.width).toBeGreaterThan(200);
  await notice.getByRole('button', { name: 'Show' }).click();
  await expect(notice).toHaveCount(0);
});

test('a work item forwarded in just before the person\'s own action still shows as new', async ({ page, sandbox }) => {
  // No fast polling: only the count read after the action can tell of the arrival. It
  // once took that count (one in, one out: the same) as the new base, and never told.
  const plain = (await pendingItems(sandbox, ALISON)).find((i) => undecided(i).length === 0 && i.form === null)!;
  await openList(page, sandbox);
  const item = await fredForwardsOneToAlison(sandbox);
  const link = page.locator(`a[href="/items/${plain.id}"]`);
  await page.getByRole('searchbox', { name: 'Search' }).fill(plain.id);
  await page.getByRole('row').filter({ has: link }).getByRole('button', { name: 'Mark Complete' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Mark Complete' }).click();
  await expect(link).toHaveCount(0);
  const notice = page.locator('.mt-fresh');
  await expect(notice).toContainText('1 new work item');
  await notice.getByRole('button', { name: 'Show' }).click();
  await page.getByRole('searchbox', { name: 'Search' }).fill(item.id);
  await expect(page.locator(`a[href="/items/${item.id}"]`).first()).toBeVisible();
});

test('on the dashboard too, a work item forwarded to this person shows as new, and Show brings the widget up to date', async ({ page, sandbox }) => {
  await pollEverySecond(page);
  const before = (await sandbox.getJson(ALISON, '/v2024/work-items/count')).count;
  await signIn(page, sandbox, ALISON, '/');
  const open = page.getByRole('list', { name: 'Work item counts' }).getByRole('listitem').filter({ hasText: 'Open' });
  await expect(open).toHaveText(new RegExp(`^Open\\s*${before}$`));
  await page.waitForLoadState('networkidle');

  await fredForwardsOneToAlison(sandbox);

  await expect(page).toHaveTitle(`(${before + 1}) Dashboard · My Tasks`);
  const notice = page.locator('.mt-fresh');
  await expect(notice).toContainText('1 new work item');
  // Nothing moved until asked for.
  await expect(open).toHaveText(new RegExp(`^Open\\s*${before}$`));
  await notice.getByRole('button', { name: 'Show' }).focus();
  await page.keyboard.press('Enter');
  await expect(open).toHaveText(new RegExp(`^Open\\s*${before + 1}$`));
  await expect(notice.getByRole('button', { name: 'Show' })).toHaveCount(0);
  await expect(page.getByRole('main')).toBeFocused();
});

test('select two items and Reject All: each one’s approval items are rejected', async ({ page, sandbox }) => {
  const items = (await pendingItems(sandbox, ALISON)).filter((i) => undecided(i).length > 0 && i.form === null).slice(0, 2);
  expect(items).toHaveLength(2);
  await openList(page, sandbox);
  for (const item of items) await row(page, item.id).getByRole('checkbox').check();
  await page.getByRole('region', { name: 'Selected work items' }).getByRole('button', { name: 'Reject All' }).click();
  const confirm = page.getByRole('dialog', { name: 'Reject All: confirm' });
  await expect(confirm).toContainText('Reject every pending approval item of 2 work items?');
  await confirm.getByRole('button', { name: 'Reject All' }).click();

  const results = page.getByRole('dialog', { name: 'Reject All: results' });
  await expect(results.getByRole('status')).toHaveText('Finished: 2 done.');
  await expect(results.getByRole('listitem').filter({ hasText: 'rejected' })).toHaveCount(2);
  for (const item of items) {
    const after = await sandbox.getJson(ALISON, `/v2024/work-items/${item.id}`);
    const decided = after.approvalItems.filter((a: { id: string }) => undecided(item).some((u) => u.id === a.id));
    expect(decided.map((a: { state: string }) => a.state)).toEqual(undecided(item).map(() => 'Rejected'));
  }
  expect(await stillPending(sandbox, items.map((i) => i.id))).toEqual([]);
  await results.getByRole('button', { name: 'Close' }).click();
  for (const item of items) await expect(row(page, item.id)).toHaveCount(0);
});

test.describe('with 30 extra pending items', () => {
  test.use({ sandboxArgs: ['--extra-items', '30'] });

  test('Cancel in the middle of a bulk run: the requests in flight finish, nothing new is sent', async ({ page, sandbox }) => {
    const plainIds = (await pendingItems(sandbox, ALISON))
      .filter((i) => undecided(i).length === 0 && i.form === null).map((i) => i.id);
    expect(plainIds.length).toBeGreaterThan(8);
    await openList(page, sandbox);
    // Every action request is held until the test lets it go, so Cancel lands mid-run.
    const held: import('@playwright/test').Route[] = [];
    const sent: string[] = [];
    await page.route('**/v2024/work-items/*', async (route) => {
      if (route.request().method() !== 'POST') return route.continue();
      sent.push(route.request().url());
      held.push(route);
    });
    const bar = page.getByRole('region', { name: 'Selected work items' });
    await bar.getByRole('button', { name: /^Select all \d+ matching$/ }).click();
    await bar.getByRole('button', { name: 'Mark Complete' }).click();
    const confirm = page.getByRole('dialog', { name: 'Mark Complete: confirm' });
    await expect(confirm).toContainText(`Mark ${plainIds.length} work items complete?`);
    await confirm.getByRole('button', { name: 'Mark Complete' }).click();

    const results = page.getByRole('dialog', { name: 'Mark Complete: results' });
    // Four at a time: the fifth waits for one of them.
    await expect.poll(() => held.length).toBe(4);
    await expect(results.getByRole('status')).toHaveText(`Completing… 0 of ${plainIds.length} answered.`);
    await results.getByRole('button', { name: 'Cancel' }).click();
    await expect(results.getByRole('button', { name: 'Cancelling…' })).toBeVisible();
    for (const route of held.splice(0)) await route.continue();

    await expect(results.getByRole('status')).toHaveText(`Finished: 4 done, ${plainIds.length - 4} not sent.`);
    await expect(results.getByRole('listitem').filter({ hasText: 'not sent (cancelled)' })).toHaveCount(plainIds.length - 4);
    // Nothing went out after Cancel, even a while later; the server agrees.
    await page.waitForTimeout(500);
    expect(sent).toHaveLength(4);
    expect(held).toHaveLength(0);
    const done = sent.map((url) => url.split('/').pop()!);
    expect((await stillPending(sandbox, plainIds)).sort()).toEqual(plainIds.filter((id) => !done.includes(id)).sort());
  });
});

test.describe('with 12 extra pending items', () => {
  test.use({ sandboxArgs: ['--extra-items', '12'] });

  test('the language cannot be switched while a bulk run goes on after leaving its page, and can once it has ended', async ({ page, sandbox }) => {
    await signIn(page, sandbox, ALISON, '/');
    await page.getByRole('link', { name: 'Task Manager' }).click();
    await expect(rows(page).first()).toBeVisible();
    const held: import('@playwright/test').Route[] = [];
    let holding = true;
    await page.route('**/v2024/work-items/*', async (route) => {
      if (route.request().method() !== 'POST' || !holding) return route.continue();
      held.push(route);
    });
    const bar = page.getByRole('region', { name: 'Selected work items' });
    await bar.getByRole('button', { name: /^Select all \d+ matching$/ }).click();
    await bar.getByRole('button', { name: 'Mark Complete' }).click();
    await page.getByRole('dialog', { name: 'Mark Complete: confirm' }).getByRole('button', { name: 'Mark Complete' }).click();
    await expect.poll(() => held.length).toBe(4);
    // Back to the dashboard: the run goes on. Switching the language reloads the page,
    // which would stop it half way.
    await page.goBack();
    await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();
    await page.getByRole('button', { name: 'Language English' }).click();
    await expect(page.getByText('An action on several items is running: the language can be changed once it has ended')).toBeVisible();
    await expect(page.getByRole('button', { name: 'Deutsch', exact: true })).toBeDisabled();
    holding = false;
    for (const route of held.splice(0)) await route.continue();
    await expect(page.getByRole('button', { name: 'Deutsch', exact: true })).toBeEnabled({ timeout: 20_000 });
    await expect(page.getByText('An action on several items is running')).toHaveCount(0);
    await page.getByRole('button', { name: 'Deutsch', exact: true }).click();
    await expect(page.locator('html')).toHaveAttribute('lang', 'de');
  });
});

test('the language menu says a change reloads the page and loses a selection, once something was chosen', async ({ page, sandbox }) => {
  await openList(page, sandbox);
  const menu = page.getByRole('button', { name: 'Language English' });
  const note = page.getByText('Changing the language reloads the page');
  await menu.click();
  await expect(page.getByRole('button', { name: 'Deutsch', exact: true })).toBeVisible();
  await expect(note).toHaveCount(0);
  await page.keyboard.press('Escape');
  await rows(page).first().getByRole('checkbox').check();
  await menu.click();
  await expect(note).toBeVisible();
  await expect(page.getByRole('button', { name: 'Deutsch', exact: true })).toBeEnabled();
});

test('when the sign-in ends on Task Manager, the list and the selection stay behind the dialog', async ({ page, sandbox }) => {
  await pollEverySecond(page);
  await openList(page, sandbox);
  await rows(page).first().getByRole('checkbox').check();
  const bar = page.getByRole('region', { name: 'Selected work items' });
  await expect(bar).toContainText('1 selected');
  const shown = await rows(page).count();
  // The server no longer takes the token, and the refresh token is refused too.
  await page.route('**/v2024/**', (route) => route.fulfill({ status: 401, contentType: 'application/json',
    body: JSON.stringify({ error: 'JWT validation failed: JWT is expired' }) }));
  await page.route('**/oauth/token', (route) => route.fulfill({ status: 400, contentType: 'application/json',
    body: JSON.stringify({ error: 'invalid_grant', error_description: 'The refresh token has expired.' }) }));
  const ended = page.getByRole('dialog', { name: 'Your sign-in has ended' });
  await expect(ended).toBeVisible();
  // A few more polls, each refused: the page stays as it was.
  await page.waitForTimeout(3_000);
  await expect(rows(page)).toHaveCount(shown);
  await expect(page.getByText('Loading work items')).toHaveCount(0);
  await expect(bar).toContainText('1 selected');
  // Signed in again (the same person): the list was kept, and is not loaded again.
  await page.unrouteAll();
  const reads: string[] = [];
  page.on('request', (r) => { if (/\/v2024\/work-items\?/.test(r.url())) reads.push(r.url()); });
  const popupOpened = page.waitForEvent('popup');
  await ended.getByRole('button', { name: 'Sign in again' }).click();
  await signInInPopup(await popupOpened, sandbox.identity(ALISON).name);
  await expect(ended).toHaveCount(0);
  await expect(rows(page)).toHaveCount(shown);
  await expect(bar).toContainText('1 selected');
  expect(reads).toEqual([]);
});

test('polling pauses while the tab is hidden and catches up as soon as it is shown again', async ({ page, sandbox }) => {
  await pollEverySecond(page);
  const before = (await sandbox.getJson(ALISON, '/v2024/work-items/count')).count;
  const polls: number[] = [];
  page.on('request', (r) => { if (r.url().includes('/v2024/work-items/count')) polls.push(Date.now()); });
  await openList(page, sandbox);
  await expect(page).toHaveTitle(`(${before}) Pending · Task Manager · My Tasks`);
  // Polling runs while the tab is visible.
  const seen = polls.length;
  await expect.poll(() => polls.length, { timeout: 5_000 }).toBeGreaterThan(seen);

  await setHidden(page, true);
  // A poll already on its way when the tab was hidden may still go out: start counting after.
  await page.waitForTimeout(300);
  const whileHidden = polls.length;
  await fredForwardsOneToAlison(sandbox);
  await page.waitForTimeout(3_500);
  expect(polls.length, 'count requests while hidden').toBe(whileHidden);
  await expect(page).toHaveTitle(`(${before}) Pending · Task Manager · My Tasks`);
  await expect(page.locator('.mt-fresh')).not.toContainText('new work item');

  await setHidden(page, false);
  await expect(page).toHaveTitle(`(${before + 1}) Pending · Task Manager · My Tasks`);
  await expect(page.locator('.mt-fresh')).toContainText('1 new work item');
  expect(polls.length).toBeGreaterThan(whileHidden);
});
