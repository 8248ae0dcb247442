// Tenant isolation: with tenant B's token, every route that takes an id answers 404 for tenant
// A's ids, and A's data stays as it was (DESIGN.md §4 "Tenancy"). The routes come from
// /api/v1/openapi.json, so a new route with an id cannot be forgotten here.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  startServer, ownerTenant, makeCustomer, makeSupplier, makeProduct, makeEmployee, makeContact,
  inviteUser, listAll, itemsOf, assertProblem, expectStatus, sleep,
} from './harness.mjs';

let server;
let A;
let B;
const a = {}; // tenant A's records
const b = {}; // tenant B's records

async function seed(tenant, into, tag) {
  const api = tenant.api;
  into.customer = await makeCustomer(api, { name: `${tag} Customer`, code: `${tag}-C1` });
  into.customerContact = await makeContact(api, into.customer.id, { name: `${tag} Customer Contact` });
  into.supplier = await makeSupplier(api, { name: `${tag} Supplier`, code: `${tag}-S1` });
  into.supplierContact = await makeContact(api, into.supplier.id, { name: `${tag} Supplier Contact` }, 'suppliers');
  into.product = await makeProduct(api, { name: `${tag} Product`, code: `${tag}-P1`, unit_price: '5.00' });
  into.branch = expectStatus(await api.post('/branches', { name: `${tag} Branch`, code: `${tag}-B1` }), 201, 'POST /branches');
  into.employee = await makeEmployee(api, { name: `${tag} Employee`, code: `${tag}-E1`, branch_id: into.branch.id });
  into.user = await inviteUser(api, { name: `${tag} User`, role: 'sales_rep' });
  into.activity = expectStatus(await api.post('/activities', { party_id: into.customer.id, type: 'visit',
    occurred_at: '2026-11-02T01:00:00Z', next_contact_date: '2026-12-01', subject: `${tag} visit` }), 201, 'POST /activities');
  into.customField = expectStatus(await api.post('/custom-fields', { entity: 'customer', code: `f_${tag.toLowerCase()}`,
    label: `${tag} field`, type: 'text' }), 201, 'POST /custom-fields');
  const levels = 'levels';
  into.level = expectStatus(await api.post(`/lists/${levels}`, { code: `${tag}-L`, label: `${tag} level` }), 201, 'POST /lists/levels');

  // the second row has no name, so the import leaves a failure behind
  const csv = Buffer.from(`code,name\r\n${tag}-I1,${tag} Imported\r\n${tag}-I2,\r\n`);
  const upload = await api.request('POST', '/imports/files?filename=isolation.csv', {
    raw: csv, headers: { 'Content-Type': 'application/octet-stream' },
  });
  into.file = expectStatus(upload, 201, 'upload');
  const body = { file_id: into.file.id, kind: 'customers', mapping: { code: 'code', name: 'name' },
    duplicate_policy: 'skip', duplicate_key: 'code' };
  into.importBody = body;
  into.import = expectStatus(await api.post('/imports', body), 202, 'POST /imports');
  for (let i = 0; i < 200; i++) {
    const job = expectStatus(await api.get(`/imports/${into.import.id}`), 200);
    if (job.status === 'done' || job.status === 'failed') break;
    await sleep(100);
  }
  into.mapping = expectStatus(await api.post('/import-mappings', { name: `${tag} mapping`, kind: 'customers', mapping: body.mapping }),
    201, 'POST /import-mappings');
}

/** Everything tenant A can see of its own records, to compare before and after the probes. */
async function snapshot() {
  const api = A.api;
  const get = async (route) => {
    const answer = await api.get(route);
    return { status: answer.status, body: answer.body };
  };
  return {
    customer: await get(`/customers/${a.customer.id}`),
    customerContacts: await get(`/customers/${a.customer.id}/contacts`),
    activities: await get(`/customers/${a.customer.id}/activities`),
    supplier: await get(`/suppliers/${a.supplier.id}`),
    supplierContacts: await get(`/suppliers/${a.supplier.id}/contacts`),
    product: await get(`/products/${a.product.id}`),
    employee: await get(`/employees/${a.employee.id}`),
    branches: await get('/branches'),
    users: await get('/users'),
    import: await get(`/imports/${a.import.id}`),
    failures: (await api.get(`/imports/${a.import.id}/failures.csv`)).text,
    mappings: await get('/import-mappings?kind=customers'),
    lists: await get('/lists'),
    owners: await get(`/customers/${a.customer.id}/owners`),
    audit: await get(`/customers/${a.customer.id}/audit`),
    customFields: await get('/custom-fields'),
    customers: await listAll(api, '/customers'),
    suppliers: await listAll(api, '/suppliers'),
    products: await listAll(api, '/products'),
    employees: await listAll(api, '/employees'),
  };
}

