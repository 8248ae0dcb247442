// Business cards through the API: every shared sample parses, cards import as a new customer or
// onto an existing one, contacts export as vCard 3.0 and 4.0 and read back the same, broken files
// give the good cards plus errors, values a contact cannot store are left out with warnings, a card
// without a name waits for one, exported names keep their order, and another tenant's customer is
// 404.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import {
  startServer, ownerTenant, makeCustomer, makeContact, assertProblem, assertFieldErrors, expectStatus, listAll,
  SHARED_DATA,
} from './harness.mjs';

let server;
let A;
let B;

before(async () => {
  server = await startServer();
  A = ownerTenant(server, { name: 'Card Tenant A' });
  B = ownerTenant(server, { name: 'Card Tenant B' });
});

after(async () => {
  await server?.stop();
});

const sample = (name) => fs.readFileSync(path.join(SHARED_DATA, 'vcard', name));

async function parse(client, bytes) {
  return client.request('POST', '/vcard/parse', { raw: bytes, headers: { 'Content-Type': 'text/vcard' } });
}

const SAMPLES = {
  'ezvcard_John_Doe_MS_OUTLOOK.vcf': { cards: 1, name: 'Mr. John Richter James Doe Sr.', organization: 'IBM' },
  'ezvcard_John_Doe_ANDROID.vcf': { cards: 6, name: null, organization: null },
  'ezvcard_gmail-single2.vcf': { cards: 1, name: 'VCard Test', organization: 'TheCompany' },
  'ezvcard_John_Doe_IPHONE.vcf': { cards: 1, name: 'Mr. John Richter James Doe Sr.', organization: 'IBM' },
  'ezvcard_fullcontact.vcf': { cards: 1, name: 'Prefix FirstName MiddleName LastName Suffix', organization: 'Organization1' },
  'kcontacts_vcard10.vcf': { cards: 5, name: 'Bike Shop', organization: 'Bike Shop' },
  'aosp_v21_japanese_2.vcf': { cards: 1, name: '安藤 ロイド 1', organization: null },
};

test('every shared sample parses through the API', async () => {
  const files = fs.readdirSync(path.join(SHARED_DATA, 'vcard')).filter((f) => f.endsWith('.vcf'));
  assert.ok(files.length >= 7, `samples in ${SHARED_DATA}/vcard`);
  for (const file of files) {
    const body = expectStatus(await parse(A.api, sample(file)), 200, file);
    assert.deepEqual(body.errors, [], `${file} has no broken cards`);
    assert.ok(body.cards.length > 0, `${file} has cards`);
    for (const card of body.cards) {
      assert.ok(Array.isArray(card.warnings), `${file} card ${card.index} has warnings`);
      const nameless = card.warnings.some((w) => w.path === 'name' && w.code === 'no_name');
      assert.equal(typeof card.name, nameless ? 'object' : 'string', `${file} card ${card.index}`);
      assert.ok(Array.isArray(card.candidates), `${file} card ${card.index} has candidates`);
      assert.ok(Array.isArray(card.phones) && Array.isArray(card.emails) && Array.isArray(card.addresses));
    }
    const want = SAMPLES[file];
    if (!want) continue;
    assert.equal(body.cards.length, want.cards, file);
    assert.equal(body.cards[0].name, want.name, file);
    assert.equal(body.cards[0].organization, want.organization, file);
  }

  const japanese = expectStatus(await parse(A.api, sample('aosp_v21_japanese_2.vcf')), 200).cards[0];
  assert.equal(japanese.family_name, '安藤');
  assert.equal(japanese.given_name, 'ロイド1');
  assert.equal(japanese.addresses[0].line1, '東京都渋谷区桜丘町26-1セルリアンタワー6階');
  assert.equal(japanese.addresses[0].postal_code, '150-8512');
  assert.equal(japanese.notes, 'メモ');

  const gmail = expectStatus(await parse(A.api, sample('ezvcard_gmail-single2.vcf')), 200).cards[0];
  assert.equal(gmail.phones.length, 11);
  assert.deepEqual(gmail.phones[4], { type: 'mobile', number: '5555551115' });
  assert.equal(gmail.emails.length, 5);
  assert.equal(gmail.birthday, '1912-06-23');
  assert.equal(gmail.title, 'TheJobTitle');
});

