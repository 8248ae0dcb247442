// Search and duplicate detection (docs/api.md, Search and duplicates): initial consonants,
// phone digits in any format, pinyin, Traditional↔Simplified, ranking, data scope, similar names
// while typing, the duplicate finder, merging and registration number checks.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  startServer, ownerTenant, signIn, inviteUser, makeCustomer, makeSupplier, makeContact, listAll,
  assertProblem, assertFieldErrors, expectStatus,
} from './harness.mjs';

let server;
let tenant;
let other;
let rep1;
let rep2;
let rep1Client;
let rep2Client;
const made = {};

before(async () => {
  server = await startServer();
  tenant = ownerTenant(server, { currency: 'KRW', locale: 'ko' });
  other = ownerTenant(server, { currency: 'KRW', locale: 'ko' });
  rep1 = await inviteUser(tenant.api, { name: 'Rep One', role: 'sales_rep' });
  rep2 = await inviteUser(tenant.api, { name: 'Rep Two', role: 'sales_rep' });
  rep1Client = await signIn(server, rep1.email, rep1.password);
  rep2Client = await signIn(server, rep2.email, rep2.password);

  const api = tenant.api;
  made.hanbit = await makeCustomer(api, { name: '한빛상사', code: 'HB-1', owner_id: rep1.id,
    phones: [{ type: 'mobile', number: '010-1234-5678' }] });
  made.daehan = await makeCustomer(api, { name: '대한상사', code: 'DH-1', owner_id: rep2.id });
  made.huaxia = await makeCustomer(api, { name: '华夏集团', code: 'HX-1' });
  made.xingchen = await makeCustomer(api, { name: '深圳市星辰電子有限公司', code: 'XC-1' });
  made.intl = await makeCustomer(api, { name: 'Seoul Intl Phone', code: 'SIP-1',
    phones: [{ type: 'work', number: '+82 10-9876-5432' }] });
  made.acme = await makeCustomer(api, { name: 'Acme', code: 'AC-1' });
  made.acmeTrading = await makeCustomer(api, { name: 'Acme Trading', code: 'AC-2' });
  made.superAcme = await makeCustomer(api, { name: 'Super Acme Foods', code: 'AC-3' });
  made.acmeSupplier = await makeSupplier(api, { name: 'Acme Parts Supplier', code: 'AS-1' });
  made.contactParty = await makeCustomer(api, { name: 'Contact Holder', code: 'CH-1' });
  made.contact = await makeContact(api, made.contactParty.id, { name: '김철수',
    emails: [{ type: 'work', address: 'chulsoo@example.test' }] });
  made.otherTenantParty = await makeCustomer(other.api, { name: '한빛상사', code: 'OT-1' });
});

after(async () => {
  await server?.stop();
});

const search = async (client, q, extra = '') =>
  expectStatus(await client.get(`/search?q=${encodeURIComponent(q)}${extra}`), 200, `search ${q}`).items;
const ids = (items) => items.map((item) => item.id);
const listIds = async (client, q) => (await listAll(client, `/customers?q=${encodeURIComponent(q)}`)).map((c) => c.id);

test('Korean initial consonants find the company', async () => {
  const items = await search(tenant.api, 'ㅎㅂㅅㅅ');
  assert.equal(items[0]?.id, made.hanbit.id, JSON.stringify(items));
  assert.equal(items[0].matched, 'initials');
  assert.equal(items[0].match, 'exact');
  assert.equal(items[0].type, 'customer');
  assert.equal(items[0].owner_name, 'Rep One');
  assert.ok(!ids(items).includes(made.daehan.id), 'ㄷㅎㅅㅅ is another company');
  assert.ok(ids(await search(tenant.api, 'ㅎㅂ')).includes(made.hanbit.id), 'two initials (shorter than a trigram)');
  assert.ok((await listIds(tenant.api, 'ㅎㅂㅅㅅ')).includes(made.hanbit.id), '/customers?q= matches the same way');
});

