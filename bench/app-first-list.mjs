// Benchmark: time from navigation to the first rendered Task Manager row, against a local
// sandbox serving the built app (dist/). Not a test: it prints figures for the README.
//
//   node bench/app-first-list.mjs [--runs 10] [--sandbox target/debug/sandbox] [--dist dist]
//
// It starts its own sandbox (in-memory demo data), signs in once as Alison Ferguso, then
// reloads /tasks/pending?page=1 `runs` times and reads, in the page, performance.now() when
// the first row appears (milliseconds since navigation start). The first load is reported
// apart (cold cache), the rest as median / min / max.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createInterface } from 'node:readline';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(resolve(root, 'e2e', 'package.json'));
const { chromium } = require('@playwright/test');

const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const runs = Number(arg('runs', '10'));
const binary = resolve(root, arg('sandbox', process.env.SANDBOX_BIN ?? 'target/debug/sandbox'));
const dist = resolve(root, arg('dist', 'dist'));

const child = spawn(binary, ['--listen', '127.0.0.1:0', '--in-memory', '--seed', 'demo', '--static-dir', dist],
  { stdio: ['ignore', 'pipe', 'inherit'] });
const baseURL = await new Promise((ok, fail) => {
  child.once('exit', (code) => fail(new Error(`sandbox exited with ${code}`)));
  createInterface({ input: child.stdout }).on('line', (line) => {
    const m = line.match(/listening on (\S+)/);
    if (m) ok(m[1]);
  });
});

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--no-first-run'],
});
try {
  const page = await browser.newPage();
  const path = '/tasks/pending?page=1';
  await page.goto(baseURL + path);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await page.getByRole('button', { name: 'Sign in as Alison Ferguso' }).click();
  await page.waitForURL(baseURL + path);
  const firstRow = () => page.waitForFunction(
    () => document.querySelector('.mt-table__row, .mt-list .mt-row') && performance.now(), null, { polling: 'raf', timeout: 30_000 });
  // The first load after sign-in: code exchange aside, it fetched the wasm cold.
  await firstRow();
  const times = [];
  for (let i = 0; i < runs; i++) {
    await page.goto(baseURL + path);
    times.push(await (await firstRow()).jsonValue());
  }
  times.sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)];
  console.log(`navigation → first rendered list row (${runs} warm reloads): median ${median.toFixed(0)} ms, ` +
    `min ${times[0].toFixed(0)} ms, max ${times.at(-1).toFixed(0)} ms`);
} finally {
  await browser.close();
  child.kill('SIGKILL');
}
