// Search latency at 100,000 customers: generates Korean, Chinese and English company names with
// phones, loads them through the import API into a fresh server (SQLite by default;
// RAPPORT_TEST_DB=postgresql under scripts/with-postgres for PostgreSQL), then times
// GET /api/v1/search and GET /api/v1/customers?q= over a few hundred queries of every kind.
//
//   node bench/search.mjs [--customers 100000] [--queries 300]
import { performance } from 'node:perf_hooks';
import { startServer, ownerTenant, expectStatus, sleep, DB_KIND } from '../tests/api/harness.mjs';

const option = (name, fallback) => {
  const at = process.argv.indexOf(`--${name}`);
  return at > 0 ? Number(process.argv[at + 1]) : fallback;
};
const CUSTOMERS = option('customers', 100_000);
const QUERIES = option('queries', 300);

// A small deterministic generator, so every run searches the same data.
let seed = 20261204;
const random = () => {
  seed = (seed * 1103515245 + 12345) % 2147483648;
  return seed / 2147483648;
};
const pick = (list) => list[Math.floor(random() * list.length)];

const hangul = '가나다라마바사아자차카타파하한빛대서울미래동방태양새우리결푸른양세진성삼원신고려영금광명';
const koreanTrades = ['상사', '전자', '무역', '산업', '물산', '정밀', '테크', '건설', '식품', '유통'];
const han = '华夏星辰东方明珠天河长城金龙宏达远航新世纪恒通兴盛泰和顺安康永利嘉信鑫源';
const chineseTrades = ['科技', '电子', '贸易', '实业', '物流', '食品', '机械', '化工'];
const cities = ['深圳市', '上海', '北京', '广州市', '杭州', '苏州'];
const words = ['Acme', 'Apex', 'Summit', 'Blue', 'Ocean', 'North', 'Wind', 'Pacific', 'Golden', 'Gate', 'Silver', 'Red',
  'Wood', 'Ever', 'Green', 'Crescent', 'Star', 'River', 'Stone', 'Bright'];
const englishTrades = ['Trading', 'Electronics', 'Logistics', 'Foods', 'Industries', 'Systems'];
const forms = { ko: ['(주)', '', ' 주식회사', '㈜'], zh: ['有限公司', '股份有限公司', ''], en: [' Co., Ltd.', ' Inc.', ' LLC', ''] };

function company(i) {
  const kind = i % 3;
  if (kind === 0) {
    const stem = Array.from({ length: 2 + Math.floor(random() * 2) }, () => pick(hangul)).join('');
    const form = pick(forms.ko);
    const name = stem + pick(koreanTrades);
    return form.startsWith('(') || form === '㈜' ? form + name : name + form;
  }
  if (kind === 1) return pick(cities) + pick(han) + pick(han) + pick(chineseTrades) + pick(forms.zh);
  return `${pick(words)} ${pick(words)} ${pick(englishTrades)}${pick(forms.en)}`;
}

function phone(i) {
  const digits = String(10000000 + Math.floor(random() * 89999999));
  const local = `${digits.slice(0, 4)}-${digits.slice(4)}`;
  return i % 3 === 0 ? `+82 10-${local}` : `010-${local}`;
}

