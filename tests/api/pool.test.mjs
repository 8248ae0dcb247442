// The customer pool: release, browse, claim within the limits (per day, in total, reclaim block),
// and the scheduled rules run with ?as_of= (docs/api.md "Ownership and the customer pool").
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  startServer, ownerTenant, signIn, inviteUser, makeCustomer, listAll, assertProblem, assertFieldErrors,
  expectStatus, dateIn,
} from './harness.mjs';

let server;
let tenant;
let rep1;
let rep2;
let rep1Client;
let rep2Client;

before(async () => {
  server = await startServer();
  tenant = ownerTenant(server);
  rep1 = await inviteUser(tenant.api, { name: 'Pool Rep One', role: 'sales_rep' });
  rep2 = await inviteUser(tenant.api, { name: 'Pool Rep Two', role: 'sales_rep' });
  rep1Client = await signIn(server, rep1.email, rep1.password);
  rep2Client = await signIn(server, rep2.email, rep2.password);
});

after(async () => {
  await server?.stop();
});

const ids = (items) => items.map((c) => c.id).sort((a, b) => a - b);
const addDays = (date, days) => {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
};
// the rules count in the tenant's days (Asia/Seoul unless a test says otherwise)
const tenantToday = () => dateIn('Asia/Seoul');

/** A customer the owner creates and puts straight into the pool. */
async function poolCustomer(name) {
  const customer = await makeCustomer(tenant.api, { name });
  expectStatus(await tenant.api.post(`/customers/${customer.id}/release`, { reason: 'seed the pool' }), 200, 'release');
  return customer;
}

async function setPool(settings) {
  return expectStatus(await tenant.api.patch('/settings/pool', settings), 200, 'PATCH /settings/pool');
}

test('settings: defaults, validation, permissions', async () => {
  const defaults = expectStatus(await tenant.api.get('/settings/pool'), 200);
  assert.deepEqual(defaults, { enabled: false, days_without_contact: 90, days_without_order: 0, warn_days_before: 7,
    claims_per_day: 10, max_customers_per_rep: 0, reclaim_block_days: 30 });
  assertFieldErrors(await tenant.api.patch('/settings/pool', { claims_per_day: -1, warn_days_before: 'x', nonsense: 1 }),
    [{ path: 'claims_per_day' }, { path: 'warn_days_before' }, { path: 'nonsense' }]);
  assertProblem(await rep1Client.patch('/settings/pool', { claims_per_day: 99 }), 403, 'forbidden');
  assert.deepEqual(expectStatus(await tenant.api.get('/settings/pool'), 200), defaults, 'unchanged');
  const changed = await setPool({ claims_per_day: 3 });
  assert.equal(changed.claims_per_day, 3);
  assert.equal(changed.days_without_contact, 90);
});

test('an owner releases a customer; every rep sees it in the pool, not in /customers', async () => {
  const customer = await makeCustomer(rep1Client, { name: 'Released Co' });
  assertProblem(await rep2Client.post(`/customers/${customer.id}/release`), 404, 'not_found', "another rep's customer");
  const released = expectStatus(await rep1Client.post(`/customers/${customer.id}/release`, { reason: 'no budget' }), 200);
  assert.deepEqual(released, { id: customer.id, owner_id: null });
  assertProblem(await tenant.api.post(`/customers/${customer.id}/release`), 409, 'already_in_pool');

  assert.ok(!ids(await listAll(rep1Client, '/customers')).includes(customer.id));
  const pool = await listAll(rep2Client, '/pool');
  const item = pool.find((c) => c.id === customer.id);
  assert.ok(item, JSON.stringify(pool));
  assert.equal(item.name, 'Released Co');
  assert.equal(item.owner_id, null);
  assert.deepEqual((await listAll(rep2Client, '/pool?q=released')).map((c) => c.id), [customer.id]);

  const audit = expectStatus(await tenant.api.get(`/customers/${customer.id}/audit`), 200).items;
  assert.equal(audit[0].action, 'released');
  assert.equal(audit[0].from, rep1.id);
  assert.equal(audit[0].to, null);
  assert.equal(audit[0].note, 'no budget');
});

