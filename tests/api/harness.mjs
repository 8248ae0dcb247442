// Shared set-up for the API tests: a private `rapport serve` per test file on SQLite or on a
// fresh PostgreSQL database (RAPPORT_TEST_DB), the command line, a small JSON client, factories.
//
// Not a test file: `node --test tests/api/` only runs files named *.test.mjs.
import { spawn, execFileSync } from 'node:child_process';
import assert from 'node:assert/strict';
import zlib from 'node:zlib';
import crypto from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));

export const BIN = process.env.RAPPORT_BIN || path.resolve(here, '../../build/rapport');
export const SHARED_DATA = process.env.RAPPORT_SHARED_DATA || path.resolve(here, '../../../shared/data');
export const DOCS_DIR = path.resolve(here, '../../docs');
export const DB_KIND = process.env.RAPPORT_TEST_DB || 'sqlite';

export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** An instant as the contract writes it: `2026-12-04T15:58:22Z`. */
export const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/;

function freePort() {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

function pgUrl() {
  const url = process.env.RAPPORT_PG_URL;
  if (!url) throw new Error('RAPPORT_TEST_DB=postgresql needs RAPPORT_PG_URL (run under scripts/with-postgres)');
  return url.replace(/\/+$/, '');
}

function psql(sql) {
  execFileSync('psql', [`${pgUrl()}/postgres`, '-v', 'ON_ERROR_STOP=1', '-q', '-c', sql], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

/** A fresh, empty database: its URL and how to get rid of it. */
function freshDatabase(tmp) {
  if (DB_KIND === 'sqlite') return { dbUrl: `sqlite:${path.join(tmp, 'rapport.db')}`, drop: () => {} };
  if (DB_KIND !== 'postgresql') throw new Error(`RAPPORT_TEST_DB must be sqlite or postgresql, not ${DB_KIND}`);
  const name = `rapport_${crypto.randomBytes(6).toString('hex')}`;
  psql(`CREATE DATABASE ${name}`);
  return {
    name,
    dbUrl: `${pgUrl()}/${name}`,
    drop: () => psql(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
  };
}

/**
 * Starts `rapport serve` on a fresh database and waits for /healthz.
 * Returns {url, dbUrl, tmp, log(), stop()}; stop() ends the server, drops the database and
 * removes the temporary folder.
 */
export async function startServer() {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'rapport-api-'));
  const { dbUrl, drop, name: pgDatabase } = freshDatabase(tmp);
  const port = await freePort();
  const logPath = path.join(tmp, 'server.log');
  const logFd = fs.openSync(logPath, 'a');
  const child = spawn(BIN, ['serve', '--db', dbUrl, '--bind', '127.0.0.1', '--port', String(port)], {
    stdio: ['ignore', logFd, logFd],
  });
  const url = `http://127.0.0.1:${port}`;
  let exited = null;
  const exit = new Promise((resolve) => {
    child.on('exit', (code, signal) => {
      exited = { code, signal };
      resolve();
    });
    child.on('error', (error) => {
      exited = { error: error.message };
      resolve();
    });
  });
  const log = () => {
    try {
      return fs.readFileSync(logPath, 'utf8').slice(-6000);
    } catch {
      return '';
    }
  };

  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    if (!exited) {
      child.kill('SIGTERM');
      let timer;
      await Promise.race([exit, new Promise((resolve) => (timer = setTimeout(resolve, 10_000)))]);
      clearTimeout(timer);
      if (!exited) {
        child.kill('SIGKILL');
        await exit;
      }
    }
    fs.closeSync(logFd);
    try {
      drop();
    } finally {
      fs.rmSync(tmp, { recursive: true, force: true });
    }
  };

  const deadline = Date.now() + 20_000;
  for (;;) {
    if (exited) {
      const text = log();
      await stop();
      throw new Error(`rapport serve exited early (${JSON.stringify(exited)}):\n${text}`);
    }
    try {
      const answer = await fetch(`${url}/healthz`);
      if (answer.status === 200) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      const text = log();
      await stop();
      throw new Error(`rapport serve did not answer /healthz within 20 s:\n${text}`);
    }
    await sleep(50);
  }
  return { url, dbUrl, pgDatabase, tmp, log, stop, exited: () => exited };
}

/** Runs the rapport command line synchronously; returns stdout. Throws with stderr on failure. */
export function rapport(args) {
  try {
    return execFileSync(BIN, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 120_000 });
  } catch (error) {
    throw new Error(`rapport ${args.join(' ')} failed (${error.status}):\n${error.stderr}\n${error.stdout}`);
  }
}

