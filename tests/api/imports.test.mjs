// Imports: upload with encoding detection (CP949), dry run, background job, counts, failures.csv,
// duplicate policies, undetectable encodings, the 50 MiB limit (docs/api.md, "Imports").
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  startServer, ownerTenant, listAll, itemsOf, parseCsv, assertProblem, expectStatus, sleep, INSTANT,
} from './harness.mjs';

let server;
let owner;

before(async () => {
  server = await startServer();
  owner = ownerTenant(server, { name: '한빛상사' }).api;
});

after(async () => {
  await server?.stop();
});

const TEXT =
  '코드,회사명,전화,이메일,주소\r\n' +
  'K001,한빛상사,02-555-1234,info@hanbit.kr,서울특별시 강남구 테헤란로 123\r\n' +
  'K002,대한무역 주식회사,031-777-8888,sales@daehan.kr,경기도 수원시 팔달구 중부대로 45\r\n' +
  'K003,새롬전자,02-333-4444,잘못된주소,부산광역시 해운대구 센텀중앙로 78\r\n' +
  'K004,푸른물산,051-222-3333,,인천광역시 남동구 논현로 9\r\n' +
  'K005,서울식품공업,02-777-1111,food@seoul.kr,대구광역시 중구 동성로 12\r\n';
// TEXT in CP949, written out byte by byte (한 = C7 D1, 빛 = BA FB, 코 = C4 DA, 드 = B5 E5, …)
const CP949 = Buffer.from(
  'c4dab5e52cc8b8bbe7b8ed2cc0fcc8ad2cc0ccb8dec0cf2cc1d6bcd20d0a4b3030312cc7d1bafbbbf3bbe72c30322d353535' +
    '2d313233342c696e666f4068616e6269742e6b722cbcadbfefc6afbab0bdc320b0adb3b2b1b820c5d7c7ecb6f5b7ce203132' +
    '330d0a4b3030322cb4ebc7d1b9abbfaa20c1d6bdc4c8b8bbe72c3033312d3737372d383838382c73616c6573406461656861' +
    '6e2e6b722cb0e6b1e2b5b520bcf6bff8bdc320c6c8b4deb1b820c1dfbaceb4ebb7ce2034350d0a4b3030332cbbf5b7d2c0fc' +
    'c0da2c30322d3333332d343434342cc0dfb8f8b5c8c1d6bcd22cbacebbeab1a4bfaabdc320c7d8bfeeb4ebb1b820bcbec5d2' +
    'c1dfbed3b7ce2037380d0a4b3030342cc7aab8a5b9b0bbea2c3035312d3232322d333333332c2cc0cec3b5b1a4bfaabdc320' +
    'b3b2b5bfb1b820b3edc7f6b7ce20390d0a4b3030352cbcadbfefbdc4c7b0b0f8bef72c30322d3737372d313131312c666f6f' +
    '644073656f756c2e6b722cb4ebb1b8b1a4bfaabdc320c1dfb1b820b5bfbcbab7ce2031320d0a',
  'hex',
);
const HEADERS = ['코드', '회사명', '전화', '이메일', '주소'];

let fields; // {code, name, phone, email}: the customers kind's field names
let file; // the uploaded CP949 file
let mapping;

function upload(bytes, query = 'filename=%EA%B1%B0%EB%9E%98%EC%B2%98.csv') {
  return owner.request('POST', `/imports/files?${query}`, { raw: bytes, headers: { 'Content-Type': 'application/octet-stream' } });
}

async function runImport(body) {
  const queued = expectStatus(await owner.post('/imports', body), 202, 'POST /imports');
  assert.equal(queued.status, 'queued');
  for (let i = 0; i < 300; i++) {
    const job = expectStatus(await owner.get(`/imports/${queued.id}`), 200, 'GET /imports/{id}');
    assert.ok(['queued', 'running', 'done', 'failed'].includes(job.status), job.status);
    if (job.status === 'done' || job.status === 'failed') return job;
    await sleep(100);
  }
  throw new Error(`import ${queued.id} did not finish in 30 s`);
}

const counts = (job) => ({ total: job.total, processed: job.processed, created: job.created, updated: job.updated, skipped: job.skipped, failed: job.failed });
const customerByCode = async (code) => (await listAll(owner, `/customers?q=${encodeURIComponent(code)}`)).filter((c) => c.code === code);

test('the CP949 bytes are the text (self-check of the fixture)', () => {
  assert.equal(new TextDecoder('euc-kr').decode(CP949), TEXT);
  assert.deepEqual([...CP949.subarray(0, 4)], [0xc4, 0xda, 0xb5, 0xe5]); // 코드
});

