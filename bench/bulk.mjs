// Benchmark: wall time of a bulk Approve All over N work items (default 200), in the built
// app (dist/) against a local sandbox at its default rate limit (100 requests per 10 s per
// identity). Not a test: it prints figures for the README.
//
//   node bench/bulk.mjs [--items 200] [--sandbox target/release/sandbox] [--dist dist]
//
// The sandbox gets 3 × N generated items (a third of them approvals). The list the app
// loads is answered with the first N items that have approval items waiting (the app's
// queue loader gets them as its first page and nothing after); everything else (the bulk
// requests, the counts) goes to the sandbox.
// Timed: from the click on the confirmation's "Approve All" to "Finished: N done." on the
// screen, read in the page with performance.now().
import { arg, cleanUp, launchChromium, startSandbox } from './harness.mjs';

const n = Number(arg('items', '200'));
const binary = arg('sandbox', process.env.SANDBOX_BIN ?? 'target/release/sandbox');
const dist = arg('dist', 'dist');

const { url: baseURL } = await startSandbox({ binary, dist, extra: 3 * n });
const browser = await launchChromium();
const waiting = (i) => (i.approvalItems ?? []).some((a) => a.state === null || a.state === 'Pending');
try {
  const page = await browser.newPage();
  let posts = 0;
  page.on('request', (r) => { if (r.method() === 'POST' && r.url().includes('/bulk-approve/')) posts++; });
  // The list: every page of the sandbox's answer, narrowed to N items with approvals.
  await page.route(/\/v2024\/work-items\?/, async (route) => {
    const request = route.request();
    // The app loads the queue page by page: the chosen items are the first page, all of it.
    if (Number(new URL(request.url()).searchParams.get('offset') ?? '0') > 0) {
      await route.fulfill({ status: 200, contentType: 'application/json',
        headers: { 'X-Total-Count': String(n) }, body: '[]' });
      return;
    }
    const all = [];
    for (let offset = 0; ; offset += 250) {
      const url = new URL(request.url());
      url.searchParams.set('offset', String(offset));
      url.searchParams.set('limit', '250');
      const answer = await route.fetch({ url: url.toString() });
      const items = await answer.json();
      all.push(...items);
      if (items.length < 250) break;
    }
    const chosen = all.filter(waiting).slice(0, n);
    await route.fulfill({ status: 200, contentType: 'application/json',
      headers: { 'X-Total-Count': String(chosen.length) }, body: JSON.stringify(chosen) });
  });
  const path = '/tasks/pending';
  await page.goto(baseURL + path);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await page.getByRole('button', { name: 'Sign in as Alison Ferguso' }).click();
  await page.waitForURL(baseURL + path);
  const bar = page.getByRole('region', { name: 'Selected work items' });
  await bar.getByRole('button', { name: `Select all ${n} matching` }).click();
  await bar.getByRole('button', { name: 'Approve All' }).click();
  const confirm = page.getByRole('dialog', { name: 'Approve All: confirm' });
  await confirm.getByText(`of ${n} work items?`).waitFor();
  const started = await page.evaluate(() => performance.now());
  await confirm.getByRole('button', { name: 'Approve All' }).click();
  const done = await page.waitForFunction((text) => {
    const status = document.querySelector('[role=dialog] [role=status]');
    return status?.textContent === text && performance.now();
  }, `Finished: ${n} done.`, { polling: 'raf', timeout: 120_000 });
  const ms = (await done.jsonValue()) - started;
  console.log(`bulk Approve All over ${n} work items: ${(ms / 1000).toFixed(1)} s wall ` +
    `(${posts} POSTs, ${(posts / (ms / 1000)).toFixed(1)} per second; at most 4 in flight, ` +
    `at most 90 started in any 10 s)`);
} finally {
  await browser.close();
  cleanUp();
}
