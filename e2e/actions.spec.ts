// Issue 4 journeys: every action on a work item, against a fresh seeded sandbox per test.
import { test, expect } from './fixtures';
import { findPending, forwardToAda, undecided, postAs, signIn, signInInPopup, pendingItems, type Item } from './actions-helpers';

const plain = (i: Item) => undecided(i).length === 0 && i.form === null;

test('Mark Complete on Fred Astaire’s “Create an Account” moves it to Completed', async ({ page, sandbox }) => {
  const { item, alias } = await findPending(sandbox, (i) => i.name === 'Create an Account'
    && (i.remediationItems ?? []).some((r) => r.nativeIdentity === 'fred-astaire-sp' && r.applicationName === 'GitHub'));
  await signIn(page, sandbox, alias, `/items/${item.id}`);
  await page.getByRole('button', { name: 'Mark Complete' }).click();
  const dialog = page.getByRole('dialog', { name: /complete/i });
  await dialog.getByRole('button', { name: 'Mark Complete' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'is complete' })).toBeVisible();
  await expect(page.locator('.mt-detail')).toContainText('Finished');

  // A done item has no actions, and no empty "Actions" group.
  await expect(page.getByRole('group', { name: 'Actions' })).toHaveCount(0);

  await page.goto('/tasks/completed');
  await expect(page.locator(`a[href="/items/${item.id}"]`).first()).toBeVisible();
  expect((await pendingItems(sandbox, alias)).some((i) => i.id === item.id)).toBe(false);
});

