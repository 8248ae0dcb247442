// Ownership: managers transfer customers with a reason, the owner history is kept, and transfers
// respect the data scope (docs/api.md "Ownership and the customer pool").
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  startServer, ownerTenant, signIn, inviteUser, makeCustomer, listAll, itemsOf, assertProblem,
  assertFieldErrors, expectStatus,
} from './harness.mjs';

let server;
let tenant;
let branch;
let manager;
let rep1;
let rep2;
let managerClient;
let rep1Client;
let rep2Client;

before(async () => {
  server = await startServer();
  tenant = ownerTenant(server);
  branch = expectStatus(await tenant.api.post('/branches', { name: 'Busan', code: 'PUS' }), 201);
  manager = await inviteUser(tenant.api, { name: 'Manager Min', role: 'manager', branch_id: branch.id });
  rep1 = await inviteUser(tenant.api, { name: 'Rep Leaving', role: 'sales_rep', branch_id: branch.id });
  rep2 = await inviteUser(tenant.api, { name: 'Rep Staying', role: 'sales_rep', branch_id: branch.id });
  managerClient = await signIn(server, manager.email, manager.password);
  rep1Client = await signIn(server, rep1.email, rep1.password);
  rep2Client = await signIn(server, rep2.email, rep2.password);
});

after(async () => {
  await server?.stop();
});

const ids = (items) => items.map((c) => c.id).sort((a, b) => a - b);
const owned = (client) => listAll(client, '/customers');

test('owner, admin and manager may transfer; a sales rep may not', async () => {
  const roles = Object.fromEntries((await itemsOf(tenant.api, '/roles')).map((r) => [r.code, r.permissions]));
  for (const role of ['owner', 'admin', 'manager']) assert.ok(roles[role].includes('customers.transfer'), role);
  assert.ok(!roles.sales_rep.includes('customers.transfer'));
  assert.ok(managerClient.session.permissions.includes('customers.transfer'));
  const mine = await makeCustomer(rep1Client, { name: 'Rep Own Try' });
  assertProblem(await rep1Client.post('/customers/transfer', { party_ids: [mine.id], to_owner_id: rep2.id, reason: 'x' }),
    403, 'forbidden');
  assert.equal(expectStatus(await rep1Client.get(`/customers/${mine.id}`), 200).owner_id, rep1.id);
});

test('transfer one customer with a reason; the history shows both owners', async () => {
  const customer = await makeCustomer(rep1Client, { name: 'Hanbit Trading' });
  const answer = expectStatus(await managerClient.post('/customers/transfer',
    { party_ids: [customer.id], to_owner_id: rep2.id, reason: 'territory change' }), 200);
  assert.deepEqual(answer, { transferred: 1 });
  const moved = expectStatus(await rep2Client.get(`/customers/${customer.id}`), 200);
  assert.equal(moved.owner_id, rep2.id);
  assert.equal(moved.owner_name, 'Rep Staying');
  assert.equal(moved.version, customer.version + 1);
  assertProblem(await rep1Client.get(`/customers/${customer.id}`), 404, 'not_found', 'the former owner no longer sees it');

  const history = expectStatus(await managerClient.get(`/customers/${customer.id}/owners`), 200).items;
  assert.equal(history.length, 2, JSON.stringify(history));
  assert.equal(history[0].owner_id, rep2.id);
  assert.equal(history[0].owner_name, 'Rep Staying');
  assert.equal(history[0].to, null);
  assert.equal(history[0].reason, 'territory change');
  assert.equal(history[0].action, 'transferred');
  assert.equal(history[0].by_user_name, 'Manager Min');
  assert.equal(history[1].owner_id, rep1.id);
  assert.equal(history[1].action, 'created');
  assert.equal(history[1].to, history[0].from);
  assertProblem(await rep1Client.get(`/customers/${customer.id}/owners`), 404, 'not_found', 'out of scope');
});

test('transfer everything of a rep who leaves', async () => {
  const a = await makeCustomer(rep1Client, { name: 'Leaving A' });
  const b = await makeCustomer(rep1Client, { name: 'Leaving B' });
  const before = await owned(rep1Client);
  assert.ok(before.length >= 3);
  const answer = expectStatus(await tenant.api.post('/customers/transfer',
    { from_owner_id: rep1.id, to_owner_id: rep2.id, reason: 'Rep Leaving resigned' }), 200);
  assert.equal(answer.transferred, before.length);
  assert.deepEqual(await owned(rep1Client), []);
  const after = ids(await owned(rep2Client));
  for (const id of [a.id, b.id]) assert.ok(after.includes(id));
  const audit = expectStatus(await tenant.api.get(`/customers/${a.id}/audit`), 200).items;
  const entry = audit.find((e) => e.action === 'transferred');
  assert.ok(entry, JSON.stringify(audit));
  assert.equal(entry.field, 'owner_id');
  assert.equal(entry.from, rep1.id);
  assert.equal(entry.to, rep2.id);
  assert.equal(entry.note, 'Rep Leaving resigned');
});