test('a Korean CP949 card labelled EUC-KR parses and finds its duplicate', async () => {
  const customer = await makeCustomer(A.api, { name: '한빛상사', code: 'HB-1' });
  // 김민수 / 한빛상사 / 영업부 in CP949, quoted-printable
  const file = Buffer.from('BEGIN:VCARD\r\nVERSION:2.1\r\n'
    + 'N;CHARSET=EUC-KR;ENCODING=QUOTED-PRINTABLE:=B1=E8;=B9=CE=BC=F6;;;\r\n'
    + 'ORG;CHARSET=EUC-KR;ENCODING=QUOTED-PRINTABLE:=C7=D1=BA=FB=BB=F3=BB=E7;=BF=B5=BE=F7=BA=CE\r\n'
    + 'TEL;CELL:010-1234-5678\r\nEND:VCARD\r\n', 'latin1');
  const card = expectStatus(await parse(A.api, file), 200).cards[0];
  assert.equal(card.name, '김민수');
  assert.equal(card.organization, '한빛상사');
  assert.equal(card.department, '영업부');
  assert.ok(card.candidates.some((c) => c.id === customer.id), `candidates: ${JSON.stringify(card.candidates)}`);
});

test('a broken file gives the good cards and the broken ones with line and reason', async () => {
  const file = Buffer.from([
    'BEGIN:VCARD', 'VERSION:3.0', 'FN:Good One', 'END:VCARD',
    'BEGIN:VCARD', 'VERSION:3.0', 'FN:Garbage', 'no colon here', 'END:VCARD',
    'VERSION:3.0', 'FN:No Begin', 'END:VCARD',
    'BEGIN:VCARD', 'VERSION:3.0', 'FN:Good Two', 'END:VCARD',
    'BEGIN:VCARD', 'VERSION:3.0', 'FN:Cut Off', '',
  ].join('\r\n'));
  const body = expectStatus(await parse(A.api, file), 200);
  assert.deepEqual(body.cards.map((c) => [c.index, c.name]), [[0, 'Good One'], [3, 'Good Two']]);
  assert.deepEqual(body.errors.map((e) => [e.index, e.line]), [[1, 8], [2, 10], [4, 17]]);
  for (const error of body.errors) assert.ok(error.reason.length > 10, error.reason);
  assertFieldErrors(await parse(A.api, Buffer.from('  \r\n')), [{ path: 'file', code: 'empty_file' }]);
});

test('import creates a customer named after ORG, attaches to an existing one, skips, and reports failures', async () => {
  const gmail = expectStatus(await parse(A.api, sample('ezvcard_gmail-single2.vcf')), 200).cards[0];
  const outlook = expectStatus(await parse(A.api, sample('ezvcard_John_Doe_MS_OUTLOOK.vcf')), 200).cards[0];
  const existing = await makeCustomer(A.api, { name: 'International Business Machines' });
  const before = await listAll(A.api, '/customers');

  // the client's own body is checked as it is: an e-mail that is not one fails the card
  const broken = { ...outlook, name: '', emails: [{ type: 'work', address: 'not an e-mail' }] };
  const answer = expectStatus(await A.api.post('/vcard/import', {
    cards: [
      { card: gmail, action: 'create' },
      { card: outlook, action: 'attach', party_id: existing.id },
      { card: outlook, action: 'skip' },
      { card: broken, action: 'create' },
      { card: outlook, action: 'attach', party_id: 999999999 },
    ],
  }), 200, 'import');
  assert.equal(answer.created_parties, 1);
  assert.equal(answer.created_contacts, 2);
  assert.equal(answer.attached, 1);
  assert.equal(answer.skipped, 1);
  assert.equal(answer.failed, 2);
  assert.deepEqual(answer.items.map((i) => [i.index, i.status]),
    [[0, 'created'], [1, 'attached'], [2, 'skipped'], [3, 'failed'], [4, 'failed']]);
  assert.deepEqual(answer.items[3].errors.map((e) => [e.path, e.code]), [
    ['cards[3].card.name', 'no_name'],
    ['cards[3].card.emails[0].address', 'invalid_email'],
  ]);
  assert.ok(answer.items[4].errors.some((e) => e.path === 'cards[4].party_id'), JSON.stringify(answer.items[4]));

  const created = expectStatus(await A.api.get(`/customers/${answer.items[0].party_id}`), 200);
  assert.equal(created.name, 'TheCompany');
  assert.equal(created.kind, 'company');
  assert.equal(created.billing_address.line1, '111 Main St');
  assert.equal(created.contacts.length, 1);
  const contact = created.contacts[0];
  assert.equal(contact.id, answer.items[0].contact_id);
  assert.equal(contact.name, 'VCard Test');
  assert.equal(contact.title, 'TheJobTitle');
  assert.equal(contact.birthday, '1912-06-23');
  assert.equal(contact.phones.length, 11);
  assert.equal(contact.emails[1].address, 'homeemail@example.com');

  const attached = expectStatus(await A.api.get(`/customers/${existing.id}`), 200);
  assert.deepEqual(attached.contacts.map((c) => [c.name, c.title, c.department]),
    [['Mr. John Richter James Doe Sr.', 'Money Counter', 'Accounting']]);
  assert.ok(attached.version > existing.version);

  // the failed cards changed nothing: only the one new customer was added
  const after = await listAll(A.api, '/customers');
  assert.equal(after.length, before.length + 1);
  assert.deepEqual(after.map((c) => c.name).filter((n) => !before.some((b) => b.name === n)), ['TheCompany']);

  assertFieldErrors(await A.api.post('/vcard/import', { cards: [] }), [{ path: 'cards' }]);
  const other = expectStatus(await B.api.post('/vcard/import', {
    cards: [{ card: outlook, action: 'attach', party_id: existing.id }],
  }), 200);
  assert.equal(other.failed, 1, "B cannot attach to A's customer");
});