before(async () => {
  server = await startServer();
  A = ownerTenant(server, { name: 'Tenant A' });
  B = ownerTenant(server, { name: 'Tenant B' });
  await seed(A, a, 'AAA');
  await seed(B, b, 'BBB');
});

after(async () => {
  await server?.stop();
});

const templateKey = (route) => route.replace(/^\/api\/v1(?=\/)/, '').replace(/\{[^}]+\}/g, '{}');

/** The concrete A-owned paths for each route template with ids (several when there are mixes). */
function concretePaths(key) {
  const table = {
    '/customers/{}': [`/customers/${a.customer.id}`],
    '/customers/{}/contacts': [`/customers/${a.customer.id}/contacts`],
    '/customers/{}/contacts/{}': [
      `/customers/${a.customer.id}/contacts/${a.customerContact.id}`,
      `/customers/${b.customer.id}/contacts/${a.customerContact.id}`,
    ],
    '/suppliers/{}': [`/suppliers/${a.supplier.id}`],
    '/suppliers/{}/contacts': [`/suppliers/${a.supplier.id}/contacts`],
    '/suppliers/{}/contacts/{}': [
      `/suppliers/${a.supplier.id}/contacts/${a.supplierContact.id}`,
      `/suppliers/${b.supplier.id}/contacts/${a.supplierContact.id}`,
    ],
    '/products/{}': [`/products/${a.product.id}`],
    '/activities/{}': [`/activities/${a.activity.id}`],
    '/customers/{}/activities': [`/customers/${a.customer.id}/activities`],
    // a feed is named by its secret, not by an id: any unknown secret is a 404
    '/calendar/{}': ['/calendar/cal_unknown.ics'],
    '/employees/{}': [`/employees/${a.employee.id}`],
    '/branches/{}': [`/branches/${a.branch.id}`],
    '/users/{}': [`/users/${a.user.id}`],
    '/imports/{}': [`/imports/${a.import.id}`],
    '/customers/{}/merge': [`/customers/${a.customer.id}/merge`],
    '/imports/{}/failures.csv': [`/imports/${a.import.id}/failures.csv`],
    '/imports/files/{}': [`/imports/files/${a.file.id}`],
    '/import-mappings/{}': [`/import-mappings/${a.mapping.id}`],
    '/customers/{}/contacts.vcf': [`/customers/${a.customer.id}/contacts.vcf`],
    '/customers/{}/contacts/{}.vcf': [
      `/customers/${a.customer.id}/contacts/${a.customerContact.id}.vcf`,
      `/customers/${b.customer.id}/contacts/${a.customerContact.id}.vcf`,
    ],
    // the list name is not an id: POST /lists/{list} adds to the caller's own list
    '/lists/{}': [],
    '/lists/{}/{}': [`/lists/levels/${a.level.id}`],
    '/customers/{}/owners': [`/customers/${a.customer.id}/owners`],
    '/customers/{}/release': [`/customers/${a.customer.id}/release`],
    '/customers/{}/audit': [`/customers/${a.customer.id}/audit`],
    '/custom-fields/{}': [`/custom-fields/${a.customField.id}`],
  };
  return table[key];
}

function versionOf(key) {
  if (key.startsWith('/customers/{}/contacts/')) return a.customerContact.version;
  if (key.startsWith('/suppliers/{}/contacts/')) return a.supplierContact.version;
  if (key.startsWith('/activities/')) return a.activity.version;
  if (key.startsWith('/customers/')) return a.customer.version;
  if (key.startsWith('/suppliers/')) return a.supplier.version;
  if (key.startsWith('/products/')) return a.product.version;
  if (key.startsWith('/employees/')) return a.employee.version;
  return undefined;
}

/** A valid body for the route, so that only the tenant can be the reason to refuse it. */
function bodyFor(key) {
  if (key === '/users/{}') return { role: 'owner', active: false };
  if (key === '/activities/{}') return { subject: 'hacked by B' };
  // merging A's customer into B's own: only the tenant of the merged one can refuse it
  if (key === '/customers/{}/merge') return { into_id: b.customer.id };
  if (key === '/import-mappings/{}') return { name: 'hacked', kind: 'customers', mapping: {} };
  if (key === '/lists/{}/{}') return { label: 'hacked by B', active: false };
  if (key === '/customers/{}/release') return { reason: 'hacked by B' };
  if (key === '/custom-fields/{}') return { label: 'hacked by B', required: true };
  if (/^\/(customers|suppliers)\/\{\}$/.test(key)) return { name: 'hacked by B', archived: true };
  if (/^\/(products|employees)\/\{\}$/.test(key)) return { name: 'hacked by B', active: false };
  return { name: 'hacked by B' };
}

