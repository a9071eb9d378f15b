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
      // Focus goes to the first field in error.
      await expect(forward.getByRole('combobox')).toBeFocused();
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

/** The colour a CSS system colour (`Canvas`, `Highlight`, …) resolves to in the page now. */
const systemColour = (page: Page, name: string) => page.evaluate((name) => {
  const probe = document.createElement('i');
  probe.style.color = name;
  document.body.append(probe);
  const colour = getComputedStyle(probe).color;
  probe.remove();
  return colour;
}, name);

/** An element's outline as computed: style and width in pixels. */
const outline = (element: Locator) => element.evaluate((e) => {
  const s = getComputedStyle(e);
  return { style: s.outlineStyle, width: parseFloat(s.outlineWidth) };
});

test.describe('in forced colours (Windows High Contrast), where backgrounds and shadows are dropped', () => {
  test.beforeEach(async ({ page }) => {
    await page.emulateMedia({ forcedColors: 'active' });
  });

  test('the keyboard’s current row is outlined, only the selected tab is underlined, and a dialog has an edge', async ({ page, sandbox }) => {
    await signIn(page, sandbox, 'alison.ferguso', '/tasks/pending');
    const table = page.getByRole('table', { name: 'Pending work items' });
    await expect(table.getByRole('link').first()).toBeVisible();
    await page.keyboard.press('j');
    const current = table.locator('tr.mt-table__row--current');
    await expect(current).toHaveCount(1);
    const shown = await outline(current);
    expect(shown.style, 'the current row').not.toBe('none');
    expect(shown.width, 'the current row').toBeGreaterThanOrEqual(2);
    expect((await outline(table.locator('tr.mt-table__row:not(.mt-table__row--current)').first())).style).toBe('none');

    // The unselected tab's underline is the page's own colour; the selected one's is not.
    const underline = (tab: Locator) => tab.evaluate((t) => getComputedStyle(t).borderBottomColor);
    const canvas = await systemColour(page, 'Canvas');
    await expect(page.getByRole('tab', { name: 'Pending' })).toHaveAttribute('aria-selected', 'true');
    expect(await underline(page.getByRole('tab', { name: 'Completed' })), 'the unselected tab').toBe(canvas);
    expect(await underline(page.getByRole('tab', { name: 'Pending' })), 'the selected tab').not.toBe(canvas);

    await page.getByRole('region', { name: 'Selected work items' }).getByRole('button', { name: 'Keyboard shortcuts' }).click();
    const edge = await page.getByRole('dialog', { name: 'Keyboard shortcuts' }).evaluate((d) => {
      const s = getComputedStyle(d);
      return [s.borderTopStyle, s.borderRightStyle, s.borderBottomStyle, s.borderLeftStyle, s.borderTopWidth];
    });
    expect(edge.slice(0, 4), 'the dialog’s edge').toEqual(['solid', 'solid', 'solid', 'solid']);
    expect(parseFloat(edge[4])).toBeGreaterThanOrEqual(1);
  });

  test('the person the Forward list highlights is outlined, the others are not', async ({ page, sandbox }) => {
    const { item, alias } = await fredItem(sandbox);
    await signIn(page, sandbox, alias, `/items/${item.id}`);
    await page.getByRole('button', { name: 'Forward' }).click();
    const dialog = page.getByRole('dialog', { name: 'Forward work item' });
    await dialog.getByRole('combobox').fill('a');
    await expect(dialog.getByRole('option').nth(1)).toBeVisible();
    await page.keyboard.press('ArrowDown');
    const active = dialog.getByRole('option', { selected: true });
    await expect(active).toHaveCount(1);
    const shown = await outline(active);
    expect(shown.style).not.toBe('none');
    expect(shown.width).toBeGreaterThanOrEqual(2);
    expect((await outline(dialog.getByRole('option', { selected: false }).first())).style).toBe('none');
  });
});

/**
 * Tabs `presses` times with `key` and gives each focus stop that lies, even in part, under
 * a sticky element it is not inside: the selection bar (while it sticks) or the table's header.
 */
