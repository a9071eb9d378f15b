// The `sandbox` fixture: a real sandbox process per test, on a free port, with a fresh
// in-memory database seeded with the demo data, test controls on, serving the built app.
// `baseURL` points at it, so `page.goto('/')` opens the app as a person would.
//
// With `through: 'nginx'` a real nginx (deploy/nginx, rendered for this test) serves the
// release build and proxies the API to the sandbox, as in production; `baseURL` is then
// nginx. With `embedding: true` a page on a second origin (`sandbox.hostOrigin`) embeds
// the widget, and both the app's config.json and the frame-ancestors allow that origin.
//
// Every test fails on a Content-Security-Policy violation or a panic of the app; tests that
// opt in with `strictConsole` also fail on any console error.
import { test as base, expect, type APIRequestContext } from '@playwright/test';
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { connect, type AddressInfo } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';

/** A demo identity as the sandbox writes it to --credentials-out. */
export interface Identity {
  id: string;
  name: string;
  alias: string;
  clientId: string;
  clientSecret: string;
  admin: boolean;
}

/** A running sandbox. */
export interface Sandbox {
  /** Where the browser opens the app: the sandbox itself, or nginx in front of it. */
  baseURL: string;
  /** The sandbox's own origin (the API upstream when nginx is in front). */
  apiURL: string;
  /** The second origin whose page embeds the widget (`embedding: true` only). */
  hostOrigin?: string;
  identities: Identity[];
  /** The demo identity with this alias (e.g. `alison.ferguso`). */
  identity(alias: string): Identity;
  /** An access token for the identity, by the client-credentials grant. */
  token(alias: string): Promise<string>;
  /** GETs an API path (e.g. `/v2024/work-items/count`) as the identity; returns the JSON. */
  getJson(alias: string, path: string, headers?: Record<string, string>): Promise<any>;
  /** Makes the next `times` /v2024 requests answer `status` (test controls); with
   * `pathContains`, only requests whose path contains it (e.g. one work item's id). */
  faults(status: number, times: number, retryAfterSecs?: number, pathContains?: string): Promise<void>;
  /** Clears injected faults. */
  clearFaults(): Promise<void>;
}

/** Extra command-line flags for a test's sandbox, e.g. `['--token-ttl-secs', '5']`. */
type SandboxArgs = string[];

/** What serves the app to the browser. */
type Through = 'sandbox' | 'nginx';

export const ROOT = resolve(__dirname, '..');
export const DIST = process.env.DIST_DIR ?? join(ROOT, 'dist');
const LISTENING = 'My Tasks sandbox listening on ';

/** A free TCP port on 127.0.0.1 (for servers that cannot report the one they bound). */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address() as AddressInfo;
  await new Promise((ok) => server.close(ok));
  return port;
}

/** Resolves once something accepts connections on `port`, or fails after `ms`. */
async function waitForPort(port: number, ms = 10_000): Promise<void> {
  const deadline = Date.now() + ms;
  for (;;) {
    const open = await new Promise<boolean>((ok) => {
      const socket = connect(port, '127.0.0.1', () => { socket.end(); ok(true); });
      socket.on('error', () => ok(false));
    });
    if (open) return;
    if (Date.now() > deadline) throw new Error(`nothing listens on ${port}`);
    await new Promise((ok) => setTimeout(ok, 50));
  }
}

