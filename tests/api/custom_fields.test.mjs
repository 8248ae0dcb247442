// Profile fields and tenant-defined custom fields: definitions, validation of values on parties
// and contacts, the custom.<code> list filter (docs/api.md "Parties" and "Custom fields, lists of
// values, audit").
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  startServer, ownerTenant, signIn, inviteUser, makeCustomer, makeContact, listAll, assertProblem,
  assertFieldErrors, expectStatus, sleep, parseCsv,
} from './harness.mjs';

let server;
let tenant;
let repClient;
const defs = {};

before(async () => {
  server = await startServer();
  tenant = ownerTenant(server);
  const rep = await inviteUser(tenant.api, { role: 'sales_rep' });
  repClient = await signIn(server, rep.email, rep.password);
});

after(async () => {
  await server?.stop();
});

const define = async (body) => expectStatus(await tenant.api.post('/custom-fields', body), 201, `define ${body.code}`);
const ids = (items) => items.map((c) => c.id).sort((a, b) => a - b);

test('profile fields: risk, preferred channel, hobbies and habits', async () => {
  const customer = await makeCustomer(tenant.api, { name: 'Profile Co', risk: 'high', preferred_channel: 'kakaotalk' });
  assert.equal(customer.risk, 'high');
  assert.equal(customer.preferred_channel, 'kakaotalk');
  assert.deepEqual(customer.custom_fields, {});
  assertFieldErrors(await tenant.api.post('/customers', { name: 'Bad Risk', risk: 'extreme' }),
    [{ path: 'risk', code: 'invalid_choice' }]);
  const contact = await makeContact(tenant.api, customer.id, { name: 'Kim', hobbies: 'golf, hiking',
    habits: 'answers e-mail early', preferred_channel: 'phone', birthday: '1980-05-17' });
  assert.equal(contact.hobbies, 'golf, hiking');
  assert.equal(contact.habits, 'answers e-mail early');
  assert.equal(contact.preferred_channel, 'phone');
  const card = expectStatus(await tenant.api.get(`/customers/${customer.id}`), 200);
  assert.equal(card.contacts[0].hobbies, 'golf, hiking');
  assert.deepEqual(card.contacts[0].custom_fields, {});
});

test('definitions: create, list per entity, precise errors', async () => {
  defs.segment = await define({ entity: 'customer', code: 'segment', label: 'Segment', type: 'choice',
    options: ['retail', 'wholesale'], required: true, position: 1 });
  defs.employees = await define({ entity: 'customer', code: 'employees', label: 'Employees', type: 'number', position: 2 });
  defs.founded = await define({ entity: 'customer', code: 'founded', label: 'Founded', type: 'date', position: 3 });
  defs.channels = await define({ entity: 'customer', code: 'channels', label: 'Channels', type: 'multi_choice',
    options: ['online', 'store', 'phone'], position: 4 });
  defs.memo = await define({ entity: 'customer', code: 'memo', label: 'Memo', type: 'text', position: 5 });
  defs.nickname = await define({ entity: 'contact', code: 'nickname', label: 'Nickname', type: 'text' });
  assert.deepEqual(defs.segment.options, ['retail', 'wholesale']);
  assert.equal(defs.segment.required, true);
  assert.equal(defs.employees.required, false);

  const customerFields = expectStatus(await repClient.get('/custom-fields?entity=customer'), 200).items;
  assert.deepEqual(customerFields.map((f) => f.code), ['segment', 'employees', 'founded', 'channels', 'memo']);
  assert.deepEqual(expectStatus(await tenant.api.get('/custom-fields?entity=contact'), 200).items.map((f) => f.code), ['nickname']);
  assert.equal(expectStatus(await tenant.api.get('/custom-fields'), 200).items.length, 6);
  assertFieldErrors(await tenant.api.get('/custom-fields?entity=planet'), [{ path: 'entity' }]);

  assertFieldErrors(await tenant.api.post('/custom-fields', { entity: 'customer', code: 'segment', label: 'Again', type: 'text' }),
    [{ path: 'code', code: 'taken' }]);
  assertFieldErrors(await tenant.api.post('/custom-fields', { entity: 'customer', code: 'Bad Code', label: 'x', type: 'text' }),
    [{ path: 'code', code: 'invalid_code' }]);
  assertFieldErrors(await tenant.api.post('/custom-fields', { entity: 'customer', code: 'kind2', label: 'x', type: 'choice' }),
    [{ path: 'options', code: 'required' }]);
  assertFieldErrors(await tenant.api.post('/custom-fields', { entity: 'customer', code: 'x1', label: 'x', type: 'colour' }),
    [{ path: 'type', code: 'invalid_choice' }]);
  assertFieldErrors(await tenant.api.post('/custom-fields', { entity: 'customer', code: 'x2', label: 'x', type: 'choice', options: ['a', 'a'] }),
    [{ path: 'options[1]', code: 'duplicate' }]);
  assertProblem(await repClient.post('/custom-fields', { entity: 'customer', code: 'rep', label: 'x', type: 'text' }), 403, 'forbidden');
  // the same code may exist for another entity
  await define({ entity: 'contact', code: 'segment', label: 'Contact segment', type: 'text' });
});

