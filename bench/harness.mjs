// What every benchmark script here shares: its options, a sandbox of its own, a signed-in
// session, headless Chromium, and medians. Benchmarks print figures for the README; they
// are not tests and the test command never runs them.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createInterface } from 'node:readline';

/** The repository's root. */
export const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

// Playwright comes from the browser tests' install (e2e/node_modules).
const require = createRequire(resolve(root, 'e2e', 'package.json'));
const { chromium } = require('@playwright/test');

/** The value after `--name` on the command line, or `fallback`. */
export function arg(name, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
}

/** The identity the benchmarks sign in as: the demo data's busiest approver. */
export const ALISON = 'alison.ferguso';

const children = [];
const work = mkdtempSync(join(tmpdir(), 'my-tasks-bench-'));

/** Keeps `child` to be stopped by `cleanUp`. */
export function adopt(child) {
  children.push(child);
  return child;
}

/**
 * A sandbox on a free port, in memory with the demo data, serving `dist`. `extra` more
 * pending items for Alison; `args` are further sandbox options. Gives its URL, Alison's
 * client credentials and the process.
 */
export async function startSandbox({ binary, dist, extra = 0, args = [] }) {
  const creds = join(work, `credentials-${children.length}.json`);
  const child = adopt(spawn(resolve(root, binary), ['--listen', '127.0.0.1:0', '--in-memory',
    '--seed', 'demo', '--extra-items', String(extra), '--static-dir', resolve(root, dist),
    '--credentials-out', creds, ...args], { stdio: ['ignore', 'pipe', 'inherit'] }));
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

/** A folder for this run's files, removed by `cleanUp`. */
export const workDir = work;

/** A signed-in session for the app's sessionStorage, by the client-credentials grant. */
export async function session(sandboxUrl, who) {
  const response = await fetch(`${sandboxUrl}/oauth/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'client_credentials', client_id: who.clientId, client_secret: who.clientSecret }),
  });
  const token = await response.json();
  return JSON.stringify({ access_token: token.access_token, refresh_token: null, expires_at_ms: Date.now() + 3_600_000 });
}

/** Puts `saved` (from `session`) where the app looks for a session, before any page loads. */
export async function signIn(context, saved) {
  await context.addInitScript((s) => sessionStorage.setItem('my-tasks.session', s), saved);
}

/** Headless Chromium, with the flags this machine's closed network needs. */
export function launchChromium() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

/** Stops every process this run started and removes its files. */
export function cleanUp() {
  for (const child of children) child.kill('SIGTERM');
  rmSync(work, { recursive: true, force: true });
}

/**
 * Milliseconds from navigation start until `selector` first matched something on the
 * page (`seen`: a row of the boot script's preview, `#mt-preview`, or of the app), and
 * until it matched a row of the app itself (`app`: interactive).
 */
export async function firstRows(page, selector, timeout = 60_000) {
  const handle = await page.waitForFunction((s) => {
    const rows = [...document.querySelectorAll(s)];
    if (rows.length && globalThis.mtBenchSeen === undefined) globalThis.mtBenchSeen = performance.now();
    return rows.some((row) => !row.closest('#mt-preview'))
      && { seen: globalThis.mtBenchSeen, app: performance.now() };
  }, selector, { polling: 'raf', timeout });
  return handle.jsonValue();
}

export const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