let tenantSerial = 0;

/** Creates a company and its owner through `rapport tenant create`; returns the tenant id (a number). */
export function createTenant(server, options = {}) {
  tenantSerial += 1;
  const o = {
    name: `Company ${tenantSerial}`,
    currency: 'KRW',
    timezone: 'Asia/Seoul',
    locale: 'ko',
    email: `owner${tenantSerial}-${crypto.randomBytes(3).toString('hex')}@tenant.test`,
    password: 'owner password 1',
    adminName: undefined,
    ...options,
  };
  const args = ['tenant', 'create', '--db', server.dbUrl, '--name', o.name, '--currency', o.currency,
    '--timezone', o.timezone, '--locale', o.locale, '--admin-email', o.email, '--admin-password', o.password];
  if (o.adminName) args.push('--admin-name', o.adminName);
  const out = rapport(args).trim();
  assert.match(out, /^\d+$/, `tenant create prints the id alone, got ${JSON.stringify(out)}`);
  return Number(out);
}

/** A bearer API token acting as `email` in the tenant, through `rapport token create`. */
export function createToken(server, tenantId, email) {
  const out = rapport(['token', 'create', '--db', server.dbUrl, '--tenant', String(tenantId), '--email', email]).trim();
  assert.ok(out.length >= 16 && !/\s/.test(out), `token create prints the token alone, got ${JSON.stringify(out)}`);
  return out;
}

/** A tenant with its owner and a bearer client acting as the owner. */
/** The calendar date of `instant` in an IANA time zone, as YYYY-MM-DD (the tenant's "today"). */
export function dateIn(timeZone, instant = new Date()) {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(instant);
}

export function ownerTenant(server, options = {}) {
  const email = options.email || `owner-${crypto.randomBytes(4).toString('hex')}@tenant.test`;
  const password = options.password || 'owner password 1';
  const id = createTenant(server, { ...options, email, password });
  const token = createToken(server, id, email);
  return { id, email, password, token, api: api(server, { token }) };
}

function parseBody(text, contentType) {
  if (/json/i.test(contentType || '') && text.length > 0) {
    try {
      return JSON.parse(text);
    } catch {
      return text;
    }
  }
  return text;
}

/**
 * A small client for /api/v1. `auth` is {token} for a bearer token or {cookie, csrf} for a
 * browser session (cookie is `rapport_session=…`); either may be left out.
 * Paths starting with /api/, /healthz or /metrics are used as given, others get /api/v1.
 * Every call returns {status, headers, body, text, raw}; body is parsed JSON when the answer is JSON.
 */
export function api(server, auth = {}) {
  const client = {
    server,
    auth: { ...auth },
    async request(method, route, { body, headers = {}, raw, csrf = true } = {}) {
      const url = /^\/(api\/|healthz|metrics)/.test(route) ? server.url + route : `${server.url}/api/v1${route}`;
      const h = { Accept: 'application/json', ...headers };
      if (client.auth.token) h.Authorization = `Bearer ${client.auth.token}`;
      if (client.auth.cookie) {
        h.Cookie = client.auth.cookie;
        if (csrf && client.auth.csrf && method !== 'GET' && method !== 'HEAD') h['X-CSRF-Token'] = client.auth.csrf;
      }
      let payload;
      if (raw !== undefined) {
        payload = raw;
        if (!Object.keys(h).some((k) => k.toLowerCase() === 'content-type')) h['Content-Type'] = 'application/json';
      } else if (body !== undefined) {
        payload = JSON.stringify(body);
        h['Content-Type'] = 'application/json';
      }
      for (const [k, v] of Object.entries(h)) if (v === undefined || v === null) delete h[k];
      const answer = await fetch(url, { method, headers: h, body: payload });
      const buffer = Buffer.from(await answer.arrayBuffer());
      const text = buffer.toString('utf8');
      return {
        status: answer.status,
        headers: answer.headers,
        body: parseBody(text, answer.headers.get('content-type')),
        text,
        raw: buffer,
        setCookies: answer.headers.getSetCookie ? answer.headers.getSetCookie() : [],
      };
    },
    get: (route, options) => client.request('GET', route, options),
    post: (route, body, options) => client.request('POST', route, { ...options, body }),
    patch: (route, body, options) => client.request('PATCH', route, { ...options, body }),
    put: (route, body, options) => client.request('PUT', route, { ...options, body }),
    delete: (route, options) => client.request('DELETE', route, options),
  };
  return client;
}