const csvCell = (value) => (/[",\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);

async function load(api) {
  const rows = [['code', 'name', 'phone']];
  const companies = [];
  for (let i = 0; i < CUSTOMERS; i++) {
    const row = { code: `B-${String(i).padStart(6, '0')}`, name: company(i), phone: phone(i) };
    companies.push(row);
    rows.push([row.code, row.name, row.phone]);
  }
  const csv = rows.map((r) => r.map(csvCell).join(',')).join('\n');
  const file = expectStatus(await api.request('POST', '/imports/files?filename=bench.csv&encoding=UTF-8', {
    raw: Buffer.from(csv, 'utf8'), headers: { 'Content-Type': 'application/octet-stream' } }), 201, 'upload');
  const mapping = { code: 'code', name: 'name', phone: 'phones' };
  const queued = expectStatus(await api.post('/imports', { file_id: file.id, kind: 'customers', mapping,
    duplicate_policy: 'create', duplicate_key: 'code' }), 202, 'import');
  const started = performance.now();
  for (;;) {
    const job = expectStatus(await api.get(`/imports/${queued.id}`), 200, 'import status');
    if (job.status === 'done' || job.status === 'failed') {
      console.log(`loaded ${job.created} customers (${job.failed} failed) in ${((performance.now() - started) / 1000).toFixed(1)} s`);
      if (job.status === 'failed') throw new Error(job.error);
      break;
    }
    await sleep(1000);
  }
  return companies;
}

// Queries of every kind the search box serves, drawn from the generated customers.
function queries(companies) {
  const out = [];
  const hangulInitial = (text) => [...text].map((c) => {
    const code = c.codePointAt(0) - 0xac00;
    return code >= 0 && code < 11172 ? 'ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ'[Math.floor(code / 588)] : '';
  }).join('');
  for (let i = 0; out.length < QUERIES; i++) {
    const c = companies[Math.floor(random() * companies.length)];
    const digits = c.phone.replace(/\D/g, '');
    const national = digits.startsWith('82') ? `0${digits.slice(2)}` : digits;
    const kinds = [
      ['name', c.name],
      ['name part', [...c.name.replace(/[()㈜]/g, '')].slice(0, 3).join('')],
      ['code', c.code],
      ['phone digits', national],
      ['phone dashed', `${national.slice(0, 3)}-${national.slice(3, 7)}-${national.slice(7)}`],
      ['phone +82', `+82 ${national.slice(1, 3)}-${national.slice(3, 7)}-${national.slice(7)}`],
    ];
    if (/[가-힣]/.test(c.name)) kinds.push(['initials', hangulInitial(c.name.replace(/\(주\)|㈜|주식회사/g, ''))]);
    if (/[\u4e00-\u9fff]/.test(c.name)) kinds.push(['pinyin initials', null]);
    const [kind, q] = kinds[i % kinds.length];
    if (q) out.push({ kind, q });
  }
  out.push(...['hxjt', 'shenzhen', 'huaxia', 'xingchen', 'ㅎㅂ', 'ㅎㅂㅅㅅ', 'acme', 'Trading'].map((q) => ({ kind: 'fixed', q })));
  return out;
}

const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

async function time(api, label, path, list) {
  const durations = [];
  // a warm-up pass fills caches the way a running server has them
  for (const { q } of list.slice(0, 20)) await api.get(path(q));
  for (const { q } of list) {
    const started = performance.now();
    expectStatus(await api.get(path(q)), 200, `${label} ${q}`);
    durations.push(performance.now() - started);
  }
  durations.sort((a, b) => a - b);
  console.log(`${label.padEnd(24)} n=${durations.length} p50 ${percentile(durations, 50).toFixed(1)} ms  p95 ${percentile(durations, 95).toFixed(1)} ms  max ${durations.at(-1).toFixed(1)} ms`);
}

export async function runSearchBench() {
  const server = await startServer();
  try {
    const tenant = ownerTenant(server, { currency: 'KRW', locale: 'ko' });
    console.log(`search bench on ${DB_KIND}: ${CUSTOMERS} customers, ${QUERIES} queries`);
    const companies = await load(tenant.api);
    const list = queries(companies);
    await time(tenant.api, 'GET /search', (q) => `/search?q=${encodeURIComponent(q)}&limit=20`, list);
    await time(tenant.api, 'GET /customers?q=', (q) => `/customers?q=${encodeURIComponent(q)}&limit=50`, list);
    await time(tenant.api, 'GET /customers/similar', (q) => `/customers/similar?name=${encodeURIComponent(q)}`,
      list.filter((x) => x.kind === 'name'));
  } finally {
    await server.stop();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await runSearchBench();