async function hiddenStops(page: Page, key: string, presses: number): Promise<string[]> {
  const hidden: string[] = [];
  for (let i = 0; i < presses; i++) {
    await page.keyboard.press(key);
    const under = await page.evaluate(() => {
      const focused = document.activeElement!;
      if (focused === document.body) return [];
      const box = focused.getBoundingClientRect();
      // The header's cells are what sticks (the row they are in scrolls away, out of view).
      const covers = [...document.querySelectorAll('.mt-bulk, .mt-table thead th')].filter((sticky) => {
        if (sticky.contains(focused)) return false;
        const s = sticky.getBoundingClientRect();
        return Math.min(box.bottom, s.bottom) - Math.max(box.top, s.top) > 0.5
          && Math.min(box.right, s.right) - Math.max(box.left, s.left) > 0.5;
      });
      const name = (focused.getAttribute('aria-label') ?? focused.textContent ?? '').trim().slice(0, 30);
      return covers.map((s) => `${focused.tagName} “${name}” under ${s.className || s.tagName} “${s.textContent}”`);
    });
    hidden.push(...under);
  }
  return hidden;
}

for (const [width, height] of [[600, 700], [320, 256]] as const) {
  test(`at ${width}×${height} px with a card ticked, no focus stop goes under the selection bar, tabbing down or up`, async ({ page, sandbox }) => {
    await page.setViewportSize({ width, height });
    await signIn(page, sandbox, 'alison.ferguso', '/tasks/pending');
    const boxes = page.locator('.mt-list .mt-row__select');
    await expect(boxes.first()).toBeVisible();
    await boxes.first().check();
    await expect(page.getByRole('region', { name: 'Selected work items' }).getByRole('status')).toHaveText('1 selected');
    expect(await hiddenStops(page, 'Tab', 40), 'tabbing down').toEqual([]);
    expect(await hiddenStops(page, 'Shift+Tab', 40), 'tabbing up').toEqual([]);
  });
}

test('at 1280×900 px, Shift+Tab up the table never leaves focus under its sticky header or the selection bar', async ({ page, sandbox }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await signIn(page, sandbox, 'alison.ferguso', '/tasks/pending');
  const table = page.getByRole('table', { name: 'Pending work items' });
  await expect(table.getByRole('link').first()).toBeVisible();
  await table.getByRole('checkbox').first().check();
  await table.locator('.mt-table__name a').nth(15).focus();
  expect(await hiddenStops(page, 'Shift+Tab', 30)).toEqual([]);
});

test('the wait after a 429 is said once, while the banner counts its seconds down for the eye', async ({ page, sandbox }) => {
  await signIn(page, sandbox, 'alison.ferguso', '/');
  await expect(page.getByRole('link', { name: 'Create an Account' }).first()).toBeVisible();
  await page.waitForLoadState('networkidle');
  // Every text a live region takes while the page waits, in order.
  await page.addInitScript(() => {
    const said: string[] = [];
    (window as any).said = said;
    const last = new WeakMap<Element, string>();
    new MutationObserver(() => {
      for (const region of document.querySelectorAll('[role=status], [role=alert], [aria-live]:not([aria-live=off])')) {
        const text = region.textContent!.trim();
        if (text !== (last.get(region) ?? '')) {
          last.set(region, text);
          if (text.includes('busy')) said.push(text);
        }
      }
    }).observe(document, { subtree: true, childList: true, characterData: true });
  });
  await sandbox.faults(429, 1, 3);
  await page.reload();
  const banner = page.locator('.mt-waiting');
  await expect(banner).toHaveText('The server is busy. Waiting 2 s before trying again…');
  await expect(banner).toHaveText('The server is busy. Waiting 1 s before trying again…');
  await expect(banner).toBeHidden({ timeout: 10_000 });
  await expect(page.getByRole('link', { name: 'Create an Account' }).first()).toBeVisible();
  expect(await page.evaluate(() => (window as any).said)).toEqual(['The server is busy. Waiting 3 s before trying again…']);
});

