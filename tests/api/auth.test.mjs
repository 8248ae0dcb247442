// Sign-up, sessions, CSRF, sign-in throttling, tenant switching, bearer tokens, invitations and
// tenant settings (docs/api.md, "Session and tenants" and "Settings").
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  startServer, api, signIn, sessionCookie, createTenant, createToken, inviteUser, makeCustomer,
  assertProblem, assertFieldErrors, expectStatus, listAll, itemsOf,
} from './harness.mjs';

let server;
const OWNER = { email: 'owner@hanbit.test', password: 'hanbit owner pw', name: '김민준' };
const SIGNUP = {
  company_name: '한빛상사',
  currency: 'KRW',
  timezone: 'Asia/Seoul',
  locale: 'ko',
  name: OWNER.name,
  email: OWNER.email,
  password: OWNER.password,
};
let owner; // cookie client of the signed-up owner
let signedUp; // the signup answer body

before(async () => {
  server = await startServer();
});

after(async () => {
  await server?.stop();
});

async function customerNames(client) {
  return (await listAll(client, '/customers')).map((c) => c.name).sort();
}

test('signup creates the tenant and its owner and sets an HttpOnly SameSite=Lax cookie', async () => {
  const answer = await api(server).post('/signup', SIGNUP);
  signedUp = expectStatus(answer, 201, 'POST /signup');

  const line = answer.setCookies.find((c) => c.startsWith('rapport_session='));
  assert.ok(line, `Set-Cookie rapport_session in ${JSON.stringify(answer.setCookies)}`);
  const attributes = line.split(';').slice(1).map((a) => a.trim().toLowerCase());
  assert.ok(attributes.includes('httponly'), `HttpOnly in ${line}`);
  assert.ok(attributes.includes('samesite=lax'), `SameSite=Lax in ${line}`);
  assert.ok(line.split(';')[0].length > 'rapport_session='.length + 16, `a real session id in ${line}`);

  assert.equal(signedUp.user.email, OWNER.email);
  assert.equal(signedUp.user.name, OWNER.name);
  assert.equal(typeof signedUp.user.id, 'number');
  assert.equal(signedUp.tenant.name, '한빛상사');
  assert.equal(signedUp.tenant.currency, 'KRW');
  assert.equal(signedUp.tenant.timezone, 'Asia/Seoul');
  assert.equal(signedUp.tenant.locale, 'ko');
  assert.equal(signedUp.role, 'owner');
  assert.equal(signedUp.scope, 'all');
  assert.deepEqual(signedUp.tenants, [{ id: signedUp.tenant.id, name: '한빛상사', role: 'owner' }]);
  assert.equal(typeof signedUp.csrf_token, 'string');
  assert.ok(signedUp.csrf_token.length >= 16);

  owner = api(server, { cookie: sessionCookie(answer.setCookies), csrf: signedUp.csrf_token });
});

test('GET /session returns user, tenant, role owner, permissions and a csrf token', async () => {
  const session = expectStatus(await owner.get('/session'), 200, 'GET /session');
  assert.deepEqual(session.user, signedUp.user);
  assert.deepEqual(session.tenant, signedUp.tenant);
  assert.equal(session.role, 'owner');
  assert.equal(session.scope, 'all');
  assert.equal(typeof session.csrf_token, 'string');
  assert.ok(session.csrf_token.length >= 16);
  assert.ok(Array.isArray(session.permissions));
  for (const domain of ['customers', 'suppliers', 'products', 'employees', 'imports', 'settings', 'users'])
    assert.ok(session.permissions.includes(`${domain}.read`), `owner has ${domain}.read: ${session.permissions}`);
  for (const action of ['create', 'edit', 'delete', 'export'])
    assert.ok(session.permissions.includes(`customers.${action}`), `owner has customers.${action}`);
  for (const p of session.permissions) assert.match(p, /^[a-z_]+\.[a-z_]+$/);
  owner.auth.csrf = session.csrf_token;
});