const comparable = (card) => ({
  name: card.name, title: card.title, department: card.department, organization: card.organization,
  phones: card.phones, emails: card.emails, birthday: card.birthday, notes: card.notes,
  messengers: card.messengers.map((m) => ({ type: m.type, id: m.id })),
});

test('contacts export as vCard 3.0 and 4.0 and read back the same', async () => {
  const customer = await makeCustomer(A.api, { name: '华夏集团', code: 'HX-1', website: 'https://huaxia.example.cn',
    billing_address: { line1: '建国路 88号', city: '北京', postal_code: '100022', country: 'CN' } });
  const first = await makeContact(A.api, customer.id, {
    name: '李娜', title: '销售经理', department: '华东区, 上海',
    phones: [{ type: 'mobile', number: '+86 138 0013 8000' }, { type: 'fax', number: '021-5555-0101' }],
    emails: [{ type: 'work', address: 'lina@huaxia.example.cn' }, { type: 'home', address: 'lina@example.com' }],
    messengers: [{ type: 'wechat', id: 'lina_sh' }, { type: 'kakaotalk', id: 'lina.k' }, { type: 'other', id: 'lina.skype' }],
    birthday: '1990-05-07',
    notes: '第一行; 分号, 逗号 \\ 反斜杠\n第二行很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长',
  });
  const second = await makeContact(A.api, customer.id, { name: 'Anna Schmidt', phones: [{ type: 'work', number: '030 1234' }] });

  for (const version of ['3.0', '4.0']) {
    const answer = await A.api.get(`/customers/${customer.id}/contacts.vcf?version=${version}`);
    assert.equal(answer.status, 200, answer.text);
    assert.match(answer.headers.get('content-type'), /^text\/vcard/);
    assert.ok(answer.text.includes(`VERSION:${version}\r\n`));
    for (const line of answer.text.split('\r\n')) assert.ok(Buffer.byteLength(line) <= 75, line);
    const back = expectStatus(await parse(A.api, answer.raw), 200);
    assert.deepEqual(back.errors, []);
    assert.equal(back.cards.length, 2);
    assert.deepEqual(comparable(back.cards[0]), {
      name: first.name, title: first.title, department: first.department, organization: '华夏集团',
      phones: first.phones, emails: first.emails, birthday: first.birthday, notes: first.notes,
      messengers: first.messengers,
    }, `round trip of vCard ${version}`);
    assert.equal(back.cards[0].addresses[0].line1, '建国路 88号');
    assert.deepEqual(back.cards[0].urls, ['https://huaxia.example.cn']);
    assert.equal(back.cards[1].name, 'Anna Schmidt');

    const one = await A.api.get(`/customers/${customer.id}/contacts/${second.id}.vcf?version=${version}`);
    assert.equal(one.status, 200, one.text);
    const single = expectStatus(await parse(A.api, one.raw), 200).cards;
    assert.deepEqual(single.map((c) => c.name), ['Anna Schmidt']);
  }
  const plain = await A.api.get(`/customers/${customer.id}/contacts.vcf`);
  assert.ok(plain.text.includes('VERSION:3.0\r\n'), 'version 3.0 by default');
  assertFieldErrors(await A.api.get(`/customers/${customer.id}/contacts.vcf?version=2.1`), [{ path: 'version' }]);
  const missing = 999999999;
  assertProblem(await A.api.get(`/customers/${customer.id}/contacts/${missing}.vcf`), 404);

  // another tenant, or a contact of another customer, is 404
  assertProblem(await B.api.get(`/customers/${customer.id}/contacts.vcf`), 404);
  assertProblem(await B.api.get(`/customers/${customer.id}/contacts/${first.id}.vcf`), 404);
  const elsewhere = await makeCustomer(A.api, { name: 'Elsewhere' });
  assertProblem(await A.api.get(`/customers/${elsewhere.id}/contacts/${first.id}.vcf`), 404);
});