/** The page on a second origin that embeds the widget and keeps the heights it is told. */
function hostPage(appURL: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Host dashboard</title></head>
<body><h1>Host dashboard</h1>
<iframe id="widget" title="My Tasks widget" src="${appURL}/widget" style="width:360px;height:200px;border:0"></iframe>
<script>
  window.heights = [];
  window.addEventListener('message', (event) => {
    if (event.origin !== ${JSON.stringify(appURL)}) return;
    let data; try { data = JSON.parse(event.data); } catch { return; }
    if (data.type !== 'my-tasks:height') return;
    window.heights.push(data.height);
    document.getElementById('widget').style.height = data.height + 'px';
  });
</script></body></html>`;
}

/**
 * Starts nginx from deploy/nginx in front of `upstream`, serving `root`; gives its URL.
 * `settings` adds or overrides render.sh's settings (MT_UPSTREAM_CA, …); with MT_TLS_CERT
 * and MT_TLS_KEY among them it listens with TLS, and its URL is https.
 */
export async function startNginx(dir: string, root: string, upstream: string, frameAncestors: string,
  settings: Record<string, string> = {}): Promise<{ url: string; process: ChildProcess }> {
  const conf = join(dir, 'nginx');
  // nginx cannot listen on a port it is given 0 for and say which it got: it gets a port
  // that was free, and another server may take that port first (a test's sandbox in
  // another worker). nginx then exits; it writes its pid file only once it listens.
  for (let attempt = 1; ; attempt++) {
    const port = await freePort();
    const tls = Boolean(settings.MT_TLS_CERT);
    execFileSync(join(ROOT, 'deploy', 'nginx', 'render.sh'), [conf], {
      // Workers serve as the user running the tests (root on CI): the build and the
      // scratch directories are that user's own.
      env: { ...process.env, MT_LISTEN: `127.0.0.1:${port}${tls ? ' ssl' : ''}`, MT_ROOT: root, MT_UPSTREAM: upstream,
        MT_FRAME_ANCESTORS: frameAncestors, MT_CONNECT_SRC: '', MT_USER: userInfo().username, ...settings },
    });
    const child = spawn('nginx', ['-p', conf, '-c', join(conf, 'nginx.conf')], { stdio: ['ignore', 'inherit', 'inherit'] });
    let gone = false;
    child.once('exit', () => { gone = true; });
    const deadline = Date.now() + 10_000;
    let outcome: 'listening' | 'exited' | 'slow';
    for (;;) {
      if (existsSync(join(conf, 'nginx.pid'))) { outcome = 'listening'; break; }
      if (gone) { outcome = 'exited'; break; }
      if (Date.now() > deadline) { outcome = 'slow'; break; }
      await new Promise((ok) => setTimeout(ok, 20));
    }
    if (outcome === 'listening') {
      await waitForPort(port);
      return { url: `${tls ? 'https' : 'http'}://127.0.0.1:${port}`, process: child };
    }
    child.kill('SIGTERM');
    if (attempt === 3) throw new Error(`nginx did not start (${outcome}) in ${conf}`);
  }
}