test('buttons that put themselves away give focus to what comes next, not to the page', async ({ page, sandbox }) => {
  await signIn(page, sandbox, 'alison.ferguso', '/tasks/pending?source=Nowhere');
  // "Clear filters" goes with the "No work items match" line: focus goes to the list.
  const clearFilters = page.getByRole('button', { name: 'Clear filters' });
  await clearFilters.focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/tasks\/pending$/);
  await expect(page.locator('#tasks-panel')).toBeFocused();
  // "Select all N matching" hides once all are selected: focus goes to "Clear selection",
  // which hides once nothing is: focus goes back to "Select all".
  const bar = page.getByRole('region', { name: 'Selected work items' });
  await page.locator('tbody tr.mt-table__row').first().getByRole('checkbox').check();
  const selectAll = bar.getByRole('button', { name: /^Select all \d+ matching$/ });
  await selectAll.focus();
  await page.keyboard.press('Enter');
  await expect(bar.getByRole('button', { name: 'Clear selection' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(bar.getByRole('status')).toHaveText('0 selected');
  await expect(selectAll).toBeFocused();
});

test('a form field is described by its help text and by its error', async ({ page, sandbox }) => {
  const { item, alias } = await findPending(sandbox, (i) => i.form !== null);
  await signIn(page, sandbox, alias, `/items/${item.id}`);
  const form = page.getByRole('region', { name: 'Form' });
  const why = form.getByRole('textbox', { name: 'Justification' });
  await expect(why).toHaveAccessibleDescription('Why this account? (optional)');
  await form.getByRole('button', { name: 'Submit' }).click();
  await expect(form.getByRole('combobox', { name: /account/ })).toHaveAccessibleDescription(/^“.+ account” is required\.$/);
  await expect(why).toHaveAccessibleDescription('Why this account? (optional)');
});

test('the saved views’ name field is described by what is wrong with the name', async ({ page, sandbox }) => {
  await signIn(page, sandbox, 'alison.ferguso', '/tasks/pending');
  const name = page.getByRole('textbox', { name: 'View name' });
  const save = page.getByRole('button', { name: 'Save view' });
  await expect(name).toHaveAccessibleDescription('');
  await save.click();
  await expect(name).toHaveAttribute('aria-invalid', 'true');
  await expect(name).toHaveAccessibleDescription('Give the view a name first.');
  await name.fill('Mine');
  await expect(name).toHaveAccessibleDescription('');
  await save.click();
  await expect(page.getByRole('status').filter({ hasText: 'Saved the view “Mine”.' })).toBeVisible();
  await expect(name).toHaveAccessibleDescription('');
  await name.fill('Mine');
  await save.click();
  await expect(name).toHaveAccessibleDescription('A view named “Mine” exists already. Save again to replace it.');
});

test('with the WCAG text spacing (1.4.12) at 900 px, every header of the table is read whole, in every language', async ({ page, sandbox }) => {
  await page.setViewportSize({ width: 900, height: 900 });
  await signIn(page, sandbox, 'alison.ferguso', '/tasks/pending');
  const headers = page.locator('table.mt-table thead th');
  for (const lang of ['en', 'de', 'ar']) {
    await page.evaluate((lang) => localStorage.setItem('my-tasks.language', lang), lang);
    await page.reload();
    await expect(page.locator('html')).toHaveAttribute('lang', lang);
    await expect(headers.first()).toBeVisible();
    // The text-spacing bookmarklet's styles, through the CSSOM (the page's CSP forbids a <style>).
    await page.evaluate(() => {
      const sheet = new CSSStyleSheet();
      sheet.replaceSync('* { line-height: 1.5 !important; letter-spacing: .12em !important; word-spacing: .16em !important; }'
        + ' p { margin-bottom: 2em !important; }');
      document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
    });
    const cut = await headers.evaluateAll((ths) => ths.filter((th) => {
      const box = th.getBoundingClientRect();
      const text = document.createRange();
      text.selectNodeContents(th);
      const words = text.getBoundingClientRect();
      return th.scrollWidth > th.clientWidth + 0.5 || th.scrollHeight > th.clientHeight + 0.5
        || words.left < box.left - 0.5 || words.right > box.right + 0.5 || words.bottom > box.bottom + 0.5;
    }).map((th) => th.textContent));
    expect(cut, lang).toEqual([]);
  }
});

test('a toast is announced as its message alone: its Dismiss button, in the toast, is outside the live region', async ({ page, sandbox }) => {
  const { item, alias } = await fredItem(sandbox);
  await signIn(page, sandbox, alias, `/items/${item.id}`);
  await page.getByRole('button', { name: 'Mark Complete' }).click();
  await page.getByRole('dialog', { name: 'Complete work item' }).getByRole('button', { name: 'Mark Complete' }).click();
  const region = page.getByRole('status').filter({ hasText: 'is complete' });
  await expect(region).toBeVisible();
  await expect(region).not.toContainText('Dismiss');
  await expect(region.getByRole('button')).toHaveCount(0);
  const dismiss = page.getByRole('button', { name: 'Dismiss' });
  await expect(dismiss).toHaveAccessibleDescription(/is complete/);
  // Drawn in its toast, at the inline end.
  const toast = (await page.locator('.mt-toast').filter({ hasText: 'is complete' }).boundingBox())!;
  const button = (await dismiss.boundingBox())!;
  expect(button.x).toBeGreaterThan(toast.x + toast.width / 2);
  expect(button.x + button.width).toBeLessThanOrEqual(toast.x + toast.width + 0.5);
  expect(button.y).toBeGreaterThanOrEqual(toast.y - 0.5);
  expect(button.y + button.height).toBeLessThanOrEqual(toast.y + toast.height + 0.5);
  await dismiss.click();
  await expect(page.locator('.mt-toast')).toHaveCount(0);
});

test('each approval item\'s Approve and Reject are described by the item they decide, so the page\'s buttons tell the items apart', async ({ page, sandbox }) => {
  const { item, alias } = await findPending(sandbox, (i) => undecided(i).length >= 2);
  await signIn(page, sandbox, alias, `/items/${item.id}`);
  const cards = page.getByRole('region', { name: /Approval items/ }).getByRole('listitem');
  await expect(cards.first()).toBeVisible();
  const described: string[] = [];
  for (const card of (await cards.all()).slice(0, 2)) {
    const approve = card.getByRole('button', { name: 'Approve', exact: true });
    const reject = card.getByRole('button', { name: 'Reject', exact: true });
    await expect(approve).toHaveAccessibleDescription(/\S/);
    const what = await approve.evaluate((el) => document.getElementById(el.getAttribute('aria-describedby')!)!.textContent!);
    await expect(reject).toHaveAccessibleDescription(what);
    // What the card shows: the description names its application.
    const application = (await card.locator('dt', { hasText: 'Application' }).locator('xpath=following-sibling::dd').textContent())!.trim();
    if (application !== '—') expect(what).toContain(application);
    described.push(what);
  }
  expect(new Set(described).size).toBe(2);
});

test('each row\'s quick actions are described by its work item, in the table and in the cards, and follow the row\'s item through a sort', async ({ page, sandbox }) => {
  // A list of the page's buttons otherwise reads "Approve All, Approve All, …".
  const quick = /^(Mark Complete|Approve All|Reject All)$/;
  const checkRows = async (rows: Locator) => {
    await expect(rows.first()).toBeVisible();
    const described: string[] = [];
    for (const row of (await rows.all()).slice(0, 8)) {
      const name = (await row.getByRole('link').first().textContent())!.trim();
      // An item with a form has no quick action (the form is on its page).
      const buttons = await row.getByRole('button', { name: quick }).all();
      for (const button of buttons) await expect(button).toHaveAccessibleDescription(name);
      if (buttons.length > 0) described.push(name);
    }
    expect(described.length).toBeGreaterThan(2);
    return described;
  };
  await signIn(page, sandbox, 'alison.ferguso', '/tasks/pending?sort=newest');
  const table = page.locator('tr.mt-table__row');
  const newest = await checkRows(table);
  // The table's rows stay and show other items after a sort: the descriptions go along.
  await table.first().evaluate((tr) => { (tr as any).drawnBefore = true; });
  await page.getByRole('combobox', { name: 'Sort by' }).selectOption('oldest');
  await expect.poll(async () => (await table.first().getByRole('link').textContent())!.trim()).not.toBe(newest[0]);
  expect(await table.first().evaluate((tr) => (tr as any).drawnBefore)).toBe(true);
  const oldest = await checkRows(table);
  expect(oldest).not.toEqual(newest);

  await page.setViewportSize({ width: 360, height: 740 });
  await checkRows(page.locator('li.mt-row'));
});