test('phone digits in three formats find the same customer', async () => {
  for (const q of ['01012345678', '010-1234-5678', '+82 10-1234-5678', '1234-5678']) {
    const items = await search(tenant.api, q);
    assert.ok(ids(items).includes(made.hanbit.id), `${q}: ${JSON.stringify(items)}`);
    assert.equal(items.find((i) => i.id === made.hanbit.id).matched, 'phone', q);
    assert.ok((await listIds(tenant.api, q)).includes(made.hanbit.id), `/customers?q=${q}`);
  }
  for (const q of ['01098765432', '010-9876-5432', '+821098765432'])
    assert.ok(ids(await search(tenant.api, q)).includes(made.intl.id), `a phone stored as +82 found by ${q}`);
});

test('pinyin initials and full pinyin find Chinese names', async () => {
  for (const q of ['hxjt', 'huaxia', 'huaxiajituan', 'hua xia', 'HXJT']) {
    const items = await search(tenant.api, q);
    assert.equal(items[0]?.id, made.huaxia.id, `${q}: ${JSON.stringify(items)}`);
    assert.equal(items[0].matched, 'pinyin', q);
  }
  assert.ok((await listIds(tenant.api, 'hxjt')).includes(made.huaxia.id), '/customers?q=hxjt');
});

test('Traditional and Simplified Chinese find each other', async () => {
  assert.ok(ids(await search(tenant.api, '華夏集團')).includes(made.huaxia.id), 'Traditional query, Simplified name');
  assert.ok(ids(await search(tenant.api, '星辰电子')).includes(made.xingchen.id), 'Simplified query, Traditional name');
  assert.ok(ids(await search(tenant.api, '星辰電子')).includes(made.xingchen.id), 'as written');
  assert.ok((await listIds(tenant.api, '華夏')).includes(made.huaxia.id), '/customers?q= (two characters)');
  assert.ok((await listIds(tenant.api, '星辰电子')).includes(made.xingchen.id), '/customers?q= Simplified');
});

test('results are ranked exact, prefix, partial and mix suppliers and contacts', async () => {
  const items = await search(tenant.api, 'acme');
  const order = items.filter((i) => i.type === 'customer').map((i) => i.id);
  assert.deepEqual(order, [made.acme.id, made.acmeTrading.id, made.superAcme.id], JSON.stringify(items));
  assert.deepEqual(items.filter((i) => i.type === 'customer').map((i) => i.match), ['exact', 'prefix', 'partial']);
  const supplier = items.find((i) => i.type === 'supplier');
  assert.equal(supplier?.id, made.acmeSupplier.id, 'suppliers are found too');
  assert.equal(supplier.match, 'prefix');
  assert.ok(items.indexOf(supplier) < items.findIndex((i) => i.id === made.superAcme.id), 'prefix before partial');

  const contacts = await search(tenant.api, '김철수');
  assert.equal(contacts[0]?.type, 'contact', JSON.stringify(contacts));
  assert.equal(contacts[0].id, made.contact.id);
  assert.equal(contacts[0].party_id, made.contactParty.id);
  assert.equal(contacts[0].match, 'exact');
  assert.ok((await search(tenant.api, 'chulsoo@')).some((i) => i.type === 'contact' && i.matched === 'email'));
  assert.equal((await search(tenant.api, 'acme', '&limit=2')).length, 2, 'limit');
  assertFieldErrors(await tenant.api.get('/search?q=acme&limit=0'), [{ path: 'limit' }]);
  assert.deepEqual(await search(tenant.api, '   '), [], 'an empty query finds nothing');
});

test("a sales rep never sees another rep's customer in search", async () => {
  assert.deepEqual(ids(await search(rep2Client, '한빛')), [], 'by name');
  assert.deepEqual(ids(await search(rep2Client, 'ㅎㅂㅅㅅ')), [], 'by initials');
  assert.deepEqual(ids(await search(rep2Client, '01012345678')), [], 'by phone');
  assert.deepEqual(ids(await search(rep2Client, 'HB-1')), [], 'by code');
  assert.deepEqual(ids(await search(rep1Client, '한빛')), [made.hanbit.id], 'the owner finds it');
  assert.ok(ids(await search(rep2Client, '대한')).includes(made.daehan.id), "rep two finds their own");
  assert.ok(!ids(await search(tenant.api, '한빛')).includes(made.otherTenantParty.id), 'never another tenant');
});

