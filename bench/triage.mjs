// Benchmark (not a test): Task Manager over a big queue.
//
//   node bench/triage.mjs [--sizes 5000,20000] [--rounds 3] [--sandbox target/release/sandbox] [--dist dist]
//
// For each size N (pending items for Alison Ferguso beyond the demo's, `--extra-items N`):
// 1. Load: navigation start to "N work items" (every page in), signed in already.
// 2. Search keystroke: "fred.astaire" typed one character at a time into Search; for each,
//    the time from the input event to the end of the work it causes (the app's effects ran,
//    then a forced layout), and the filter+sort computation alone (the app's performance
//    marks `mt-select-start` / `mt-select-end`). Goal: ≤ 16 ms at 5,000.
// 3. Sort: each order chosen in "Sort by", timed the same way, `rounds` times over.
// 4. Scroll (largest size only): the table scrolled by 120 px per animation frame for 240
//    frames; the intervals between frames (16.7 ms is 60 fps).
//
// It starts its own release sandbox (in-memory, the API rate limit as in production).
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createInterface } from 'node:readline';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(resolve(root, 'e2e', 'package.json'));
const { chromium } = require('@playwright/test');

const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const sizes = arg('sizes', '5000,20000').split(',').map(Number);
const rounds = Number(arg('rounds', '3'));
const binary = resolve(root, arg('sandbox', 'target/release/sandbox'));
const dist = resolve(root, arg('dist', 'dist'));
const ALISON = 'alison.ferguso';
const children = [];
const work = mkdtempSync(join(tmpdir(), 'my-tasks-bench-triage-'));

/** A release sandbox with demo data and `extra` items; gives its URL and Alison. */
async function startSandbox(extra) {
  const creds = join(work, `credentials-${extra}.json`);
  const child = spawn(binary, ['--listen', '127.0.0.1:0', '--in-memory', '--seed', 'demo',
    '--extra-items', String(extra), '--static-dir', dist, '--credentials-out', creds],
  { stdio: ['ignore', 'pipe', 'inherit'] });
  children.push(child);
  const url = await new Promise((ok, fail) => {
    child.once('exit', (code) => fail(new Error(`sandbox exited with ${code}`)));
    createInterface({ input: child.stdout }).on('line', (line) => {
      const m = line.match(/listening on (\S+)/);
      if (m) ok(m[1]);
    });
  });
  const { identities } = JSON.parse(readFileSync(creds, 'utf8'));
  return { url, alison: identities.find((i) => i.alias === ALISON), child };
}

/** A signed-in session for the app's sessionStorage, by the client-credentials grant. */
async function session(sandboxUrl, who) {
  const response = await fetch(`${sandboxUrl}/oauth/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'client_credentials', client_id: who.clientId, client_secret: who.clientSecret }),
  });
  const token = await response.json();
  return JSON.stringify({ access_token: token.access_token, refresh_token: null, expires_at_ms: Date.now() + 3_600_000 });
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const p95 = (xs) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * 0.95))];
const ms = (x) => `${x.toFixed(1)} ms`;
const stats = (xs) => `median ${ms(median(xs))}, p95 ${ms(p95(xs))}, max ${ms(Math.max(...xs))}`;

/** In the page: runs `act`, then times until its effects ran and layout is done. */
const TIMED = `window.__timed = async (act) => {
  performance.clearMarks();
  const t0 = performance.now();
  act();
  await new Promise((ok) => setTimeout(ok, 0));
  void document.body.offsetHeight;
  const total = performance.now() - t0;
  const start = performance.getEntriesByName('mt-select-start').pop();
  const end = performance.getEntriesByName('mt-select-end').pop();
  return { total, select: start && end ? end.startTime - start.startTime : NaN };
};`;

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--no-first-run'],
});

try {
  for (const [i, extra] of sizes.entries()) {
    const sandbox = await startSandbox(extra);
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    await context.addInitScript((s) => sessionStorage.setItem('my-tasks.session', s), await session(sandbox.url, sandbox.alison));
    await context.addInitScript(TIMED);
    const page = await context.newPage();
    await page.goto(`${sandbox.url}/tasks/pending`, { waitUntil: 'commit' });
    const loaded = await (await page.waitForFunction(() => {
      const text = document.querySelector('.mt-progress__text')?.textContent ?? '';
      return /^[\d,]+ work items$/.test(text) && performance.now();
    }, null, { polling: 'raf', timeout: 120_000 })).jsonValue();
    const total = await page.locator('.mt-table').getAttribute('aria-rowcount');
    console.log(`${extra} extra items (${Number(total) - 1} pending): all loaded in ${ms(loaded)} from navigation start`);

    const keystrokes = [];
    const text = 'fred.astaire';
    for (let n = 1; n <= text.length; n++) {
      keystrokes.push(await page.evaluate((value) => window.__timed(() => {
        const input = document.querySelector('input[type=search]');
        input.value = value;
        input.dispatchEvent(new Event('input', { bubbles: true }));
      }), text.slice(0, n)));
    }
    const shown = await page.locator('.mt-table').getAttribute('aria-rowcount');
    console.log(`  search keystroke (${text.length} keys, ${Number(shown) - 1} left): input to layout ${stats(keystrokes.map((k) => k.total))}; filter+sort ${stats(keystrokes.map((k) => k.select))}`);
    await page.evaluate(() => window.__timed(() => {
      const input = document.querySelector('input[type=search]');
      input.value = '';
      input.dispatchEvent(new Event('input', { bubbles: true }));
    }));

    const sorts = [];
    const orders = ['oldest', 'name', 'name-desc', 'type', 'source', 'modified', 'newest'];
    for (const value of Array.from({ length: rounds }, () => orders).flat()) {
      sorts.push(await page.evaluate((v) => window.__timed(() => {
        const select = [...document.querySelectorAll('select')].find((s) => [...s.options].some((o) => o.value === 'name-desc'));
        select.value = v;
        select.dispatchEvent(new Event('change', { bubbles: true }));
      }), value));
    }
    console.log(`  sort (7 orders × ${rounds} over all): input to layout ${stats(sorts.map((k) => k.total))}; sort alone ${stats(sorts.map((k) => k.select))}`);

    if (i === sizes.length - 1) {
      const frames = await page.evaluate(() => new Promise((ok) => {
        const scroller = document.querySelector('.mt-table__scroll');
        const times = [];
        const step = (t) => {
          times.push(t);
          if (times.length > 240) {
            ok(times.slice(1).map((x, k) => x - times[k]));
            return;
          }
          scroller.scrollTop += 120;
          requestAnimationFrame(step);
        };
        requestAnimationFrame(step);
      }));
      const rows = await page.locator('.mt-table tbody tr').count();
      console.log(`  scroll (120 px per frame, 240 frames): frame interval ${stats(frames)}; ${rows} rows in the DOM`);
    }
    await context.close();
    sandbox.child.kill('SIGTERM');
  }
} finally {
  await browser.close();
  for (const child of children) child.kill('SIGTERM');
  rmSync(work, { recursive: true, force: true });
}
