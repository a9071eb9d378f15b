// Benchmark (not a test): how fast a person sees their first work item.
//
//   node bench/first-visit.mjs [--runs 5] [--sandbox target/release/sandbox] [--dist dist]
//                              [--extra-items 100000] [--warm-runs 10] [--locale en-US]
//
// 1. Cold visit over slow 4G (Chromium emulation: 1.6 Mbit/s down, 750 kbit/s up, 150 ms
//    round trip), cache disabled, already signed in (a session put in sessionStorage before
//    the page loads): navigation start to the first rendered row of /widget and of
//    /tasks/pending, median of `runs`, served by the sandbox and by nginx in front of it.
//    Two figures each: the first row seen (on /tasks/pending usually the boot script's
//    preview, assets/preview.js) and the first row of the app itself (interactive).
// 2. Warm navigation with `extra-items` more pending items for Alison Ferguso: reloads with
//    a warm cache, no throttling, median of `warm-runs`.
//
// `locale` is the browser's language (`de-DE` and `ar` load that language's catalogue file
// beside the wasm; English is in the wasm).
//
// It starts its own release sandbox (in-memory) and nginx (deploy/nginx) on free ports.
import { execFileSync, spawn } from 'node:child_process';
import { createServer, connect } from 'node:net';
import { userInfo } from 'node:os';
import { join, resolve } from 'node:path';
import {
  adopt, arg, cleanUp, firstRows, launchChromium, median, root, session, signIn, startSandbox, workDir,
} from './harness.mjs';

const runs = Number(arg('runs', '5'));
const warmRuns = Number(arg('warm-runs', '10'));
const extraItems = arg('extra-items', '100000');
const binary = arg('sandbox', 'target/release/sandbox');
const dist = arg('dist', 'dist');
const locale = arg('locale', 'en-US');

/** Slow 4G as the issue measured it. */
const SLOW_4G = { offline: false, latency: 150, downloadThroughput: 1.6e6 / 8, uploadThroughput: 750e3 / 8 };

/** What "the first rendered row" is on each page. */
const ROWS = { '/widget': '.mt-widget__item', '/tasks/pending': '.mt-table__row, .mt-list .mt-row' };

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

/** A release sandbox with demo data and `extra` more items, without the API's rate limit. */
const startDemo = (extra) => startSandbox({ binary, dist, extra, args: ['--rate-limit-requests', '100000'] });

/** nginx from deploy/nginx in front of `upstream`; gives its URL. */
async function startNginx(upstream) {
  const port = await freePort();
  const conf = join(workDir, `nginx-${port}`);
  execFileSync(join(root, 'deploy', 'nginx', 'render.sh'), [conf], {
    // Workers serve as the user running the benchmark (root on this machine).
    env: { ...process.env, MT_LISTEN: `127.0.0.1:${port}`, MT_ROOT: resolve(root, dist), MT_UPSTREAM: upstream,
      MT_USER: userInfo().username },
  });
  adopt(spawn('nginx', ['-p', conf, '-c', join(conf, 'nginx.conf')], { stdio: 'inherit' }));
  await waitForPort(port);
  return `http://127.0.0.1:${port}`;
}

const fmt = (xs) => `median ${median(xs).toFixed(0)} ms (${Math.min(...xs).toFixed(0)}–${Math.max(...xs).toFixed(0)})`;

const browser = await launchChromium();

/** One cold visit of `path` on `base` over slow 4G, signed in with `saved`. */
async function coldVisit(base, path, saved) {
  const context = await browser.newContext({ locale });
  await signIn(context, saved);
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  await cdp.send('Network.emulateNetworkConditions', SLOW_4G);
  await page.goto(base + path, { waitUntil: 'commit' });
  const ms = await firstRows(page, ROWS[path]);
  await context.close();
  return ms;
}

/** Both figures of `runs` ({ seen, app } each), as two medians. */
const report = (runs) => `first row seen ${fmt(runs.map((r) => r.seen))}; the app's first row ${fmt(runs.map((r) => r.app))}`;

try {
  console.log(`Cold visit, slow 4G, empty cache, signed in, ${locale} (median of ${runs}):`);
  const demo = await startDemo(0);
  const viaNginx = await startNginx(demo.url);
  for (const [label, base] of [['sandbox', demo.url], ['nginx', viaNginx]]) {
    for (const path of Object.keys(ROWS)) {
      const times = [];
      for (let i = 0; i < runs; i++) times.push(await coldVisit(base, path, await session(demo.url, demo.alison)));
      console.log(`  ${label.padEnd(8)} ${path.padEnd(15)} ${report(times)}`);
    }
  }

  console.log(`Warm navigation with ${extraItems} extra pending items (median of ${warmRuns}):`);
  const big = await startDemo(extraItems);
  const context = await browser.newContext({ locale });
  await signIn(context, await session(big.url, big.alison));
  const page = await context.newPage();
  for (const path of Object.keys(ROWS)) {
    await page.goto(big.url + path);
    await firstRows(page, ROWS[path]);
    const times = [];
    for (let i = 0; i < warmRuns; i++) {
      // From the first byte on, so the clock reads when the row appears, not after `load`.
      await page.goto(big.url + path, { waitUntil: 'commit' });
      times.push(await firstRows(page, ROWS[path]));
    }
    console.log(`  sandbox  ${path.padEnd(15)} ${report(times)}`);
  }
} finally {
  await browser.close();
  cleanUp();
}