test('similar while typing: another legal form, with the owner shown to a colleague', async () => {
  // '한빛상사 주식' is the moment the legal form is half typed: the warning must not blink off
  for (const name of ['한빛상사 주식회사', '(주)한빛상사', '㈜ 한빛 상사', '한빛상사 주식', '한빛상사 주']) {
    const body = expectStatus(await rep2Client.get(`/customers/similar?name=${encodeURIComponent(name)}`), 200, name);
    const hit = body.items.find((i) => i.id === made.hanbit.id);
    assert.ok(hit, `${name}: ${JSON.stringify(body)}`);
    assert.deepEqual(hit.reasons, ['name']);
    assert.equal(hit.score, 100);
    assert.equal(hit.owner_name, 'Rep One', 'a colleague learns who serves the customer');
    assert.equal(hit.owner_id, rep1.id);
    assert.ok(!body.items.some((i) => i.id === made.daehan.id), '대한상사 is another company');
    assert.ok(!body.items.some((i) => i.id === made.otherTenantParty.id), 'never another tenant');
  }
  const byPhone = expectStatus(await tenant.api.get(`/customers/similar?phone=${encodeURIComponent('+82 10 1234 5678')}`), 200);
  assert.deepEqual(byPhone.items.map((i) => [i.id, i.reasons]), [[made.hanbit.id, ['phone']]]);
  const both = expectStatus(await tenant.api.get(`/customers/similar?name=${encodeURIComponent('㈜한빛상사')}&phone=01012345678`), 200);
  assert.deepEqual(both.items[0].reasons, ['phone', 'name']);
  const excluded = expectStatus(await tenant.api.get(`/customers/similar?name=한빛상사&exclude_id=${made.hanbit.id}`), 200);
  assert.ok(!excluded.items.some((i) => i.id === made.hanbit.id), 'exclude_id');
  const english = await makeCustomer(tenant.api, { name: 'Northwind Traders Co., Ltd.', code: 'NW-1' });
  const typed = expectStatus(await tenant.api.get('/customers/similar?name=NORTHWIND%20TRADERS%20Inc.'), 200);
  assert.equal(typed.items[0]?.id, english.id, JSON.stringify(typed));
});

test('registration numbers: checked and matched exactly', async () => {
  const valid = expectStatus(await tenant.api.get('/registration-numbers/check?number=124-81-00998'), 200);
  assert.deepEqual(valid, { valid: true, normalised: '1248100998', country: 'KR', reason: null });
  const bad = expectStatus(await tenant.api.get('/registration-numbers/check?number=124-81-00997'), 200);
  assert.equal(bad.valid, false);
  assert.equal(bad.reason, 'invalid_check_digit');
  const cn = expectStatus(await tenant.api.get('/registration-numbers/check?number=91350100M000100Y43&country=CN'), 200);
  assert.equal(cn.valid, true);
  const wrongCountry = expectStatus(await tenant.api.get('/registration-numbers/check?number=1248100998&country=CN'), 200);
  assert.equal(wrongCountry.reason, 'wrong_format');
  assertFieldErrors(await tenant.api.get('/registration-numbers/check?number='), [{ path: 'number' }]);
  assertFieldErrors(await tenant.api.get('/registration-numbers/check?number=1&country=JP'), [{ path: 'country' }]);

  const registered = await makeCustomer(tenant.api, { name: 'Registered One', registration_number: '124-81-00998' });
  const similar = expectStatus(await tenant.api.get('/customers/similar?registration_number=1248100998'), 200);
  assert.deepEqual(similar.items.map((i) => [i.id, i.reasons]), [[registered.id, ['registration_number']]]);
});

