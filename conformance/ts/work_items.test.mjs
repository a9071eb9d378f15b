// Conformance: SailPoint's TypeScript SDK (sailpoint-api-client 1.4.15, WorkItemsV2024Api)
// runs each of its 13 Work Items operations against a fresh sandbox process, unchanged, the
// way a TypeScript user calls it: a Configuration with the base URL (the SDK appends
// /v2024 itself) and client credentials, from which the SDK fetches its token (as a
// multipart form). Run: `npm test` in this folder (SANDBOX_BIN picks the binary).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { Configuration, WorkItemsV2024Api } = require('sailpoint-api-client');

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const BINARY = process.env.SANDBOX_BIN ?? join(ROOT, 'target', 'debug', 'sandbox');
const LISTENING = 'My Tasks sandbox listening on ';
const ALISON = 'alison.ferguso';
const ADMIN = 'thomas.edison';

/** Starts a sandbox (in-memory, demo data, free port) for one test; `t.after` kills it. */
async function sandbox(t) {
  const dir = mkdtempSync(join(tmpdir(), 'my-tasks-ts-'));
  const credentials = join(dir, 'credentials.json');
  const child = spawn(BINARY, ['--listen', '127.0.0.1:0', '--in-memory', '--seed', 'demo',
    '--credentials-out', credentials], { stdio: ['ignore', 'pipe', 'ignore'] });
  t.after(() => { child.kill('SIGKILL'); rmSync(dir, { recursive: true, force: true }); });
  const lines = createInterface({ input: child.stdout });
  for await (const line of lines) {
    if (line.startsWith(LISTENING)) break;
  }
  child.stdout.resume();
  const data = JSON.parse(readFileSync(credentials, 'utf8'));
  const identity = (alias) => data.identities.find((i) => i.alias === alias);
  /** A WorkItemsV2024Api signed in as `alias`, configured the SDK's own way. */
  const sdk = (alias, { experimental = true } = {}) => {
    const who = identity(alias);
    const configuration = new Configuration({
      baseurl: data.baseUrl,
      clientId: who.clientId,
      clientSecret: who.clientSecret,
      tokenUrl: `${data.baseUrl}/oauth/token`,
    });
    configuration.experimental = experimental;
    return new WorkItemsV2024Api(configuration);
  };
  return { identity, sdk };
}

/** The HTTP status of a failed SDK call. */
async function statusOf(promise) {
  try {
    await promise;
  } catch (error) {
    return error.response?.status ?? error.message;
  }
  assert.fail('the call succeeded');
}

const pending = async (api) => (await api.listWorkItems({ limit: 250 })).data;
const undecided = (item) => (item.approvalItems ?? []).filter((a) => a.state === 'Pending');

// The SDK prints a line for every experimental call; keep the test output readable.
const log = console.log;
console.log = (...args) => { if (!String(args[0]).includes('Experimental')) log(...args); };

test('listWorkItems returns the caller\'s pending items with X-Total-Count', async (t) => {
  const { sdk, identity } = await sandbox(t);
  const api = sdk(ALISON);
  const response = await api.listWorkItems({ limit: 5, offset: 0, count: true });
  assert.equal(response.status, 200);
  assert.ok(response.data.length > 0 && response.data.length <= 5);
  assert.ok(response.data.every((i) => i.state === 'Pending' && i.ownerId === identity(ALISON).id));
  assert.equal(Number(response.headers['x-total-count']), (await pending(api)).length);
});

test('getCompletedWorkItems, the two counts and the summary agree', async (t) => {
  const { sdk } = await sandbox(t);
  const api = sdk(ALISON);
  const completed = (await api.getCompletedWorkItems({ limit: 250 })).data;
  assert.ok(completed.length > 0 && completed.every((i) => i.state !== 'Pending' && i.completed));
  const open = (await api.getCountWorkItems()).data.count;
  assert.equal(open, (await pending(api)).length);
  const done = (await api.getCountCompletedWorkItems()).data.count;
  assert.equal(done, completed.length);
  const summary = (await api.getWorkItemsSummary()).data;
  assert.deepEqual(summary, { open, completed: done, total: open + done });
});

test('getWorkItem returns the seed example and 404 for an unknown id', async (t) => {
  const { sdk } = await sandbox(t);
  const api = sdk(ALISON);
  const fred = (await pending(api)).find((i) => i.name === 'Create an Account'
    && i.description === "Create account on source 'GitHub'");
  const item = (await api.getWorkItem({ id: fred.id })).data;
  assert.equal(item.remediationItems[0].nativeIdentity, 'fred-astaire-sp');
  assert.equal(item.remediationItems[0].targetName, 'Fred.Astaire');
  assert.equal(await statusOf(api.getWorkItem({ id: '0'.repeat(32) })), 404);
});