test('values are validated on create and update with paths custom_fields.<code>', async () => {
  assertFieldErrors(await tenant.api.post('/customers', { name: 'No Segment' }),
    [{ path: 'custom_fields.segment', code: 'required' }]);
  const bad = await tenant.api.post('/customers', { name: 'Bad Values', custom_fields: { segment: 'space', employees: 'many',
    founded: '2020-13-01', channels: ['online', 'fax'], memo: 12, unknown_code: 'x' } });
  assertFieldErrors(bad, [
    { path: 'custom_fields.segment', code: 'invalid_choice' },
    { path: 'custom_fields.employees', code: 'invalid_number' },
    { path: 'custom_fields.founded', code: 'invalid_date' },
    { path: 'custom_fields.channels', code: 'invalid_choice' },
    { path: 'custom_fields.memo', code: 'invalid_type' },
    { path: 'custom_fields.unknown_code', code: 'unknown_field' },
  ]);
  assertFieldErrors(await tenant.api.post('/customers', { name: 'Not An Object', custom_fields: ['segment'] }),
    [{ path: 'custom_fields', code: 'invalid_type' }]);
  assert.equal((await listAll(tenant.api, '/customers?q=Bad%20Values')).length, 0, 'nothing saved');

  const made = await makeCustomer(tenant.api, { name: 'Valid Values', custom_fields: { segment: 'retail', employees: '120',
    founded: '1999-04-01', channels: ['online', 'store', 'online'], memo: '  prefers mornings ' } });
  assert.deepEqual(made.custom_fields, { segment: 'retail', employees: 120, founded: '1999-04-01',
    channels: ['online', 'store'], memo: 'prefers mornings' });

  // PATCH changes only the codes it names; null removes an optional value, never a required one
  const headers = { 'If-Match': String(made.version) };
  const patched = expectStatus(await tenant.api.patch(`/customers/${made.id}`, { custom_fields: { employees: 95.5, memo: null } },
    { headers }), 200);
  assert.deepEqual(patched.custom_fields, { segment: 'retail', employees: 95.5, founded: '1999-04-01', channels: ['online', 'store'] });
  assertFieldErrors(await tenant.api.patch(`/customers/${made.id}`, { custom_fields: { segment: null } },
    { headers: { 'If-Match': String(patched.version) } }), [{ path: 'custom_fields.segment', code: 'required' }]);
  const unchanged = expectStatus(await tenant.api.patch(`/customers/${made.id}`, { name: 'Valid Values Ltd' },
    { headers: { 'If-Match': String(patched.version) } }), 200);
  assert.deepEqual(unchanged.custom_fields, patched.custom_fields);

  // contacts follow the contact definitions
  assertFieldErrors(await tenant.api.post(`/customers/${made.id}/contacts`, { name: 'Lee', custom_fields: { employees: 3 } }),
    [{ path: 'custom_fields.employees', code: 'unknown_field' }]);
  const contact = await makeContact(tenant.api, made.id, { name: 'Lee', custom_fields: { nickname: 'Sunny' } });
  assert.deepEqual(contact.custom_fields, { nickname: 'Sunny' });
  const changed = expectStatus(await tenant.api.patch(`/customers/${made.id}/contacts/${contact.id}`,
    { custom_fields: { segment: 'VIP' } }), 200);
  assert.deepEqual(changed.custom_fields, { nickname: 'Sunny', segment: 'VIP' });
});

test('custom.<code>= filters the customer list (multiple choices by containment)', async () => {
  const a = await makeCustomer(tenant.api, { name: 'Filter A', custom_fields: { segment: 'wholesale', channels: ['phone'], employees: 7 } });
  const b = await makeCustomer(tenant.api, { name: 'Filter B', custom_fields: { segment: 'wholesale', channels: ['store', 'phone'] } });
  const c = await makeCustomer(tenant.api, { name: 'Filter C', custom_fields: { segment: 'retail', channels: ['store'] } });
  const listed = async (query) => ids(await listAll(tenant.api, `/customers?q=Filter&${query}`));
  assert.deepEqual(await listed('custom.segment=wholesale'), ids([a, b]));
  assert.deepEqual(await listed('custom.channels=store'), ids([b, c]));
  assert.deepEqual(await listed('custom.channels=phone&custom.segment=wholesale'), ids([a, b]));
  assert.deepEqual(await listed('custom.employees=7'), ids([a]));
  assert.deepEqual(await listed('custom.segment=none'), []);
  assertFieldErrors(await tenant.api.get('/customers?custom.Bad%20Code=1'), [{ path: 'custom.Bad Code' }]);
});