test('approve one approval item and reject another of the same work item', async ({ page, sandbox }) => {
  const { item, alias } = await findPending(sandbox, (i) => undecided(i).length >= 2);
  const [first, second] = undecided(item);
  await signIn(page, sandbox, alias, `/items/${item.id}`);
  const cards = page.locator('.mt-approval-card');
  await cards.nth(0).getByRole('button', { name: 'Approve' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Approve' }).click();
  // The API calls a decided, approved item Finished; people read "Approved".
  await expect(cards.nth(0).locator('.mt-state')).toHaveText('Approved');
  // Focus goes on to the next item to decide: the keyboard carries on there.
  await expect(cards.nth(1)).toBeFocused();
  await cards.nth(1).getByRole('button', { name: 'Reject' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Reject' }).click();
  await expect(cards.nth(1)).toContainText('Rejected');

  const after = await sandbox.getJson(alias, `/v2024/work-items/${item.id}`);
  const state = (id: string) => after.approvalItems.find((a: { id: string }) => a.id === id).state;
  expect([state(first.id), state(second.id)]).toEqual(['Finished', 'Rejected']);
});

test('the Completed tab says how an item ended: its state, and how its approval items were decided', async ({ page, sandbox }) => {
  const { item, alias } = await findPending(sandbox, (i) => undecided(i).length >= 2);
  const [first, ...rest] = undecided(item);
  expect(await postAs(sandbox, alias, `/v2024/work-items/${item.id}/reject/${first.id}`)).toBe(200);
  for (const approval of rest) {
    expect(await postAs(sandbox, alias, `/v2024/work-items/${item.id}/approve/${approval.id}`)).toBe(200);
  }
  const after = await sandbox.getJson(alias, `/v2024/work-items/${item.id}`);
  expect(after.state).not.toBe('Pending');
  const state = after.state as string;
  const tally = `${rest.length} approved, 1 rejected`;

  await signIn(page, sandbox, alias, '/tasks/completed');
  // Newest first: completed just now, it is the first row.
  const table = page.getByRole('table', { name: 'Completed work items' });
  await expect(table.getByRole('columnheader', { name: 'Outcome' })).toBeVisible();
  const row = table.locator('tbody tr.mt-table__row').first();
  await expect(row.locator(`a[href="/items/${item.id}"]`)).toBeVisible();
  const outcome = row.locator('td.mt-table__outcome');
  // Lists isolate each part (U+2068 … U+2069); read without those marks.
  const plain = async (text: Promise<string | null>) => ((await text) ?? '').replace(/[\u2068\u2069]/g, '');
  await expect(outcome.locator('.mt-state')).toHaveText(state);
  await expect.poll(() => plain(outcome.locator('.mt-table__tally').textContent())).toBe(tally);
  await expect.poll(() => plain(outcome.getAttribute('title'))).toBe(`${state} · ${tally}`);
  // A screen reader reads a separator between the state and the tally.
  expect(await outcome.evaluate((td) => getComputedStyle(td.querySelector('.mt-table__tally')!, '::before').content)).toBe('"· "');

  // Where the column is narrow (1000 px) the outcome takes two lines of its row, not an ellipsis.
  await page.setViewportSize({ width: 1000, height: 800 });
  const clamp = outcome.locator('.mt-table__clamp');
  await expect.poll(() => clamp.evaluate((c) => c.scrollHeight <= c.clientHeight + 0.5 && c.clientHeight > 20)).toBe(true);
  expect((await row.boundingBox())!.height).toBeLessThanOrEqual(45);

  // On a phone, the card tells the same, and labels a single value as one.
  await page.setViewportSize({ width: 360, height: 740 });
  const card = page.locator('li.mt-row').filter({ has: page.locator(`a[href="/items/${item.id}"]`) });
  await expect(card.locator('.mt-row__outcome')).toBeVisible();
  await expect.poll(() => plain(card.locator('.mt-row__outcome').textContent())).toBe(`Outcome${state} ${tally}`);
  const facet = card.locator('.mt-row__facet').first();
  const many = (await plain(facet.locator('dd').textContent())).includes(', ');
  await expect(facet.locator('dt')).toHaveText(many ? 'Sources' : 'Source');
});

test('Approve All asks with the count and decides every pending item', async ({ page, sandbox }) => {
  const { item, alias } = await findPending(sandbox, (i) => undecided(i).length >= 2);
  const count = undecided(item).length;
  await signIn(page, sandbox, alias, `/items/${item.id}`);
  // The bar of Approve All / Reject All keeps a gap above the first approval card.
  const approveAll = page.getByRole('button', { name: 'Approve All' });
  const firstCard = page.getByRole('region', { name: /Approval items/ }).getByRole('listitem').first();
  await expect(firstCard).toBeVisible();
  const [bar, card] = [(await approveAll.boundingBox())!, (await firstCard.boundingBox())!];
  expect(card.y - (bar.y + bar.height)).toBeGreaterThanOrEqual(8);
  await approveAll.click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toContainText(`Approve all ${count} pending approval items`);
  await dialog.getByRole('button', { name: 'Approve All' }).click();
  await expect(page.getByRole('status').filter({ hasText: `Approved ${count} items` })).toBeVisible();
  await expect(page.locator('.mt-detail__state')).toContainText('Finished');
  const after = await sandbox.getJson(alias, `/v2024/work-items/${item.id}`);
  expect(after.state).toBe('Finished');
  expect(after.approvalItems.every((a: { state: string }) => a.state === 'Finished')).toBe(true);
});

test('Approve All after one item was rejected in another window says what it approved and what was decided first', async ({ page, sandbox }) => {
  const { item, alias } = await findPending(sandbox, (i) => undecided(i).length >= 2);
  const waiting = undecided(item);
  await signIn(page, sandbox, alias, `/items/${item.id}`);
  await expect(page.getByRole('button', { name: 'Approve All' })).toBeVisible();
  // Another window rejects the first; this page still shows it waiting.
  expect(await postAs(sandbox, alias, `/v2024/work-items/${item.id}/reject/${waiting[0].id}`)).toBe(200);
  await page.getByRole('button', { name: 'Approve All' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('button', { name: 'Approve All' }).click();
  const approved = waiting.length - 1;
  const what = approved === 1 ? '1 item' : `${approved} items`;
  await expect(page.getByRole('status').filter({ hasText: `Approved ${what} (1 had been decided otherwise first)` })).toBeVisible();
  const after = await sandbox.getJson(alias, `/v2024/work-items/${item.id}`);
  expect(after.approvalItems.find((a: { id: string }) => a.id === waiting[0].id).state).toBe('Rejected');
});

test('forward with a comment; the new owner finds it', async ({ page, browser, sandbox }) => {
  const { item, alias } = await findPending(sandbox, (i) => i.ownerId !== sandbox.identity('ada.lovelace').id);
  await signIn(page, sandbox, alias, `/items/${item.id}`);
  const dialog = await forwardToAda(page);
  await expect(dialog.getByRole('checkbox', { name: 'Send notifications' })).toBeChecked();
  await dialog.getByRole('button', { name: 'Forward' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'was forwarded to Ada Lovelace' })).toBeVisible();
  await expect(page).toHaveURL(/\/tasks\/pending/);
  await expect(page.locator(`a[href="/items/${item.id}"]`)).toHaveCount(0);

  const ada = await browser.newPage({ baseURL: sandbox.baseURL });
  await signIn(ada, sandbox, 'ada.lovelace', '/tasks/pending?page=1&size=250');
  await expect(ada.locator(`a[href="/items/${item.id}"]`).first()).toBeVisible();
  await ada.close();
});

test('an item passed around more than the history keeps says how many earlier changes are not shown', async ({ page, sandbox }) => {
  const { item, alias } = await findPending(sandbox, plain);
  const admin = sandbox.identities.find((i) => i.admin)!;
  const other = sandbox.identities.find((i) => i.alias !== alias && !i.admin)!;
  const token = await sandbox.token(admin.alias);
  // The sandbox keeps an item's latest 50 changes: 52 forwards (the last back to its owner).
  for (let pass = 0; pass < 52; pass++) {
    const to = pass % 2 === 0 ? other.id : sandbox.identity(alias).id;
    for (;;) {
      const response = await fetch(`${sandbox.baseURL}/v2024/work-items/${item.id}/forward`, {
        method: 'POST',
        headers: {
          Authorization: `Bearer ${token}`,
          'Content-Type': 'application/json',
          'X-SailPoint-Experimental': 'true',
        },
        body: JSON.stringify({ targetOwnerId: to, comment: `pass ${pass}` }),
      });
      if (response.status === 429) {
        await new Promise((ok) => setTimeout(ok, 1000 * Number(response.headers.get('Retry-After') ?? 1)));
        continue;
      }
      expect(response.status).toBe(200);
      break;
    }
  }
  await signIn(page, sandbox, alias, `/items/${item.id}`);
  const history = page.getByRole('region', { name: 'History' });
  await expect(history.getByText('2 earlier changes are not shown.')).toBeVisible();
  await expect(history.getByRole('listitem')).toHaveCount(50);
  await expect(history.getByRole('listitem').first()).toContainText('pass 2');
});

test('after a forward the item is not read again; Back to its page says it is someone else\'s now', async ({ page, sandbox }) => {
  const { item, alias } = await findPending(sandbox, (i) => i.ownerId !== sandbox.identity('ada.lovelace').id);
  await signIn(page, sandbox, alias, `/items/${item.id}`);
  const dialog = await forwardToAda(page);
  const reads: string[] = [];
  page.on('request', (r) => {
    if (r.method() === 'GET' && new URL(r.url()).pathname === `/v2024/work-items/${item.id}`) reads.push(r.url());
  });
  await dialog.getByRole('button', { name: 'Forward' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'was forwarded to Ada Lovelace' })).toBeVisible();
  await expect(page).toHaveURL(/\/tasks\/pending/);
  await expect(page.locator('a[href^="/items/"]').first()).toBeVisible();
  // Once read again by the page it had left, to a 403.
  expect(reads).toEqual([]);

  await page.goBack();
  // The person starts at what the page says, not at the top of the document.
  await expect(page.getByRole('heading', { level: 1, name: 'Not your work item' })).toBeFocused();
  await expect(page.locator('.mt-card')).toContainText(`The work item with the ID ${item.id} is someone else's now`);
  await expect(page.getByRole('button', { name: 'Retry' })).toHaveCount(0);
  await expect(page.getByRole('link', { name: 'Go to your pending work items' })).toBeVisible();
});

test('a forward the server fails keeps the dialog open with the person and comment, and sending again works', async ({ page, sandbox }) => {
  const { item, alias } = await findPending(sandbox, (i) => i.ownerId !== sandbox.identity('ada.lovelace').id);
  await signIn(page, sandbox, alias, `/items/${item.id}`);
  const dialog = await forwardToAda(page);
  await sandbox.faults(500, 1, 1, `${item.id}/forward`);
  await dialog.getByRole('button', { name: 'Forward' }).click();
  await expect(dialog.getByText(/internal fault/)).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Forward' })).toBeFocused();
  await expect(dialog.getByRole('combobox')).toHaveValue('Ada Lovelace');
  await expect(dialog.getByLabel(/Comment/)).toHaveValue('Ada, please take this one.');
  expect((await pendingItems(sandbox, alias)).some((i) => i.id === item.id)).toBe(true);

  await dialog.getByRole('button', { name: 'Forward' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'was forwarded to Ada Lovelace' })).toBeVisible();
  expect((await pendingItems(sandbox, alias)).some((i) => i.id === item.id)).toBe(false);
});

test('when the sign-in ends under a half-written forward, the page stays: sign in again in a popup and send it', async ({ page, sandbox }) => {
  const { item, alias } = await findPending(sandbox, (i) => i.ownerId !== sandbox.identity('ada.lovelace').id);
  await signIn(page, sandbox, alias, `/items/${item.id}`);
  const dialog = await forwardToAda(page);
  // The server no longer takes the token, and the refresh token is refused too (its 8
  // hours are over).
  await page.route('**/forward', (route) => route.fulfill({ status: 401, contentType: 'application/json',
    body: JSON.stringify({ error: 'JWT validation failed: JWT is expired' }) }));
  await page.route('**/oauth/token', (route) => route.fulfill({ status: 400, contentType: 'application/json',
    body: JSON.stringify({ error: 'invalid_grant', error_description: 'The refresh token has expired.' }) }));
  const navigations: string[] = [];
  page.on('framenavigated', (f) => { if (f === page.mainFrame()) navigations.push(f.url()); });
  await dialog.getByRole('button', { name: 'Forward' }).click();
  const ended = page.getByRole('dialog', { name: 'Your sign-in has ended' });
  await expect(ended).toBeVisible();
  await expect(ended.getByRole('button', { name: 'Sign in again' })).toBeFocused();
  // In the person's words, not the identity provider's.
  await expect(page.getByText(/Your session has ended\./).first()).toBeVisible();
  await expect(page.getByText('The refresh token has expired.')).toHaveCount(0);
  // Nothing was lost: the page did not leave, and the forward is as it was typed.
  expect(navigations).toEqual([]);
  const forward = page.getByRole('dialog', { name: 'Forward work item' });
  await expect(forward.getByRole('combobox')).toHaveValue('Ada Lovelace');
  await expect(forward.getByLabel(/Comment/)).toHaveValue('Ada, please take this one.');
  expect((await pendingItems(sandbox, alias)).some((i) => i.id === item.id)).toBe(true);

  await page.unrouteAll();
  const popupOpened = page.waitForEvent('popup');
  await ended.getByRole('button', { name: 'Sign in again' }).click();
  const popup = await popupOpened;
  await signInInPopup(popup, sandbox.identity(alias).name);
  await expect(ended).toHaveCount(0);
  expect(navigations).toEqual([]);
  await forward.getByRole('button', { name: 'Forward' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'was forwarded to Ada Lovelace' })).toBeVisible();
  expect((await pendingItems(sandbox, alias)).some((i) => i.id === item.id)).toBe(false);
});

test('leaving the page while a forward waits out a 429: the forward still goes and the app goes on', async ({ page, sandbox }) => {
  const alias = 'alison.ferguso';
  await signIn(page, sandbox, alias, '/tasks/pending');
  const link = page.locator('a[href^="/items/"]').first();
  const id = (await link.getAttribute('href'))!.slice('/items/'.length);
  await link.click();
  const dialog = await forwardToAda(page);
  await sandbox.faults(429, 2, 2, `${id}/forward`);
  await dialog.getByRole('button', { name: 'Forward' }).click();
  await expect(page.locator('.mt-waiting')).toContainText('The server is busy.');
  // The wait is seen over the dialog's backdrop, and heard: not inert with the page.
  expect(await page.locator('.mt-waiting').evaluate((el) => {
    // It lets clicks through (pointer-events: none); taking them for a moment shows what
    // is drawn on top there.
    const region = el.closest('.mt-waiting-region') as HTMLElement;
    region.style.pointerEvents = 'auto';
    const box = el.getBoundingClientRect();
    const top = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
    region.style.pointerEvents = '';
    return { onTop: Boolean(top && el.contains(top)), inert: Boolean(el.closest('[inert]')) };
  })).toEqual({ onTop: true, inert: false });
  // Back while it waits: the page the forward would have moved on from is gone by its answer
  // (the app stopped there, "unreachable", before; the fixture fails on a panic).
  await page.goBack();
  await expect(page).toHaveURL(/\/tasks\/pending/);
  await expect(page.getByRole('status').filter({ hasText: 'was forwarded to Ada Lovelace' })).toBeVisible({ timeout: 15_000 });
  expect((await pendingItems(sandbox, alias)).some((i) => i.id === id)).toBe(false);
  await expect(page.locator(`a[href="/items/${id}"]`)).toHaveCount(0);
  await page.getByRole('tab', { name: /^Completed/ }).click();
  await expect(page).toHaveURL(/\/tasks\/completed/);
  await expect(page.locator('a[href^="/items/"]').first()).toBeVisible();
});

test('a Reject All still on its way after its page was left keeps its item busy: neither its row nor the keyboard sends the opposite', async ({ page, sandbox }) => {
  const { item, alias } = await findPending(sandbox, (i) => undecided(i).length >= 1 && i.form === null);
  await signIn(page, sandbox, alias, '/tasks/pending');
  await page.getByRole('searchbox', { name: 'Search' }).fill(item.id);
  await page.locator(`a[href="/items/${item.id}"]`).first().click();
  // The Reject All is held on its way until the test lets it through.
  let release!: () => void;
  const released = new Promise<void>((ok) => { release = ok; });
  await page.route(`**/bulk-reject/${item.id}`, async (route) => { await released; await route.continue(); });
  const sent: string[] = [];
  page.on('request', (r) => { if (r.method() === 'POST') sent.push(new URL(r.url()).pathname); });
  await page.getByRole('button', { name: 'Reject All' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Reject All' }).click();
  await expect.poll(() => sent.filter((path) => path.includes('bulk-reject')).length).toBe(1);
  await page.goBack();
  await expect(page).toHaveURL(/\/tasks\/pending/);
  const link = page.locator(`a[href="/items/${item.id}"]`).first();
  const row = page.getByRole('row').filter({ has: link });
  // The row's decisions wait for it.
  await expect(row.getByRole('button', { name: 'Approve All' })).toBeDisabled();
  // So does the keyboard's: the item is left out of an Approve All, saying why.
  await link.focus();
  await page.keyboard.press('a');
  const confirm = page.getByRole('dialog', { name: 'Approve All: confirm' });
  await expect(confirm).toContainText('still on its way');
  await expect(confirm.getByRole('button', { name: 'Approve All' })).toBeDisabled();
  await page.keyboard.press('Escape');
  await expect(confirm).toHaveCount(0);
  release();
  await expect(page.getByRole('status').filter({ hasText: 'Rejected' })).toBeVisible();
  await expect(page.locator(`a[href="/items/${item.id}"]`)).toHaveCount(0);
  expect(sent.filter((path) => path.includes('bulk-approve'))).toEqual([]);
  const after = await sandbox.getJson(alias, `/v2024/work-items/${item.id}`);
  expect(after.state).toBe('Rejected');
});

test('an action finishing in the background leaves the Forward dialog being filled in on another item as it is', async ({ page, sandbox }) => {
  const alias = 'alison.ferguso';
  await signIn(page, sandbox, alias, '/tasks/pending');
  const links = page.locator('a[href^="/items/"]');
  const [first, second] = [links.nth(0), links.nth(1)];
  const firstId = (await first.getAttribute('href'))!.slice('/items/'.length);
  const secondHref = (await second.getAttribute('href'))!;
  await first.click();
  // The first item's forward is held on its way until the other dialog is filled in.
  let release!: () => void;
  const released = new Promise<void>((ok) => { release = ok; });
  await page.route(`**/work-items/${firstId}/forward`, async (route) => { await released; await route.continue(); });
  const dialog = await forwardToAda(page);
  await dialog.getByRole('button', { name: 'Forward' }).click();
  await page.goBack();
  await page.locator(`a[href="${secondHref}"]`).first().click();
  await page.getByRole('button', { name: 'Forward' }).click();
  const other = page.getByRole('dialog', { name: 'Forward work item' });
  await other.getByRole('combobox').fill('Gra');
  await other.getByLabel(/Comment/).fill('half-written comment');
  // The forward lands: every read of work items loads again, this page's item too.
  const reread = page.waitForResponse((r) => r.request().method() === 'GET' && r.url().endsWith(secondHref.replace('/items/', '/work-items/')));
  release();
  await expect(page.getByRole('status').filter({ hasText: 'was forwarded to Ada Lovelace' })).toBeVisible();
  await reread;
  await page.evaluate(() => new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok))));
  await expect(other.getByLabel(/Comment/)).toHaveValue('half-written comment');
  await expect(other.getByRole('combobox')).toHaveValue('Gra');
  await expect(other.getByLabel(/Comment/)).toBeFocused();
});

test('a long description is cut, so the actions stay near the top on a phone; all of it is a click away', async ({ page, sandbox }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  const { item, alias } = await findPending(sandbox, (i) => (i.description ?? '').length > 2000);
  await signIn(page, sandbox, alias, `/items/${item.id}`);
  const description = page.locator('#detail-description');
  await expect(description).toBeVisible();
  expect((await description.textContent())!.length).toBeLessThan(420);
  // The actions come within two screens (they were about 4,000 px down).
  expect((await page.getByRole('button', { name: 'Forward' }).boundingBox())!.y).toBeLessThan(2 * 740);
  const whole = page.getByRole('button', { name: 'Show the whole description' });
  await expect(whole).toHaveAttribute('aria-expanded', 'false');
  await whole.click();
  expect(await description.textContent()).toBe(item.description);
  await expect(page.getByRole('button', { name: 'Show less of the description' })).toHaveAttribute('aria-expanded', 'true');
});

test('a form submitted with a field missing, left in the same moment, leaves the app working', async ({ page, sandbox }) => {
  const { item, alias } = await findPending(sandbox, (i) => i.form !== null);
  await signIn(page, sandbox, alias, '/tasks/pending');
  await page.locator(`a[href="/items/${item.id}"]`).first().click();
  await expect(page.getByRole('button', { name: 'Submit' })).toBeVisible();
  // Submit (which moves focus to the first field in error at the next frame) and leave in
  // one task: the form is gone by that frame.
  await page.evaluate(() => {
    const submit = [...document.querySelectorAll('button')].find((b) => b.textContent?.trim() === 'Submit')!;
    submit.click();
    (document.querySelector('a[href="/tasks/pending"]') as HTMLAnchorElement).click();
  });
  await expect(page).toHaveURL(/\/tasks\/pending/);
  await page.evaluate(() => new Promise(requestAnimationFrame));
  await page.locator(`a[href="/items/${item.id}"]`).first().click();
  await expect(page.getByRole('button', { name: 'Submit' })).toBeVisible();
});

test('submit an account selection and see what was chosen', async ({ page, sandbox }) => {
  const { item, alias } = await findPending(sandbox, (i) => i.form !== null);
  await signIn(page, sandbox, alias, `/items/${item.id}`);
  // Its form finishes it, as in the list: Mark Complete would be refused for the form.
  await expect(page.getByRole('button', { name: 'Forward' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Mark Complete' })).toHaveCount(0);
  await page.getByRole('button', { name: 'Submit' }).click();
  await expect(page.getByText('is required.')).toBeVisible();
  const select = page.getByRole('combobox', { name: /account/ });
  const admin = (await select.locator('option').nth(2).getAttribute('value'))!;
  await select.selectOption(admin);
  await page.getByRole('button', { name: 'Submit' }).click();
  // Asked first, with what will be sent: a privileged account cannot be taken back.
  const confirm = page.getByRole('dialog', { name: 'Submit the account selection' });
  await expect(confirm).toContainText('(privileged)');
  await expect(confirm.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await confirm.getByRole('button', { name: 'Cancel' }).click();
  await expect(confirm).toHaveCount(0);
  expect((await sandbox.getJson(alias, `/v2024/work-items/${item.id}`)).state).toBe('Pending');
  await page.getByRole('button', { name: 'Submit' }).click();
  await confirm.getByRole('button', { name: 'Submit' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Account selection for' })).toContainText('(privileged)');
  await expect(page.locator('.mt-selection__chosen')).toContainText('(privileged)');
  const after = await sandbox.getJson(alias, `/v2024/work-items/${item.id}`);
  expect(after.state).toBe('Finished');
  expect(JSON.stringify(after.form)).toContain(`"value":"${admin}"`);
});

test('an account selection the server fails keeps what was chosen and typed, and submitting again works', async ({ page, sandbox }) => {
  const { item, alias } = await findPending(sandbox, (i) => i.form !== null);
  await signIn(page, sandbox, alias, `/items/${item.id}`);
  const select = page.getByRole('combobox', { name: /account/ });
  const admin = (await select.locator('option').nth(2).getAttribute('value'))!;
  await select.selectOption(admin);
  await page.getByRole('textbox', { name: /Justification/ }).fill('Needs the admin account.');
  await sandbox.faults(500, 1, 1, item.id);
  const confirm = page.getByRole('dialog', { name: 'Submit the account selection' });
  await page.getByRole('button', { name: 'Submit' }).click();
  await confirm.getByRole('button', { name: 'Submit' }).click();
  await expect(page.getByText(/internal fault/).first()).toBeVisible();
  await expect(select).toHaveValue(admin);
  await expect(page.getByRole('textbox', { name: /Justification/ })).toHaveValue('Needs the admin account.');

  await expect(page.locator('.mt-toast--error')).toContainText('Could not submit');
  await page.getByRole('button', { name: 'Submit' }).click();
  await confirm.getByRole('button', { name: 'Submit' }).click();
  await expect(page.locator('.mt-selection__chosen')).toContainText('(privileged)');
  // The failure's toast is out of date once it worked: it goes.
  await expect(page.locator('.mt-toast--error')).toHaveCount(0);
  const after = await sandbox.getJson(alias, `/v2024/work-items/${item.id}`);
  expect(after.state).toBe('Finished');
});

test('a double click on Mark Complete sends one request', async ({ page, sandbox }) => {
  const { item, alias } = await findPending(sandbox, plain);
  await signIn(page, sandbox, alias, `/items/${item.id}`);
  const posts: string[] = [];
  page.on('request', (r) => { if (r.method() === 'POST' && r.url().includes(`/v2024/work-items/${item.id}`)) posts.push(r.url()); });
  await page.getByRole('button', { name: 'Mark Complete' }).dblclick();
  // The second click lands beside the dialog that the first opened: focus stays in the
  // dialog, and Escape then closes the dialog only (it left the page, too, from the body).
  const dialog = page.getByRole('dialog');
  expect(await dialog.evaluate((el) => el.contains(document.activeElement))).toBe(true);
  await page.mouse.click(5, 5);
  expect(await dialog.evaluate((el) => el.contains(document.activeElement))).toBe(true);
  await page.evaluate(() => (document.activeElement as HTMLElement).blur());
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect(page).toHaveURL(new RegExp(`/items/${item.id}$`));
  await page.getByRole('button', { name: 'Mark Complete' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Mark Complete' }).dblclick();
  await expect(page.getByRole('status').filter({ hasText: 'is complete' })).toBeVisible();
  await page.waitForTimeout(500);
  expect(posts).toHaveLength(1);
});

test('acting on an item another session already completed says so and shows its state', async ({ page, sandbox }) => {
  const { item, alias } = await findPending(sandbox, plain);
  await signIn(page, sandbox, alias, `/items/${item.id}`);
  await expect(page.getByRole('button', { name: 'Mark Complete' })).toBeEnabled();
  expect(await postAs(sandbox, alias, `/v2024/work-items/${item.id}`)).toBe(200);

  await page.getByRole('button', { name: 'Mark Complete' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Mark Complete' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'already completed' }).first()).toBeVisible();
  // The toast, which outlives the page, names the action and the item.
  await expect(page.locator('.mt-toast').filter({ hasText: 'already completed' }))
    .toContainText(`Could not mark “${item.name}” complete: `);
  await expect(page.locator('.mt-detail__state')).toContainText('Finished');
  await expect(page.getByRole('button', { name: 'Mark Complete' })).toHaveCount(0);
});

test('an item whose approval items wait offers no Mark Complete, and says that deciding them finishes it', async ({ page, sandbox }) => {
  const { item, alias } = await findPending(sandbox, (i) => undecided(i).length >= 2 && i.form === null);
  await signIn(page, sandbox, alias, `/items/${item.id}`);
  const actions = page.getByRole('group', { name: 'Actions' });
  await expect(actions.getByRole('button', { name: 'Forward' })).toBeVisible();
  // The server would refuse it (the list's rows offer Approve All and Reject All instead).
  await expect(actions.getByRole('button', { name: 'Mark Complete' })).toHaveCount(0);
  await expect(actions).toContainText(`This work item is finished by deciding its ${undecided(item).length} approval items.`);
  // The link gives the approval items' heading focus: the next Tab reaches the first of them.
  await actions.getByRole('link', { name: 'Go to the approval items' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: /Approval items/ })).toBeFocused();
  await page.keyboard.press('Tab');
  expect(await page.evaluate(() => {
    const at = document.activeElement;
    return at?.tagName === 'BUTTON' && Boolean(at.closest('section[aria-labelledby="approvals-title"]'));
  }), 'Tab went on into the approval items').toBe(true);
});

test('a failed Mark Complete is said once, by its toast, and the page around a dialog is inert meanwhile', async ({ page, sandbox }) => {
  const { item, alias } = await findPending(sandbox, plain);
  await signIn(page, sandbox, alias, `/items/${item.id}`);
  await page.getByRole('button', { name: 'Mark Complete' }).click();
  // While the dialog is open the page around it is inert (a screen reader stays in it too),
  // but for the toasts' live region.
  const dialog = page.getByRole('dialog');
  await expect(dialog).toBeVisible();
  const inert = () => page.evaluate(() => ({
    signOut: Boolean([...document.querySelectorAll('button')].find((b) => b.textContent === 'Sign out')?.closest('[inert]')),
    dialog: Boolean(document.querySelector('[role=dialog]')?.closest('[inert]')),
    toasts: Boolean(document.querySelector('.mt-toasts')?.closest('[inert]')),
  }));
  expect(await inert()).toEqual({ signOut: true, dialog: false, toasts: false });
  await sandbox.faults(500, 1, 1, item.id);
  await dialog.getByRole('button', { name: 'Mark Complete' }).click();
  const notice = page.locator('.mt-actions__notice');
  await expect(notice).toContainText('internal fault');
  expect(await page.locator('[inert]').count(), 'nothing stays inert once the dialog is gone').toBe(0);
  // Said once: by the failure's toast, not by the notice too.
  await expect(page.getByRole('alert').filter({ hasText: 'internal fault' })).toHaveCount(1);
});

test('Mark Complete from a list row: the row leaves Pending and the count drops without a reload', async ({ page, sandbox }) => {
  const { item, alias } = await findPending(sandbox, plain);
  const before = (await sandbox.getJson(alias, '/v2024/work-items/count')).count;
  await signIn(page, sandbox, alias, '/tasks/pending?page=1&size=250');
  await expect(page.getByRole('tab', { name: 'Pending' })).toContainText(String(before));
  const link = page.locator(`a[href="/items/${item.id}"]`);
  // The table draws only the rows in view: find the item (search matches ids) first.
  await page.getByRole('searchbox', { name: 'Search' }).fill(item.id);
  const row = page.getByRole('row').filter({ has: link });
  await row.getByRole('button', { name: 'Mark Complete' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Mark Complete' }).click();
  await expect(link).toHaveCount(0);
  await expect(page.getByRole('tab', { name: 'Pending' })).toContainText(String(before - 1));
  await expect(page.getByRole('status').filter({ hasText: 'is complete' })).toBeVisible();
});

test('Mark Complete from a row by keyboard: once confirmed, focus is on the link of the item that took its place', async ({ page, sandbox }) => {
  await signIn(page, sandbox, 'alison.ferguso', '/tasks/pending');
  const row = page.locator('tbody tr').filter({ has: page.getByRole('button', { name: 'Mark Complete' }) }).first();
  const href = (await row.locator('a[href^="/items/"]').first().getAttribute('href'))!;
  const link = page.locator(`a[href="${href}"]`);
  await row.getByRole('button', { name: 'Mark Complete' }).focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(dialog.getByRole('button', { name: 'Mark Complete' })).toBeFocused();
  // What the current row's live region says from now on.
  await page.evaluate(() => {
    const live = document.querySelector('.mt-bulk [aria-live="polite"]')!;
    const said: string[] = ((window as unknown as { said: string[] }).said = []);
    new MutationObserver(() => { if (live.textContent) said.push(live.textContent); })
      .observe(live, { childList: true, subtree: true, characterData: true });
  });
  await page.keyboard.press('Enter');
  await expect(link).toHaveCount(0);
  await expect(page.getByRole('status').filter({ hasText: 'is complete' })).toBeVisible();
  // The link of the item now in its place, not a button: Enter again must not ask about
  // another item.
  await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('href') ?? document.activeElement?.tagName))
    .toMatch(/^\/items\//);
  // Focus on that link says which item it is: the current row is not announced as well.
  await page.waitForTimeout(300);
  expect(await page.evaluate(() => (window as unknown as { said: string[] }).said)).toEqual([]);
});

test('acting on an item another session forwarded away says it is no longer yours', async ({ page, sandbox }) => {
  const { item, alias } = await findPending(sandbox, plain);
  await signIn(page, sandbox, alias, `/items/${item.id}`);
  await expect(page.getByRole('button', { name: 'Mark Complete' })).toBeEnabled();
  const target = sandbox.identities.find((i) => i.alias !== alias && !i.admin)!;
  const forwarded = await fetch(`${sandbox.baseURL}/v2024/work-items/${item.id}/forward`, {
    method: 'POST',
    headers: {
      Authorization: `Bearer ${await sandbox.token(alias)}`,
      'Content-Type': 'application/json',
      'X-SailPoint-Experimental': 'true',
    },
    body: JSON.stringify({ targetOwnerId: target.id, comment: 'Taking over while you are away.' }),
  });
  expect(forwarded.status).toBe(200);

  await page.getByRole('button', { name: 'Mark Complete' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Mark Complete' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'no longer yours' }).first()).toBeVisible();
  await expect(page.getByRole('button', { name: 'Mark Complete' })).toHaveCount(0);
  // The page shows how it stands: someone else's, not an error with a Retry.
  await expect(page.getByRole('heading', { level: 1, name: 'Not your work item' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Retry' })).toHaveCount(0);
});
