// Customers (and suppliers): CRUD with If-Match, validation, search, filters, sorting, keyset
// paging, contacts, archiving (docs/api.md, "Parties").
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  startServer, ownerTenant, makeCustomer, makeSupplier, makeContact, listAll,
  assertProblem, assertFieldErrors, expectStatus, INSTANT,
} from './harness.mjs';

let server;
let owner; // bearer client of the tenant owner

before(async () => {
  server = await startServer();
  owner = ownerTenant(server).api;
});

after(async () => {
  await server?.stop();
});

const names = (items) => items.map((c) => c.name);
const sortedNames = (items) => names(items).sort();
const count = async () => (await listAll(owner, '/customers')).length;

async function search(q, extra = '') {
  return listAll(owner, `/customers?q=${encodeURIComponent(q)}${extra}`);
}

const FULL = {
  code: 'HB-001',
  name: '한빛상사',
  kind: 'company',
  registration_number: '124-81-00998',
  level: 'A',
  industry: 'Wholesale',
  source: 'Referral',
  region: 'Seoul',
  tags: ['vip', 'kr'],
  phones: [{ type: 'work', number: '010-1234-5678' }, { type: 'fax', number: '02-555-0000' }],
  emails: [{ type: 'work', address: 'sales@hanbit.co.kr' }],
  website: 'https://hanbit.example',
  billing_address: { line1: '테헤란로 123', line2: '4층', city: '서울', region: '강남구', postal_code: '06234', country: 'KR' },
  shipping_address: { line1: '물류로 7', city: '인천', region: '중구', postal_code: '22300', country: 'KR' },
  payment_terms: 'net30',
  credit_limit: 150000,
  currency: 'KRW',
  notes: '첫 거래처',
};

let hanbit; // the customer created from FULL

test('search fixtures: create customers with every Party field', async () => {
  hanbit = await makeCustomer(owner, FULL);
  for (const [key, value] of Object.entries(FULL)) assert.deepEqual(hanbit[key], value, `field ${key}`);
  assert.equal(typeof hanbit.id, 'number');
  assert.deepEqual(hanbit.roles, ['customer']);
  assert.equal(hanbit.archived, false);
  assert.match(hanbit.created_at, INSTANT);
  assert.match(hanbit.updated_at, INSTANT);
  assert.ok(hanbit.version !== undefined && hanbit.version !== null);

  await makeCustomer(owner, { code: 'CN-BJ-01', name: '北京华联贸易有限公司', level: 'B', region: 'Beijing',
    phones: [{ type: 'work', number: '+86 10 8888 0000' }] });
  await makeCustomer(owner, { code: 'DE-FRA', name: 'Frankfurt Motors GmbH', level: 'A', region: 'Hessen' });
  const acme = await makeCustomer(owner, { code: 'US-ACM', name: 'Acme Trading', level: 'C', region: 'Seoul' });
  await makeContact(owner, acme.id, { name: 'Zelda Quartermaine' });
  await makeCustomer(owner, { code: 'BO-1', name: 'Blue Ocean', kind: 'person', region: 'Busan',
    emails: [{ type: 'work', address: 'Contact@BlueOcean.example' }] });
});

test('GET /customers/{id} returns the party with a contacts array', async () => {
  const got = expectStatus(await owner.get(`/customers/${hanbit.id}`), 200);
  for (const [key, value] of Object.entries(hanbit)) if (key !== 'contact_name') assert.deepEqual(got[key], value, `field ${key}`);
  assert.deepEqual(got.contacts, []);
  assertProblem(await owner.get('/customers/987654321'), 404, undefined, 'unknown id');
  assertProblem(await owner.get('/customers/not-a-number'), 404, undefined, 'non-numeric id');
});