test('claim: the rep owns it, the pool no longer lists it; a second claim is refused', async () => {
  const customer = await poolCustomer('Claimable Co');
  const answer = expectStatus(await rep2Client.post('/pool/claim', { party_ids: [customer.id] }), 200);
  assert.deepEqual(answer, { claimed: [customer.id] });
  const mine = expectStatus(await rep2Client.get(`/customers/${customer.id}`), 200);
  assert.equal(mine.owner_id, rep2.id);
  assert.ok(!ids(await listAll(rep1Client, '/pool')).includes(customer.id));
  const refused = assertProblem(await rep1Client.post('/pool/claim', { party_ids: [customer.id] }), 409, 'not_in_pool');
  assert.equal(refused.errors[0].path, 'party_ids[0]');
  assertProblem(await rep1Client.post('/pool/claim', { party_ids: [987654321] }), 404, 'not_found');
  assertFieldErrors(await rep1Client.post('/pool/claim', { party_ids: [] }), [{ path: 'party_ids' }]);
  assertFieldErrors(await rep1Client.post('/pool/claim', { party_ids: [customer.id, customer.id] }),
    [{ path: 'party_ids[1]', code: 'duplicate' }]);
  const history = expectStatus(await tenant.api.get(`/customers/${customer.id}/owners`), 200).items;
  assert.deepEqual(history.map((h) => [h.owner_id, h.action]), [[rep2.id, 'claimed'], [tenant.api.userId ?? history[1].owner_id, 'created']]);
});

test('claims per day: the limit stops the claim and nothing changes', async () => {
  await setPool({ claims_per_day: 2, max_customers_per_rep: 0, reclaim_block_days: 30 });
  const rep3 = await inviteUser(tenant.api, { name: 'Daily Rep', role: 'sales_rep' });
  const client = await signIn(server, rep3.email, rep3.password);
  const [a, b, c] = [await poolCustomer('Daily A'), await poolCustomer('Daily B'), await poolCustomer('Daily C')];
  expectStatus(await client.post('/pool/claim', { party_ids: [a.id] }), 200);
  const refused = assertProblem(await client.post('/pool/claim', { party_ids: [b.id, c.id] }), 422, 'pool_limit');
  assert.equal(refused.errors[0].code, 'claims_per_day');
  assert.match(refused.errors[0].message, /2 customers a day and have claimed 1 today/);
  for (const id of [b.id, c.id]) assert.ok(ids(await listAll(client, '/pool')).includes(id), 'still in the pool');
  assert.deepEqual(ids(await listAll(client, '/customers')), [a.id]);
  expectStatus(await client.post('/pool/claim', { party_ids: [b.id] }), 200, 'the second of the day');
  assertProblem(await client.post('/pool/claim', { party_ids: [c.id] }), 422, 'pool_limit', 'the third');
});

test('customers per rep: the total limit counts what the rep already holds', async () => {
  await setPool({ claims_per_day: 0, max_customers_per_rep: 2 });
  const rep4 = await inviteUser(tenant.api, { name: 'Full Rep', role: 'sales_rep' });
  const client = await signIn(server, rep4.email, rep4.password);
  const own = await makeCustomer(client, { name: 'Full Rep Own' });
  const [a, b] = [await poolCustomer('Total A'), await poolCustomer('Total B')];
  const refused = assertProblem(await client.post('/pool/claim', { party_ids: [a.id, b.id] }), 422, 'pool_limit');
  assert.equal(refused.errors[0].code, 'max_customers_per_rep');
  assert.match(refused.errors[0].message, /hold 2 customers and hold 1/);
  assert.deepEqual(ids(await listAll(client, '/customers')), [own.id], 'nothing claimed');
  expectStatus(await client.post('/pool/claim', { party_ids: [a.id] }), 200);
  assertProblem(await client.post('/pool/claim', { party_ids: [b.id] }), 422, 'pool_limit');
});

test('reclaim block: the previous owner waits K days, others may claim at once', async () => {
  await setPool({ claims_per_day: 0, max_customers_per_rep: 0, reclaim_block_days: 14 });
  const customer = await makeCustomer(rep1Client, { name: 'Given Back Co' });
  expectStatus(await rep1Client.post(`/customers/${customer.id}/release`), 200);
  const refused = assertProblem(await rep1Client.post('/pool/claim', { party_ids: [customer.id] }), 422, 'pool_limit');
  assert.equal(refused.errors[0].code, 'reclaim_blocked');
  assert.equal(refused.errors[0].path, 'party_ids[0]');
  assert.match(refused.errors[0].message, /claim it again from \d{4}-\d{2}-\d{2}/);
  assert.ok(ids(await listAll(rep1Client, '/pool')).includes(customer.id), 'still in the pool');
  expectStatus(await rep2Client.post('/pool/claim', { party_ids: [customer.id] }), 200, 'another rep');
});

