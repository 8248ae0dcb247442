// Data scope: a sales rep sees and changes only the customers they own; owners and admins see all
// (DESIGN.md §4 "Permissions", docs/api.md Session.scope and owner_id).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  startServer, ownerTenant, signIn, inviteUser, makeCustomer, makeContact, listAll, itemsOf,
  assertProblem, expectStatus, sleep,
} from './harness.mjs';

let server;
let tenant;
let rep1;
let rep2;
let admin;
let rep1Client;
let rep2Client;
let adminClient;
let rep1Customer;
let rep2Customer;
let ownerCustomer;

before(async () => {
  server = await startServer();
  tenant = ownerTenant(server);
  rep1 = await inviteUser(tenant.api, { name: 'Rep One', role: 'sales_rep' });
  rep2 = await inviteUser(tenant.api, { name: 'Rep Two', role: 'sales_rep' });
  admin = await inviteUser(tenant.api, { name: 'Admin Person', role: 'admin' });
  rep1Client = await signIn(server, rep1.email, rep1.password);
  rep2Client = await signIn(server, rep2.email, rep2.password);
  adminClient = await signIn(server, admin.email, admin.password);
});

after(async () => {
  await server?.stop();
});

const ids = (items) => items.map((c) => c.id).sort((a, b) => a - b);
const search = (client, q) => listAll(client, `/customers?q=${encodeURIComponent(q)}`);

test('roles: a sales rep sees own records, owner and admin see all', async () => {
  assert.equal(rep1Client.session.role, 'sales_rep');
  assert.equal(rep1Client.session.scope, 'own');
  assert.equal(adminClient.session.role, 'admin');
  assert.equal(adminClient.session.scope, 'all');
  const roles = await itemsOf(tenant.api, '/roles');
  const byCode = Object.fromEntries(roles.map((r) => [r.code, r]));
  for (const code of ['owner', 'admin', 'manager', 'sales_rep', 'order_clerk', 'finance', 'purchasing', 'read_only'])
    assert.ok(byCode[code], `role ${code} in ${JSON.stringify(roles.map((r) => r.code))}`);
  assert.equal(byCode.sales_rep.scope, 'own');
  assert.equal(byCode.owner.scope, 'all');
  assert.deepEqual([...byCode.sales_rep.permissions].sort(), [...rep1Client.session.permissions].sort());
});

test('a sales rep creating a customer owns it', async () => {
  const made = await makeCustomer(rep1Client, { name: 'Rep One Own Lead', code: 'R1-0' });
  assert.equal(made.owner_id, rep1.id);
  assert.equal(made.owner_name, 'Rep One');
  expectStatus(await rep1Client.get(`/customers/${made.id}`), 200, 'the creator reads it');
  assertProblem(await rep2Client.get(`/customers/${made.id}`), 404, undefined, 'another rep does not');
  expectStatus(await tenant.api.delete(`/customers/${made.id}`), 204);
});

test('seed: customers owned by each rep (assigned by the owner)', async () => {
  rep1Customer = await makeCustomer(tenant.api, { name: 'Rep One Account', code: 'R1-1', owner_id: rep1.id,
    phones: [{ type: 'work', number: '031-111-2222' }] });
  assert.equal(rep1Customer.owner_id, rep1.id);
  assert.equal(rep1Customer.owner_name, 'Rep One');
  rep2Customer = await makeCustomer(tenant.api, { name: 'Rep Two Account', code: 'R2-1', owner_id: rep2.id });
  assert.equal(rep2Customer.owner_id, rep2.id);
  ownerCustomer = await makeCustomer(tenant.api, { name: 'House Account', code: 'H-1' });
  await makeContact(tenant.api, rep1Customer.id, { name: 'Visible To One' });
});