test('q matches any part of name (any script, any case), code, contact name, phone digits, e-mail', async () => {
  const cases = [
    ['빛상', ['한빛상사']],
    ['한빛', ['한빛상사']],
    ['상사', ['한빛상사']],
    ['华联', ['北京华联贸易有限公司']],
    ['贸易有限', ['北京华联贸易有限公司']],
    ['frankFURT', ['Frankfurt Motors GmbH']],
    ['motors', ['Frankfurt Motors GmbH']],
    ['acm', ['Acme Trading']],
    ['cn-bj', ['北京华联贸易有限公司']],
    ['DE-FRA', ['Frankfurt Motors GmbH']],
    ['quarterm', ['Acme Trading']],
    ['ZELDA', ['Acme Trading']],
    ['01012345678', ['한빛상사']],
    ['1234-5678', ['한빛상사']],
    ['5678', ['한빛상사']],
    ['010 1234 5678', ['한빛상사']],
    ['(010) 1234-5678', ['한빛상사']],
    ['88880000', ['北京华联贸易有限公司']],
    ['blueocean.example', ['Blue Ocean']],
    ['BLUEOCEAN', ['Blue Ocean']],
    ['hanbit.co', ['한빛상사']],
    ['zzqqxx', []],
  ];
  const wrong = [];
  for (const [q, expected] of cases) {
    const got = sortedNames(await search(q));
    if (JSON.stringify(got) !== JSON.stringify([...expected].sort())) wrong.push(`q=${q}: got ${JSON.stringify(got)}, want ${JSON.stringify(expected)}`);
  }
  assert.deepEqual(wrong, []);

  // the list shows the first contact's name
  const [acme] = await search('acme');
  assert.equal(acme.contact_name, 'Zelda Quartermaine');
});

test('filters: level and region', async () => {
  assert.deepEqual(sortedNames(await listAll(owner, '/customers?level=A')), ['Frankfurt Motors GmbH', '한빛상사']);
  assert.deepEqual(sortedNames(await listAll(owner, '/customers?region=Seoul')), ['Acme Trading', '한빛상사']);
  assert.deepEqual(sortedNames(await listAll(owner, '/customers?level=A&region=Seoul')), ['한빛상사']);
  assert.deepEqual(sortedNames(await listAll(owner, '/customers?level=Z')), []);
  assert.deepEqual(sortedNames(await search('ocean', '&region=Busan')), ['Blue Ocean']);
  assert.deepEqual(sortedNames(await search('ocean', '&region=Seoul')), []);
});

test('sort by name, code and created_at, both directions', async () => {
  // created in an order that is neither the name nor the code order
  const made = [];
  for (const [name, code] of [['Sort Echo', 'SRT-5'], ['Sort Alpha', 'SRT-9'], ['Sort Delta', 'SRT-6'], ['Sort Bravo', 'SRT-7'], ['Sort Charlie', 'SRT-8']])
    made.push((await makeCustomer(owner, { name, code })).name);
  const byName = ['Sort Alpha', 'Sort Bravo', 'Sort Charlie', 'Sort Delta', 'Sort Echo'];
  const byCode = ['Sort Echo', 'Sort Delta', 'Sort Bravo', 'Sort Charlie', 'Sort Alpha'];
  assert.deepEqual(names(await search('sort', '&sort=name')), byName);
  assert.deepEqual(names(await search('sort', '&sort=-name')), [...byName].reverse());
  assert.deepEqual(names(await search('sort', '&sort=code')), byCode);
  assert.deepEqual(names(await search('sort', '&sort=-code')), [...byCode].reverse());
  assert.deepEqual(names(await search('sort', '&sort=created_at')), made);
  assert.deepEqual(names(await search('sort', '&sort=-created_at')), [...made].reverse());
  // and with a page size of 2
  assert.deepEqual(names(await listAll(owner, '/customers?q=sort&sort=name', 2)), byName);
  assert.deepEqual(names(await listAll(owner, '/customers?q=sort&sort=-code', 2)), [...byCode].reverse());
});

