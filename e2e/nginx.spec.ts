// The deployment shape: the release build behind a real nginx (deploy/nginx, rendered per
// test) that proxies the API to a fresh sandbox, with the production CSP in force. Any
// console error or CSP violation fails these tests (strictConsole).
import type { APIRequestContext, Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer as createHttpsServer } from 'node:https';
import { createServer as createHttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { test, expect, type Sandbox, DIST, ROOT, startNginx } from './fixtures';
import { findPending, signIn, signInInPopup, undecided } from './actions-helpers';

const ALISON = 'alison.ferguso';

/** The file names of the hashed assets a built index.html loads. */
async function assetsOf(request: APIRequestContext, path: string): Promise<string[]> {
  const html = await (await request.get(path)).text();
  return [...html.matchAll(/(?:href|src)="([^"]+-[0-9a-f]{1,16}(?:_bg)?\.(?:js|wasm|css))"/g)].map((m) => m[1]);
}

/** Headers every response of the deployment must carry. */
function expectBaseHeaders(headers: Record<string, string>, what: string) {
  expect(headers['x-content-type-options'], what).toBe('nosniff');
  expect(headers['referrer-policy'], what).toBe('no-referrer');
}

/** The CSP of an app document: strict, with the given frame-ancestors. */
function expectAppCsp(headers: Record<string, string>, frameAncestors: RegExp) {
  const csp = headers['content-security-policy'] ?? '';
  expect(csp).toContain("script-src 'self' 'wasm-unsafe-eval'");
  expect(csp).toContain("default-src 'self'");
  expect(csp).toMatch(/connect-src 'self'/);
  expect(csp).not.toMatch(/\s;/);
  expect(csp).not.toMatch(/unsafe-inline|'unsafe-eval'/);
  expect(csp).toMatch(frameAncestors);
}

test.describe('behind nginx', () => {
  test.use({ through: 'nginx', strictConsole: true });

  test('a person signs in, approves an item and sees the counts change, all through nginx', async ({ page, sandbox }) => {
    const { item, alias } = await findPending(sandbox, (i) => undecided(i).length >= 2);
    const count = undecided(item).length;
    const before = await sandbox.getJson(alias, '/v2024/work-items/count');
    await signIn(page, sandbox, alias, `/items/${item.id}`);
    await page.getByRole('button', { name: 'Approve All' }).click();
    const dialog = page.getByRole('dialog');
    await expect(dialog).toContainText(`Approve all ${count} pending approval items`);
    await dialog.getByRole('button', { name: 'Approve All' }).click();
    await expect(page.getByRole('status').filter({ hasText: `Approved ${count} items` })).toBeVisible();
    await page.getByRole('link', { name: 'Task Manager', exact: true }).click();
    await expect(page.getByRole('tab', { name: 'Pending' })).toContainText(String(before.count - 1));
  });

  test('nginx sends the security headers, caching and compression of a deployment', async ({ request, sandbox }) => {
    for (const path of ['/', '/tasks/pending', '/items/some-id', '/auth/callback']) {
      const response = await request.get(path);
      expect(response.status(), path).toBe(200);
      const headers = response.headers();
      expectBaseHeaders(headers, path);
      expectAppCsp(headers, /frame-ancestors 'none'/);
      expect(headers['cache-control'], path).toBe('no-cache');
    }
    const widget = await request.get('/widget');
    expectAppCsp(widget.headers(), /frame-ancestors 'self'\s*(;|$)/);

    const config = await request.get('/config.json');
    expect(config.headers()['cache-control']).toBe('no-cache');
    expectBaseHeaders(config.headers(), 'config.json');

    const assets = [...await assetsOf(request, '/'), ...await assetsOf(request, '/widget')];
    expect(assets.some((a) => a.endsWith('.wasm'))).toBeTruthy();
    expect(assets.some((a) => a.startsWith('/w/'))).toBeTruthy();
    for (const asset of assets) {
      const br = await request.get(asset, { headers: { 'Accept-Encoding': 'br' } });
      expect(br.status(), asset).toBe(200);
      expect(br.headers()['content-encoding'], asset).toBe('br');
      expect(br.headers()['cache-control'], asset).toBe('public, max-age=31536000, immutable');
      expectBaseHeaders(br.headers(), asset);
      const gz = await request.get(asset, { headers: { 'Accept-Encoding': 'gzip' } });
      expect(gz.headers()['content-encoding'], asset).toBe('gzip');
    }
    const wasm = assets.find((a) => a.endsWith('.wasm'))!;
    expect((await request.get(wasm)).headers()['content-type']).toBe('application/wasm');

    // API bodies are compressed on the way through.
    const list = await request.get('/v2024/work-items?limit=50', {
      headers: { Authorization: `Bearer ${await sandbox.token(ALISON)}`, 'Accept-Encoding': 'gzip' },
    });
    expect(list.status()).toBe(200);
    expect(list.headers()['content-encoding']).toBe('gzip');
    expect((await list.json()).length).toBeGreaterThan(0);

    // Only the app's routes are the app.
    for (const path of ['/no-such-page', '/w/index.html', '/w/']) {
      expect((await request.get(path)).status(), path).toBe(404);
    }
    // A hashed asset that is not there (yet: a browser may have the new index.html before the
    // new files are in place) is not cached, least of all for a year.
    const missing = await request.get('/main-0123456789abcdef.css');
    expect(missing.status()).toBe(404);
    expect(missing.headers()['cache-control']).toBe('no-store');
    expectBaseHeaders(missing.headers(), 'a missing asset');
    // What nginx refuses before it chooses a location carries the headers too.
    const long = await request.get(`/tasks/${'a'.repeat(9_000)}`);
    expect(long.status()).toBe(414);
    expectBaseHeaders(long.headers(), 'a request line too long');
    // What is not an app document has a CSP that allows nothing: a miss, an asset, an API
    // answer (here a 401), a refusal.
    const nothing = "default-src 'none'; frame-ancestors 'none'";
    for (const [path, status] of [['/no-such-page', 404], [assets[0], 200], ['/config.json', 200],
      ['/v2024/work-items', 401], [`/tasks/${'a'.repeat(9_000)}`, 414]] as const) {
      const response = await request.get(path);
      expect(response.status(), path.slice(0, 40)).toBe(status);
      expect(response.headers()['content-security-policy'], path.slice(0, 40)).toBe(nothing);
    }
    // A range past a hashed asset's end: no range is served (it was a 416 with the headers of
    // a 200 twice over, cached for a year).
    const ranged = await request.get(assets[0], { headers: { Range: 'bytes=99999999-', 'Accept-Encoding': 'identity' } });
    expect(ranged.status()).toBe(200);
    expect(ranged.headersArray().filter((h) => h.name.toLowerCase() === 'cache-control')).toHaveLength(1);
    // The icon is hashed too: cached for a year.
    const icon = (await (await request.get('/')).text()).match(/href="(\/favicon-[0-9a-f]{1,16}\.svg)"/)![1];
    expect((await request.get(icon)).headers()['cache-control']).toBe('public, max-age=31536000, immutable');
    // The sign-in page (from the upstream) refuses to be framed.
    const query = new URLSearchParams({
      response_type: 'code', client_id: 'my-tasks', redirect_uri: `${sandbox.baseURL}/auth/callback`,
      state: 'st', code_challenge: 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM', code_challenge_method: 'S256',
    });
    const authorize = await request.get(`/oauth/authorize?${query}`);
    expect(authorize.status()).toBe(200);
    expect(authorize.headers()['x-frame-options']).toBe('DENY');
    expect(authorize.headers()['content-security-policy'] ?? '').toContain("frame-ancestors 'none'");
  });
});

test('nginx refuses an https upstream whose certificate does not chain to its trusted CAs', async ({ playwright }) => {
  // Tokens, codes and client secrets go through the proxy: an upstream that cannot prove it
  // is the tenant gets none of them. A self-signed certificate for localhost stands in for an
  // impostor; naming that certificate as the trusted CA shows that trust is all that differs.
  const dir = mkdtempSync(join(tmpdir(), 'my-tasks-tls-'));
  const key = join(dir, 'key.pem');
  const cert = join(dir, 'cert.pem');
  execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=localhost',
    '-addext', 'subjectAltName=DNS:localhost', '-keyout', key, '-out', cert], { stdio: 'ignore' });
  const seen: string[] = [];
  const upstream = createHttpsServer({ key: readFileSync(key), cert: readFileSync(cert) }, (req, res) => {
    seen.push(req.headers.authorization ?? '');
    res.writeHead(200, { 'Content-Type': 'application/json' });
    res.end('[]');
  });
  await new Promise<void>((ok) => upstream.listen(0, '127.0.0.1', ok));
  const { port } = upstream.address() as AddressInfo;
  const http = await playwright.request.newContext();
  try {
    for (const [trusted, status] of [[false, 502], [true, 200]] as const) {
      const run = join(dir, String(trusted));
      const nginx = await startNginx(run, DIST, `https://localhost:${port}`, '', trusted ? { MT_UPSTREAM_CA: cert } : {});
      try {
        const response = await http.get(`${nginx.url}/v2024/work-items`, { headers: { Authorization: 'Bearer secret' } });
        expect(response.status(), trusted ? 'trusted' : 'untrusted').toBe(status);
      } finally {
        nginx.process.kill('SIGTERM');
      }
    }
    // The impostor saw only the request made while its certificate was trusted.
    expect(seen).toEqual(['Bearer secret']);
  } finally {
    await http.dispose();
    upstream.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('render.sh refuses half a TLS setting, and writes nothing when it refuses', () => {
  const dir = mkdtempSync(join(tmpdir(), 'my-tasks-render-'));
  const render = (settings: Record<string, string>) => {
    try {
      execFileSync(join(ROOT, 'deploy', 'nginx', 'render.sh'), [join(dir, 'nginx')], {
        env: { ...process.env, MT_ROOT: DIST, MT_UPSTREAM: 'http://127.0.0.1:9', MT_USER: userInfo().username, ...settings },
        stdio: ['ignore', 'ignore', 'pipe'],
      });
      return '';
    } catch (error) {
      return String((error as { stderr: Buffer }).stderr);
    }
  };
  try {
    // A certificate without `ssl` would serve plain HTTP with HSTS; `ssl` without one fails.
    expect(render({ MT_LISTEN: '127.0.0.1:9443', MT_TLS_CERT: '/c.pem', MT_TLS_KEY: '/k.pem' })).toContain("must include 'ssl'");
    expect(render({ MT_LISTEN: '127.0.0.1:9443 ssl' })).toContain('set MT_TLS_CERT and MT_TLS_KEY');
    expect(render({ MT_LISTEN: '127.0.0.1:9443', MT_SERVER_NAME: 'tasks;evil' })).toContain('not a list of server names');
    // Each value goes into the config as it is: what would change its meaning is refused.
    expect(render({ MT_LISTEN: '127.0.0.1:9443; include /etc/passwd' })).toContain('not what listen takes');
    expect(render({ MT_LISTEN: '127.0.0.1:9443', MT_ROOT: '/srv/a|b' })).toContain('not a plain absolute path');
    expect(existsSync(join(dir, 'nginx'))).toBe(false);
    expect(render({ MT_LISTEN: '127.0.0.1:9443', MT_SERVER_NAME: 'tasks.acme.example' })).toBe('');
    expect(readFileSync(join(dir, 'nginx', 'my-tasks.conf'), 'utf8')).toMatch(/^\s*server_name tasks\.acme\.example;$/m);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('with a certificate nginx speaks TLS and asks browsers to keep to it; an upstream that is down gets a page that says so', async ({ playwright }) => {
  const dir = mkdtempSync(join(tmpdir(), 'my-tasks-own-tls-'));
  const key = join(dir, 'key.pem');
  const cert = join(dir, 'cert.pem');
  execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=127.0.0.1',
    '-addext', 'subjectAltName=IP:127.0.0.1', '-keyout', key, '-out', cert], { stdio: 'ignore' });
  // An upstream that is not there: a port that was free a moment ago.
  const closed = createHttpServer();
  await new Promise<void>((ok) => closed.listen(0, '127.0.0.1', ok));
  const { port } = closed.address() as AddressInfo;
  await new Promise((ok) => closed.close(ok));
  const nginx = await startNginx(dir, DIST, `http://127.0.0.1:${port}`, '', { MT_TLS_CERT: cert, MT_TLS_KEY: key });
  const http = await playwright.request.newContext({ ignoreHTTPSErrors: true });
  try {
    expect(nginx.url).toMatch(/^https:/);
    const app = await http.get(`${nginx.url}/tasks/pending`);
    expect(app.status()).toBe(200);
    expect(app.headers()['strict-transport-security']).toBe('max-age=31536000');
    expectAppCsp(app.headers(), /frame-ancestors 'none'/);
    // Signing in while the tenant cannot be reached: a page in the app's languages with the
    // way back, not nginx's bare "502 Bad Gateway". An API call gets the same status.
    const signIn = await http.get(`${nginx.url}/oauth/authorize?response_type=code`);
    expect(signIn.status()).toBe(502);
    expect(signIn.headers()['content-security-policy']).toBe("default-src 'none'; frame-ancestors 'none'");
    expect(signIn.headers()['strict-transport-security']).toBe('max-age=31536000');
    const page = await signIn.text();
    expect(page).toContain('cannot be reached');
    expect(page).toContain('<a href="/">Back to My Tasks</a>');
    expect(page).toContain('lang="de"');
    expect((await http.get(`${nginx.url}/v2024/work-items`)).status()).toBe(502);
  } finally {
    await http.dispose();
    nginx.process.kill('SIGTERM');
    rmSync(dir, { recursive: true, force: true });
  }
});

test('nginx keeps nothing it should not: no API answer in the browser\'s cache, no secret or code in its log', async ({ playwright }) => {
  // A person's work items in the disk cache could be read by the next user of a shared
  // computer, signed out: whatever caching the upstream asks for, nginx says no-store.
  const upstream = createHttpServer((req, res) => {
    res.writeHead(200, { 'Content-Type': 'application/json', 'Cache-Control': 'public, max-age=600' });
    res.end('[]');
  });
  await new Promise<void>((ok) => upstream.listen(0, '127.0.0.1', ok));
  const { port } = upstream.address() as AddressInfo;
  const dir = mkdtempSync(join(tmpdir(), 'my-tasks-cache-'));
  const nginx = await startNginx(dir, DIST, `http://127.0.0.1:${port}`, '');
  const http = await playwright.request.newContext();
  try {
    // `/work-items/v1` itself is the list of the per-service path family.
    for (const path of ['/v2024/work-items', '/work-items/v1', '/work-items/v1/summary', '/oauth/info']) {
      const response = await http.get(`${nginx.url}${path}`, { headers: { Authorization: 'Bearer t' } });
      expect(response.status(), path).toBe(200);
      expect(response.headersArray().filter((h) => h.name.toLowerCase() === 'cache-control').map((h) => h.value), path)
        .toEqual(['no-store']);
    }
    // A client secret in the token request's query (ISC takes that too) and the code on
    // the callback's are not written to the access log; the paths are.
    await http.post(`${nginx.url}/oauth/token?grant_type=client_credentials&client_id=c&client_secret=s3cr3t-value`);
    await http.get(`${nginx.url}/auth/callback?code=c0de-value&state=st`);
    await expect.poll(() => readFileSync(join(dir, 'nginx', 'access.log'), 'utf8')).toContain('GET /auth/callback ');
    const log = readFileSync(join(dir, 'nginx', 'access.log'), 'utf8');
    expect(log).toContain('POST /oauth/token ');
    expect(log).not.toContain('s3cr3t-value');
    expect(log).not.toContain('c0de-value');
    // The error log writes whole request lines, query strings included: it, and the access
    // log beside it, are for whoever runs nginx only.
    for (const name of ['error.log', 'access.log']) {
      expect(statSync(join(dir, 'nginx', name)).mode & 0o777, name).toBe(0o600);
    }
  } finally {
    nginx.process.kill('SIGTERM');
    await http.dispose();
    upstream.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

/** The embedding journey: sign in from the frame, counts, height, a link to the full app. */
async function embedJourney(page: Page, sandbox: Sandbox) {
  const summary = await sandbox.getJson(ALISON, '/v2024/work-items/summary');
  await page.goto(`${sandbox.hostOrigin}/`);
  const frame = page.frameLocator('iframe[title="My Tasks widget"]');
  const popupOpened = page.waitForEvent('popup');
  await frame.getByRole('button', { name: 'Sign in', exact: true }).click();
  const popup = await popupOpened;
  await signInInPopup(popup, 'Alison Ferguso');

  const counts = frame.getByRole('list', { name: 'Work item counts' });
  await expect(counts.getByRole('listitem').filter({ hasText: 'Open' })).toHaveText(new RegExp(`^Open\\s*${summary.open}$`));
  await expect(page).toHaveURL(`${sandbox.hostOrigin}/`);

  // The frame told its host its height, and the host sized the frame to it.
  await expect.poll(() => page.evaluate(() => (window as any).heights.length)).toBeGreaterThan(0);
  await expect.poll(() => page.evaluate(() => {
    const told = (window as any).heights.at(-1);
    return told > 150 && document.querySelector('iframe')!.getBoundingClientRect().height === told;
  })).toBe(true);
  // No token ever reached the host page.
  expect(await page.evaluate(() => JSON.stringify(sessionStorage) + JSON.stringify(localStorage))).not.toMatch(/eyJ/);

  // Links open the full app in the top window.
  const more = frame.getByRole('link', { name: 'See all work items' });
  await expect(more).toHaveAttribute('target', '_top');
  await more.click();
  await expect(page).toHaveURL(`${sandbox.baseURL}/tasks/pending`);
}

test.describe('embedded in another origin\'s dashboard, behind nginx', () => {
  test.use({ through: 'nginx', embedding: true, strictConsole: true });
  test('the widget signs in through a popup, shows the counts and sizes its frame', async ({ page, sandbox }) => {
    await embedJourney(page, sandbox);
  });
});

test.describe('embedded in another origin\'s dashboard, served by the sandbox', () => {
  test.use({ embedding: true });
  test('the widget signs in through a popup from the sandbox\'s own serving too', async ({ page, sandbox }) => {
    await embedJourney(page, sandbox);
  });

  test("the widget's CSP names only the allowed dashboard and the app's names none", async ({ page, sandbox }) => {
    const widget = await page.request.get(`${sandbox.baseURL}/widget`);
    expectAppCsp(widget.headers(), new RegExp(`frame-ancestors 'self' ${sandbox.hostOrigin}\\s*(;|$)`));
    const app = await page.request.get(`${sandbox.baseURL}/`);
    expectAppCsp(app.headers(), /frame-ancestors 'none'/);
  });
});

test.describe('embedded in a dashboard of the same site (another port)', () => {
  // Within one site Chromium warns of a message sent to an allowed origin that is not the
  // frame's parent (from another site it says nothing): the widget must tell only its own
  // parent, of the two dashboards the config allows.
  test.use({ embedding: true, embedSameSite: true, strictConsole: true });
  test('the widget tells only the dashboard that frames it', async ({ page, sandbox }) => {
    expect(sandbox.hostOrigin).toMatch(/^http:\/\/127\.0\.0\.1:/);
    const misdirected: string[] = [];
    page.on('console', (message) => {
      if (/postMessage/.test(message.text())) misdirected.push(`${message.type()}: ${message.text()}`);
    });
    await embedJourney(page, sandbox);
    expect(misdirected).toEqual([]);
  });
});