test('completeWorkItem without a body (the SDK sends {}) finishes the item once', async (t) => {
  const { sdk } = await sandbox(t);
  const api = sdk(ALISON);
  const target = (await pending(api)).find((i) => undecided(i).length === 0 && !i.form);
  const done = (await api.completeWorkItem({ id: target.id })).data;
  assert.equal(done.state, 'Finished');
  assert.ok(done.completed);
  assert.equal(await statusOf(api.completeWorkItem({ id: target.id })), 400);
});

test('approveApprovalItem and rejectApprovalItem decide one approval item each', async (t) => {
  const { sdk } = await sandbox(t);
  const api = sdk(ALISON);
  const item = (await pending(api)).find((i) => undecided(i).length >= 2);
  const [first, second] = undecided(item);
  const approved = (await api.approveApprovalItem({ id: item.id, approvalItemId: first.id })).data;
  assert.equal(approved.approvalItems.find((a) => a.id === first.id).state, 'Finished');
  const rejected = (await api.rejectApprovalItem({ id: item.id, approvalItemId: second.id })).data;
  assert.equal(rejected.approvalItems.find((a) => a.id === second.id).state, 'Rejected');
  assert.equal(await statusOf(api.approveApprovalItem({ id: item.id, approvalItemId: first.id })), 400);
});

test('approveApprovalItemsInBulk and rejectApprovalItemsInBulk finish the work item', async (t) => {
  const { sdk } = await sandbox(t);
  const api = sdk(ALISON);
  const [a, b] = (await pending(api)).filter((i) => undecided(i).length > 0);
  const approved = (await api.approveApprovalItemsInBulk({ id: a.id })).data;
  assert.ok(approved.state !== 'Pending' && approved.approvalItems.every((x) => x.state === 'Finished'));
  const rejected = (await api.rejectApprovalItemsInBulk({ id: b.id })).data;
  assert.ok(rejected.state !== 'Pending' && rejected.approvalItems.every((x) => x.state === 'Rejected'));
});

test('submitAccountSelection validates, stores the choice and finishes the item', async (t) => {
  const { sdk } = await sandbox(t);
  const api = sdk(ALISON);
  const item = (await pending(api)).find((i) => i.form);
  const field = item.form.sections.flatMap((s) => s.formItems).find((f) => f.required);
  const choice = field.allowedValues[0];
  const value = typeof choice === 'string' ? choice : choice.value;
  assert.equal(await statusOf(api.submitAccountSelection({ id: item.id, requestBody: { nope: 'x' } })), 400);
  const done = (await api.submitAccountSelection({ id: item.id, requestBody: { [field.name]: value } })).data;
  assert.equal(done.state, 'Finished');
});

test('forwardWorkItem moves the item to the target and answers with an empty body', async (t) => {
  const { sdk, identity } = await sandbox(t);
  const api = sdk(ALISON);
  const [item, other] = await pending(api);
  const fred = identity('Fred.Astaire').id;
  const response = await api.forwardWorkItem({ id: item.id,
    workItemForwardV2024: { targetOwnerId: fred, comment: 'On vacation', sendNotifications: true } });
  assert.equal(response.status, 200);
  assert.ok(!(await pending(api)).some((i) => i.id === item.id));
  const theirs = (await sdk(ADMIN).listWorkItems({ ownerId: fred, limit: 250 })).data;
  assert.ok(theirs.some((i) => i.id === item.id));
  assert.equal(await statusOf(api.forwardWorkItem({ id: other.id,
    workItemForwardV2024: { targetOwnerId: fred, comment: ' ' } })), 400);
});

test('the experimental calls need configuration.experimental, and then send the header', async (t) => {
  const { sdk } = await sandbox(t);
  const plain = sdk(ALISON, { experimental: false });
  assert.match(String(await statusOf(plain.getCountCompletedWorkItems())), /experimental/i);
  const explicitOff = sdk(ALISON);
  assert.equal(await statusOf(explicitOff.getCountCompletedWorkItems({ xSailPointExperimental: 'false' })), 400);
});

test('a plain user cannot list someone else\'s items but an admin can', async (t) => {
  const { sdk, identity } = await sandbox(t);
  assert.equal(await statusOf(sdk(ALISON).listWorkItems({ ownerId: identity(ADMIN).id })), 403);
  const theirs = (await sdk(ADMIN).listWorkItems({ ownerId: identity(ALISON).id, limit: 1 })).data;
  assert.equal(theirs.length, 1);
});
