// Employees: create, read, list, patch with If-Match, validation (docs/api.md, "Employees").
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  startServer, ownerTenant, makeEmployee, listAll, inviteUser, assertProblem, assertFieldErrors, expectStatus,
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

let park;

test('create, read and list employees', async () => {
  const branch = expectStatus(await owner.post('/branches', { name: '서울 본점', code: 'SEL' }), 201, 'POST /branches');
  assert.equal(branch.name, '서울 본점');
  assert.equal(branch.code, 'SEL');
  park = await makeEmployee(owner, {
    code: 'E01', name: '박지우', title: '영업부장', email: 'jiwoo.park@example.com', phone: '02-555-0101', branch_id: branch.id,
  });
  assert.equal(park.code, 'E01');
  assert.equal(park.name, '박지우');
  assert.equal(park.title, '영업부장');
  assert.equal(park.email, 'jiwoo.park@example.com');
  assert.equal(park.phone, '02-555-0101');
  assert.equal(park.branch_id, branch.id);
  assert.equal(park.user_id ?? null, null);
  assert.equal(park.active, true);
  assert.equal(typeof park.id, 'number');

  assert.deepEqual(expectStatus(await owner.get(`/employees/${park.id}`), 200), park);
  assertProblem(await owner.get('/employees/987654321'), 404);

  const li = await makeEmployee(owner, { code: 'E02', name: 'Li Wei', email: 'li.wei@example.cn' });
  const listed = await listAll(owner, '/employees');
  assert.deepEqual(listed.map((e) => e.id).sort((a, b) => a - b), [park.id, li.id].sort((a, b) => a - b));
  assert.deepEqual(listed.find((e) => e.id === park.id), park);
  const paged = await listAll(owner, '/employees', 1);
  assert.deepEqual(paged.map((e) => e.id), listed.map((e) => e.id));
});

test('an employee can be linked to a user', async () => {
  const user = await inviteUser(owner, { name: 'Linked User', role: 'sales_rep' });
  const linked = await makeEmployee(owner, { code: 'E03', name: 'Linked User', user_id: user.id });
  assert.equal(linked.user_id, user.id);
});

test('validation: missing name, bad e-mail, wrong types, unknown fields; nothing created', async () => {
  const before = (await listAll(owner, '/employees')).length;
  assertFieldErrors(await owner.post('/employees', { code: 'E90' }), [{ path: 'name' }], 'missing name');
  assertFieldErrors(await owner.post('/employees', { code: 'E91', name: 'Mail', email: 'not-an-email' }),
    [{ path: 'email', code: 'invalid_email' }], 'bad e-mail');
  assertFieldErrors(await owner.post('/employees', { code: 'E92', name: 42 }), [{ path: 'name' }], 'name as a number');
  assertFieldErrors(await owner.post('/employees', { code: 'E93', name: 'Flag', active: 'yes' }), [{ path: 'active' }], 'active as a string');
  assertFieldErrors(await owner.post('/employees', { code: 'E94', name: 'Extra', salary: 1 }), [{ path: 'salary', code: 'unknown_field' }], 'unknown field');
  assertFieldErrors(await owner.post('/employees', { code: 'E95', name: 'x'.repeat(201) }), [{ path: 'name', code: 'too_long' }], 'too long');
  assertFieldErrors(await owner.post('/employees', { code: 'E96', name: 'Nowhere', branch_id: 987654321 }), [{ path: 'branch_id' }], 'unknown branch');
  assertFieldErrors(await owner.post('/employees', { code: 'E97', name: 'Nobody', user_id: 987654321 }), [{ path: 'user_id' }], 'unknown user');
  assertProblem(await owner.request('POST', '/employees', { raw: '{"name" "x"}' }), 400, 'malformed_json');
  assert.equal((await listAll(owner, '/employees')).length, before);
});

test('PATCH with If-Match: missing 428, stale 412, fresh 200; deactivate', async () => {
  const path = `/employees/${park.id}`;
  assertProblem(await owner.patch(path, { title: '상무' }), 428, 'if_match_required');
  const stale = assertProblem(await owner.patch(path, { title: '상무' }, { headers: { 'If-Match': String(Number(park.version) + 3) } }), 412, 'version_mismatch');
  assert.equal(String(stale.current.version), String(park.version));
  assert.equal(stale.current.title, '영업부장');

  const patched = expectStatus(await owner.patch(path, { title: '상무', active: false }, { headers: { 'If-Match': String(park.version) } }), 200);
  assert.equal(patched.title, '상무');
  assert.equal(patched.active, false);
  assert.equal(patched.name, '박지우');
  assert.equal(patched.email, 'jiwoo.park@example.com');
  assert.notEqual(String(patched.version), String(park.version));

  assertFieldErrors(await owner.patch(path, { email: 'broken@' }, { headers: { 'If-Match': String(patched.version) } }),
    [{ path: 'email', code: 'invalid_email' }]);
  assert.deepEqual(expectStatus(await owner.get(path), 200), patched);
});
