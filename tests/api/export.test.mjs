// The customer and supplier lists exported as a table (docs/api.md "Parties"): the list's filters
// and data scope, custom fields as columns, credit limits in the currency's major unit, headers in
// the tenant's language, XLSX by default, and precise errors.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  startServer, ownerTenant, signIn, inviteUser, makeCustomer, makeSupplier, assertProblem, assertFieldErrors,
  expectStatus, unzip,
} from './harness.mjs';

let server;
let tenant;
let rep1;
let rep1Client;
let clerkClient;

before(async () => {
  server = await startServer();
  tenant = ownerTenant(server, { locale: 'en', currency: 'KRW' });
  rep1 = await inviteUser(tenant.api, { name: 'Export Rep One', role: 'sales_rep' });
  const rep2 = await inviteUser(tenant.api, { name: 'Export Rep Two', role: 'sales_rep' });
  const clerk = await inviteUser(tenant.api, { name: 'Export Clerk', role: 'order_clerk' });
  rep1Client = await signIn(server, rep1.email, rep1.password);
  clerkClient = await signIn(server, clerk.email, clerk.password);
  expectStatus(await tenant.api.post('/custom-fields',
    { entity: 'customer', code: 'segment', label: 'Segment', type: 'choice', options: ['wholesale', 'retail'] }), 201);
  expectStatus(await tenant.api.post('/custom-fields',
    { entity: 'customer', code: 'employees', label: 'Employees', type: 'number' }), 201);
  await makeCustomer(tenant.api, {
    name: 'Busan Marine Supply', owner_id: rep1.id, level: 'A', region: 'Busan', tags: ['VIP', 'export'],
    phones: [{ type: 'work', number: '051-555-0101' }, { type: 'fax', number: '051-555-0102' }],
    emails: [{ type: 'work', address: 'sales@busan-marine.example' }],
    billing_address: { line1: '12 Haeundae-ro', city: 'Busan', country: 'KR' },
    currency: 'KRW', credit_limit: 50000000, custom_fields: { segment: 'wholesale', employees: 42 },
  });
  await makeCustomer(tenant.api, {
    name: 'Austin Parts Co', owner_id: rep1.id, currency: 'USD', credit_limit: 1234567, custom_fields: { segment: 'retail' },
  });
  await makeCustomer(tenant.api, { name: 'Daegu Textile', owner_id: rep2.id, custom_fields: { segment: 'wholesale' } });
  await makeSupplier(tenant.api, { name: 'Export Supplier Ltd' });
});

after(async () => {
  await server?.stop();
});

const column = (table, key) => table.columns.findIndex((c) => c.key === key);

test("a rep's export holds exactly the rep's customers, with custom fields as columns", async () => {
  const table = expectStatus(await rep1Client.get('/customers/export?format=json'), 200);
  assert.deepEqual(table.rows.map((r) => r[column(table, 'name')]), ['Austin Parts Co', 'Busan Marine Supply']);
  assert.deepEqual(table.columns.slice(-2), [
    { key: 'custom.segment', label: 'Segment', type: 'text' },
    { key: 'custom.employees', label: 'Employees', type: 'number' },
  ]);
  const busan = table.rows[1];
  const cell = (key) => busan[column(table, key)];
  assert.equal(cell('owner_name'), 'Export Rep One');
  assert.equal(cell('tags'), 'VIP, export');
  assert.equal(cell('phones'), '051-555-0101; 051-555-0102');
  assert.equal(cell('emails'), 'sales@busan-marine.example');
  assert.equal(cell('billing_address'), '12 Haeundae-ro, Busan, KR');
  assert.equal(cell('credit_limit'), '50000000', 'won have no minor unit');
  assert.equal(cell('custom.segment'), 'wholesale');
  assert.equal(cell('custom.employees'), 42);
  assert.equal(table.rows[0][column(table, 'credit_limit')], '12345.67', 'dollars: 1,234,567 cents');
  assert.equal(table.rows[0][column(table, 'custom.employees')], null);
  assert.equal(table.columns[column(table, 'name')].label, 'Name', 'headers in the tenant language');
});

test('the export applies the list filters and is an XLSX file by default', async () => {
  const filtered = expectStatus(await tenant.api.get('/customers/export?format=json&custom.segment=wholesale'), 200);
  assert.deepEqual(filtered.rows.map((r) => r[column(filtered, 'name')]), ['Busan Marine Supply', 'Daegu Textile']);
  const searched = expectStatus(await tenant.api.get('/customers/export?format=json&q=marine'), 200);
  assert.deepEqual(searched.rows.map((r) => r[1]), ['Busan Marine Supply']);

  const empty = await rep1Client.get('/customers/export?format=&q=busan');
  assert.match(empty.headers.get('content-type'), /spreadsheetml/, 'an empty format is the default, XLSX');
  const file = await rep1Client.get('/customers/export?q=busan');
  assert.equal(file.status, 200, file.text.slice(0, 300));
  assert.match(file.headers.get('content-type'), /spreadsheetml/);
  assert.match(file.headers.get('content-disposition'), /attachment; filename="customers\.xlsx"/);
  const parts = unzip(file.raw);
  const strings = parts['xl/sharedStrings.xml'].toString('utf8');
  const sheet = parts['xl/worksheets/sheet1.xml'].toString('utf8');
  for (const text of ['Name', 'Segment', 'Busan Marine Supply', 'wholesale']) assert.ok(strings.includes(`>${text}<`), `${text} in the workbook`);
  assert.ok(!strings.includes('Daegu Textile'), "another rep's customer is not in the file");
  assert.equal((sheet.match(/<row /g) || []).length, 2, 'the header and one customer');
});

test('export refuses roles without the export right, bad filters and unknown formats', async () => {
  assertProblem(await clerkClient.get('/customers/export'), 403, 'forbidden');
  assertProblem(await rep1Client.get('/suppliers/export'), 403, 'forbidden');
  assertFieldErrors(await tenant.api.get('/customers/export?format=pdf'), [{ path: 'format', code: 'invalid_choice' }]);
  assertFieldErrors(await tenant.api.get('/customers/export?owner_id=abc'), [{ path: 'owner_id', code: 'invalid_integer' }]);
  assertFieldErrors(await tenant.api.get('/customers?owner_id=12x'), [{ path: 'owner_id', code: 'invalid_integer' }]);
  const suppliers = expectStatus(await tenant.api.get('/suppliers/export?format=json'), 200);
  assert.deepEqual(suppliers.rows.map((r) => r[1]), ['Export Supplier Ltd']);
});
