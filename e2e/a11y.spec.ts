// Issue 7 accessibility audit: axe-core (WCAG 2.0/2.1 A and AA rules) on every screen and
// dialog of the app, in light and in dark colour scheme. A serious or critical violation fails
// the test; every screen of a journey is audited before it fails (soft assertions), and the
// failure lists each violation's rule id, impact, help text and the elements it found, so a
// reader knows what to fix without rerunning anything.
import type { Locator, Page } from '@playwright/test';
import { audit } from './axe';
import { test, expect, type Sandbox } from './fixtures';
import { findPending, forwardToAda, signIn, undecided } from './actions-helpers';

/** Opens a confirmation or form dialog by its button, audits it, and closes it with Escape. */
async function auditDialog(page: Page, opener: Locator, name: string) {
  await opener.click();
  const dialog = page.getByRole('dialog', { name });
  await expect(dialog).toBeVisible();
  await audit(page, `the “${name}” dialog`);
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
}

/** The seed's "Create an Account" item for Fred.Astaire on GitHub, with its owner. */
const fredItem = (sandbox: Sandbox) => findPending(sandbox, (i) => i.name === 'Create an Account'
  && (i.remediationItems ?? []).some((r) => r.nativeIdentity === 'fred-astaire-sp' && r.applicationName === 'GitHub'));