test('GET /imports/fields lists the customer fields', async () => {
  const answer = expectStatus(await owner.get('/imports/fields?kind=customers'), 200);
  assert.ok(Array.isArray(answer.fields));
  const byName = Object.fromEntries(answer.fields.map((f) => [f.field, f]));
  assert.equal(byName.name?.required, true, JSON.stringify(answer.fields));
  assert.ok(byName.code, 'code is a field');
  assert.equal(typeof answer.suggested_mapping, 'object');
  const phone = answer.fields.find((f) => /phone/.test(f.field));
  const email = answer.fields.find((f) => /e-?mail/.test(f.field));
  assert.ok(phone && email, `a phone and an e-mail field in ${JSON.stringify(answer.fields.map((f) => f.field))}`);
  fields = { code: 'code', name: 'name', phone: phone.field, email: email.field };
  mapping = { 코드: fields.code, 회사명: fields.name, 전화: fields.phone, 이메일: fields.email };
  for (const kind of ['suppliers', 'contacts', 'products', 'employees'])
    expectStatus(await owner.get(`/imports/fields?kind=${kind}`), 200, `fields of ${kind}`);
});

test('upload a CP949 CSV: encoding detected, exact headers, rows and preview', async () => {
  const answer = await upload(CP949);
  file = expectStatus(answer, 201, 'upload');
  assert.equal(file.filename, '거래처.csv');
  assert.equal(file.format, 'csv');
  assert.equal(file.encoding, 'CP949');
  assert.equal(file.delimiter, ',');
  assert.deepEqual(file.headers, HEADERS);
  assert.equal(file.row_count, 5);
  assert.equal(file.preview.length, 5);
  assert.deepEqual(file.preview[0], ['K001', '한빛상사', '02-555-1234', 'info@hanbit.kr', '서울특별시 강남구 테헤란로 123']);
  assert.deepEqual(file.preview[3], ['K004', '푸른물산', '051-222-3333', '', '인천광역시 남동구 논현로 9']);

  // the same bytes with the encoding named
  const named = expectStatus(await upload(CP949, 'filename=named.csv&encoding=CP949'), 201);
  assert.equal(named.encoding, 'CP949');
  assert.deepEqual(named.headers, HEADERS);
});

test('dry run: counts, preview and the bad row with its file row number; nothing written', async () => {
  const body = { file_id: file.id, kind: 'customers', mapping, duplicate_policy: 'skip', duplicate_key: 'code' };
  const dry = expectStatus(await owner.post('/imports/dry-run', body), 200, 'dry run');
  assert.equal(dry.total, 5);
  assert.equal(dry.valid, 4);
  assert.equal(dry.invalid, 1);
  // the header is line 1, so K003 is row 4
  assert.equal(dry.problems.length, 1, JSON.stringify(dry.problems));
  assert.equal(dry.problems[0].row, 4);
  assert.equal(dry.problems[0].field, fields.email);
  assert.equal(typeof dry.problems[0].message, 'string');
  assert.ok(dry.problems[0].message.length > 0);
  assert.equal(dry.preview.length, 5);
  assert.equal(dry.preview[0].row, 2);
  assert.equal(dry.preview[0].values[fields.code], 'K001');
  assert.equal(dry.preview[0].values[fields.name], '한빛상사');
  assert.deepEqual(await listAll(owner, '/customers'), [], 'a dry run writes nothing');
});

let firstJob;