const N14 = 'Ñ'.repeat(14);

test('the Android card with an e-mail that is no address imports with its valid data', async () => {
  const body = expectStatus(await parse(A.api, sample('ezvcard_John_Doe_ANDROID.vcf')), 200);
  assert.deepEqual(body.errors, []);
  const cards = body.cards;
  assert.equal(cards.length, 6);

  // the fifth card: the second EMAIL (fourteen Ñ) is left out and reported, the rest stays
  const bob = cards[4];
  assert.equal(bob.index, 4);
  assert.equal(bob.name, 'Ñ Ñ Ñ Ñ');
  assert.deepEqual(bob.emails, [{ type: 'work', address: 'bob@company.com' }]);
  assert.deepEqual(bob.phones, [
    { type: 'mobile', number: '123456' }, { type: 'work', number: '123456' }, { type: 'fax', number: '123456' },
  ]);
  assert.equal(bob.organization, 'Ñ'.repeat(12));
  assert.deepEqual(bob.warnings, [
    { path: 'emails[1]', code: 'invalid_email', message: 'is not an e-mail address', value: N14 },
  ]);

  // the first two carry only an e-mail: no name, the user has to give one
  for (const nameless of cards.slice(0, 2)) {
    assert.equal(nameless.name, null);
    assert.deepEqual(nameless.warnings.map((w) => [w.path, w.code, w.value]), [['name', 'no_name', null]]);
  }
  for (const card of cards.slice(2)) assert.deepEqual(card.warnings, card === bob ? bob.warnings : []);

  const before = await listAll(A.api, '/customers');
  const answer = expectStatus(await A.api.post('/vcard/import', {
    cards: [
      { card: cards[0], action: 'create' },
      { card: { ...cards[1], name: 'Jane Doe' }, action: 'create' },
      ...cards.slice(2).map((card) => ({ card, action: 'create' })),
    ],
  }), 200);
  assert.deepEqual(
    [answer.created_parties, answer.created_contacts, answer.attached, answer.skipped, answer.failed],
    [5, 5, 0, 0, 1],
  );
  assert.deepEqual(answer.items.map((i) => [i.index, i.card_index, i.status]), [
    [0, 0, 'failed'], [1, 1, 'created'], [2, 2, 'created'], [3, 3, 'created'], [4, 4, 'created'], [5, 5, 'created'],
  ]);
  assert.deepEqual(answer.items[0].errors, [{
    path: 'cards[0].card.name', code: 'no_name', message: 'the card has no name: give the contact one before importing it',
  }]);
  assert.equal(answer.items[0].party_id, null);

  const created = expectStatus(await A.api.get(`/customers/${answer.items[4].party_id}`), 200);
  assert.equal(created.name, 'Ñ'.repeat(12));
  assert.equal(created.kind, 'company');
  assert.equal(created.website, 'www.company.com');
  assert.deepEqual(created.contacts.map((c) => [c.name, c.emails, c.phones.length]), [
    ['Ñ Ñ Ñ Ñ', [{ type: 'work', address: 'bob@company.com' }], 3],
  ]);
  const jane = expectStatus(await A.api.get(`/customers/${answer.items[1].party_id}`), 200);
  assert.deepEqual([jane.name, jane.kind, jane.contacts.map((c) => c.name)], ['Jane Doe', 'person', ['Jane Doe']]);

  // five customers more: nothing was written for the card without a name
  const after = await listAll(A.api, '/customers');
  assert.equal(after.length, before.length + 5);

  // a client that sends the e-mail anyway gets the card refused with the e-mail's path
  const sent = { ...bob, emails: [...bob.emails, { type: 'work', address: N14 }] };
  const refused = expectStatus(await A.api.post('/vcard/import', { cards: [{ card: sent, action: 'create' }] }), 200);
  assert.equal(refused.failed, 1);
  assert.deepEqual(refused.items[0].errors.map((e) => [e.path, e.code]), [['cards[0].card.emails[1].address', 'invalid_email']]);
  assert.equal((await listAll(A.api, '/customers')).length, after.length);
});

