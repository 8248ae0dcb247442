// The audit trail: who changed which field of a customer or its contacts, when, from what to what
// (docs/api.md "Custom fields, lists of values, audit").
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  startServer, ownerTenant, signIn, inviteUser, makeCustomer, makeContact, assertProblem, expectStatus, INSTANT,
} from './harness.mjs';

let server;
let tenant;
let rep;
let repClient;

before(async () => {
  server = await startServer();
  tenant = ownerTenant(server, { adminName: 'Audit Owner' });
  rep = await inviteUser(tenant.api, { name: 'Audit Rep', role: 'sales_rep' });
  repClient = await signIn(server, rep.email, rep.password);
});

after(async () => {
  await server?.stop();
});

const audit = async (client, id) => expectStatus(await client.get(`/customers/${id}/audit`), 200).items;

test('created, then a PATCH shows each changed field from and to, newest first', async () => {
  const customer = await makeCustomer(repClient, { name: 'Audit Co', level: 'B', phones: [{ type: 'work', number: '02-111-2222' }] });
  let items = await audit(repClient, customer.id);
  assert.equal(items.length, 1);
  assert.equal(items[0].action, 'created');
  assert.equal(items[0].entity, 'party');
  assert.equal(items[0].entity_id, customer.id);
  assert.equal(items[0].user_name, 'Audit Rep');
  assert.equal(items[0].user_id, rep.id);
  assert.match(items[0].at, INSTANT);

  expectStatus(await repClient.patch(`/customers/${customer.id}`, { name: 'Audit Company', level: 'B', archived: true,
    phones: [{ type: 'mobile', number: '010-1234-5678' }], notes: 'met at the fair' },
  { headers: { 'If-Match': String(customer.version) } }), 200);
  items = await audit(repClient, customer.id);
  const updated = items.filter((e) => e.action === 'updated');
  const byField = Object.fromEntries(updated.map((e) => [e.field, e]));
  assert.deepEqual(Object.keys(byField).sort(), ['archived', 'name', 'notes', 'phones'], 'unchanged level is not listed');
  assert.deepEqual([byField.name.from, byField.name.to], ['Audit Co', 'Audit Company']);
  assert.deepEqual([byField.archived.from, byField.archived.to], [false, true]);
  assert.deepEqual(byField.phones.from, [{ type: 'work', number: '02-111-2222' }]);
  assert.deepEqual(byField.phones.to, [{ type: 'mobile', number: '010-1234-5678' }]);
  assert.equal(byField.notes.from, null);
  assert.equal(byField.notes.to, 'met at the fair');
  assert.equal(items[items.length - 1].action, 'created', 'newest first');
  assert.ok(items.every((e) => e.user_name === 'Audit Rep'));
});

test("contacts' changes are on the customer's trail", async () => {
  const customer = await makeCustomer(tenant.api, { name: 'Contacts Trail Co' });
  const contact = await makeContact(tenant.api, customer.id, { name: 'Park', title: 'Buyer' });
  expectStatus(await tenant.api.patch(`/customers/${customer.id}/contacts/${contact.id}`, { title: 'Head buyer', hobbies: 'baduk' }), 200);
  expectStatus(await tenant.api.delete(`/customers/${customer.id}/contacts/${contact.id}`), 204);
  const items = await audit(tenant.api, customer.id);
  const contactEntries = items.filter((e) => e.entity === 'contact');
  assert.deepEqual(contactEntries.map((e) => [e.action, e.field]), [
    ['contact_removed', null],
    ...contactEntries.filter((e) => e.action === 'contact_updated').map((e) => ['contact_updated', e.field]),
    ['contact_added', null],
  ]);
  const title = contactEntries.find((e) => e.field === 'title');
  assert.deepEqual([title.from, title.to, title.entity_id], ['Buyer', 'Head buyer', contact.id]);
  assert.ok(contactEntries.some((e) => e.field === 'hobbies' && e.from === null && e.to === 'baduk'));
  assert.equal(contactEntries[0].note, 'Park');
  assert.equal(contactEntries[0].user_name, 'Audit Owner');
});

test('custom field changes name the code', async () => {
  expectStatus(await tenant.api.post('/custom-fields', { entity: 'customer', code: 'tier', label: 'Tier', type: 'text' }), 201);
  const customer = await makeCustomer(tenant.api, { name: 'Custom Trail', custom_fields: { tier: 'silver' } });
  expectStatus(await tenant.api.patch(`/customers/${customer.id}`, { custom_fields: { tier: 'gold' } },
    { headers: { 'If-Match': String(customer.version) } }), 200);
  const entry = (await audit(tenant.api, customer.id)).find((e) => e.field === 'custom_fields.tier');
  assert.ok(entry);
  assert.deepEqual([entry.from, entry.to], ['silver', 'gold']);
});

test('a change of roles is one entry listing the roles before and after', async () => {
  const customer = await makeCustomer(tenant.api, { name: 'Roles Trail Co' });
  expectStatus(await tenant.api.patch(`/customers/${customer.id}`, { roles: ['customer', 'supplier'] },
    { headers: { 'If-Match': String(customer.version) } }), 200);
  const roles = (await audit(tenant.api, customer.id)).filter((e) => e.field === 'roles');
  assert.deepEqual(roles.map((e) => [e.action, e.from, e.to]), [['updated', ['customer'], ['customer', 'supplier']]]);
  // the same roles again change nothing, so the trail stays as it was
  const current = expectStatus(await tenant.api.get(`/customers/${customer.id}`), 200);
  expectStatus(await tenant.api.patch(`/customers/${customer.id}`, { roles: ['supplier', 'customer'] },
    { headers: { 'If-Match': String(current.version) } }), 200);
  assert.equal((await audit(tenant.api, customer.id)).filter((e) => e.field === 'roles').length, 1);
});

test('the trail pages with a cursor and keeps the scope and the tenant', async () => {
  const customer = await makeCustomer(tenant.api, { name: 'Paged Trail' });
  let version = customer.version;
  for (let i = 1; i <= 4; i++) {
    const saved = expectStatus(await tenant.api.patch(`/customers/${customer.id}`, { notes: `note ${i}` },
      { headers: { 'If-Match': String(version) } }), 200);
    version = saved.version;
  }
  const first = expectStatus(await tenant.api.get(`/customers/${customer.id}/audit?limit=3`), 200);
  assert.equal(first.items.length, 3);
  assert.equal(first.items[0].to, 'note 4');
  assert.ok(first.next_cursor);
  const second = expectStatus(await tenant.api.get(`/customers/${customer.id}/audit?limit=3&cursor=${first.next_cursor}`), 200);
  assert.deepEqual(second.items.map((e) => e.action), ['updated', 'created']);
  assert.equal(second.next_cursor, null);

  assertProblem(await repClient.get(`/customers/${customer.id}/audit`), 404, 'not_found', "not the rep's customer");
  const other = ownerTenant(server);
  assertProblem(await other.api.get(`/customers/${customer.id}/audit`), 404, 'not_found', 'another tenant');
});
