// Saves the README's screenshots (not a test): the dashboard, the Task Manager's Pending tab,
// the detail page of the seed's "Create an Account" item for Fred.Astaire, and the Approve All
// confirmation on an approval item, each in light and dark, 1280 and 360 px wide.
//
//   node e2e/screenshots.mjs [--sandbox target/debug/sandbox] [--dist dist] [--out docs/screenshots]
//
// It starts its own sandbox (in-memory demo data), signs in as Alison Ferguso through the
// sandbox's sign-in page (the browser needs a session of its own; client credentials cannot
// give it one), and waits on each screen for its content, so no picture shows a sign-in page
// or a loading state. Pictures are one viewport high, so they stay small.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(resolve(root, 'e2e', 'package.json'));
const { chromium } = require('@playwright/test');

const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const binary = resolve(root, arg('sandbox', process.env.SANDBOX_BIN ?? 'target/debug/sandbox'));
const dist = resolve(root, arg('dist', process.env.DIST_DIR ?? 'dist'));
const out = resolve(root, arg('out', 'docs/screenshots'));

/** Viewport sizes: a laptop and a small phone. */
const VIEWPORTS = [{ width: 1280, height: 800 }, { width: 360, height: 780 }];
const SCHEMES = ['light', 'dark'];
const WHO = 'alison.ferguso';

const scratch = mkdtempSync(join(tmpdir(), 'my-tasks-screenshots-'));
const credentialsFile = join(scratch, 'credentials.json');
const child = spawn(binary, ['--listen', '127.0.0.1:0', '--in-memory', '--seed', 'demo',
  '--static-dir', dist, '--credentials-out', credentialsFile], { stdio: ['ignore', 'pipe', 'inherit'] });
const baseURL = await new Promise((ok, fail) => {
  child.once('exit', (code) => fail(new Error(`sandbox exited with ${code} before listening`)));
  createInterface({ input: child.stdout }).on('line', (line) => {
    const m = line.match(/^My Tasks sandbox listening on (\S+)/);
    if (m) ok(m[1]);
  });
});

/** Alison's pending work items, through the API with her client credentials. */
async function pendingItems() {
  const { identities } = JSON.parse(readFileSync(credentialsFile, 'utf8'));
  const me = identities.find((i) => i.alias === WHO);
  const tokenResponse = await fetch(`${baseURL}/oauth/token`, {
    method: 'POST',
    body: new URLSearchParams({ grant_type: 'client_credentials', client_id: me.clientId, client_secret: me.clientSecret }),
  });
  const { access_token: token } = await tokenResponse.json();
  const list = await fetch(`${baseURL}/v2024/work-items?limit=250`, { headers: { Authorization: `Bearer ${token}` } });
  if (!list.ok) throw new Error(`listing work items: HTTP ${list.status}`);
  return list.json();
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--no-first-run', '--hide-scrollbars'],
});
try {
  const items = await pendingItems();
  const fred = items.find((i) => i.name === 'Create an Account'
    && (i.remediationItems ?? []).some((r) => r.nativeIdentity === 'fred-astaire-sp' && r.applicationName === 'GitHub'));
  const approval = items.find((i) => (i.approvalItems ?? []).filter((a) => a.state === null || a.state === 'Pending').length >= 2);
  if (!fred || !approval) throw new Error('the demo data has no Fred.Astaire item or no approval item for Alison');

  // One page for everything: the session lives in this tab's sessionStorage.
  const page = await browser.newPage({ baseURL, viewport: VIEWPORTS[0], locale: 'en-US' });
  await page.goto('/');
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await page.getByRole('button', { name: 'Sign in as Alison Ferguso' }).click();
  await page.getByRole('button', { name: 'Sign out' }).waitFor({ timeout: 30_000 });

  /** Each screen: where it is, and what shows that it has loaded (and may then open). */
  const screens = [
    ['dashboard', '/', async () => {
      await page.getByRole('list', { name: 'Work item counts' }).waitFor();
      await page.getByRole('link', { name: 'Create an Account' }).first().waitFor();
    }],
    ['tasks-pending', '/tasks/pending?page=1', async () => {
      // The table (wide) or the cards (narrow), once every page is in.
      await page.getByRole('status').filter({ hasText: /^[\d,]+ work items$/ }).waitFor();
      await page.getByRole('tabpanel').getByRole('link').first().waitFor();
    }],
    ['detail', `/items/${fred.id}`, async () => {
      await page.getByRole('heading', { level: 1, name: 'Create an Account' }).waitFor();
      await page.getByRole('region', { name: /Remediation items/ }).getByText('fred-astaire-sp').first().waitFor();
    }],
    ['dialog-approve-all', `/items/${approval.id}`, async () => {
      const approvals = page.getByRole('region', { name: /Approval items/ });
      await approvals.getByRole('button', { name: 'Approve All' }).click();
      await page.getByRole('dialog', { name: 'Approve items' }).waitFor();
    }],
  ];

  mkdirSync(out, { recursive: true });
  for (const viewport of VIEWPORTS) {
    await page.setViewportSize(viewport);
    for (const colorScheme of SCHEMES) {
      await page.emulateMedia({ colorScheme, reducedMotion: 'reduce' });
      for (const [name, path, ready] of screens) {
        await page.goto(path);
        await ready();
        await page.mouse.move(0, 0); // no hover state in the picture
        const file = join(out, `${name}-${colorScheme}-${viewport.width}.png`);
        await page.screenshot({ path: file, animations: 'disabled' });
        console.log(relative(root, file));
      }
    }
  }

  // The dashboard in Arabic, right to left, on a laptop and a phone, and in German on a
  // phone (the header's longest words): the language the header's menu would pick.
  const languages = [
    ['ar', 'rtl', 'أعداد المهام', VIEWPORTS[0]],
    ['ar', 'rtl', 'أعداد المهام', VIEWPORTS[1]],
    ['de', 'ltr', 'Anzahl der Arbeitselemente', VIEWPORTS[1]],
  ];
  await page.emulateMedia({ colorScheme: 'light', reducedMotion: 'reduce' });
  for (const [lang, dir, counts, viewport] of languages) {
    await page.evaluate((lang) => localStorage.setItem('my-tasks.language', lang), lang);
    await page.setViewportSize(viewport);
    await page.goto('/');
    await page.locator(`html[dir="${dir}"][lang="${lang}"]`).waitFor({ state: 'attached' });
    await page.getByRole('list', { name: counts }).waitFor();
    await page.getByRole('link', { name: 'Create an Account' }).first().waitFor();
    await page.mouse.move(0, 0);
    const file = join(out, `dashboard-${lang}-light-${viewport.width}.png`);
    await page.screenshot({ path: file, animations: 'disabled' });
    console.log(relative(root, file));
  }
} finally {
  await browser.close();
  child.kill('SIGKILL');
  rmSync(scratch, { recursive: true, force: true });
}