/** The `rapport_session=…` pair of a Set-Cookie list, or null. */
export function sessionCookie(setCookies) {
  for (const line of setCookies) {
    const pair = line.split(';')[0].trim();
    if (pair.startsWith('rapport_session=')) return pair;
  }
  return null;
}

/** Signs in with e-mail and password; returns a cookie client (asserts 200). */
export async function signIn(server, email, password) {
  const anonymous = api(server);
  const answer = await anonymous.post('/session', { email, password });
  assert.equal(answer.status, 200, `sign-in as ${email}: ${answer.text}`);
  const cookie = sessionCookie(answer.setCookies);
  assert.ok(cookie, `sign-in sets rapport_session: ${JSON.stringify(answer.setCookies)}`);
  const client = api(server, { cookie, csrf: answer.body.csrf_token });
  client.session = answer.body;
  return client;
}

/** Asserts a problem+json answer with this status (and code, when given); returns the body. */
export function assertProblem(answer, status, code, message = '') {
  const where = `${message ? message + ': ' : ''}${answer.status} ${answer.text.slice(0, 600)}`;
  assert.equal(answer.status, status, where);
  assert.match(answer.headers.get('content-type') || '', /^application\/problem\+json/, `content type, ${where}`);
  assert.equal(typeof answer.body, 'object', where);
  assert.equal(answer.body.status, status, where);
  if (code !== undefined) assert.equal(answer.body.code, code, where);
  return answer.body;
}

/** Asserts a 422 whose errors include {path, code?} for each wanted entry. */
export function assertFieldErrors(answer, wanted, message = '') {
  const body = assertProblem(answer, 422, undefined, message);
  assert.ok(Array.isArray(body.errors), `errors array: ${answer.text}`);
  for (const want of wanted) {
    const found = body.errors.find((e) => e.path === want.path && (want.code === undefined || e.code === want.code));
    assert.ok(found, `${message ? message + ': ' : ''}expected error ${JSON.stringify(want)} in ${JSON.stringify(body.errors)}`);
  }
  return body;
}

/** Asserts a status, showing the answer on failure; returns the body. */
export function expectStatus(answer, status, message = '') {
  assert.equal(answer.status, status, `${message ? message + ': ' : ''}${answer.status} ${answer.text.slice(0, 800)}`);
  return answer.body;
}

/**
 * Runs independent checks and reports every failure at the end (done()), so one server bug does
 * not hide the next: `const check = softly(); await check('label', () => …); check.done();`
 */
export function softly() {
  const failures = [];
  const check = async (label, fn) => {
    try {
      await fn();
    } catch (error) {
      failures.push(`${label}: ${String(error.message).split('\n')[0]}`);
    }
  };
  check.done = () => assert.deepEqual(failures, [], 'failed checks');
  return check;
}