test('keyset paging: limit=2 walks the whole list without duplicates or gaps', async () => {
  for (const sort of ['', '&sort=name', '&sort=-name', '&sort=code', '&sort=-created_at', '&sort=updated_at']) {
    const reference = await listAll(owner, sort ? `/customers?${sort.slice(1)}` : '/customers', 100);
    const walked = [];
    let cursor = null;
    let pages = 0;
    for (;;) {
      const url = `/customers?limit=2${sort}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
      const body = expectStatus(await owner.get(url), 200, url);
      assert.ok(body.items.length <= 2, `page size of ${url}`);
      walked.push(...body.items.map((c) => c.id));
      pages += 1;
      if (body.next_cursor === null) break;
      assert.equal(typeof body.next_cursor, 'string', `next_cursor of ${url}`);
      assert.equal(body.items.length, 2, `a page before the end is full: ${url}`);
      cursor = body.next_cursor;
      assert.ok(pages < 100, 'paging ends');
    }
    assert.equal(new Set(walked).size, walked.length, `no duplicates (sort ${sort})`);
    assert.deepEqual(walked, reference.map((c) => c.id), `same rows in the same order (sort ${sort})`);
    assert.ok(walked.length >= 10);
  }
});

test('paging through equal names uses the id as tie-breaker', async () => {
  const ids = [];
  for (let i = 0; i < 3; i++) ids.push((await makeCustomer(owner, { name: 'Twin Peaks Trading' })).id);
  for (const sort of ['name', '-name']) {
    const walked = (await listAll(owner, `/customers?q=twin%20peaks&sort=${sort}`, 1)).map((c) => c.id);
    assert.deepEqual([...walked].sort((a, b) => a - b), ids, `sort=${sort}`);
  }
});

test('an invalid cursor answers 422', async () => {
  for (const cursor of ['garbage', 'AAAAAAAA', '%7B%22x%22%3A1%7D'])
    assertProblem(await owner.get(`/customers?cursor=${cursor}`), 422, undefined, `cursor ${cursor}`);
});

test('validation: malformed JSON, wrong types, unknown fields, too long, bad e-mail; nothing is created', async () => {
  const before = await count();

  assertProblem(await owner.request('POST', '/customers', { raw: '{"name": "Broken",' }), 400, 'malformed_json', 'truncated JSON');
  assertProblem(await owner.request('POST', '/customers', { raw: "{'name': 'x'}" }), 400, 'malformed_json', 'single quotes');

  assertFieldErrors(await owner.post('/customers', { name: 123 }), [{ path: 'name' }], 'name as a number');
  assertFieldErrors(await owner.post('/customers', { name: 'Typed', credit_limit: 'lots' }), [{ path: 'credit_limit' }], 'credit_limit');
  assertFieldErrors(await owner.post('/customers', { name: 'Typed', tags: 'vip' }), [{ path: 'tags' }], 'tags');
  assertFieldErrors(await owner.post('/customers', { name: 'Typed', archived: 'yes' }), [{ path: 'archived' }], 'archived');
  assertFieldErrors(await owner.post('/customers', { name: 'Typed', kind: 'robot' }), [{ path: 'kind' }], 'kind');
  assertFieldErrors(await owner.post('/customers', { name: 'Typed', phones: [{ type: 'work', number: 5 }] }),
    [{ path: 'phones[0].number' }], 'phone number');
  assertFieldErrors(await owner.post('/customers', { name: 'Typed', phones: [{ type: 'pager', number: '1' }] }),
    [{ path: 'phones[0].type' }], 'phone type');
  assertFieldErrors(await owner.post('/customers', { code: 'NONAME' }), [{ path: 'name' }], 'missing name');
  assertFieldErrors(await owner.post('/customers', { name: '   ' }), [{ path: 'name' }], 'blank name');

  assertFieldErrors(await owner.post('/customers', { name: 'Nick', nickname: 'nicky' }),
    [{ path: 'nickname', code: 'unknown_field' }], 'unknown field');
  assertFieldErrors(await owner.post('/customers', { name: 'x'.repeat(201) }), [{ path: 'name', code: 'too_long' }], '201 characters');
  assertFieldErrors(await owner.post('/customers', { name: '가'.repeat(201) }), [{ path: 'name', code: 'too_long' }], '201 Hangul');
  assertFieldErrors(
    await owner.post('/customers', { name: 'Mailer', emails: [{ type: 'work', address: 'not-an-email' }] }),
    [{ path: 'emails[0].address', code: 'invalid_email' }], 'bad e-mail');
  assertFieldErrors(
    await owner.post('/customers', { name: 'Mailer', emails: [{ type: 'work', address: 'ok@mail.test' }, { type: 'home', address: 'a@@b' }] }),
    [{ path: 'emails[1].address', code: 'invalid_email' }], 'second e-mail');

  // kind left out: a default or a field error, never a server error
  const kindless = await owner.post('/customers', { name: 'Kindless' });
  assert.ok([201, 422].includes(kindless.status), `POST without kind: ${kindless.status} ${kindless.text.slice(0, 300)}`);
  if (kindless.status === 422) assertFieldErrors(kindless, [{ path: 'kind' }]);
  else {
    assert.equal(kindless.body.kind, 'company');
    expectStatus(await owner.delete(`/customers/${kindless.body.id}`), 204);
  }

  assert.equal(await count(), before, 'nothing created by refused requests');
  assert.deepEqual(await search('Typed'), []);

  // the limits themselves are fine: 200 characters, counted as characters
  await makeCustomer(owner, { name: 'y'.repeat(200) });
  await makeCustomer(owner, { name: '나'.repeat(200) });
  assert.equal(await count(), before + 2);
});

test('PATCH needs If-Match: missing 428, stale 412 with the current record, fresh 200', async () => {
  const customer = await makeCustomer(owner, { name: 'Versioned Ltd', code: 'VER-1', tags: ['a'] });
  const path = `/customers/${customer.id}`;

  assertProblem(await owner.patch(path, { name: 'No If-Match' }), 428, 'if_match_required');

  const stale = await owner.patch(path, { name: 'Stale' }, { headers: { 'If-Match': String(Number(customer.version) + 41) } });
  const problem = assertProblem(stale, 412, 'version_mismatch');
  assert.equal(String(problem.current.version), String(customer.version));
  assert.equal(problem.current.name, 'Versioned Ltd');
  assert.equal(problem.current.id, customer.id);

  const patched = expectStatus(
    await owner.patch(path, { name: 'Versioned Ltd (new)', tags: ['a', 'b'] }, { headers: { 'If-Match': String(customer.version) } }),
    200, 'PATCH with the current version');
  assert.equal(patched.name, 'Versioned Ltd (new)');
  assert.deepEqual(patched.tags, ['a', 'b']);
  assert.equal(patched.code, 'VER-1', 'fields not in the patch stay');
  assert.notEqual(String(patched.version), String(customer.version));
  assert.ok(patched.updated_at >= customer.updated_at);

  // the old version is now stale
  const again = assertProblem(await owner.patch(path, { name: 'Lost update' }, { headers: { 'If-Match': String(customer.version) } }), 412, 'version_mismatch');
  assert.equal(String(again.current.version), String(patched.version));
  assert.equal(again.current.name, 'Versioned Ltd (new)');

  // invalid patch: 422 and nothing changes
  assertFieldErrors(await owner.patch(path, { emails: [{ type: 'work', address: 'nope' }] }, { headers: { 'If-Match': String(patched.version) } }),
    [{ path: 'emails[0].address', code: 'invalid_email' }]);
  const got = expectStatus(await owner.get(path), 200);
  assert.equal(String(got.version), String(patched.version));
  assert.equal(got.name, 'Versioned Ltd (new)');
});

test('DELETE removes a customer without references', async () => {
  const customer = await makeCustomer(owner, { name: 'Short Lived' });
  expectStatus(await owner.delete(`/customers/${customer.id}`), 204, 'DELETE');
  assertProblem(await owner.get(`/customers/${customer.id}`), 404);
  assertProblem(await owner.delete(`/customers/${customer.id}`), 404, undefined, 'second DELETE');
  assertProblem(await owner.patch(`/customers/${customer.id}`, { name: 'Ghost' }, { headers: { 'If-Match': String(customer.version) } }), 404);
  assert.deepEqual(await search('Short Lived'), []);
});

test('contacts: create, list, patch, delete; a customer with contacts cannot be deleted', async () => {
  const customer = await makeCustomer(owner, { name: 'Contact Holder Co', code: 'CH-1' });
  const base = `/customers/${customer.id}/contacts`;
  const first = expectStatus(await owner.post(base, {
    name: '박지훈', title: '구매팀장', department: '구매팀',
    phones: [{ type: 'mobile', number: '010-2222-3333' }],
    emails: [{ type: 'work', address: 'jh.park@holder.kr' }],
    messengers: [{ type: 'kakaotalk', id: 'jhpark' }],
    birthday: '1985-03-01', notes: 'KakaoTalk first',
  }), 201, 'POST contact');
  assert.equal(first.party_id, customer.id);
  assert.equal(first.name, '박지훈');
  assert.equal(first.title, '구매팀장');
  assert.equal(first.department, '구매팀');
  assert.deepEqual(first.phones, [{ type: 'mobile', number: '010-2222-3333' }]);
  assert.deepEqual(first.emails, [{ type: 'work', address: 'jh.park@holder.kr' }]);
  assert.deepEqual(first.messengers, [{ type: 'kakaotalk', id: 'jhpark' }]);
  assert.equal(first.birthday, '1985-03-01');
  const second = await makeContact(owner, customer.id, { name: 'Wang Fang', messengers: [{ type: 'wechat', id: 'wangfang88' }] });

  assertFieldErrors(await owner.post(base, { name: 'Bad', messengers: [{ type: 'icq', id: '1' }] }), [{ path: 'messengers[0].type' }]);
  assertFieldErrors(await owner.post(base, { name: 'Bad', birthday: '1985-02-30' }), [{ path: 'birthday' }]);
  assertFieldErrors(await owner.post(base, { name: 'Bad', emails: [{ type: 'work', address: 'bad' }] }),
    [{ path: 'emails[0].address', code: 'invalid_email' }]);
  assertFieldErrors(await owner.post(base, { title: 'No name' }), [{ path: 'name' }]);

  const listed = expectStatus(await owner.get(base), 200, 'GET contacts');
  assert.deepEqual(listed.items.map((c) => c.name), ['박지훈', 'Wang Fang']);
  const card = expectStatus(await owner.get(`/customers/${customer.id}`), 200);
  assert.deepEqual(card.contacts.map((c) => c.id), [first.id, second.id]);
  assert.equal((await search('Contact Holder'))[0].contact_name, '박지훈');

  const patched = expectStatus(await owner.patch(`${base}/${first.id}`, { title: '이사' }, { headers: { 'If-Match': String(first.version) } }), 200);
  assert.equal(patched.title, '이사');
  assert.equal(patched.name, '박지훈');
  assertProblem(await owner.patch(`${base}/${first.id}`, { title: 'Stale' }, { headers: { 'If-Match': String(first.version) } }), 412, 'version_mismatch');

  // the contact belongs to this customer only
  const other = await makeCustomer(owner, { name: 'Other Holder' });
  assertProblem(await owner.patch(`/customers/${other.id}/contacts/${first.id}`, { title: 'X' }, { headers: { 'If-Match': String(patched.version) } }), 404);
  assertProblem(await owner.delete(`/customers/${other.id}/contacts/${first.id}`), 404);

  assertProblem(await owner.delete(`/customers/${customer.id}`), 409, 'party_referenced');
  expectStatus(await owner.get(`/customers/${customer.id}`), 200, 'still there');

  expectStatus(await owner.delete(`${base}/${second.id}`), 204, 'DELETE contact');
  assert.deepEqual(expectStatus(await owner.get(base), 200).items.map((c) => c.id), [first.id]);
  expectStatus(await owner.delete(`${base}/${first.id}`), 204);
  expectStatus(await owner.delete(`/customers/${customer.id}`), 204, 'deletable without contacts');
});

test('archive: PATCH {archived:true} hides the customer from the default list; archived=true shows it', async () => {
  const customer = await makeCustomer(owner, { name: 'Archive Me Corp', code: 'ARC-1' });
  const archived = expectStatus(await owner.patch(`/customers/${customer.id}`, { archived: true }, { headers: { 'If-Match': String(customer.version) } }), 200);
  assert.equal(archived.archived, true);

  assert.ok(!(await listAll(owner, '/customers')).some((c) => c.id === customer.id), 'default list');
  assert.ok(!(await listAll(owner, '/customers?archived=false')).some((c) => c.id === customer.id), 'archived=false');
  assert.deepEqual(await search('Archive Me'), [], 'default search');
  const shown = await listAll(owner, '/customers?archived=true');
  assert.deepEqual(shown.map((c) => c.id), [customer.id]);
  assert.deepEqual(names(await search('Archive Me', '&archived=true')), ['Archive Me Corp']);
  assert.equal(expectStatus(await owner.get(`/customers/${customer.id}`), 200).archived, true);

  const restored = expectStatus(await owner.patch(`/customers/${customer.id}`, { archived: false }, { headers: { 'If-Match': String(archived.version) } }), 200);
  assert.equal(restored.archived, false);
  assert.deepEqual(names(await search('Archive Me')), ['Archive Me Corp']);
});

test('suppliers live under /suppliers and do not appear in /customers', async () => {
  const supplier = await makeSupplier(owner, { name: 'Supply Only Ltd', code: 'SUPONLY' });
  assert.deepEqual(supplier.roles, ['supplier']);
  const customers = await listAll(owner, '/customers');
  assert.ok(!customers.some((c) => c.id === supplier.id), 'not in the customer list');
  assert.deepEqual(await search('Supply Only'), [], 'not in customer search');
  assertProblem(await owner.get(`/customers/${supplier.id}`), 404, undefined, 'a supplier under /customers');

  const suppliers = await listAll(owner, '/suppliers');
  assert.deepEqual(suppliers.map((s) => s.name), ['Supply Only Ltd']);
  assert.deepEqual(expectStatus(await owner.get(`/suppliers/${supplier.id}`), 200).contacts, []);
  assertProblem(await owner.get(`/suppliers/${hanbit.id}`), 404, undefined, 'a customer under /suppliers');
  assert.deepEqual((await listAll(owner, '/suppliers?q=supply')).map((s) => s.id), [supplier.id]);

  const contact = await makeContact(owner, supplier.id, { name: 'Supplier Person' }, 'suppliers');
  assert.equal(contact.party_id, supplier.id);
  assert.deepEqual(expectStatus(await owner.get(`/suppliers/${supplier.id}/contacts`), 200).items.map((c) => c.name), ['Supplier Person']);
  assertProblem(await owner.delete(`/suppliers/${supplier.id}`), 409, 'party_referenced');
});