test('the import creates the good rows and fails the bad one; failures.csv lists it', async () => {
  const job = await runImport({ file_id: file.id, kind: 'customers', mapping, duplicate_policy: 'skip', duplicate_key: 'code' });
  firstJob = job;
  assert.equal(job.status, 'done', JSON.stringify(job));
  assert.equal(job.kind, 'customers');
  assert.deepEqual(counts(job), { total: 5, processed: 5, created: 4, updated: 0, skipped: 0, failed: 1 });
  assert.match(job.created_at, INSTANT);
  assert.match(job.finished_at, INSTANT);
  assert.ok(!job.error, `no job error: ${job.error}`);

  const customers = await listAll(owner, '/customers?sort=code');
  assert.deepEqual(customers.map((c) => [c.code, c.name]), [
    ['K001', '한빛상사'], ['K002', '대한무역 주식회사'], ['K004', '푸른물산'], ['K005', '서울식품공업'],
  ]);
  const [hanbit] = await customerByCode('K001');
  const card = expectStatus(await owner.get(`/customers/${hanbit.id}`), 200);
  assert.deepEqual(card.phones.map((p) => p.number), ['02-555-1234']);
  assert.deepEqual(card.emails.map((e) => e.address), ['info@hanbit.kr']);
  const [pureun] = await customerByCode('K004');
  assert.deepEqual(expectStatus(await owner.get(`/customers/${pureun.id}`), 200).emails, [], 'an empty cell adds nothing');
  // the failed row wrote nothing
  assert.deepEqual(await listAll(owner, '/customers?q=K003'), []);
  assert.deepEqual(await listAll(owner, `/customers?q=${encodeURIComponent('새롬')}`), []);
  assert.deepEqual(await listAll(owner, '/customers?q=33334444'), []);

  const failures = await owner.get(`/imports/${job.id}/failures.csv`);
  expectStatus(failures, 200, 'failures.csv');
  assert.match(failures.headers.get('content-type') || '', /^text\/csv/);
  assert.deepEqual([...failures.raw.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'UTF-8 BOM');
  const rows = parseCsv(failures.raw.subarray(3).toString('utf8')).filter((r) => r.some((c) => c !== ''));
  const [header, ...data] = rows;
  assert.ok(header.includes('reason'), `reason column in ${header}`);
  for (const h of ['코드', '회사명', '이메일']) assert.ok(header.includes(h), `${h} column in ${header}`);
  assert.equal(data.length, 1, JSON.stringify(rows));
  const row = Object.fromEntries(header.map((h, i) => [h, data[0][i]]));
  assert.equal(row['코드'], 'K003');
  assert.equal(row['회사명'], '새롬전자');
  assert.equal(row['이메일'], '잘못된주소');
  assert.ok(row.reason.length > 0, 'a reason');
});

test('re-import with policy skip skips every existing row; with update updates them', async () => {
  const skip = await runImport({ file_id: file.id, kind: 'customers', mapping, duplicate_policy: 'skip', duplicate_key: 'code' });
  assert.equal(skip.status, 'done');
  assert.deepEqual(counts(skip), { total: 5, processed: 5, created: 0, updated: 0, skipped: 4, failed: 1 });

  const update = await runImport({ file_id: file.id, kind: 'customers', mapping, duplicate_policy: 'update', duplicate_key: 'code' });
  assert.equal(update.status, 'done');
  assert.deepEqual(counts(update), { total: 5, processed: 5, created: 0, updated: 4, skipped: 0, failed: 1 });
  assert.equal((await listAll(owner, '/customers')).length, 4);

  // a changed file (UTF-8 with BOM this time): one row updated, one created
  const changed = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(
    '코드,회사명,전화,이메일,주소\r\nK001,한빛상사 본점,02-555-1234,info@hanbit.kr,서울\r\nK006,새한정밀,02-888-9999,,부산\r\n')]);
  const second = expectStatus(await upload(changed, 'filename=changed.csv'), 201);
  assert.equal(second.encoding, 'UTF-8');
  assert.deepEqual(second.headers, HEADERS, 'the BOM is not part of the first header');
  const job = await runImport({ file_id: second.id, kind: 'customers', mapping, duplicate_policy: 'update', duplicate_key: 'code' });
  assert.deepEqual(counts(job), { total: 2, processed: 2, created: 1, updated: 1, skipped: 0, failed: 0 });
  const [hanbit] = await customerByCode('K001');
  assert.equal(hanbit.name, '한빛상사 본점');
  assert.equal((await customerByCode('K006'))[0].name, '새한정밀');
  assert.equal((await listAll(owner, '/customers')).length, 5);

  // the first job's failures are still there
  const failures = await owner.get(`/imports/${firstJob.id}/failures.csv`);
  assert.ok(failures.text.includes('K003'));
});

test('saved import mappings', async () => {
  const saved = expectStatus(await owner.post('/import-mappings', { name: '거래처 기본', kind: 'customers', mapping }), 201);
  assert.equal(saved.name, '거래처 기본');
  assert.equal(saved.kind, 'customers');
  assert.deepEqual(saved.mapping, mapping);
  const items = await itemsOf(owner, '/import-mappings?kind=customers');
  assert.deepEqual(items.map((m) => m.id), [saved.id]);
  assert.deepEqual(await itemsOf(owner, '/import-mappings?kind=products'), []);
});

test('undetectable bytes answer 422 encoding_undetected with candidates', async () => {
  // high bytes including 0x80 and 0xFF, which no candidate multi-byte encoding accepts
  const bytes = Buffer.alloc(600);
  for (let i = 0; i < bytes.length; i++) bytes[i] = 0x80 + ((i * 73 + 41) % 128);
  const problem = assertProblem(await upload(bytes, 'filename=noise.csv'), 422, 'encoding_undetected');
  assert.ok(Array.isArray(problem.errors) && problem.errors.length > 0);
  for (const e of problem.errors) {
    assert.equal(e.path, 'encoding');
    assert.equal(e.code, 'candidate');
  }
  assert.ok(problem.errors.some((e) => e.message === 'CP949'), JSON.stringify(problem.errors));
});

test('an upload over 50 MiB answers 413', async () => {
  const big = Buffer.alloc(50 * 1024 * 1024 + 1, 0x61);
  let answer;
  try {
    answer = await upload(big, 'filename=big.csv');
  } catch (error) {
    assert.fail(`the server dropped the connection instead of answering 413: ${error.cause?.code || error.message}`);
  }
  assertProblem(answer, 413);
  expectStatus(await owner.get('/customers?limit=1'), 200, 'the server still answers');
});