/** Walks a list through next_cursor; returns every item (asserts no cursor loops). */
export async function listAll(client, route, limit = 100) {
  const items = [];
  const seen = new Set();
  let cursor = null;
  for (let page = 0; page < 10_000; page++) {
    const sep = route.includes('?') ? '&' : '?';
    const url = `${route}${sep}limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
    const body = expectStatus(await client.get(url), 200, `GET ${url}`);
    assert.ok(Array.isArray(body.items), `items in ${url}`);
    items.push(...body.items);
    if (body.next_cursor === null || body.next_cursor === undefined) {
      assert.equal(body.next_cursor, null, `next_cursor is null at the end of ${route}`);
      return items;
    }
    assert.ok(!seen.has(body.next_cursor), `cursor repeats in ${route}`);
    seen.add(body.next_cursor);
    cursor = body.next_cursor;
  }
  throw new Error(`too many pages in ${route}`);
}

/** The items of an unpaged list such as /users, /branches, /roles (asserts 200). */
export async function itemsOf(client, route) {
  const body = expectStatus(await client.get(route), 200, `GET ${route}`);
  assert.ok(Array.isArray(body.items), `items in ${route}: ${JSON.stringify(body).slice(0, 300)}`);
  return body.items;
}

let serial = 0;
const next = () => (serial += 1);

async function make(client, route, body, overrides) {
  const answer = await client.post(route, { ...body, ...overrides });
  return expectStatus(answer, 201, `POST ${route}`);
}

export function makeCustomer(client, overrides = {}) {
  const n = next();
  return make(client, '/customers', { code: `CUST-${n}`, name: `Customer ${n}`, kind: 'company' }, overrides);
}

export function makeSupplier(client, overrides = {}) {
  const n = next();
  return make(client, '/suppliers', { code: `SUP-${n}`, name: `Supplier ${n}`, kind: 'company' }, overrides);
}

export function makeProduct(client, overrides = {}) {
  const n = next();
  return make(client, '/products', { code: `PRD-${n}`, name: `Product ${n}`, unit: 'ea', unit_price: '10.00' }, overrides);
}

export function makeEmployee(client, overrides = {}) {
  const n = next();
  return make(client, '/employees', { code: `EMP-${n}`, name: `Employee ${n}` }, overrides);
}

/** A contact under /customers/{partyId} (or /suppliers with `parties: 'suppliers'`). */
export function makeContact(client, partyId, overrides = {}, parties = 'customers') {
  const n = next();
  return make(client, `/${parties}/${partyId}/contacts`, { name: `Contact ${n}` }, overrides);
}

/** Invites a user (the admin sets the first password); returns the user. */
export async function inviteUser(client, overrides = {}) {
  const n = next();
  const body = {
    email: `user${n}-${crypto.randomBytes(3).toString('hex')}@users.test`,
    name: `User ${n}`,
    password: 'user password 1',
    role: 'sales_rep',
    ...overrides,
  };
  const user = expectStatus(await client.post('/users', body), 201, 'POST /users');
  return { ...user, password: body.password };
}

/** A minimal RFC 4180 CSV parser (quoted fields, doubled quotes, CRLF or LF). */
export function parseCsv(text) {
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const rows = [];
  let row = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

/** CSV rows as objects keyed by the header row. */
export function readCsvObjects(file) {
  const [header, ...rows] = parseCsv(fs.readFileSync(file, 'utf8'));
  return rows.filter((r) => r.length > 1 || r[0] !== '').map((r) => Object.fromEntries(header.map((h, i) => [h, r[i] ?? ''])));
}

/** The entries of a zip file (an XLSX workbook), inflated: {name: Buffer}. */
export function unzip(buffer) {
  const entries = {};
  let at = 0;
  while (at + 30 <= buffer.length && buffer.readUInt32LE(at) === 0x04034b50) {
    const method = buffer.readUInt16LE(at + 8);
    const compressed = buffer.readUInt32LE(at + 18);
    const nameLength = buffer.readUInt16LE(at + 26);
    const extraLength = buffer.readUInt16LE(at + 28);
    const name = buffer.subarray(at + 30, at + 30 + nameLength).toString('utf8');
    const start = at + 30 + nameLength + extraLength;
    const data = buffer.subarray(start, start + compressed);
    entries[name] = method === 8 ? zlib.inflateRawSync(data) : data;
    at = start + compressed;
  }
  return entries;
}