test('definitions change label and options, not code or type; delete; per tenant', async () => {
  const changed = expectStatus(await tenant.api.patch(`/custom-fields/${defs.channels.id}`,
    { label: 'Sales channels', options: ['online', 'store', 'phone', 'fair'] }), 200);
  assert.equal(changed.label, 'Sales channels');
  assert.equal(changed.code, 'channels');
  assert.equal(changed.version, defs.channels.version + 1);
  assertFieldErrors(await tenant.api.patch(`/custom-fields/${defs.channels.id}`, { type: 'text', code: 'c2' }),
    [{ path: 'type', code: 'read_only' }, { path: 'code', code: 'read_only' }]);
  const made = await makeCustomer(tenant.api, { name: 'Fair Co', custom_fields: { segment: 'retail', channels: ['fair'] } });
  assert.deepEqual(made.custom_fields.channels, ['fair']);

  const other = ownerTenant(server);
  assertProblem(await other.api.patch(`/custom-fields/${defs.memo.id}`, { label: 'Mine' }), 404, 'not_found');
  assertProblem(await other.api.delete(`/custom-fields/${defs.memo.id}`), 404, 'not_found');
  assert.deepEqual(expectStatus(await other.api.get('/custom-fields'), 200).items, []);
  await makeCustomer(other.api, { name: 'No Required Here' });

  expectStatus(await tenant.api.delete(`/custom-fields/${defs.segment.id}`), 204);
  assertProblem(await tenant.api.delete(`/custom-fields/${defs.segment.id}`), 404, 'not_found');
  await makeCustomer(tenant.api, { name: 'Segment No Longer Required' });
  // a removed field no longer filters, and neither does one that never existed
  assertFieldErrors(await tenant.api.get('/customers?custom.segment=retail'), [{ path: 'custom.segment', code: 'unknown_field' }]);
  assertFieldErrors(await tenant.api.get('/customers?custom.colour=red'), [{ path: 'custom.colour', code: 'unknown_field' }]);
});

test('a custom field change with a stale If-Match answers 412 with the current definition and changes nothing', async () => {
  const current = expectStatus(await tenant.api.get('/custom-fields?entity=customer'), 200).items.find((f) => f.code === 'memo');
  const stale = await tenant.api.patch(`/custom-fields/${current.id}`, { label: 'Stale memo' },
    { headers: { 'If-Match': `"${current.version - 1 || 99}"` } });
  const problem = assertProblem(stale, 412, 'version_mismatch');
  assert.equal(problem.current.label, current.label);
  const fresh = expectStatus(await tenant.api.patch(`/custom-fields/${current.id}`, { label: 'Notes' },
    { headers: { 'If-Match': `"${current.version}"` } }), 200);
  assert.deepEqual([fresh.label, fresh.version], ['Notes', current.version + 1]);
});

/** Uploads a UTF-8 CSV and runs a customers import to the end; answers the finished job. */
async function importCustomers(client, csv, mapping) {
  const file = expectStatus(await client.request('POST', '/imports/files?filename=custom.csv&encoding=UTF-8', {
    raw: Buffer.from(csv, 'utf8'), headers: { 'Content-Type': 'application/octet-stream' } }), 201, 'upload');
  const fields = expectStatus(await client.get(`/imports/fields?kind=customers&file_id=${file.id}`), 200);
  const queued = await client.post('/imports', { file_id: file.id, kind: 'customers', mapping: mapping ?? fields.suggested_mapping,
    duplicate_policy: 'update', duplicate_key: 'code' });
  if (queued.status !== 202) return { refused: queued, fields };
  for (let i = 0; i < 300; i++) {
    const job = expectStatus(await client.get(`/imports/${queued.body.id}`), 200);
    if (job.status === 'done' || job.status === 'failed') return { job, fields };
    await sleep(100);
  }
  throw new Error('the import did not finish');
}