test("another sales rep can neither list, search, read nor change a rep's customer", async () => {
  const path = `/customers/${rep1Customer.id}`;
  assert.deepEqual(ids(await listAll(rep2Client, '/customers')), [rep2Customer.id]);
  assert.deepEqual(await search(rep2Client, 'Rep One'), []);
  assert.deepEqual(await search(rep2Client, '1112222'), [], 'by phone');
  assert.deepEqual(await search(rep2Client, 'Visible To One'), [], 'by contact name');
  assert.deepEqual(await listAll(rep2Client, `/customers?owner_id=${rep1.id}`), [], 'owner_id filter does not widen the scope');
  assertProblem(await rep2Client.get(path), 404, undefined, 'GET');
  assertProblem(await rep2Client.patch(path, { name: 'Stolen' }, { headers: { 'If-Match': String(rep1Customer.version) } }), 404, undefined, 'PATCH');
  // a sales rep may not delete at all (403 by role), and must not learn the record exists
  const deleted = await rep2Client.delete(path);
  const expected = rep2Client.session.permissions.includes('customers.delete') ? 404 : 403;
  assertProblem(deleted, expected, undefined, 'DELETE');
  assertProblem(await rep2Client.get(`${path}/contacts`), 404, undefined, 'contacts');
  assertProblem(await rep2Client.post(`${path}/contacts`, { name: 'Sneaky' }), 404, undefined, 'new contact');

  // unchanged
  const got = expectStatus(await rep1Client.get(path), 200);
  assert.equal(got.name, 'Rep One Account');
  assert.deepEqual(got.contacts.map((c) => c.name), ['Visible To One']);
  assert.deepEqual(ids(await listAll(rep1Client, '/customers')), [rep1Customer.id]);
  assert.deepEqual((await search(rep1Client, 'Rep One')).map((c) => c.id), [rep1Customer.id]);
});

test('owner and admin see every customer; owner_id filters', async () => {
  const all = [rep1Customer.id, rep2Customer.id, ownerCustomer.id].sort((a, b) => a - b);
  assert.deepEqual(ids(await listAll(tenant.api, '/customers')), all);
  assert.deepEqual(ids(await listAll(adminClient, '/customers')), all);
  assert.deepEqual(ids(await search(adminClient, 'Account')), all);
  assert.deepEqual(ids(await listAll(tenant.api, `/customers?owner_id=${rep1.id}`)), [rep1Customer.id]);
  expectStatus(await adminClient.get(`/customers/${rep2Customer.id}`), 200);
});

test('reassigning the owner moves the customer between the reps', async () => {
  const current = expectStatus(await tenant.api.get(`/customers/${rep1Customer.id}`), 200);
  const moved = expectStatus(await tenant.api.patch(`/customers/${rep1Customer.id}`, { owner_id: rep2.id },
    { headers: { 'If-Match': String(current.version) } }), 200, 'reassign');
  assert.equal(moved.owner_id, rep2.id);
  assert.equal(moved.owner_name, 'Rep Two');
  assertProblem(await rep1Client.get(`/customers/${rep1Customer.id}`), 404, undefined, 'the former owner');
  assert.deepEqual(ids(await listAll(rep1Client, '/customers')), []);
  expectStatus(await rep2Client.get(`/customers/${rep1Customer.id}`), 200, 'the new owner');
  assert.deepEqual(ids(await listAll(rep2Client, '/customers')), [rep1Customer.id, rep2Customer.id].sort((a, b) => a - b));
});

test("a rep's uploaded file and import are the rep's: another rep reads neither, the owner reads both", async () => {
  const csv = 'code,name,phone\nUP-1,Uploaded By Rep One,010-5555-0101\n';
  const file = expectStatus(await rep1Client.request('POST', '/imports/files?filename=mine.csv&encoding=UTF-8', {
    raw: Buffer.from(csv, 'utf8'), headers: { 'Content-Type': 'application/octet-stream' } }), 201);
  const body = { file_id: file.id, kind: 'customers', mapping: { code: 'code', name: 'name', phone: 'phones' }, duplicate_policy: 'create' };
  const queued = expectStatus(await rep1Client.post('/imports', body), 202);
  for (let i = 0; i < 100; i++) {
    const job = expectStatus(await rep1Client.get(`/imports/${queued.id}`), 200);
    if (job.status === 'done') break;
    await sleep(100);
  }

  assertProblem(await rep2Client.get(`/imports/${queued.id}`), 404, 'not_found');
  assertProblem(await rep2Client.get(`/imports/${queued.id}/failures.csv`), 404, 'not_found');
  assertProblem(await rep2Client.post('/imports/dry-run', body), 404, 'not_found');
  assertProblem(await rep2Client.post('/imports', body), 404, 'not_found');
  assertProblem(await rep2Client.get(`/imports/fields?kind=customers&file_id=${file.id}`), 404, 'not_found');
  expectStatus(await tenant.api.get(`/imports/${queued.id}`), 200);
  expectStatus(await tenant.api.post('/imports/dry-run', body), 200);
});