test('writes with the cookie but without a valid X-CSRF-Token are refused with 403 csrf_failed', async () => {
  const before = await customerNames(owner);

  assertProblem(await owner.post('/customers', { name: 'No CSRF Inc.' }, { csrf: false }), 403, 'csrf_failed', 'POST without token');
  assertProblem(
    await owner.post('/customers', { name: 'Wrong CSRF Inc.' }, { csrf: false, headers: { 'X-CSRF-Token': 'not-the-token' } }),
    403, 'csrf_failed', 'POST with a wrong token');
  assertProblem(await owner.patch('/tenant', { name: 'Hijacked' }, { csrf: false }), 403, 'csrf_failed', 'PATCH /tenant');
  assertProblem(await owner.post('/users', { email: 'x@evil.test', name: 'X', password: 'evil password', role: 'admin' }, { csrf: false }),
    403, 'csrf_failed', 'POST /users');
  assertProblem(await owner.delete('/session', { csrf: false }), 403, 'csrf_failed', 'DELETE /session');

  // nothing changed, and the session still works
  assert.deepEqual(await customerNames(owner), before);
  assert.equal(expectStatus(await owner.get('/tenant'), 200).name, '한빛상사');
  assert.ok(!(await itemsOf(owner, '/users')).some((u) => u.email === 'x@evil.test'));
  expectStatus(await owner.get('/session'), 200, 'still signed in');

  // with the token the same write goes through
  expectStatus(await owner.post('/customers', { name: 'With CSRF Inc.', kind: 'company' }), 201, 'POST with the token');
  assert.deepEqual(await customerNames(owner), [...before, 'With CSRF Inc.'].sort());
});

test('wrong password and unknown e-mail answer 401 invalid_credentials with the same body', async () => {
  const anonymous = api(server);
  const wrong = await anonymous.post('/session', { email: OWNER.email, password: 'not the password' });
  const unknown = await anonymous.post('/session', { email: 'nobody@nowhere.test', password: 'not the password' });
  assertProblem(wrong, 401, 'invalid_credentials', 'wrong password');
  assertProblem(unknown, 401, 'invalid_credentials', 'unknown e-mail');
  assert.deepEqual(wrong.body, unknown.body);
  assert.equal(sessionCookie(wrong.setCookies), null, 'no session cookie on failure');

  // two failures do not lock the owner out
  await signIn(server, OWNER.email, OWNER.password);
});

test('no token and no cookie: 401 on /api/v1/customers; a bearer token works without CSRF', async () => {
  assertProblem(await api(server).get('/customers'), 401, undefined, 'anonymous GET');
  assertProblem(await api(server).post('/customers', { name: 'Anonymous' }), 401, undefined, 'anonymous POST');
  assertProblem(await api(server, { token: 'not-a-real-token-0123456789' }).get('/customers'), 401, undefined, 'bad token');
  assertProblem(await api(server, { cookie: 'rapport_session=forged0123456789abcdef' }).get('/session'), 401, undefined, 'forged cookie');

  const token = createToken(server, signedUp.tenant.id, OWNER.email);
  const bearer = api(server, { token });
  const created = await makeCustomer(bearer, { name: 'Bearer Made Ltd.' });
  assert.equal(created.name, 'Bearer Made Ltd.');
  expectStatus(await bearer.get(`/customers/${created.id}`), 200);
  assert.ok((await customerNames(owner)).includes('Bearer Made Ltd.'));
});

test('an invited sales_rep can sign in and has the sales_rep role', async () => {
  const rep = await inviteUser(owner, { email: 'rep@hanbit.test', name: '이서연', role: 'sales_rep', password: 'rep password 1' });
  assert.equal(rep.email, 'rep@hanbit.test');
  assert.equal(rep.name, '이서연');
  assert.equal(rep.role, 'sales_rep');
  assert.equal(rep.active, true);
  const users = await itemsOf(owner, '/users');
  assert.ok(users.some((u) => u.id === rep.id && u.role === 'sales_rep'), JSON.stringify(users));

  const session = (await signIn(server, 'rep@hanbit.test', 'rep password 1')).session;
  assert.equal(session.user.id, rep.id);
  assert.equal(session.role, 'sales_rep');
  assert.equal(session.tenant.id, signedUp.tenant.id);
  assert.ok(session.permissions.includes('customers.read'));
  assert.ok(!session.permissions.includes('users.create'), `a sales rep does not manage users: ${session.permissions}`);

  const repClient = await signIn(server, 'rep@hanbit.test', 'rep password 1');
  assertProblem(await repClient.post('/users', { email: 'x2@hanbit.test', name: 'X', password: 'password 12', role: 'owner' }),
    403, undefined, 'a sales rep inviting a user');
  assert.ok(!(await itemsOf(owner, '/users')).some((u) => u.email === 'x2@hanbit.test'));
});