test('an import fills custom fields from columns named by label or code, checked like the form', async () => {
  // a tenant of its own, so the definitions are exactly these
  const own = ownerTenant(server).api;
  const make = async (body) => expectStatus(await own.post('/custom-fields', body), 201, `define ${body.code}`);
  await make({ entity: 'customer', code: 'segment', label: 'Segment', type: 'choice', options: ['retail', 'wholesale'], required: true, position: 1 });
  await make({ entity: 'customer', code: 'employees', label: 'Employees', type: 'number', position: 2 });
  await make({ entity: 'customer', code: 'founded', label: '설립일', type: 'date', position: 3 });
  await make({ entity: 'customer', code: 'channels', label: 'Sales channels', type: 'multi_choice', options: ['online', 'store', 'phone'], position: 4 });

  const csv = 'Code,Name,Segment,employees,Sales Channels,설립일\n'
    + 'CF-1,Import Custom One,wholesale,12,"online, phone",2001-05-17\n'
    + 'CF-2,Import Custom Two,retail,,store;online,\n'
    + 'CF-3,Import Custom Bad,bulk,3,,\n'
    + 'CF-4,Import Custom Missing,,4,,\n';
  const { job, fields } = await importCustomers(own, csv);
  assert.deepEqual(fields.fields.filter((f) => f.field.startsWith('custom.')).map((f) => [f.field, f.label]), [
    ['custom.segment', 'Segment'], ['custom.employees', 'Employees'], ['custom.founded', '설립일'],
    ['custom.channels', 'Sales channels'],
  ]);
  assert.deepEqual(fields.suggested_mapping, {
    Code: 'code', Name: 'name', Segment: 'custom.segment', employees: 'custom.employees',
    'Sales Channels': 'custom.channels', 설립일: 'custom.founded',
  });
  assert.equal(job.status, 'done', JSON.stringify(job));
  assert.deepEqual([job.created, job.failed], [2, 2]);
  // the bad choice and the missing required segment fail their rows, naming the field
  const answer = await own.get(`/imports/${job.id}/failures.csv`);
  expectStatus(answer, 200);
  const failures = answer.raw.toString('utf8');
  const failed = parseCsv(failures.replace(/^\ufeff/, '')).filter((r) => r.length > 1);
  const reason = failed[0].indexOf('reason');
  assert.deepEqual(failed.slice(1).map((r) => [r[0], r[reason]]), [
    ['CF-3', 'custom_fields.segment: must be one of ["retail","wholesale"]'],
    ['CF-4', 'custom_fields.segment: Segment is required'],
  ]);

  const imported = await listAll(own, '/customers?q=Import%20Custom');
  const byCode = Object.fromEntries(imported.map((c) => [c.code, c.custom_fields]));
  assert.deepEqual(byCode, {
    'CF-1': { segment: 'wholesale', employees: 12, channels: ['online', 'phone'], founded: '2001-05-17' },
    'CF-2': { segment: 'retail', channels: ['store', 'online'] },
  });

  // a second import changes one value and keeps the others
  const again = await importCustomers(own, 'Code,Name,Employees\nCF-1,Import Custom One,40\n');
  assert.deepEqual([again.job.updated, again.job.failed], [1, 0], JSON.stringify(again.job));
  const [one] = (await listAll(own, '/customers?q=CF-1')).filter((c) => c.code === 'CF-1');
  assert.deepEqual(one.custom_fields, { segment: 'wholesale', employees: 40, channels: ['online', 'phone'], founded: '2001-05-17' });

  // a mapping with custom columns can be saved for the next file; one without a mapping cannot
  const saved = expectStatus(await own.post('/import-mappings', { name: 'With custom', kind: 'customers',
    mapping: { Code: 'code', Segment: 'custom.segment' } }), 201);
  assert.deepEqual(saved.mapping, { Code: 'code', Segment: 'custom.segment' });
  assertFieldErrors(await own.post('/import-mappings', { name: 'No mapping', kind: 'customers' }),
    [{ path: 'mapping', code: 'required' }]);

  // the dry run already sees what the import will refuse: a bad choice, a missing required value
  const checkFile = expectStatus(await own.request('POST', '/imports/files?filename=check.csv&encoding=UTF-8', {
    raw: Buffer.from(csv.replace(/CF-/g, 'CK-'), 'utf8'), headers: { 'Content-Type': 'application/octet-stream' } }), 201);
  const dry = expectStatus(await own.post('/imports/dry-run', { file_id: checkFile.id, kind: 'customers',
    mapping: fields.suggested_mapping, duplicate_policy: 'update', duplicate_key: 'code' }), 200);
  assert.deepEqual([dry.valid, dry.invalid], [2, 2]);
  assert.deepEqual(dry.problems.map((p) => [p.row, p.field]), [[4, 'custom_fields.segment'], [5, 'custom_fields.segment']]);
  assert.deepEqual(await listAll(own, '/customers?q=CK-'), [], 'a dry run writes nothing');

  // mapping a custom field the tenant does not have is refused before anything is written
  const { refused } = await importCustomers(own, 'Code,Name,Colour\nCF-9,Import Unknown,red\n',
    { Code: 'code', Name: 'name', Colour: 'custom.colour' });
  assertFieldErrors(refused, [{ path: 'mapping.Colour', code: 'unknown_field' }]);
  assert.deepEqual(await listAll(own, '/customers?q=Import%20Unknown'), []);
});
