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
import { arg, cleanUp, launchChromium, median, session, signIn, startSandbox } from './harness.mjs';

const sizes = arg('sizes', '5000,20000').split(',').map(Number);
const rounds = Number(arg('rounds', '3'));
const binary = arg('sandbox', 'target/release/sandbox');
const dist = arg('dist', 'dist');

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

const browser = await launchChromium();

try {
  for (const [i, extra] of sizes.entries()) {
    const sandbox = await startSandbox({ binary, dist, extra });
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    await signIn(context, await session(sandbox.url, sandbox.alison));
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
  cleanUp();
}
