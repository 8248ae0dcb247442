// Products: decimals as strings with their scale, unique codes, search, filters, paging, If-Match
// (docs/api.md, "Products").
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  startServer, ownerTenant, makeProduct, listAll, assertProblem, assertFieldErrors, expectStatus, softly, INSTANT,
} from './harness.mjs';

let server;
let owner;

before(async () => {
  server = await startServer();
  owner = ownerTenant(server).api;
});

after(async () => {
  await server?.stop();
});

const codes = (items) => items.map((p) => p.code).sort();
const count = async () => (await listAll(owner, '/products')).length;

let tea;

test('create answers decimals as strings in their scale', async () => {
  tea = await makeProduct(owner, {
    code: 'P-100', name: 'Green Tea 녹차', specification: '20 bags', unit: 'box', category: 'Beverages',
    unit_price: '18.5', cost: '12', tax_rate: '10',
  });
  assert.equal(tea.code, 'P-100');
  assert.equal(tea.name, 'Green Tea 녹차');
  assert.equal(tea.specification, '20 bags');
  assert.equal(tea.unit, 'box');
  assert.equal(tea.category, 'Beverages');
  assert.equal(tea.unit_price, '18.50');
  assert.equal(tea.cost, '12.00');
  assert.equal(tea.tax_rate, '10');
  assert.equal(tea.active, true);
  assert.match(tea.created_at, INSTANT);
  assert.match(tea.updated_at, INSTANT);

  const got = expectStatus(await owner.get(`/products/${tea.id}`), 200);
  assert.deepEqual(got, tea);
  assertProblem(await owner.get('/products/987654321'), 404);

  const cheap = await makeProduct(owner, { code: 'P-101', name: 'Matches', unit_price: '0.5', category: 'Household' });
  assert.equal(cheap.unit_price, '0.50');
  const exact = await makeProduct(owner, { code: 'P-102', name: 'Saffron', unit_price: '1234567.89', category: 'Condiments' });
  assert.equal(exact.unit_price, '1234567.89');
});

test('invalid decimals and a duplicate code answer 422; nothing is created', async () => {
  const before = await count();
  const check = softly();
  const refuse = (label, body, errors) => check(label, async () => assertFieldErrors(await owner.post('/products', body), errors, label));
  await refuse('unit_price 1.00001', { code: 'P-X1', name: 'Too precise', unit_price: '1.00001' }, [{ path: 'unit_price' }]);
  await refuse('unit_price abc', { code: 'P-X2', name: 'Not a number', unit_price: 'abc' }, [{ path: 'unit_price' }]);
  await refuse('cost 1,5', { code: 'P-X3', name: 'Bad cost', unit_price: '1', cost: '1,5' }, [{ path: 'cost' }]);
  await refuse('unit_price 1e3', { code: 'P-X7', name: 'Exponent', unit_price: '1e3' }, [{ path: 'unit_price' }]);
  await refuse('tax_rate ten', { code: 'P-X4', name: 'Bad tax', unit_price: '1', tax_rate: 'ten' }, [{ path: 'tax_rate' }]);
  await refuse('missing name', { code: 'P-X5', unit_price: '1' }, [{ path: 'name' }]);
  await refuse('unknown field', { code: 'P-X6', name: 'Odd', unit_price: '1', colour: 'red' }, [{ path: 'colour', code: 'unknown_field' }]);
  await refuse('duplicate code', { code: 'P-100', name: 'Copy of tea', unit_price: '1' }, [{ path: 'code', code: 'taken' }]);
  await check('malformed JSON', async () => assertProblem(await owner.request('POST', '/products', { raw: '{"code":' }), 400, 'malformed_json'));
  await check('nothing created', async () => assert.equal(await count(), before));
  check.done();
});

test('search, category filter, active filter and paging', async () => {
  for (let i = 1; i <= 5; i++) await makeProduct(owner, { code: `BEV-${i}`, name: `Juice ${i}`, category: 'Beverages', unit_price: `${i}.25` });
  const inactive = await makeProduct(owner, { code: 'OLD-1', name: 'Old Juice', category: 'Beverages', unit_price: '1', active: false });
  assert.equal(inactive.active, false);

  assert.deepEqual(codes(await listAll(owner, '/products?q=juice')), ['BEV-1', 'BEV-2', 'BEV-3', 'BEV-4', 'BEV-5', 'OLD-1'], 'q=juice');
  assert.deepEqual(codes(await listAll(owner, '/products?q=%EB%85%B9%EC%B0%A8')), ['P-100'], 'q=녹차');
  assert.deepEqual(codes(await listAll(owner, '/products?q=p-10')), ['P-100', 'P-101', 'P-102'], 'q=p-10 (code)');
  assert.deepEqual(codes(await listAll(owner, '/products?category=Beverages')), ['BEV-1', 'BEV-2', 'BEV-3', 'BEV-4', 'BEV-5', 'OLD-1', 'P-100']);
  assert.deepEqual(codes(await listAll(owner, '/products?category=Beverages&active=false')), ['OLD-1']);
  assert.deepEqual(codes(await listAll(owner, '/products?category=Beverages&active=true')), ['BEV-1', 'BEV-2', 'BEV-3', 'BEV-4', 'BEV-5', 'P-100']);
  assert.deepEqual(codes(await listAll(owner, '/products?category=Household')), ['P-101']);

  const everything = await listAll(owner, '/products', 100);
  const walked = await listAll(owner, '/products', 2);
  assert.deepEqual(walked.map((p) => p.id), everything.map((p) => p.id));
  assert.equal(new Set(walked.map((p) => p.id)).size, walked.length);
  const byName = (await listAll(owner, '/products?q=juice&sort=-name', 2)).map((p) => p.name);
  assert.deepEqual(byName, ['Old Juice', 'Juice 5', 'Juice 4', 'Juice 3', 'Juice 2', 'Juice 1']);
  assertProblem(await owner.get('/products?cursor=garbage'), 422, undefined, 'invalid cursor');
});

test('PATCH with If-Match', async () => {
  const path = `/products/${tea.id}`;
  assertProblem(await owner.patch(path, { unit_price: '20' }), 428, 'if_match_required');
  const stale = assertProblem(await owner.patch(path, { unit_price: '20' }, { headers: { 'If-Match': String(Number(tea.version) + 7) } }), 412, 'version_mismatch');
  assert.equal(String(stale.current.version), String(tea.version));
  assert.equal(stale.current.unit_price, '18.50');

  const patched = expectStatus(await owner.patch(path, { unit_price: '20', tax_rate: '0' }, { headers: { 'If-Match': String(tea.version) } }), 200);
  assert.equal(patched.unit_price, '20.00');
  assert.equal(patched.tax_rate, '0');
  assert.equal(patched.cost, '12.00');
  assert.equal(patched.name, 'Green Tea 녹차');
  assert.notEqual(String(patched.version), String(tea.version));

  assertFieldErrors(await owner.patch(path, { unit_price: '1.00001' }, { headers: { 'If-Match': String(patched.version) } }), [{ path: 'unit_price' }]);
  assertFieldErrors(await owner.patch(path, { code: 'P-101' }, { headers: { 'If-Match': String(patched.version) } }), [{ path: 'code', code: 'taken' }]);
  const got = expectStatus(await owner.get(path), 200);
  assert.equal(got.unit_price, '20.00');
  assert.equal(got.code, 'P-100');
  assert.equal(String(got.version), String(patched.version));
});