// The routes the contract names with an id; all must be in openapi.json and probed.
const REQUIRED = [
  'GET /customers/{}', 'PATCH /customers/{}', 'DELETE /customers/{}',
  'GET /customers/{}/contacts', 'POST /customers/{}/contacts',
  'PATCH /customers/{}/contacts/{}', 'DELETE /customers/{}/contacts/{}',
  'GET /suppliers/{}', 'PATCH /suppliers/{}', 'DELETE /suppliers/{}',
  'GET /suppliers/{}/contacts', 'POST /suppliers/{}/contacts',
  'PATCH /suppliers/{}/contacts/{}', 'DELETE /suppliers/{}/contacts/{}',
  'GET /products/{}', 'PATCH /products/{}',
  'GET /employees/{}', 'PATCH /employees/{}',
  'PATCH /branches/{}', 'PATCH /users/{}',
  'GET /imports/{}', 'GET /imports/{}/failures.csv',
];

test("with tenant B's token every route with an id answers 404 for tenant A's ids, and A is unchanged", async () => {
  const before = await snapshot();
  assert.equal(before.customer.status, 200);
  assert.equal(before.import.body.status, 'done', `A's import finished: ${JSON.stringify(before.import.body)}`);

  const doc = expectStatus(await A.api.get('/openapi.json'), 200, 'openapi.json');
  const operations = [];
  for (const [route, item] of Object.entries(doc.paths)) {
    if (!route.includes('{')) continue;
    for (const method of Object.keys(item)) {
      if (!['get', 'post', 'put', 'patch', 'delete'].includes(method)) continue;
      operations.push(`${method.toUpperCase()} ${templateKey(route)}`);
    }
  }
  for (const required of REQUIRED) assert.ok(operations.includes(required), `openapi.json lists ${required}`);

  const probed = new Set();
  const failures = [];
  for (const operation of operations) {
    const [method, key] = operation.split(' ');
    const paths = concretePaths(key);
    assert.ok(paths, `no probe for ${operation}: add tenant A ids for this new route to isolation.test.mjs`);
    for (const path of paths) {
      const version = versionOf(key);
      const headers = version === undefined ? {} : { 'If-Match': String(version) };
      const body = method === 'GET' || method === 'DELETE' ? undefined : bodyFor(key);
      const answer = await B.api.request(method, path, { body, headers });
      if (answer.status !== 404) failures.push(`${method} ${path} -> ${answer.status} ${answer.text.slice(0, 200)}`);
      probed.add(operation);
    }
  }
  assert.deepEqual(failures, [], 'every probe answers 404');
  for (const required of REQUIRED) assert.ok(probed.has(required), `probed ${required}`);
  assert.ok(probed.size >= REQUIRED.length);

  // A's file cannot be used by B either
  for (const route of ['/imports/dry-run', '/imports']) {
    const answer = await B.api.post(route, a.importBody);
    assert.ok([404, 422].includes(answer.status), `B using A's file_id on ${route}: ${answer.status} ${answer.text.slice(0, 300)}`);
  }

  assert.deepEqual(await snapshot(), before, "tenant A's data is unchanged");
});

test("tenant B's lists and searches show nothing of tenant A", async () => {
  const mine = (items, field = 'name') => items.map((x) => x[field]).filter((v) => String(v).includes('AAA'));
  assert.deepEqual(mine(await listAll(B.api, '/customers')), []);
  assert.deepEqual(await listAll(B.api, '/customers?q=AAA'), []);
  assert.deepEqual(await listAll(B.api, `/customers?owner_id=${a.user.id}`), []);
  assert.deepEqual(mine(await listAll(B.api, '/suppliers')), []);
  assert.deepEqual(await listAll(B.api, '/suppliers?q=AAA'), []);
  assert.deepEqual(mine(await listAll(B.api, '/products')), []);
  assert.deepEqual(await listAll(B.api, '/products?q=AAA'), []);
  assert.deepEqual(mine(await listAll(B.api, '/employees')), []);
  assert.deepEqual(mine(await listAll(B.api, '/activities'), 'subject'), []);
  assert.deepEqual(mine(await itemsOf(B.api, '/branches')), []);
  assert.deepEqual(mine(await itemsOf(B.api, '/users')), []);
  assert.deepEqual(mine(await itemsOf(B.api, '/import-mappings?kind=customers')), []);
  // B's own records are there
  assert.deepEqual((await listAll(B.api, '/customers?q=BBB')).map((c) => c.name).sort(), ['BBB Customer', 'BBB Imported']);
  // and B's creates use their own code space: A's codes are free in B
  await makeProduct(B.api, { name: 'Same code as A', code: 'AAA-P1' });
});