test('the duplicate finder lists likely pairs', async () => {
  const copy = await makeCustomer(tenant.api, { name: '(주)한빛상사', code: 'HB-2' });
  const body = expectStatus(await tenant.api.get('/duplicates'), 200);
  const pair = body.items.find((p) => [p.a.id, p.b.id].sort().join() === [made.hanbit.id, copy.id].sort().join());
  assert.ok(pair, JSON.stringify(body));
  assert.deepEqual(pair.reasons, ['name']);
  assert.ok(!body.items.some((p) => [p.a.id, p.b.id].includes(made.daehan.id)), '대한상사 pairs with nothing');
  const rep2Pairs = expectStatus(await rep2Client.get('/duplicates'), 200).items;
  assert.ok(!rep2Pairs.some((p) => [p.a.id, p.b.id].includes(copy.id)), 'pairs with neither side in scope are hidden');
  const rep1Pair = expectStatus(await rep1Client.get('/duplicates'), 200).items.find((p) => [p.a.id, p.b.id].includes(copy.id));
  assert.ok(rep1Pair, 'the owner of one side sees the pair');
  expectStatus(await tenant.api.delete(`/customers/${copy.id}`), 204);
});

test('merge moves contacts and deletes the merged customer', async () => {
  const keep = await makeCustomer(tenant.api, { name: 'Merge Keeper', code: 'MK-1', phones: [{ type: 'work', number: '02-555-1234' }] });
  const gone = await makeCustomer(tenant.api, { name: 'Merge Keeper Inc.', code: 'MK-2', website: 'https://keeper.test',
    emails: [{ type: 'work', address: 'hello@keeper.test' }] });
  const contact = await makeContact(tenant.api, gone.id, { name: 'Moved Person' });

  assertFieldErrors(await tenant.api.post(`/customers/${gone.id}/merge`, { into_id: gone.id }), [{ path: 'into_id' }], 'into itself');
  assertFieldErrors(await tenant.api.post(`/customers/${gone.id}/merge`, {}), [{ path: 'into_id' }], 'missing');
  assertFieldErrors(await tenant.api.post(`/customers/${gone.id}/merge`, { into_id: keep.id, x: 1 }),
    [{ path: 'x', code: 'unknown_field' }], 'a field a merge does not take');
  assertProblem(await tenant.api.post(`/customers/${gone.id}/merge`, { into_id: made.otherTenantParty.id }), 404, undefined,
    "another tenant's party");
  assertProblem(await other.api.post(`/customers/${gone.id}/merge`, { into_id: made.otherTenantParty.id }), 404, undefined,
    "from another tenant's side");
  assertProblem(await rep1Client.post(`/customers/${gone.id}/merge`, { into_id: keep.id }), 403, undefined,
    'a rep may not delete customers');
  expectStatus(await tenant.api.get(`/customers/${gone.id}`), 200, 'nothing changed by the refused merges');

  const kept = expectStatus(await tenant.api.post(`/customers/${gone.id}/merge`, { into_id: keep.id }), 200);
  assert.equal(kept.id, keep.id);
  assert.equal(kept.website, 'https://keeper.test', 'what only the merged one had is kept');
  assert.deepEqual(kept.emails.map((e) => e.address), ['hello@keeper.test']);
  assert.deepEqual(kept.contacts.map((c) => c.id), [contact.id]);
  assertProblem(await tenant.api.get(`/customers/${gone.id}`), 404, undefined, 'the merged customer is gone');
  assert.ok(!ids(await search(tenant.api, 'MK-2')).includes(gone.id), 'and out of the search');
  assert.ok(ids(await search(tenant.api, 'Moved Person')).includes(contact.id), 'its contact is found under the kept one');
  const similar = expectStatus(await tenant.api.get('/customers/similar?name=Merge%20Keeper'), 200);
  assert.deepEqual(similar.items.map((i) => i.id), [keep.id]);
});
