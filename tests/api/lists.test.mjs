// Lists of values: defaults seeded per tenant in its locale on first read, adding and changing
// items, duplicate codes, permissions, and tenant isolation.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  startServer, ownerTenant, inviteUser, signIn, assertProblem, assertFieldErrors, expectStatus,
} from './harness.mjs';

let server;
let A;
let B;

before(async () => {
  server = await startServer();
  A = ownerTenant(server, { name: '리스트 상사', locale: 'ko' });
  B = ownerTenant(server, { name: 'List Trading', locale: 'en', currency: 'USD', timezone: 'America/New_York' });
});

after(async () => {
  await server?.stop();
});

// list names as variables: the route is /lists/{list}
const LEVELS = 'levels';
const SOURCES = 'sources';
const INDUSTRIES = 'industries';
const COLOURS = 'colours';

const codes = (items) => items.map((i) => i.code);

test('every tenant starts with the default lists in its own locale', async () => {
  const ko = expectStatus(await A.api.get('/lists'), 200);
  assert.deepEqual(Object.keys(ko).sort(), ['activity_types', 'industries', 'levels', 'regions', 'sources']);
  assert.deepEqual(codes(ko.levels), ['A', 'B', 'C']);
  assert.deepEqual(codes(ko.activity_types),
    ['phone_call', 'email', 'wechat', 'kakaotalk', 'line', 'messenger_other', 'visit', 'meeting', 'note']);
  assert.equal(ko.activity_types[0].label, '전화');
  assert.ok(codes(ko.regions).includes('seoul'));
  assert.equal(ko.regions.find((r) => r.code === 'seoul').label, '서울');
  assert.ok(ko.sources.length > 0 && ko.industries.length > 0);
  for (const list of Object.values(ko)) {
    assert.deepEqual(list.map((i) => i.position), list.map((_, n) => n + 1));
    for (const item of list) {
      assert.equal(typeof item.id, 'number');
      assert.equal(item.active, true);
    }
  }

  const en = expectStatus(await B.api.get('/lists'), 200);
  assert.equal(en.activity_types[0].label, 'Phone call');
  assert.ok(!codes(en.regions).includes('seoul'));

  // a second read seeds nothing more
  assert.deepEqual(expectStatus(await A.api.get('/lists'), 200), ko);
});

test('items are added, renamed, reordered and deactivated; codes stay unique and fixed', async () => {
  const vip = expectStatus(await A.api.post(`/lists/${LEVELS}`, { code: 'VIP', label: 'VIP 고객' }), 201);
  assert.equal(vip.code, 'VIP');
  assert.equal(vip.position, 4);
  assert.equal(vip.active, true);

  assertFieldErrors(await A.api.post(`/lists/${LEVELS}`, { code: 'VIP', label: 'again' }), [{ path: 'code', code: 'taken' }]);
  assertFieldErrors(await A.api.post(`/lists/${LEVELS}`, { code: 'A', label: 'again' }), [{ path: 'code', code: 'taken' }]);
  assertFieldErrors(await A.api.post(`/lists/${LEVELS}`, { code: 'two words', label: 'x' }), [{ path: 'code' }]);
  assertFieldErrors(await A.api.post(`/lists/${LEVELS}`, { code: 'D' }), [{ path: 'label', code: 'required' }]);
  assertProblem(await A.api.post(`/lists/${COLOURS}`, { code: 'red', label: 'Red' }), 404);

  // the same code in another list is fine
  expectStatus(await A.api.post(`/lists/${SOURCES}`, { code: 'VIP', label: 'VIP 소개' }), 201);

  const changed = expectStatus(await A.api.patch(`/lists/${LEVELS}/${vip.id}`, { label: '최우수', position: 0, active: false }), 200);
  assert.deepEqual([changed.label, changed.position, changed.active], ['최우수', 0, false]);
  assertFieldErrors(await A.api.patch(`/lists/${LEVELS}/${vip.id}`, { code: 'VVIP' }), [{ path: 'code', code: 'read_only' }]);
  assertProblem(await A.api.patch(`/lists/${SOURCES}/${vip.id}`, { label: 'wrong list' }), 404);
  assertProblem(await A.api.patch(`/lists/${LEVELS}/999999999`, { label: 'nobody' }), 404);
  assertProblem(await A.api.patch(`/lists/${LEVELS}/${vip.id}`, { label: 'stale' }, { headers: { 'If-Match': '1' } }), 412);

  const lists = expectStatus(await A.api.get('/lists'), 200);
  assert.deepEqual(codes(lists.levels), ['VIP', 'A', 'B', 'C'], 'ordered by position');
  assert.equal(lists.levels[0].active, false);
});

test("another tenant neither sees nor changes a tenant's items", async () => {
  const item = expectStatus(await A.api.post(`/lists/${INDUSTRIES}`, { code: 'semiconductor', label: '반도체' }), 201);
  const theirs = expectStatus(await B.api.get('/lists'), 200);
  assert.ok(!codes(theirs.industries).includes('semiconductor'));
  assertProblem(await B.api.patch(`/lists/${INDUSTRIES}/${item.id}`, { label: 'hacked by B' }), 404);
  // B may use the same code for itself
  expectStatus(await B.api.post(`/lists/${INDUSTRIES}`, { code: 'semiconductor', label: 'Semiconductors' }), 201);
  const mine = expectStatus(await A.api.get('/lists'), 200);
  assert.equal(mine.industries.find((i) => i.code === 'semiconductor').label, '반도체');
});

test('a sales rep reads the lists but cannot change them', async () => {
  const rep = await inviteUser(A.api, { role: 'sales_rep' });
  const client = await signIn(server, rep.email, rep.password);
  const lists = expectStatus(await client.get('/lists'), 200);
  assert.ok(lists.levels.length >= 3);
  assertProblem(await client.post(`/lists/${LEVELS}`, { code: 'Z', label: 'Z' }), 403);
  assertProblem(await client.patch(`/lists/${LEVELS}/${lists.levels[0].id}`, { label: 'mine' }), 403);
});
