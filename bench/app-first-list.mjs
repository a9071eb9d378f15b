// Benchmark: time from navigation to the first rendered Task Manager row, against a local
// sandbox serving the built app (dist/). Not a test: it prints figures for the README.
//
//   node bench/app-first-list.mjs [--runs 10] [--sandbox target/debug/sandbox] [--dist dist]
//
// It starts its own sandbox (in-memory demo data), signs in once as Alison Ferguso, then
// reloads /tasks/pending `runs` times and reads, in the page, performance.now() when
// the first row of the app appears (milliseconds since navigation start; a row of the boot
// script's preview, assets/preview.js, does not count). The first load is reported apart
// (cold cache), the rest as median / min / max.
import { arg, cleanUp, firstRows, launchChromium, median, startSandbox } from './harness.mjs';

const runs = Number(arg('runs', '10'));
const binary = arg('sandbox', process.env.SANDBOX_BIN ?? 'target/debug/sandbox');
const dist = arg('dist', 'dist');
const ROW = '.mt-table__row, .mt-list .mt-row';

const { url: baseURL } = await startSandbox({ binary, dist });
const browser = await launchChromium();
try {
  const page = await browser.newPage();
  const path = '/tasks/pending';
  await page.goto(baseURL + path);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await page.getByRole('button', { name: 'Sign in as Alison Ferguso' }).click();
  await page.waitForURL(baseURL + path);
  // The first load after sign-in: code exchange aside, it fetched the wasm cold.
  await firstRows(page, ROW, 30_000);
  const times = [];
  for (let i = 0; i < runs; i++) {
    await page.goto(baseURL + path);
    times.push((await firstRows(page, ROW, 30_000)).app);
  }
  console.log(`navigation → first rendered list row (${runs} warm reloads): median ${median(times).toFixed(0)} ms, ` +
    `min ${Math.min(...times).toFixed(0)} ms, max ${Math.max(...times).toFixed(0)} ms`);
} finally {
  await browser.close();
  cleanUp();
}