/** The WCAG contrast ratio of two opaque colours given as CSS `rgb(r, g, b)`. */
function contrast(a: string, b: string): number {
  const luminance = (css: string) => {
    const [r, g, bl] = css.match(/[\d.]+/g)!.slice(0, 3).map((v) => {
      const c = Number(v) / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

for (const colorScheme of ['light', 'dark'] as const) {
  test.describe(`in ${colorScheme} mode`, () => {
    test.beforeEach(async ({ page }) => {
      await page.emulateMedia({ colorScheme });
    });

    test('the dashboard and the widget route have no serious accessibility violations', async ({ page, sandbox }) => {
      await signIn(page, sandbox, 'alison.ferguso', '/');
      await expect(page.getByRole('list', { name: 'Work item counts' })).toBeVisible();
      await expect(page.getByRole('link', { name: 'Create an Account' }).first()).toBeVisible();
      await audit(page, 'the dashboard');

      await page.goto('/widget');
      await expect(page.getByRole('list', { name: 'Work item counts' })).toBeVisible();
      await expect(page.getByRole('link', { name: 'Create an Account' }).first()).toBeVisible();
      await audit(page, '/widget');
    });

    test('a disabled button looks disabled (unfilled, grey, dashed edge) and its label keeps 4.5:1 contrast', async ({ page, sandbox }) => {
      await signIn(page, sandbox, 'alison.ferguso', '/tasks/pending');
      const approve = page.getByRole('region', { name: 'Selected work items' }).getByRole('button', { name: 'Approve All' });
      const looks = () => approve.evaluate((b) => {
        const s = getComputedStyle(b);
        return { background: s.backgroundColor, color: s.color, edge: s.borderTopStyle, opacity: s.opacity };
      });
      await expect(approve).toBeDisabled();
      const disabled = await looks();
      await page.getByRole('table', { name: 'Pending work items' }).getByRole('checkbox').first().check();
      await expect(approve).toBeEnabled();
      const enabled = await looks();
      expect(disabled.background, 'not filled as when enabled').not.toBe(enabled.background);
      expect([disabled.edge, enabled.edge]).toEqual(['dashed', 'solid']);
      // Not faded: the label's contrast is the colours' own.
      expect(disabled.opacity).toBe('1');
      expect(contrast(disabled.color, disabled.background)).toBeGreaterThanOrEqual(4.5);
    });

    test('both Task Manager tabs have no serious accessibility violations', async ({ page, sandbox }) => {
      await signIn(page, sandbox, 'alison.ferguso', '/tasks/pending?page=1');
      await expect(page.getByRole('table', { name: 'Pending work items' }).getByRole('link').first()).toBeVisible();
      await audit(page, 'the Pending tab');

      await page.goto('/tasks/pending?group=age&collapsed=today');
      await expect(page.getByRole('button', { name: /^Overdue \d+ work items?$/ })).toBeVisible();
      await audit(page, 'the Pending tab grouped by age');

      await page.getByRole('tab', { name: 'Completed' }).click();
      await expect(page.getByRole('table', { name: 'Completed work items' }).getByRole('link').first()).toBeVisible();
      await audit(page, 'the Completed tab');
    });

    test('the detail page, Mark Complete and Forward dialogs have no serious accessibility violations', async ({ page, sandbox }) => {
      const { item, alias } = await fredItem(sandbox);
      await signIn(page, sandbox, alias, `/items/${item.id}`);
      await expect(page.getByRole('heading', { level: 1, name: 'Create an Account' })).toBeVisible();
      await audit(page, 'the detail page');

      await auditDialog(page, page.getByRole('button', { name: 'Mark Complete' }), 'Complete work item');

      await page.getByRole('button', { name: 'Forward' }).click();
      const forward = page.getByRole('dialog', { name: 'Forward work item' });
      await expect(forward.getByRole('combobox')).toBeFocused();
      await audit(page, 'the Forward dialog');
      await forward.getByRole('button', { name: 'Forward' }).click();
      await expect(forward.getByRole('combobox')).toHaveAttribute('aria-invalid', 'true');
      await audit(page, 'the Forward dialog with its required-field errors');
      await forward.getByRole('combobox').fill('Ada');
      await expect(forward.getByRole('option', { name: /Ada Lovelace/ })).toBeVisible();
      await audit(page, 'the Forward dialog with its list of people open');
    });

    test('the approval dialogs have no serious accessibility violations', async ({ page, sandbox }) => {
      const { item, alias } = await findPending(sandbox, (i) => undecided(i).length >= 2);
      await signIn(page, sandbox, alias, `/items/${item.id}`);
      const approvals = page.getByRole('region', { name: /Approval items/ });
      await expect(approvals.getByRole('listitem').first()).toBeVisible();
      await audit(page, 'a detail page with approval items');

      await auditDialog(page, approvals.getByRole('button', { name: 'Approve All' }), 'Approve items');
      await auditDialog(page, approvals.getByRole('button', { name: 'Reject All' }), 'Reject items');
      const first = approvals.getByRole('listitem').first();
      await auditDialog(page, first.getByRole('button', { name: 'Approve', exact: true }), 'Approve item');
      await auditDialog(page, first.getByRole('button', { name: 'Reject', exact: true }), 'Reject item');
    });

    test('the account-selection form has no serious accessibility violations', async ({ page, sandbox }) => {
      const { item, alias } = await findPending(sandbox, (i) => i.form !== null);
      await signIn(page, sandbox, alias, `/items/${item.id}`);
      const form = page.getByRole('region', { name: 'Form' });
      await expect(form.getByRole('combobox').first()).toBeVisible();
      await audit(page, 'the account-selection form');

      await form.getByRole('button', { name: 'Submit' }).click();
      await expect(page.getByText('is required.').first()).toBeVisible();
      await audit(page, 'the account-selection form with its required-field errors');
    });

    test('the selection bar, the bulk confirmation, its results and the shortcuts have no serious accessibility violations', async ({ page, sandbox }) => {
      test.slow(); // five audits, one of them after a run of requests
      await signIn(page, sandbox, 'alison.ferguso', '/tasks/pending');
      await expect(page.getByRole('table', { name: 'Pending work items' }).getByRole('link').first()).toBeVisible();
      await page.waitForLoadState('networkidle');
      const bar = page.getByRole('region', { name: 'Selected work items' });
      await bar.getByRole('button', { name: /^Select all \d+ matching$/ }).click();
      await page.keyboard.press('j');
      await audit(page, 'the Pending tab with every row selected and a current row');
      await auditDialog(page, bar.getByRole('button', { name: 'Keyboard shortcuts' }), 'Keyboard shortcuts');

      await bar.getByRole('button', { name: 'Approve All' }).click();
      const confirm = page.getByRole('dialog', { name: 'Approve All: confirm' });
      await expect(confirm.getByRole('list', { name: 'Work items left out' })).toBeVisible();
      await audit(page, 'the bulk Approve All confirmation with the items left out');
      await confirm.getByRole('button', { name: 'Approve All' }).click();
      const results = page.getByRole('dialog', { name: 'Approve All: results' });
      await expect(results.getByRole('status')).toHaveText(/^Finished: \d+ done\.$/);
      await audit(page, 'the bulk results');
    });
  });
}

test('the Task Manager tabs take the ARIA tab keys: the arrows go to the other tab, Home to the first, End to the last', async ({ page, sandbox }) => {
  await signIn(page, sandbox, 'alison.ferguso', '/tasks/pending');
  const [pending, completed] = [page.getByRole('tab', { name: 'Pending' }), page.getByRole('tab', { name: 'Completed' })];
  await pending.focus();
  for (const [key, tab] of [['Home', pending], ['ArrowRight', completed], ['End', completed], ['ArrowLeft', pending],
    ['End', completed], ['Home', pending], ['ArrowLeft', completed]] as const) {
    await page.keyboard.press(key);
    await expect(tab, key).toBeFocused();
  }
});

test('Approve All and Reject All name their dialog for what is left: one pending approval item is "Approve item"', async ({ page, sandbox }) => {
  const { item, alias } = await findPending(sandbox, (i) => undecided(i).length >= 2);
  await signIn(page, sandbox, alias, `/items/${item.id}`);
  const approvals = page.getByRole('region', { name: /Approval items/ });
  await expect(approvals.getByRole('button', { name: 'Approve All' })).toBeVisible();
  // Decide all but one, one by one.
  for (let left = undecided(item).length; left > 1; left--) {
    await approvals.getByRole('button', { name: 'Approve', exact: true }).first().click();
    await page.getByRole('dialog', { name: 'Approve item' }).getByRole('button', { name: 'Approve', exact: true }).click();
    await expect(approvals.getByRole('button', { name: 'Approve', exact: true })).toHaveCount(left - 1);
  }
  for (const [button, title] of [['Approve All', 'Approve item'], ['Reject All', 'Reject item']]) {
    await approvals.getByRole('button', { name: button }).click();
    const dialog = page.getByRole('dialog', { name: title, exact: true });
    await expect(dialog).toBeVisible();
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect(dialog).toHaveCount(0);
  }
});

test('a row’s Approve All and Reject All name the work item they decide, as its Mark Complete does', async ({ page, sandbox }) => {
  const { item, alias } = await findPending(sandbox, (i) => undecided(i).length > 0 && i.form === null && !!i.name);
  await signIn(page, sandbox, alias, `/tasks/pending?q=${item.id}`);
  const row = page.getByRole('row').filter({ has: page.locator(`a[href="/items/${item.id}"]`) });
  for (const [button, verb] of [['Approve All', 'Approve'], ['Reject All', 'Reject']]) {
    await row.getByRole('button', { name: button }).click();
    const dialog = page.getByRole('dialog');
    const question = dialog.locator('.mt-modal__message');
    await expect(question).toHaveText(new RegExp(`^${verb} (the|all) \\d+ pending approval items? of “`));
    await expect(question).toContainText(`of “${item.name}”?`);
    await page.keyboard.press('Escape');
    await expect(dialog).toHaveCount(0);
  }
});

test('Escape puts away a relative time’s exact time, focused or hovered, and only a second Escape leaves the page', async ({ page, sandbox }) => {
  const { item, alias } = await fredItem(sandbox);
  await signIn(page, sandbox, alias, '/tasks/pending');
  await page.goto(`/items/${item.id}`);
  const time = page.locator('main .mt-time').first();
  const exact = time.locator('.mt-time__exact');
  await time.locator('time').focus();
  await expect(exact).toBeVisible();
  // It covers no other field's value (it stood over the next one's).
  const covered = await exact.evaluate((tip) => {
    const box = tip.getBoundingClientRect();
    return [...document.querySelectorAll('main .mt-fields dd')].filter((dd) => !dd.contains(tip)).some((dd) => {
      const other = dd.getBoundingClientRect();
      return box.left < other.right && other.left < box.right && box.top < other.bottom && other.top < box.bottom;
    });
  });
  expect(covered).toBe(false);
  await page.keyboard.press('Escape');
  await expect(exact).toBeHidden();
  await expect(page).toHaveURL(new RegExp(`/items/${item.id}$`));
  await expect(time.locator('time')).toBeFocused();
  // Leaving and coming back shows it again; hovered, Escape puts it away too.
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Tab');
  await expect(exact).toBeVisible();
  await page.getByRole('heading', { level: 1 }).focus();
  await time.hover();
  await expect(exact).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(exact).toBeHidden();
  await expect(page).toHaveURL(new RegExp(`/items/${item.id}$`));
  // With nothing shown, Escape goes back to the list.
  await page.keyboard.press('Escape');
  await expect(page).toHaveURL(/\/tasks\/pending/);
});

test('arriving on a page puts focus on its heading, and back on Task Manager Enter opens the keyboard\'s current row again', async ({ page, sandbox }) => {
  await signIn(page, sandbox, 'alison.ferguso', '/');
  await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeFocused();
  // The header's link, which stays in the header, does not keep focus (nor Enter).
  await page.getByRole('link', { name: 'Task Manager', exact: true }).click();
  await expect(page.getByRole('table', { name: 'Pending work items' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 1, name: 'Task Manager' })).toBeFocused();
  await page.keyboard.press('j');
  const current = page.locator('tr.mt-table__row--current');
  await expect(current).toHaveCount(1);
  const name = (await current.getByRole('link').first().textContent())!;
  await page.keyboard.press('Enter');
  const title = page.locator('#detail-title');
  await expect(title).toHaveText(name);
  await expect(title).toBeFocused();
  // Back by Escape: on the page's heading, and Enter opens the current row's item again.
  await page.keyboard.press('Escape');
  await expect(page.getByRole('heading', { level: 1, name: 'Task Manager' })).toBeFocused();
  await expect(current).toHaveCount(1);
  await page.keyboard.press('Enter');
  await expect(title).toHaveText(name);
  await expect(title).toBeFocused();
  // After a forward, the item left the list: focus is on the page's heading, not nowhere.
  const dialog = await forwardToAda(page);
  await dialog.getByRole('button', { name: 'Forward' }).click();
  await expect(page).toHaveURL(/\/tasks\/pending/);
  await expect(page.getByRole('heading', { level: 1, name: 'Task Manager' })).toBeFocused();
  // By the keyboard, the header's Dashboard link leads to the Dashboard's heading.
  await page.getByRole('link', { name: 'Dashboard', exact: true }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeFocused();
});
