// Helpers for the issue-4 journeys: find seeded work items through the API, sign in through
// the sandbox's page, and act through the API as "another session".
import { expect, type Page, type Route } from '@playwright/test';
import type { Sandbox } from './fixtures';

/** A work item as the API returns it (only the fields the journeys read). */
export interface Item {
  id: string;
  name: string | null;
  ownerId: string | null;
  ownerName?: string;
  state?: string;
  description?: string;
  approvalItems: { id: string; state: string | null; application?: string; value?: string | null }[] | null;
  remediationItems: { targetDisplayName?: string; nativeIdentity?: string; applicationName?: string }[] | null;
  form: unknown | null;
}

/** Every pending work item the identity owns. */
export async function pendingItems(sandbox: Sandbox, alias: string): Promise<Item[]> {
  return sandbox.getJson(alias, '/v2024/work-items?limit=250');
}

/** The first pending item of any demo identity that `pick` accepts, with its owner's alias. */
export async function findPending(
  sandbox: Sandbox,
  pick: (item: Item) => boolean,
): Promise<{ item: Item; alias: string }> {
  for (const who of sandbox.identities) {
    const item = (await pendingItems(sandbox, who.alias)).find(pick);
    if (item) return { item, alias: who.alias };
  }
  throw new Error('no pending work item matches');
}

/** Pending approval items of a work item. */
export const undecided = (item: Item) =>
  (item.approvalItems ?? []).filter((a) => a.state === null || a.state === 'Pending');

/** POSTs to an API path as the identity (another session acting); returns the status. */
export async function postAs(sandbox: Sandbox, alias: string, path: string, data?: unknown): Promise<number> {
  const response = await fetch(sandbox.baseURL + path, {
    method: 'POST',
    headers: { Authorization: `Bearer ${await sandbox.token(alias)}`, 'Content-Type': 'application/json' },
    body: data === undefined ? undefined : JSON.stringify(data),
  });
  return response.status;
}

/** Signs in through the sandbox's authorize page as the identity, starting at `path`. */
export async function signIn(page: Page, sandbox: Sandbox, alias: string, path = '/') {
  await page.goto(path);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await page.getByRole('button', { name: `Sign in as ${sandbox.identity(alias).name}` }).click();
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
}

/** Answers a routed request as the server does when it fails: a 500 with its error body. */
export function internalFault(route: Route) {
  return route.fulfill({ status: 500, contentType: 'application/json', body: JSON.stringify({
    detailCode: '500.0 Internal Fault', trackingId: 'c0ffee00c0ffee00',
    messages: [{ locale: 'en-US', localeOrigin: 'DEFAULT', text: 'An internal fault occurred.' }], causes: [] }) });
}

/** Opens the Forward dialog of the detail page shown, picks Ada Lovelace and writes a comment. */
export async function forwardToAda(page: Page) {
  await page.getByRole('button', { name: 'Forward' }).click();
  const dialog = page.getByRole('dialog', { name: 'Forward work item' });
  await dialog.getByRole('combobox').fill('Ada');
  await dialog.getByRole('option', { name: /Ada Lovelace/ }).click();
  await dialog.getByLabel(/Comment/).fill('Ada, please take this one.');
  return dialog;
}

/**
 * Signs in as `name` on the sandbox's sign-in page in `popup`, and waits until the popup,
 * having handed its answer over, closes itself. The close is awaited from before the click:
 * a fast hand-over closes the popup before a click returns, and an event already past is
 * never seen (the journey then waited out its timeout).
 */
export async function signInInPopup(popup: Page, name: string) {
  const closed = popup.waitForEvent('close');
  await popup.getByRole('button', { name: `Sign in as ${name}` }).click().catch((error) => {
    if (!popup.isClosed()) throw error;
  });
  await closed;
}