test('a card with only TEL:123 has no name and is not created until the user names it', async () => {
  const file = Buffer.from('BEGIN:VCARD\r\nVERSION:3.0\r\nTEL:123\r\nEND:VCARD\r\n');
  const card = expectStatus(await parse(A.api, file), 200).cards[0];
  assert.equal(card.name, null);
  assert.equal(card.organization, null);
  assert.deepEqual(card.phones, [{ type: 'work', number: '123' }]);
  assert.deepEqual(card.warnings, [{
    path: 'name', code: 'no_name',
    message: 'the card has no FN, N or ORG: the contact needs a name before it can be imported', value: null,
  }]);

  const before = await listAll(A.api, '/customers');
  const existing = await makeCustomer(A.api, { name: 'Card Holder Ltd' });
  const refused = expectStatus(await A.api.post('/vcard/import', {
    cards: [
      { card, action: 'create' },
      { card, action: 'create', party: { name: 'Somebody' } },
      { card, action: 'attach', party_id: existing.id },
    ],
  }), 200);
  assert.equal(refused.failed, 3);
  assert.deepEqual(refused.items.map((i) => i.errors.map((e) => [e.path, e.code])), [
    [['cards[0].card.name', 'no_name']], [['cards[1].card.name', 'no_name']], [['cards[2].card.name', 'no_name']],
  ]);
  assert.deepEqual((await listAll(A.api, '/customers')).map((c) => c.name).sort(),
    [...before.map((c) => c.name), 'Card Holder Ltd'].sort(), 'no customer called 123');
  assert.deepEqual(expectStatus(await A.api.get(`/customers/${existing.id}`), 200).contacts, []);

  const named = expectStatus(await A.api.post('/vcard/import', {
    cards: [{ card: { ...card, name: '박지훈' }, action: 'create' }],
  }), 200);
  assert.equal(named.created_parties, 1);
  const party = expectStatus(await A.api.get(`/customers/${named.items[0].party_id}`), 200);
  assert.deepEqual([party.name, party.kind, party.contacts[0].name, party.contacts[0].phones],
    ['박지훈', 'person', '박지훈', [{ type: 'work', number: '123' }]]);
});

test('exported names keep family and given order: Korean, Chinese, English and N:Kim;Minsu', async () => {
  const file = Buffer.from([
    'BEGIN:VCARD', 'VERSION:3.0', 'N:Kim;Minsu;;;', 'FN:Kim Minsu', 'END:VCARD',
    'BEGIN:VCARD', 'VERSION:3.0', 'N:김;민수;;;', 'FN:김민수', 'END:VCARD',
    'BEGIN:VCARD', 'VERSION:3.0', 'N:王;小明;;;', 'FN:王小明', 'END:VCARD',
    'BEGIN:VCARD', 'VERSION:3.0', 'N:Smith;John;;;', 'FN:John Smith', 'END:VCARD', '',
  ].join('\r\n'));
  const cards = expectStatus(await parse(A.api, file), 200).cards;
  assert.deepEqual(cards.map((c) => [c.name, c.family_name, c.given_name]), [
    ['Kim Minsu', 'Kim', 'Minsu'], ['김민수', '김', '민수'], ['王小明', '王', '小明'], ['John Smith', 'Smith', 'John'],
  ]);
  const customer = await makeCustomer(A.api, { name: 'Name Order Trading', kind: 'company' });
  const answer = expectStatus(await A.api.post('/vcard/import', {
    cards: cards.map((card) => ({ card, action: 'attach', party_id: customer.id })),
  }), 200);
  assert.equal(answer.attached, 4);

  for (const version of ['3.0', '4.0']) {
    const exported = await A.api.get(`/customers/${customer.id}/contacts.vcf?version=${version}`);
    assert.equal(exported.status, 200, exported.text);
    const names = exported.text.split('\r\n').filter((line) => /^(FN|N):/.test(line));
    assert.deepEqual(names, [
      // the contact keeps one name; "Kim Minsu" may be family or given first, so N keeps it whole
      // rather than swap it to N:Minsu;Kim
      'FN:Kim Minsu', 'N:;Kim Minsu;;;',
      'FN:김민수', 'N:김;민수;;;',
      'FN:王小明', 'N:王;小明;;;',
      'FN:John Smith', 'N:Smith;John;;;',
    ], `vCard ${version}`);
  }
});