test('bad transfers get precise errors and change nothing', async () => {
  const customer = await makeCustomer(rep2Client, { name: 'Stays Put' });
  const path = '/customers/transfer';
  assertFieldErrors(await managerClient.post(path, { party_ids: [customer.id], to_owner_id: rep1.id }),
    [{ path: 'reason', code: 'required' }], 'reason missing');
  assertFieldErrors(await managerClient.post(path, { party_ids: [customer.id], to_owner_id: rep1.id, reason: '   ' }),
    [{ path: 'reason' }], 'blank reason');
  assertFieldErrors(await managerClient.post(path, { to_owner_id: rep1.id, reason: 'x' }),
    [{ path: 'party_ids', code: 'one_required' }], 'neither ids nor from_owner_id');
  assertFieldErrors(await managerClient.post(path, { party_ids: [customer.id], from_owner_id: rep2.id, to_owner_id: rep1.id, reason: 'x' }),
    [{ path: 'party_ids', code: 'one_required' }], 'both');
  assertFieldErrors(await managerClient.post(path, { party_ids: ['x'], to_owner_id: rep1.id, reason: 'x' }),
    [{ path: 'party_ids[0]' }], 'not an id');
  assertFieldErrors(await managerClient.post(path, { party_ids: [customer.id], to_owner_id: 987654321, reason: 'x' }),
    [{ path: 'to_owner_id', code: 'not_found' }], 'unknown new owner');
  assertProblem(await managerClient.post(path, { party_ids: [customer.id, 987654321], to_owner_id: rep1.id, reason: 'x' }),
    404, 'not_found', 'one unknown id');

  // a customer of the head office is outside the Busan manager's branch
  const headOffice = await makeCustomer(tenant.api, { name: 'Head Office Account' });
  assertProblem(await managerClient.post(path, { party_ids: [customer.id, headOffice.id], to_owner_id: rep1.id, reason: 'x' }),
    404, 'not_found', 'out of the branch');

  const other = ownerTenant(server);
  const foreign = await makeCustomer(other.api, { name: 'Foreign' });
  assertProblem(await tenant.api.post(path, { party_ids: [foreign.id], to_owner_id: rep1.id, reason: 'x' }), 404, 'not_found');
  assertProblem(await other.api.get(`/customers/${customer.id}/owners`), 404, 'not_found', 'another tenant');

  const still = expectStatus(await rep2Client.get(`/customers/${customer.id}`), 200);
  assert.equal(still.owner_id, rep2.id);
  assert.equal(still.version, customer.version);
  assert.equal(expectStatus(await tenant.api.get(`/customers/${headOffice.id}`), 200).owner_id, headOffice.owner_id);
  assert.equal(expectStatus(await other.api.get(`/customers/${foreign.id}`), 200).version, foreign.version);
});

test('changing owner_id by PATCH is part of the history too', async () => {
  const customer = await makeCustomer(tenant.api, { name: 'Patched Owner', owner_id: rep2.id });
  expectStatus(await tenant.api.patch(`/customers/${customer.id}`, { owner_id: rep1.id },
    { headers: { 'If-Match': String(customer.version) } }), 200);
  const history = expectStatus(await tenant.api.get(`/customers/${customer.id}/owners`), 200).items;
  assert.deepEqual(history.map((h) => [h.owner_id, h.action]), [[rep1.id, 'updated'], [rep2.id, 'created']]);
  assert.notEqual(history[1].to, null);
});

test('handing a customer to someone else is a transfer: a rep may not do it by editing or creating', async () => {
  const mine = await makeCustomer(tenant.api, { name: 'Kept By Rep One', owner_id: rep1.id, branch_id: branch.id });
  const patch = (client, body, version) => client.patch(`/customers/${mine.id}`, body, { headers: { 'If-Match': String(version) } });

  assertProblem(await patch(rep1Client, { owner_id: rep2.id }, mine.version), 403, 'transfer_needed');
  assertProblem(await rep1Client.post('/customers', { name: 'Made For Rep Two', owner_id: rep2.id }), 403, 'transfer_needed');
  assert.deepEqual(await listAll(tenant.api, '/customers?q=Made%20For%20Rep%20Two'), [], 'nothing created');
  const card = expectStatus(await tenant.api.get(`/customers/${mine.id}`), 200);
  assert.deepEqual([card.owner_id, card.branch_id, card.version], [rep1.id, branch.id, mine.version], 'nothing changed');

  // keeping the owner, or naming oneself, is an ordinary edit
  const kept = expectStatus(await patch(rep1Client, { owner_id: rep1.id, notes: 'still mine' }, mine.version), 200);
  assert.equal(kept.owner_id, rep1.id);

  // a manager may hand it over, but only to an active user of the company
  expectStatus(await tenant.api.patch(`/users/${rep2.id}`, { active: false }), 200);
  assertFieldErrors(await patch(managerClient, { owner_id: rep2.id }, kept.version), [{ path: 'owner_id', code: 'not_found' }]);
  expectStatus(await tenant.api.patch(`/users/${rep2.id}`, { active: true }), 200);
  const moved = expectStatus(await patch(managerClient, { owner_id: rep2.id }, kept.version), 200);
  assert.equal(moved.owner_id, rep2.id);
});
