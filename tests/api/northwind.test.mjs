// The Northwind demo: `rapport demo --northwind` loads the sample CSVs; the API shows every
// customer, supplier, product and employee as in the files (worked out here from the CSVs).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import {
  startServer, rapport, createToken, api, listAll, readCsvObjects, expectStatus, SHARED_DATA,
} from './harness.mjs';

const DIR = path.join(SHARED_DATA, 'northwind');
const EMAIL = 'a@nw.test';
let server;
let client;
let tenantId;
const csv = {};

before(async () => {
  server = await startServer();
  for (const name of ['customers', 'suppliers', 'products', 'employees']) csv[name] = readCsvObjects(path.join(DIR, `${name}.csv`));
});

after(async () => {
  await server?.stop();
});

/** A Northwind money value ("18", "21.35", "4.5") with two decimals, without floating point. */
function twoDecimals(value) {
  const [whole, fraction = ''] = value.split('.');
  return `${whole}.${fraction.padEnd(2, '0')}`;
}

test('the CSV fixtures parse as documented', () => {
  assert.equal(csv.customers.length, 91);
  assert.equal(csv.suppliers.length, 29);
  assert.equal(csv.products.length, 77);
  assert.equal(csv.employees.length, 9);
  assert.equal(twoDecimals('18'), '18.00');
  assert.equal(twoDecimals('4.5'), '4.50');
  assert.equal(twoDecimals('21.35'), '21.35');
});

test('rapport demo --northwind loads the sample and prints the tenant id on line 1', () => {
  const out = rapport(['demo', '--db', server.dbUrl, '--northwind', DIR, '--admin-email', EMAIL, '--admin-password', 'northwind-pass']);
  const first = out.split('\n')[0].trim();
  assert.match(first, /^\d+$/, `the tenant id on line 1 of: ${out}`);
  tenantId = Number(first);
  client = api(server, { token: createToken(server, tenantId, EMAIL) });
});

test('the owner can sign in with the given password and lands in the demo tenant', async () => {
  assert.ok(client, 'needs the demo tenant');
  const answer = await api(server).post('/session', { email: EMAIL, password: 'northwind-pass' });
  const session = expectStatus(answer, 200, 'sign in');
  assert.equal(session.tenant.id, tenantId);
  assert.equal(session.role, 'owner');
});

test('exactly 91 customers, 29 suppliers, 77 products and 9 employees', async () => {
  assert.ok(client, 'needs the demo tenant');
  assert.equal((await listAll(client, '/customers')).length, 91);
  assert.equal((await listAll(client, '/suppliers')).length, 29);
  assert.equal((await listAll(client, '/products')).length, 77);
  assert.equal((await listAll(client, '/employees')).length, 9);
  // paging with small pages sees the same rows
  const small = await listAll(client, '/customers?sort=code', 7);
  assert.deepEqual(small.map((c) => c.code), csv.customers.map((c) => c.CustomerID).sort());
});

test('every customer row: code, name, first contact and phone as in customers.csv', async () => {
  assert.ok(client, 'needs the demo tenant');
  const byCode = new Map((await listAll(client, '/customers')).map((c) => [c.code, c]));
  const problems = [];
  for (const row of csv.customers) {
    const listed = byCode.get(row.CustomerID);
    if (!listed) {
      problems.push(`${row.CustomerID}: missing`);
      continue;
    }
    if (listed.name !== row.CompanyName) problems.push(`${row.CustomerID}: name ${JSON.stringify(listed.name)} != ${JSON.stringify(row.CompanyName)}`);
    if (listed.contact_name !== row.ContactName) problems.push(`${row.CustomerID}: list contact_name ${JSON.stringify(listed.contact_name)}`);
    const card = expectStatus(await client.get(`/customers/${listed.id}`), 200);
    if (card.contacts?.[0]?.name !== row.ContactName)
      problems.push(`${row.CustomerID}: first contact ${JSON.stringify(card.contacts?.[0]?.name)} != ${JSON.stringify(row.ContactName)}`);
    if (!card.phones?.some((p) => p.number === row.Phone))
      problems.push(`${row.CustomerID}: phones ${JSON.stringify(card.phones)} lack ${JSON.stringify(row.Phone)}`);
    if (!card.roles?.includes('customer')) problems.push(`${row.CustomerID}: roles ${card.roles}`);
  }
  assert.deepEqual(problems, []);
});

test('q=frank finds exactly the customers with "frank" in name, code or contact name', async () => {
  assert.ok(client, 'needs the demo tenant');
  const expected = csv.customers
    .filter((r) => [r.CustomerID, r.CompanyName, r.ContactName].some((v) => v.toLowerCase().includes('frank')))
    .map((r) => r.CustomerID)
    .sort();
  assert.deepEqual(expected, ['FRANK']); // Frankenversand, contact Peter Franken
  for (const q of ['frank', 'FRANK', 'Frank'])
    assert.deepEqual((await listAll(client, `/customers?q=${q}`)).map((c) => c.code).sort(), expected, `q=${q}`);

  // more searches worked out from the file: a contact-name fragment and a phone's digits
  const contact = csv.customers
    .filter((r) => [r.CustomerID, r.CompanyName, r.ContactName].some((v) => v.toLowerCase().includes('anders')))
    .map((r) => r.CustomerID)
    .sort();
  assert.deepEqual((await listAll(client, '/customers?q=anders')).map((c) => c.code).sort(), contact);
  assert.deepEqual((await listAll(client, '/customers?q=0074321')).map((c) => c.code), ['ALFKI']);
});

test('every product: code = ProductID, name, unit_price with two decimals; Chai is 18.00', async () => {
  assert.ok(client, 'needs the demo tenant');
  const byCode = new Map((await listAll(client, '/products')).map((p) => [p.code, p]));
  const chai = byCode.get('1');
  assert.equal(chai?.name, 'Chai');
  assert.equal(chai?.unit_price, '18.00');
  const problems = [];
  for (const row of csv.products) {
    const product = byCode.get(row.ProductID);
    if (!product) problems.push(`${row.ProductID}: missing`);
    else if (product.name !== row.ProductName || product.unit_price !== twoDecimals(row.UnitPrice))
      problems.push(`${row.ProductID}: ${product.name} ${product.unit_price} != ${row.ProductName} ${twoDecimals(row.UnitPrice)}`);
  }
  assert.deepEqual(problems, []);
  const got = expectStatus(await client.get(`/products/${chai.id}`), 200);
  assert.equal(got.unit_price, '18.00');
});

test('suppliers and employees are the ones in the files', async () => {
  assert.ok(client, 'needs the demo tenant');
  const suppliers = await listAll(client, '/suppliers');
  assert.deepEqual(suppliers.map((s) => s.name).sort(), csv.suppliers.map((r) => r.CompanyName).sort());
  for (const s of suppliers) assert.ok(s.roles.includes('supplier'), `${s.name} is a supplier`);
  const customers = new Set((await listAll(client, '/customers')).map((c) => c.id));
  assert.ok(!suppliers.some((s) => customers.has(s.id)), 'suppliers are not in the customer list');

  const employees = await listAll(client, '/employees');
  for (const row of csv.employees)
    assert.ok(employees.some((e) => e.name.includes(row.FirstName) && e.name.includes(row.LastName)),
      `${row.FirstName} ${row.LastName} in ${JSON.stringify(employees.map((e) => e.name))}`);
});
