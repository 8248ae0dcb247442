// Plumbing: /healthz, /metrics, the OpenAPI document (it lists every route in docs/api.md and
// every route the other API tests call), and problem+json for unknown API routes.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import {
  startServer, ownerTenant, api, makeCustomer, assertProblem, expectStatus, rapport, DOCS_DIR, DB_KIND,
} from './harness.mjs';

let server;
let owner;
let ownerEmail;
let ownerPassword;

before(async () => {
  server = await startServer();
  const tenant = ownerTenant(server);
  owner = tenant.api;
  ownerEmail = tenant.email;
  ownerPassword = tenant.password;
});

after(async () => {
  await server?.stop();
});

const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'];
const key = (method, route) => `${method} ${route.replace(/\{[^}]+\}/g, '{}')}`;

/**
 * The routes docs/api.md names, as "METHOD /full/path" with parameters written `{}`:
 * `GET /customers?q=…`, `GET/POST /customers/{id}/contacts`, and "the same under `/suppliers`".
 */
function contractRoutes() {
  const text = fs.readFileSync(path.join(DOCS_DIR, 'api.md'), 'utf8');
  const routes = new Set();
  for (const match of text.matchAll(/`((?:GET|POST|PUT|PATCH|DELETE)(?:\/(?:GET|POST|PUT|PATCH|DELETE))*) (\/[^`?\s]*)/g)) {
    const full = /^\/(healthz|metrics|api\/)/.test(match[2]) ? match[2] : `/api/v1${match[2]}`;
    for (const method of match[1].split('/')) routes.add(key(method, full));
  }
  // "Parties: `/customers` and `/suppliers` (same shape)"
  for (const route of [...routes]) if (route.includes(' /api/v1/customers')) routes.add(route.replace('/customers', '/suppliers'));
  return routes;
}