export const test = base.extend<{
  sandbox: Sandbox; sandboxArgs: SandboxArgs; through: Through; embedding: boolean;
  embedSameSite: boolean; strictConsole: boolean; browserGuard: void;
}>({
  sandboxArgs: [[], { option: true }],
  through: ['sandbox', { option: true }],
  embedding: [false, { option: true }],
  // The embedding page on another site (localhost) or on the same site, another port
  // (127.0.0.1): Chromium reports some mistakes, such as a message sent to the wrong
  // origin, only within one site.
  embedSameSite: [false, { option: true }],
  strictConsole: [false, { option: true }],

  sandbox: async ({ sandboxArgs, through, embedding, embedSameSite, playwright }, use) => {
    const dir = mkdtempSync(join(tmpdir(), 'my-tasks-e2e-'));
    const credentialsFile = join(dir, 'credentials.json');
    const binary = process.env.SANDBOX_BIN ?? join(ROOT, 'target', 'debug', 'sandbox');
    // The embedding page's origin must be known before the app is configured: a second
    // origin on this machine is http://localhost:PORT, another site than the app's
    // 127.0.0.1, or http://127.0.0.1:PORT, the same site on another port.
    let host: Server | undefined;
    let hostOrigin: string | undefined;
    let hostHtml = '';
    let dist = DIST;
    const extra: string[] = [];
    if (embedding) {
      // Bound before anything else starts, so that no server started later (this test's
      // sandbox or nginx, or another test's) can take its port; it serves the page once the
      // app's address is known.
      host = createServer((_, response) => {
        response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
        response.end(hostHtml);
      });
      await new Promise<void>((ok) => host!.listen(0, '127.0.0.1', ok));
      const hostPort = (host.address() as AddressInfo).port;
      hostOrigin = `http://${embedSameSite ? '127.0.0.1' : 'localhost'}:${hostPort}`;
      dist = join(dir, 'dist');
      cpSync(DIST, dist, { recursive: true });
      const config = JSON.parse(readFileSync(join(DIST, 'config.json'), 'utf8'));
      // Two allowed dashboards: the widget tells only the one framing it (a message to the
      // other would be a console error, which strictConsole fails on).
      config.embed = { hostOrigins: ['https://dashboard.example', hostOrigin] };
      writeFileSync(join(dist, 'config.json'), JSON.stringify(config));
      extra.push('--frame-ancestor', hostOrigin);
    }
    const child = spawn(binary, [
      '--listen', '127.0.0.1:0', '--in-memory', '--seed', 'demo', '--enable-test-controls',
      '--static-dir', dist,
      '--credentials-out', credentialsFile, ...extra, ...sandboxArgs,
    ], { stdio: ['ignore', 'pipe', 'inherit'] });
    const apiURL = await new Promise<string>((ok, fail) => {
      child.once('exit', (code) => fail(new Error(`sandbox exited with ${code} before listening`)));
      createInterface({ input: child.stdout! }).on('line', (line) => {
        if (line.startsWith(LISTENING)) ok(line.slice(LISTENING.length).trim());
      });
    });
    const { identities } = JSON.parse(readFileSync(credentialsFile, 'utf8')) as { identities: Identity[] };
    let nginx: ChildProcess | undefined;
    let baseURL = apiURL;
    if (through === 'nginx') {
      const started = await startNginx(dir, dist, apiURL, hostOrigin ?? '');
      nginx = started.process;
      baseURL = started.url;
    }
    if (embedding) hostHtml = hostPage(baseURL);
    const http: APIRequestContext = await playwright.request.newContext({ baseURL: apiURL });
    const identity = (alias: string) => {
      const found = identities.find((i) => i.alias === alias);
      if (!found) throw new Error(`no demo identity ${alias}`);
      return found;
    };
    const token = async (alias: string) => {
      const who = identity(alias);
      const response = await http.post('/oauth/token', {
        form: { grant_type: 'client_credentials', client_id: who.clientId, client_secret: who.clientSecret },
      });
      expect(response.status()).toBe(200);
      return (await response.json()).access_token as string;
    };
    await use({
      baseURL,
      apiURL,
      hostOrigin,
      identities,
      identity,
      token,
      async getJson(alias, path, headers = {}) {
        const response = await http.get(path, {
          headers: { Authorization: `Bearer ${await token(alias)}`, ...headers },
        });
        expect(response.status(), `GET ${path}`).toBe(200);
        return response.json();
      },
      async faults(status, times, retryAfterSecs = 1, pathContains?: string) {
        const response = await http.post('/sandbox/faults', { data: { status, times, retryAfterSecs, pathContains } });
        expect(response.ok()).toBeTruthy();
      },
      async clearFaults() {
        expect((await http.delete('/sandbox/faults')).ok()).toBeTruthy();
      },
    });
    await http.dispose();
    nginx?.kill('SIGTERM');
    host?.close();
    child.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  },

  baseURL: async ({ sandbox }, use) => use(sandbox.baseURL),

  // Runs for every test: a CSP violation or a panic of the app anywhere (or, with
  // strictConsole, any console error or uncaught exception) fails it, with the messages in
  // the failure.
  browserGuard: [async ({ context, strictConsole }, use) => {
    const problems: string[] = [];
    // A panic of the app always fails: the release wasm stops at once ("unreachable"), a
    // debug build says "panicked at" first.
    const panic = /\bunreachable\b|panicked at/;
    context.on('console', (message) => {
      const text = message.text();
      if (/Content Security Policy/i.test(text)) problems.push(`CSP: ${text}`);
      else if ((strictConsole || panic.test(text)) && message.type() === 'error') problems.push(`console: ${text}`);
    });
    context.on('weberror', (error) => {
      const text = error.error().message;
      if (strictConsole || panic.test(text)) problems.push(`uncaught: ${text}`);
    });
    // Which requests failed, to make a console's "Failed to load resource" actionable.
    const failed: string[] = [];
    context.on('response', (response) => {
      if (response.status() >= 400) failed.push(`${response.status()} ${response.url()}`);
    });
    await use();
    expect(problems, `the browser reported problems; failed requests: ${failed.join(', ') || 'none'}`).toEqual([]);
  }, { auto: true }],
});

export { expect };