test('rules: warn D days before, return after N days without contact, a second run changes nothing', async () => {
  // a tenant of its own, so the rules judge only these customers
  const rules = ownerTenant(server);
  const rep = await inviteUser(rules.api, { name: 'Rules Rep', role: 'sales_rep' });
  const repClient = await signIn(server, rep.email, rep.password);
  const a = await makeCustomer(rules.api, { name: 'Rules A', owner_id: rep.id });
  const b = await makeCustomer(rules.api, { name: 'Rules B', owner_id: rep.id });
  const today = tenantToday();
  const run = (asOf) => rules.api.post(`/settings/pool/run?as_of=${asOf}`);

  assert.deepEqual(expectStatus(await run(addDays(today, 400)), 200).returned, 0, 'disabled: nothing happens');
  expectStatus(await rules.api.patch('/settings/pool', { enabled: true, days_without_contact: 30, warn_days_before: 5 }), 200);
  assertFieldErrors(await run('2026-02-30'), [{ path: 'as_of', code: 'invalid_date' }]);
  assertProblem(await repClient.post(`/settings/pool/run?as_of=${today}`), 403, 'forbidden');

  let result = expectStatus(await run(addDays(today, 24)), 200);
  assert.equal(result.returned, 0);
  assert.equal(result.warned, 0, 'too early to warn');
  result = expectStatus(await run(addDays(today, 25)), 200);
  assert.deepEqual([result.returned, result.warned], [0, 2], 'warned D days before');
  result = expectStatus(await run(addDays(today, 25)), 200);
  assert.deepEqual([result.returned, result.warned], [0, 0], 'the second run the same day');
  result = expectStatus(await run(addDays(today, 27)), 200);
  assert.deepEqual([result.returned, result.warned], [0, 0], 'warned once per return date');

  const reminders = expectStatus(await repClient.get(`/reminders?as_of=${addDays(today, 26)}`), 200);
  const warnings = reminders.items.filter((i) => i.kind === 'pool_warning');
  assert.deepEqual(warnings.map((w) => w.party_id).sort((x, y) => x - y), [a.id, b.id].sort((x, y) => x - y));
  assert.equal(warnings[0].due_date, addDays(today, 30));
  assert.equal(warnings[0].days_left, 4);

  result = expectStatus(await run(addDays(today, 30)), 200);
  assert.deepEqual([result.returned, result.warned], [2, 0], 'returned on the Nth day');
  result = expectStatus(await run(addDays(today, 30)), 200);
  assert.deepEqual([result.returned, result.warned], [0, 0], 'the second run changes nothing');

  assert.deepEqual(await listAll(repClient, '/customers'), []);
  assert.deepEqual(ids(await listAll(repClient, '/pool')), [a.id, b.id].sort((x, y) => x - y));
  const audit = expectStatus(await rules.api.get(`/customers/${a.id}/audit`), 200).items;
  assert.equal(audit[0].action, 'returned_to_pool');
  assert.equal(audit[0].user_name, null, 'the system did it');
  assert.equal(audit[0].from, rep.id);
  assert.equal(audit[0].note, 'days_without_contact');
  const history = expectStatus(await rules.api.get(`/customers/${a.id}/owners`), 200).items;
  assert.equal(history[0].owner_id, rep.id);
  assert.notEqual(history[0].to, null, 'the period ended');
  // the rep whose customer went back may not claim it straight away
  assertProblem(await repClient.post('/pool/claim', { party_ids: [a.id] }), 422, 'pool_limit');
});

test("rules count days in the tenant's time zone: a contact at 00:30 in Seoul is that day's", async () => {
  const rules = ownerTenant(server, { timezone: 'Asia/Seoul' });
  const rep = await inviteUser(rules.api, { name: 'Midnight Rep', role: 'sales_rep' });
  const customer = await makeCustomer(rules.api, { name: 'Midnight Call Ltd', owner_id: rep.id });
  // 2026-10-01T15:30Z is 00:30 on 2 October in Seoul, still 1 October in UTC
  expectStatus(await rules.api.post('/activities', {
    party_id: customer.id, type: 'phone_call', occurred_at: '2026-10-01T15:30:00Z',
  }), 201);
  expectStatus(await rules.api.patch('/settings/pool', { enabled: true, days_without_contact: 30, warn_days_before: 0 }), 200);
  const run = (asOf) => rules.api.post(`/settings/pool/run?as_of=${asOf}`);
  // thirty days after 2 October is 1 November; counted from the UTC date it would be 31 October
  assert.equal(expectStatus(await run('2026-10-31'), 200).returned, 0);
  assert.equal(expectStatus(await rules.api.get(`/customers/${customer.id}`), 200).owner_id, rep.id);
  assert.equal(expectStatus(await run('2026-11-01'), 200).returned, 1);
  assert.equal(expectStatus(await rules.api.get(`/customers/${customer.id}`), 200).owner_id, null);
});

test('pool and its actions are per tenant', async () => {
  const other = ownerTenant(server);
  const customer = await poolCustomer('Private Pool Co');
  assert.ok(!(await listAll(other.api, '/pool')).some((c) => c.id === customer.id));
  assertProblem(await other.api.post('/pool/claim', { party_ids: [customer.id] }), 404, 'not_found');
  assertProblem(await other.api.post(`/customers/${customer.id}/release`), 404, 'not_found');
  assert.equal(expectStatus(await other.api.get('/settings/pool'), 200).claims_per_day, 10, 'own settings');
});
