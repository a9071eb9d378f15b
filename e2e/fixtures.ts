// The `sandbox` fixture: a real sandbox process per test, on a free port, with a fresh
// in-memory database seeded with the demo data, test controls on, serving the built app.
// `baseURL` points at it, so `page.goto('/')` opens the app as a person would.
import { test as base, expect, type APIRequestContext } from '@playwright/test';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
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
  baseURL: string;
  identities: Identity[];
  /** The demo identity with this alias (e.g. `alison.ferguso`). */
  identity(alias: string): Identity;
  /** An access token for the identity, by the client-credentials grant. */
  token(alias: string): Promise<string>;
  /** GETs an API path (e.g. `/v2024/work-items/count`) as the identity; returns the JSON. */
  getJson(alias: string, path: string, headers?: Record<string, string>): Promise<any>;
  /** Makes the next `times` /v2024 requests answer `status` (test controls). */
  faults(status: number, times: number, retryAfterSecs?: number): Promise<void>;
  /** Clears injected faults. */
  clearFaults(): Promise<void>;
}

/** Extra command-line flags for a test's sandbox, e.g. `['--token-ttl-secs', '5']`. */
type SandboxArgs = string[];

const ROOT = resolve(__dirname, '..');
const LISTENING = 'My Tasks sandbox listening on ';

export const test = base.extend<{ sandbox: Sandbox; sandboxArgs: SandboxArgs }>({
  sandboxArgs: [[], { option: true }],

  sandbox: async ({ sandboxArgs, playwright }, use) => {
    const dir = mkdtempSync(join(tmpdir(), 'my-tasks-e2e-'));
    const credentialsFile = join(dir, 'credentials.json');
    const binary = process.env.SANDBOX_BIN ?? join(ROOT, 'target', 'debug', 'sandbox');
    const child = spawn(binary, [
      '--listen', '127.0.0.1:0', '--in-memory', '--seed', 'demo', '--enable-test-controls',
      '--static-dir', process.env.DIST_DIR ?? join(ROOT, 'dist'),
      '--credentials-out', credentialsFile, ...sandboxArgs,
    ], { stdio: ['ignore', 'pipe', 'inherit'] });
    const baseURL = await new Promise<string>((ok, fail) => {
      child.once('exit', (code) => fail(new Error(`sandbox exited with ${code} before listening`)));
      createInterface({ input: child.stdout! }).on('line', (line) => {
        if (line.startsWith(LISTENING)) ok(line.slice(LISTENING.length).trim());
      });
    });
    const { identities } = JSON.parse(readFileSync(credentialsFile, 'utf8')) as { identities: Identity[] };
    const http: APIRequestContext = await playwright.request.newContext({ baseURL });
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
      async faults(status, times, retryAfterSecs = 1) {
        const response = await http.post('/sandbox/faults', { data: { status, times, retryAfterSecs } });
        expect(response.ok()).toBeTruthy();
      },
      async clearFaults() {
        expect((await http.delete('/sandbox/faults')).ok()).toBeTruthy();
      },
    });
    await http.dispose();
    child.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  },

  baseURL: async ({ sandbox }, use) => use(sandbox.baseURL),
});

export { expect };
