// Benchmark (not a test): how fast a person sees their first work item.
//
//   node bench/first-visit.mjs [--runs 5] [--sandbox target/release/sandbox] [--dist dist]
//                              [--extra-items 100000] [--warm-runs 10]
//
// 1. Cold visit over slow 4G (Chromium emulation: 1.6 Mbit/s down, 750 kbit/s up, 150 ms
//    round trip), cache disabled, already signed in (a session put in sessionStorage before
//    the page loads): navigation start to the first rendered row of /widget and of
//    /tasks/pending, median of `runs`, served by the sandbox and by nginx in front of it.
// 2. Warm navigation with `extra-items` more pending items for Alison Ferguso: reloads with
//    a warm cache, no throttling, median of `warm-runs`.
//
// It starts its own release sandbox (in-memory) and nginx (deploy/nginx) on free ports.
import { spawn, execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, connect } from 'node:net';
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
const runs = Number(arg('runs', '5'));
const warmRuns = Number(arg('warm-runs', '10'));
const extraItems = arg('extra-items', '100000');
const binary = resolve(root, arg('sandbox', 'target/release/sandbox'));
const dist = resolve(root, arg('dist', 'dist'));
const ALISON = 'alison.ferguso';

/** Slow 4G as the issue measured it. */
const SLOW_4G = { offline: false, latency: 150, downloadThroughput: 1.6e6 / 8, uploadThroughput: 750e3 / 8 };

/** What "the first rendered row" is on each page. */
const ROWS = { '/widget': '.mt-widget__item', '/tasks/pending': '.mt-table__row, .mt-list .mt-row' };

const children = [];
const work = mkdtempSync(join(tmpdir(), 'my-tasks-bench-'));

async function freePort() {
  const server = createServer();
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address();
  await new Promise((ok) => server.close(ok));
  return port;
}

async function waitForPort(port) {
  for (let i = 0; i < 200; i++) {
    const open = await new Promise((ok) => {
      const s = connect(port, '127.0.0.1', () => { s.end(); ok(true); });
      s.on('error', () => ok(false));
    });
    if (open) return;
    await new Promise((ok) => setTimeout(ok, 50));
  }
  throw new Error(`nothing listens on ${port}`);
}

/** A release sandbox with demo data (and `extra` items); gives its URL and credentials. */
async function startSandbox(extra) {
  const creds = join(work, `credentials-${extra}.json`);
  const child = spawn(binary, ['--listen', '127.0.0.1:0', '--in-memory', '--seed', 'demo',
    '--extra-items', String(extra), '--static-dir', dist, '--credentials-out', creds,
    '--rate-limit-requests', '100000'], { stdio: ['ignore', 'pipe', 'inherit'] });
  children.push(child);
  const url = await new Promise((ok, fail) => {
    child.once('exit', (code) => fail(new Error(`sandbox exited with ${code}`)));
    createInterface({ input: child.stdout }).on('line', (line) => {
      const m = line.match(/listening on (\S+)/);
      if (m) ok(m[1]);
    });
  });
  const { identities } = JSON.parse(readFileSync(creds, 'utf8'));
  return { url, alison: identities.find((i) => i.alias === ALISON) };
}

/** nginx from deploy/nginx in front of `upstream`; gives its URL. */
async function startNginx(upstream) {
  const port = await freePort();
  const conf = join(work, `nginx-${port}`);
  execFileSync(join(root, 'deploy', 'nginx', 'render.sh'), [conf], {
    env: { ...process.env, MT_LISTEN: `127.0.0.1:${port}`, MT_ROOT: dist, MT_UPSTREAM: upstream },
  });
  const child = spawn('nginx', ['-p', conf, '-c', join(conf, 'nginx.conf')], { stdio: 'inherit' });
  children.push(child);
  await waitForPort(port);
  return `http://127.0.0.1:${port}`;
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

/** Milliseconds from navigation start to the first `selector` on the page. */
async function firstRow(page, selector) {
  const handle = await page.waitForFunction(
    (s) => document.querySelector(s) && performance.now(), selector, { polling: 'raf', timeout: 60_000 });
  return handle.jsonValue();
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const fmt = (xs) => `median ${median(xs).toFixed(0)} ms (${Math.min(...xs).toFixed(0)}–${Math.max(...xs).toFixed(0)})`;

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--no-first-run'],
});

/** One cold visit of `path` on `base` over slow 4G, signed in with `saved`. */
async function coldVisit(base, path, saved) {
  const context = await browser.newContext();
  await context.addInitScript((s) => sessionStorage.setItem('my-tasks.session', s), saved);
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  await cdp.send('Network.emulateNetworkConditions', SLOW_4G);
  await page.goto(base + path, { waitUntil: 'commit' });
  const ms = await firstRow(page, ROWS[path]);
  await context.close();
  return ms;
}

try {
  console.log(`Cold visit, slow 4G, empty cache, signed in (median of ${runs}):`);
  const demo = await startSandbox(0);
  const viaNginx = await startNginx(demo.url);
  for (const [label, base] of [['sandbox', demo.url], ['nginx', viaNginx]]) {
    for (const path of Object.keys(ROWS)) {
      const times = [];
      for (let i = 0; i < runs; i++) times.push(await coldVisit(base, path, await session(demo.url, demo.alison)));
      console.log(`  ${label.padEnd(8)} ${path.padEnd(15)} ${fmt(times)}`);
    }
  }

  console.log(`Warm navigation with ${extraItems} extra pending items (median of ${warmRuns}):`);
  const big = await startSandbox(extraItems);
  const context = await browser.newContext();
  await context.addInitScript((s) => sessionStorage.setItem('my-tasks.session', s), await session(big.url, big.alison));
  const page = await context.newPage();
  for (const path of Object.keys(ROWS)) {
    await page.goto(big.url + path);
    await firstRow(page, ROWS[path]);
    const times = [];
    for (let i = 0; i < warmRuns; i++) {
      // From the first byte on, so the clock reads when the row appears, not after `load`.
      await page.goto(big.url + path, { waitUntil: 'commit' });
      times.push(await firstRow(page, ROWS[path]));
    }
    console.log(`  sandbox  ${path.padEnd(15)} ${fmt(times)}`);
  }
} finally {
  await browser.close();
  for (const child of children) child.kill('SIGTERM');
  rmSync(work, { recursive: true, force: true });
}