test('a user in two tenants lists both and switches with POST /session/tenant', async () => {
  const secondId = createTenant(server, {
    name: 'Second Trading', currency: 'USD', timezone: 'America/New_York', locale: 'en',
    email: OWNER.email, password: OWNER.password,
  });
  const second = api(server, { token: createToken(server, secondId, OWNER.email) });
  await makeCustomer(second, { name: 'Only In Second' });
  const firstNames = await customerNames(owner);
  assert.ok(!firstNames.includes('Only In Second'));

  const client = await signIn(server, OWNER.email, OWNER.password);
  const tenants = [...client.session.tenants].sort((a, b) => a.id - b.id);
  assert.deepEqual(tenants, [
    { id: signedUp.tenant.id, name: '한빛상사', role: 'owner' },
    { id: secondId, name: 'Second Trading', role: 'owner' },
  ].sort((a, b) => a.id - b.id));

  let switched = expectStatus(await client.post('/session/tenant', { tenant_id: secondId }), 200, 'switch to second');
  assert.equal(switched.tenant.id, secondId);
  assert.equal(switched.tenant.currency, 'USD');
  assert.equal(switched.role, 'owner');
  client.auth.csrf = switched.csrf_token;
  assert.deepEqual(await customerNames(client), ['Only In Second']);
  assert.equal(expectStatus(await client.get('/session'), 200).tenant.id, secondId);

  switched = expectStatus(await client.post('/session/tenant', { tenant_id: signedUp.tenant.id }), 200, 'switch back');
  client.auth.csrf = switched.csrf_token;
  assert.equal(switched.tenant.id, signedUp.tenant.id);
  assert.deepEqual(await customerNames(client), firstNames);

  // not a member: refused, and the session stays where it was
  const stranger = createTenant(server, { name: 'Stranger Co', email: 'someone@else.test', password: 'someone password' });
  const refused = await client.post('/session/tenant', { tenant_id: stranger });
  assert.ok([403, 404].includes(refused.status), `switching into a foreign tenant: ${refused.status} ${refused.text}`);
  assert.equal(expectStatus(await client.get('/session'), 200).tenant.id, signedUp.tenant.id);
});

test('PATCH /tenant refuses a bad currency or time zone with 422 and leaves the tenant unchanged', async () => {
  const before = expectStatus(await owner.get('/tenant'), 200, 'GET /tenant');
  assert.equal(before.name, '한빛상사');
  assert.equal(before.currency, 'KRW');

  assertFieldErrors(await owner.patch('/tenant', { currency: 'XYZ' }), [{ path: 'currency' }], 'currency XYZ');
  assertFieldErrors(await owner.patch('/tenant', { timezone: 'Mars/Base' }), [{ path: 'timezone' }], 'timezone Mars/Base');
  const both = assertFieldErrors(await owner.patch('/tenant', { name: 'Renamed', currency: 'XYZ', timezone: 'Mars/Base' }),
    [{ path: 'currency' }, { path: 'timezone' }], 'both');
  assert.ok(!both.errors.some((e) => e.path === 'name'), 'the name was fine');
  assertFieldErrors(await owner.patch('/tenant', { locale: 'fr' }), [{ path: 'locale' }], 'locale fr');
  assert.deepEqual(expectStatus(await owner.get('/tenant'), 200), before);

  const changed = expectStatus(await owner.patch('/tenant', { name: '한빛상사 본사', timezone: 'Asia/Shanghai', locale: 'zh-CN' }), 200);
  assert.equal(changed.name, '한빛상사 본사');
  assert.equal(changed.timezone, 'Asia/Shanghai');
  assert.equal(changed.locale, 'zh-CN');
  assert.equal(changed.currency, 'KRW');
  const session = expectStatus(await owner.get('/session'), 200);
  assert.equal(session.tenant.name, '한빛상사 본사');
});

test('sign out: DELETE /session answers 204, then GET /session is 401', async () => {
  const client = await signIn(server, OWNER.email, OWNER.password);
  const answer = await client.delete('/session');
  expectStatus(answer, 204, 'DELETE /session');
  const cleared = answer.setCookies.find((c) => c.startsWith('rapport_session='));
  assert.ok(cleared && /max-age=0|expires=thu, 01 jan 1970/i.test(cleared), `cookie cleared: ${JSON.stringify(answer.setCookies)}`);
  assertProblem(await client.get('/session'), 401, undefined, 'after sign-out, with the old cookie');
  assertProblem(await client.get('/customers'), 401, undefined, 'customers after sign-out');
  // other sessions of the same user live on
  expectStatus(await owner.get('/session'), 200, 'the first session');
});

// Last: the throttle must not lock out the other tests' sign-ins.
test('after 5 failed sign-ins for one e-mail the next answers 429 sign_in_throttled, even with the right password', async () => {
  const victim = await inviteUser(owner, { email: 'throttled@hanbit.test', password: 'right password 1', role: 'read_only' });
  const anonymous = api(server);
  for (let i = 1; i <= 5; i++)
    assertProblem(await anonymous.post('/session', { email: victim.email, password: `wrong ${i}` }), 401, 'invalid_credentials', `failure ${i}`);
  const blocked = await anonymous.post('/session', { email: victim.email, password: 'right password 1' });
  assertProblem(blocked, 429, 'sign_in_throttled', 'sixth attempt with the right password');
  assert.equal(sessionCookie(blocked.setCookies), null);

  // the throttle is per e-mail: the owner still signs in
  await signIn(server, OWNER.email, OWNER.password);
});