/** Every route the API tests call, read from their source ("METHOD /path" with ids as `{}`). */
function testedRoutes() {
  const dir = path.dirname(new URL(import.meta.url).pathname);
  const routes = new Set();
  for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.test.mjs'))) {
    const text = fs.readFileSync(path.join(dir, file), 'utf8');
    // client calls such as owner.get('/customers'), owner.patch(`/customers/${id}`, …), request('POST', '/imports/files?…')
    for (const m of text.matchAll(/\.(get|post|patch|put|delete)\(\s*[`'](\/[^`'?]*)/g)) routes.add(normalise(m[1].toUpperCase(), m[2]));
    for (const m of text.matchAll(/request\(\s*'(GET|POST|PUT|PATCH|DELETE)',\s*[`'](\/[^`'?]*)/g)) routes.add(normalise(m[1], m[2]));
  }
  routes.delete(null);
  return routes;
}

function normalise(method, route) {
  // deliberately unknown routes (404 tests) are not routes
  if (/nope|not-a-number/.test(route)) return null;
  const full = /^\/(healthz|metrics|api\/)/.test(route) ? route : `/api/v1${route}`;
  return key(method, full.replace(/\$\{[^}]*\}/g, '{}').replace(/\/\d+(?=\/|$)/g, '/{}').replace(/\/$/, ''));
}

test('/healthz answers {"status":"ok"}', async () => {
  const answer = await fetch(`${server.url}/healthz`);
  assert.equal(answer.status, 200);
  assert.match(answer.headers.get('content-type') || '', /^application\/json/);
  assert.deepEqual(await answer.json(), { status: 'ok' });
});

test('/metrics has request counters labelled by route template and the pool gauge', async () => {
  const customer = await makeCustomer(owner, { name: 'Metered' });
  expectStatus(await owner.get(`/customers/${customer.id}`), 200);
  await api(server).get('/customers');
  const answer = await fetch(`${server.url}/metrics`);
  assert.equal(answer.status, 200);
  assert.match(answer.headers.get('content-type') || '', /^text\/plain/);
  const text = await answer.text();
  const counters = text.split('\n').filter((l) => l.startsWith('rapport_http_requests_total{'));
  assert.ok(counters.length > 0, `rapport_http_requests_total samples in:\n${text.slice(0, 2000)}`);
  for (const line of counters) assert.match(line, /route="[^"]+"/, line);
  assert.ok(counters.some((l) => l.includes('route="/api/v1/customers/{id}"') || /route="\/api\/v1\/customers\/\{[a-z_]+\}"/.test(l)),
    `a counter for the customer route template:\n${counters.join('\n')}`);
  assert.ok(!text.includes(`/customers/${customer.id}"`), 'no raw ids in labels');
  assert.match(text, /^rapport_db_pool_connections(\{[^}]*\})? \d+(\.\d+)?$/m, 'rapport_db_pool_connections gauge');
  assert.match(text, /^# TYPE rapport_http_requests_total counter$/m);
});

test('openapi.json is OpenAPI 3.1 and lists every route of docs/api.md', async () => {
  const doc = expectStatus(await api(server).get('/openapi.json'), 200, 'openapi.json without auth');
  assert.match(doc.openapi, /^3\.1\.\d+$/);
  assert.equal(typeof doc.info?.title, 'string');
  assert.equal(typeof doc.info?.version, 'string');
  const listed = new Set();
  for (const [route, item] of Object.entries(doc.paths)) {
    const full = route.startsWith('/api/') || route === '/healthz' || route === '/metrics' ? route : `/api/v1${route}`;
    for (const method of Object.keys(item)) if (METHODS.includes(method.toUpperCase())) listed.add(key(method.toUpperCase(), full));
  }
  const contract = contractRoutes();
  assert.ok(contract.size >= 40, `parsed ${contract.size} routes from docs/api.md: ${[...contract].join(', ')}`);
  for (const must of ['POST /api/v1/signup', 'PATCH /api/v1/suppliers/{}/contacts/{}', 'GET /api/v1/imports/{}/failures.csv', 'GET /healthz'])
    assert.ok(contract.has(must), `parser found ${must}`);
  const missing = [...contract].filter((r) => !listed.has(r));
  assert.deepEqual(missing, [], 'contract routes missing from openapi.json');

  const tested = testedRoutes();
  assert.ok(tested.size >= 30, `found ${tested.size} tested routes`);
  const untested = [...tested].filter((r) => !listed.has(r));
  assert.deepEqual(untested, [], 'routes called by the tests but missing from openapi.json');
});

test('openapi.json names the status each action answers on success', async () => {
  const doc = expectStatus(await api(server).get('/openapi.json'), 200);
  const success = (route, method) => Object.keys(doc.paths[route][method].responses).filter((code) => /^2/.test(code));
  // actions that create nothing answer 200, a queued import 202, a new record 201, a removal 204
  for (const route of ['/api/v1/session', '/api/v1/session/tenant', '/api/v1/customers/transfer', '/api/v1/pool/claim',
    '/api/v1/customers/{id}/merge', '/api/v1/customers/{id}/release', '/api/v1/settings/pool/run', '/api/v1/vcard/parse',
    '/api/v1/vcard/import', '/api/v1/imports/dry-run'])
    assert.deepEqual(success(route, 'post'), ['200'], route);
  assert.deepEqual(success('/api/v1/imports', 'post'), ['202']);
  assert.deepEqual(success('/api/v1/customers', 'post'), ['201']);
  assert.deepEqual(success('/api/v1/activities', 'post'), ['201']);
  assert.deepEqual(success('/api/v1/customers/{id}', 'delete'), ['204']);
  // and the server agrees: signing in answers 200
  const signIn = await api(server).post('/session', { email: ownerEmail, password: ownerPassword });
  assert.equal(signIn.status, 200);
});

test('openapi.json lints: operations have responses and path parameters are declared', async () => {
  const doc = expectStatus(await api(server).get('/openapi.json'), 200);
  const problems = [];
  const operationIds = new Set();
  for (const [route, item] of Object.entries(doc.paths)) {
    const params = [...route.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]);
    for (const [method, operation] of Object.entries(item)) {
      if (!METHODS.includes(method.toUpperCase())) continue;
      const where = `${method.toUpperCase()} ${route}`;
      if (!operation.responses || Object.keys(operation.responses).length === 0) problems.push(`${where}: no responses`);
      const declared = [...(item.parameters || []), ...(operation.parameters || [])].filter((p) => p.in === 'path');
      for (const name of params) {
        const p = declared.find((d) => d.name === name);
        if (!p) problems.push(`${where}: path parameter ${name} not declared`);
        else if (p.required !== true) problems.push(`${where}: path parameter ${name} not required`);
      }
      if (operation.operationId) {
        if (operationIds.has(operation.operationId)) problems.push(`${where}: duplicate operationId ${operation.operationId}`);
        operationIds.add(operation.operationId);
      }
    }
  }
  assert.deepEqual(problems, []);
});

test('an unknown /api/v1 route answers 404 problem+json, not the web app', async () => {
  assertProblem(await owner.get('/nope'), 404, undefined, 'GET /api/v1/nope');
  assertProblem(await owner.post('/nope/deeper', { a: 1 }), 404, undefined, 'POST /api/v1/nope/deeper');
  assertProblem(await owner.get('/customers/1/nope'), 404, undefined, 'GET /api/v1/customers/1/nope');
});

test('a known route with another method answers 405 problem+json whose body says 405', async () => {
  // held in variables: these method and path pairs are deliberately not routes (testedRoutes)
  const [put, customer, tenantRoute] = ['PUT', '/customers/1', '/tenant'];
  const body = assertProblem(await owner.request(put, customer, { body: { name: 'x' } }), 405, 'method_not_allowed');
  assert.equal(body.title, 'Method not allowed');
  assert.equal(body.detail, 'This route does not take PUT.');
  assertProblem(await owner.delete(tenantRoute), 405, 'method_not_allowed');
  // a wrong method on a named route is not read as a record id: /customers/export is no customer
  const [del, patch, exportRoute, transferRoute, similarRoute] = ['DELETE', 'PATCH', '/customers/export', '/customers/transfer', '/customers/similar'];
  for (const [method, route] of [[del, exportRoute], [patch, exportRoute], [patch, transferRoute], [del, similarRoute]])
    assertProblem(await owner.request(method, route, { body: {} }), 405, 'method_not_allowed', `${method} ${route}`);
});

test('errors are problem+json with type, title, status, code and detail', async () => {
  const body = assertProblem(await api(server).get('/customers'), 401);
  for (const field of ['type', 'title', 'code', 'detail']) assert.equal(typeof body[field], 'string', `${field} in ${JSON.stringify(body)}`);
  const invalid = assertProblem(await owner.post('/customers', { name: 5 }), 422, 'invalid_fields');
  assert.equal(invalid.type, 'about:blank');
  for (const e of invalid.errors) for (const field of ['path', 'code', 'message']) assert.equal(typeof e[field], 'string');
});

test('the database URL forms of the README work: sqlite:PATH and postgresql://user@host:port/db', async () => {
  if (DB_KIND === 'sqlite') {
    assert.match(server.dbUrl, /^sqlite:\//);
  } else {
    // the plain URL, without any ?query
    const plain = `${process.env.RAPPORT_PG_URL.replace(/\/+$/, '')}/${server.pgDatabase}`;
    rapport(['migrate', '--db', plain]);
  }
  // the CLI and the running server share the database
  const id = Number(rapport(['tenant', 'create', '--db', server.dbUrl, '--name', 'URL Check', '--currency', 'USD',
    '--timezone', 'UTC', '--locale', 'en', '--admin-email', 'url@check.test', '--admin-password', 'url check pw']).trim());
  const session = expectStatus(await api(server).post('/session', { email: 'url@check.test', password: 'url check pw' }), 200);
  assert.equal(session.tenant.id, id);
});
