// Contact history (docs/api.md, Activities (contact history) and Contact analysis): logging with
// its validation, the customer's contact dates, the timeline, edits and deletes, the rep's data
// scope, and the contact analysis tables as JSON and XLSX.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  startServer, ownerTenant, signIn, inviteUser, makeCustomer, makeSupplier, makeContact, makeEmployee, listAll,
  assertProblem, assertFieldErrors, expectStatus, unzip,
} from './harness.mjs';

let server;
let tenant;
let owner;
let rep1;
let rep2;
let rep1Client;
let rep2Client;
let mine; // rep 1's customer
let theirs; // rep 2's customer

before(async () => {
  server = await startServer();
  tenant = ownerTenant(server, { timezone: 'Asia/Seoul', locale: 'en' });
  owner = tenant.api;
  rep1 = await inviteUser(owner, { name: 'Rep One', role: 'sales_rep' });
  rep2 = await inviteUser(owner, { name: 'Rep Two', role: 'sales_rep' });
  rep1Client = await signIn(server, rep1.email, rep1.password);
  rep2Client = await signIn(server, rep2.email, rep2.password);
  mine = await makeCustomer(owner, { name: 'Hanbit Trading', owner_id: rep1.id, region: 'Seoul' });
  theirs = await makeCustomer(owner, { name: 'Daehan Steel', owner_id: rep2.id, region: 'Busan' });
});

after(async () => {
  await server?.stop();
});

const log = (client, body) => client.post('/activities', { type: 'phone_call', ...body });

/** The customer's contact dates as the Today page sees them on `asOf`. */
async function contactDates(partyId, asOf) {
  const body = expectStatus(await owner.get(`/reminders?as_of=${asOf}`), 200);
  const item = body.items.find((i) => i.kind === 'contact' && i.party_id === partyId);
  return { group: item?.group ?? null, next_contact_date: item?.due_date ?? null, last_contact_at: item?.last_contact_at ?? null };
}

test('the default roles carry the activity and analytics permissions', () => {
  for (const permission of ['activities.read', 'activities.create', 'activities.edit', 'activities.delete', 'analytics.read'])
    assert.ok(rep1Client.session.permissions.includes(permission), `sales_rep has ${permission}`);
});

test('logging refuses unknown and out-of-scope customers with 404', async () => {
  assertProblem(await log(rep1Client, { party_id: 987654321 }), 404, 'not_found', 'unknown party');
  assertProblem(await log(rep1Client, { party_id: theirs.id }), 404, 'not_found', "another rep's customer");
  const supplier = await makeSupplier(owner, { name: 'Only A Supplier' });
  assertProblem(await log(owner, { party_id: supplier.id }), 404, 'not_found', 'a supplier is not a customer');
  assertFieldErrors(await log(rep1Client, {}), [{ path: 'party_id', code: 'required' }]);
});

test('logging validates dates, types, contact and employee with field paths', async () => {
  assertFieldErrors(await log(rep1Client, { party_id: mine.id, occurred_at: '2026-12-04T10:00:00Z', next_contact_date: '2026-12-03' }),
    [{ path: 'next_contact_date', code: 'before_contact' }], 'next contact before the contact');
  assertFieldErrors(await log(rep1Client, { party_id: mine.id, next_contact_date: '2026/12/10' }),
    [{ path: 'next_contact_date', code: 'invalid_date' }], 'slashes');
  assertFieldErrors(await log(rep1Client, { party_id: mine.id, next_contact_date: '2026-02-30' }),
    [{ path: 'next_contact_date', code: 'invalid_date' }], 'no such day');
  assertFieldErrors(await log(rep1Client, { party_id: mine.id, occurred_at: 'yesterday' }),
    [{ path: 'occurred_at', code: 'invalid_instant' }]);
  // 2262-04-12 once came back as 1677-09-21: instants outside 1900–2199 are refused
  assertFieldErrors(await log(rep1Client, { party_id: mine.id, occurred_at: '2262-04-12T00:00:00Z' }),
    [{ path: 'occurred_at', code: 'invalid_instant' }]);
  assertFieldErrors(await log(rep1Client, { party_id: mine.id, type: 'telepathy' }), [{ path: 'type', code: 'invalid_choice' }]);
  assertFieldErrors(await log(rep1Client, { party_id: mine.id, duration_minutes: -5 }), [{ path: 'duration_minutes' }]);
  const otherContact = await makeContact(owner, theirs.id, { name: 'Not Theirs' });
  assertFieldErrors(await log(rep1Client, { party_id: mine.id, contact_id: otherContact.id }), [{ path: 'contact_id', code: 'not_found' }]);
  assertFieldErrors(await log(rep1Client, { party_id: mine.id, employee_id: 987654321 }), [{ path: 'employee_id', code: 'not_found' }]);
  assertFieldErrors(await log(rep1Client, { party_id: mine.id, mood: 'happy' }), [{ path: 'mood' }], 'unknown field');
  const timeline = expectStatus(await rep1Client.get(`/customers/${mine.id}/activities`), 200);
  assert.deepEqual(timeline.items, [], 'nothing was logged by refused requests');
});

test('a type from the tenant\'s activity_types list is accepted; an inactive one is not', async () => {
  const types = '/lists/activity_types'; // the route is /lists/{list}
  const added = expectStatus(await owner.post(types, { code: 'trade_show', label: 'Trade show' }), 201);
  const made = expectStatus(await log(rep1Client, { party_id: mine.id, type: 'trade_show', occurred_at: '2026-09-01T01:00:00Z' }), 201);
  assert.equal(made.type, 'trade_show');
  expectStatus(await owner.patch(`${types}/${added.id}`, { active: false }, { headers: { 'If-Match': String(added.version) } }), 200);
  assertFieldErrors(await log(rep1Client, { party_id: mine.id, type: 'trade_show' }), [{ path: 'type', code: 'invalid_choice' }]);
  expectStatus(await rep1Client.delete(`/activities/${made.id}`), 204);
});

test("the next contact date is compared with the contact's day in the tenant's time zone", async () => {
  // 15:30 UTC on 4 December is 00:30 on 5 December in Seoul
  const party = await makeCustomer(owner, { name: 'Midnight Customer', owner_id: rep1.id });
  assertFieldErrors(await log(rep1Client, { party_id: party.id, occurred_at: '2026-12-04T15:30:00Z', next_contact_date: '2026-12-04' }),
    [{ path: 'next_contact_date', code: 'before_contact' }], 'the 4th is before the Seoul day of the contact');
  const made = expectStatus(await log(rep1Client, { party_id: party.id, occurred_at: '2026-12-05T00:30:00+09:00',
    next_contact_date: '2026-12-05' }), 201);
  assert.equal(made.occurred_at, '2026-12-04T15:30:00Z', 'instants are answered in UTC');
});

test('logging answers the activity and sets the customer\'s last contact and next contact date', async () => {
  const contact = await makeContact(owner, mine.id, { name: 'Kim Minsu' });
  const employee = await makeEmployee(owner, { name: 'Field Employee' });
  const made = expectStatus(await log(rep1Client, {
    party_id: mine.id, contact_id: contact.id, employee_id: employee.id, type: 'visit', occurred_at: '2026-11-02T01:00:00Z',
    duration_minutes: 45, subject: 'Quarterly visit', content: 'Showed the new catalogue', outcome: 'interested',
    next_contact_date: '2026-11-20',
  }), 201);
  assert.equal(made.party_id, mine.id);
  assert.equal(made.party_name, 'Hanbit Trading');
  assert.equal(made.contact_name, 'Kim Minsu');
  assert.equal(made.employee_name, 'Field Employee');
  assert.equal(made.user_id, rep1.id);
  assert.equal(made.type, 'visit');
  assert.equal(made.duration_minutes, 45);
  assert.equal(made.next_contact_date, '2026-11-20');
  assert.equal(made.version, 1);
  assert.deepEqual(await contactDates(mine.id, '2026-11-20'),
    { group: 'today', next_contact_date: '2026-11-20', last_contact_at: '2026-11-02T01:00:00Z' });

  // a later contact without a next date clears it
  expectStatus(await log(rep1Client, { party_id: mine.id, type: 'email', occurred_at: '2026-11-21T02:00:00Z' }), 201);
  const dormant = await contactDates(mine.id, '2027-03-01');
  assert.deepEqual(dormant, { group: 'dormant', next_contact_date: null, last_contact_at: '2026-11-21T02:00:00Z' });
});

test('the customer card carries the last contact and the next contact date the log set', async () => {
  const customer = await makeCustomer(owner, { name: 'Card Dates Ltd', owner_id: rep1.id });
  const fresh = expectStatus(await rep1Client.get(`/customers/${customer.id}`), 200);
  assert.equal(fresh.last_contact_at, null);
  assert.equal(fresh.next_contact_date, null);
  expectStatus(await log(rep1Client, {
    party_id: customer.id, occurred_at: '2026-11-03T05:30:00Z', next_contact_date: '2026-11-17',
  }), 201);
  const card = expectStatus(await rep1Client.get(`/customers/${customer.id}`), 200);
  assert.equal(card.last_contact_at, '2026-11-03T05:30:00Z');
  assert.equal(card.next_contact_date, '2026-11-17');
  const listed = expectStatus(await rep1Client.get('/customers?q=Card%20Dates'), 200);
  assert.deepEqual(listed.items.map((c) => [c.name, c.last_contact_at, c.next_contact_date]),
    [['Card Dates Ltd', '2026-11-03T05:30:00Z', '2026-11-17']]);
  // the dates are the log's: the card refuses to write them
  const edited = await rep1Client.patch(`/customers/${customer.id}`, { next_contact_date: '2027-01-01' },
    { headers: { 'If-Match': `"${card.version}"` } });
  assertFieldErrors(edited, [{ path: 'next_contact_date', code: 'unknown_field' }]);
  assert.equal(expectStatus(await rep1Client.get(`/customers/${customer.id}`), 200).next_contact_date, '2026-11-17');
});

test('a customer or contact person with logged contacts cannot be deleted, and stays whole', async () => {
  const customer = await makeCustomer(owner, { name: 'Logged Then Deleted', owner_id: rep1.id });
  const contact = await makeContact(owner, customer.id, { name: 'Park Jiwoo' });
  expectStatus(await log(rep1Client, { party_id: customer.id, contact_id: contact.id, occurred_at: '2026-11-04T01:00:00Z' }), 201);

  const contactDelete = await owner.delete(`/customers/${customer.id}/contacts/${contact.id}`);
  assertProblem(contactDelete, 409, 'contact_referenced');
  assert.match(contactDelete.body.detail, /1 logged contact/);

  // without contact persons the party is still referenced by its timeline
  const bare = await makeCustomer(owner, { name: 'Timeline Only', owner_id: rep1.id });
  expectStatus(await log(rep1Client, { party_id: bare.id, occurred_at: '2026-11-05T01:00:00Z' }), 201);
  const partyDelete = await owner.delete(`/customers/${bare.id}`);
  assertProblem(partyDelete, 409, 'party_referenced');
  assert.match(partyDelete.body.detail, /1 logged contact/);

  const timeline = expectStatus(await owner.get(`/customers/${bare.id}/activities`), 200);
  assert.equal(timeline.items.length, 1);
  const card = expectStatus(await owner.get(`/customers/${customer.id}`), 200);
  assert.deepEqual(card.contacts.map((c) => c.name), ['Park Jiwoo']);
});

test('the timeline is newest first, filters by type and pages', async () => {
  const party = await makeCustomer(owner, { name: 'Timeline Customer', owner_id: rep1.id });
  const at = ['2026-10-01T01:00:00Z', '2026-10-03T01:00:00Z', '2026-10-02T01:00:00Z', '2026-10-05T01:00:00Z'];
  const types = ['phone_call', 'visit', 'email', 'visit'];
  for (let i = 0; i < at.length; i++)
    expectStatus(await log(rep1Client, { party_id: party.id, type: types[i], occurred_at: at[i], subject: `#${i}` }), 201);
  const all = await listAll(rep1Client, `/customers/${party.id}/activities`, 3);
  assert.deepEqual(all.map((a) => a.occurred_at), [...at].sort().reverse(), 'newest first across pages');
  const visits = expectStatus(await rep1Client.get(`/customers/${party.id}/activities?type=visit`), 200);
  assert.deepEqual(visits.items.map((a) => a.subject), ['#3', '#1']);
  const some = await listAll(rep1Client, `/activities?party_id=${party.id}&type=phone_call,email`);
  assert.deepEqual(some.map((a) => a.subject), ['#2', '#0']);
  const ranged = await listAll(rep1Client, `/activities?party_id=${party.id}&from=2026-10-02&to=2026-10-03`);
  assert.deepEqual(ranged.map((a) => a.subject), ['#1', '#2']);
  assertFieldErrors(await rep1Client.get('/activities?from=2026-13-01'), [{ path: 'from', code: 'invalid_date' }]);
  assertProblem(await rep1Client.get('/customers/987654321/activities'), 404);
});

test('editing needs the current version and keeps the customer\'s dates in step; deleting too', async () => {
  const party = await makeCustomer(owner, { name: 'Edited Customer', owner_id: rep1.id });
  const first = expectStatus(await log(rep1Client, { party_id: party.id, occurred_at: '2026-11-01T01:00:00Z', next_contact_date: '2026-11-10' }), 201);
  const second = expectStatus(await log(rep1Client, { party_id: party.id, occurred_at: '2026-11-05T01:00:00Z', next_contact_date: '2026-11-15' }), 201);

  assertProblem(await rep1Client.patch(`/activities/${second.id}`, { subject: 'x' }), 428, undefined, 'If-Match is required');
  const changed = expectStatus(await rep1Client.patch(`/activities/${second.id}`, { next_contact_date: '2026-11-30', outcome: 'call back' },
    { headers: { 'If-Match': String(second.version) } }), 200);
  assert.equal(changed.version, second.version + 1);
  assert.equal(changed.outcome, 'call back');
  assert.equal((await contactDates(party.id, '2026-11-30')).group, 'today', 'the edited date is the next one');

  const stale = assertProblem(await rep1Client.patch(`/activities/${second.id}`, { subject: 'late' },
    { headers: { 'If-Match': String(second.version) } }), 412, 'version_mismatch');
  assert.equal(stale.current.version, changed.version, 'the current record comes along');
  assertFieldErrors(await rep1Client.patch(`/activities/${second.id}`, { next_contact_date: '2026-11-01' },
    { headers: { 'If-Match': String(changed.version) } }), [{ path: 'next_contact_date', code: 'before_contact' }]);
  assertFieldErrors(await rep1Client.patch(`/activities/${second.id}`, { party_id: mine.id },
    { headers: { 'If-Match': String(changed.version) } }), [{ path: 'party_id' }], 'an activity stays with its customer');

  expectStatus(await rep1Client.delete(`/activities/${second.id}`), 204);
  assert.deepEqual(await contactDates(party.id, '2026-11-10'),
    { group: 'today', next_contact_date: '2026-11-10', last_contact_at: '2026-11-01T01:00:00Z' }, 'back to the remaining activity');
  expectStatus(await rep1Client.delete(`/activities/${first.id}`), 204);
  assert.deepEqual(await contactDates(party.id, '2026-11-10'), { group: null, next_contact_date: null, last_contact_at: null });
  assertProblem(await rep1Client.delete(`/activities/${first.id}`), 404);
});

test("a rep never sees, changes or deletes another rep's activities", async () => {
  const theirs1 = expectStatus(await log(rep2Client, { party_id: theirs.id, type: 'visit', occurred_at: '2026-11-03T01:00:00Z',
    subject: 'Rep two visit' }), 201);
  assertProblem(await rep1Client.get(`/customers/${theirs.id}/activities`), 404);
  const visible = await listAll(rep1Client, '/activities');
  assert.ok(visible.length > 0);
  assert.ok(visible.every((a) => a.party_id !== theirs.id), 'no activity of rep two\'s customer');
  assert.deepEqual(await listAll(rep1Client, `/activities?party_id=${theirs.id}`), [], 'the filter does not widen the scope');
  assertProblem(await rep1Client.patch(`/activities/${theirs1.id}`, { subject: 'mine now' },
    { headers: { 'If-Match': String(theirs1.version) } }), 404);
  assertProblem(await rep1Client.delete(`/activities/${theirs1.id}`), 404);
  const still = expectStatus(await rep2Client.get(`/customers/${theirs.id}/activities`), 200);
  assert.deepEqual(still.items.map((a) => a.subject), ['Rep two visit']);
  const all = await listAll(owner, '/activities');
  assert.ok(all.some((a) => a.id === theirs1.id), 'the owner sees every activity');
});

test('contact analysis: activities per period by type and employee, in scope, as JSON and XLSX', async () => {
  const range = 'from=2026-11-01&to=2026-11-30';
  const byType = expectStatus(await owner.get(`/analytics/activities?${range}&group=type&period=month`), 200);
  assert.deepEqual(byType.columns.map((c) => c.key), ['period', 'type', 'count']);
  assert.equal(byType.columns[2].type, 'number');
  const visits = byType.rows.find((r) => r[0] === '2026-11' && r[1] === 'visit');
  assert.equal(visits?.[2], 2, `two visits in November: ${JSON.stringify(byType.rows)}`);
  const total = byType.rows.reduce((sum, r) => sum + r[2], 0);
  assert.equal(byType.totals[2], total);

  const byEmployee = expectStatus(await owner.get(`/analytics/activities?${range}&group=employee&period=day`), 200);
  assert.deepEqual(byEmployee.columns.slice(0, 2).map((c) => c.key), ['period', 'employee']);
  assert.equal(byEmployee.columns.at(-1).key, 'total');
  assert.ok(byEmployee.rows.some((r) => r[1] === 'Rep Two'), JSON.stringify(byEmployee.rows));

  // rep one's numbers leave out rep two's customer
  const repView = expectStatus(await rep1Client.get(`/analytics/activities?${range}&group=employee&period=month`), 200);
  assert.ok(!repView.rows.some((r) => r[1] === 'Rep Two'), JSON.stringify(repView.rows));
  assertFieldErrors(await owner.get('/analytics/activities?group=planet'), [{ path: 'group', code: 'invalid_choice' }]);
  assertFieldErrors(await owner.get('/analytics/activities?from=2026-12-10&to=2026-12-01'), [{ path: 'to' }]);

  const file = await owner.get(`/analytics/activities?${range}&group=type&period=month&format=xlsx`);
  assert.equal(file.status, 200, file.text.slice(0, 300));
  assert.match(file.headers.get('content-type'), /spreadsheetml/);
  const parts = unzip(file.raw);
  const strings = parts['xl/sharedStrings.xml'].toString('utf8');
  const sheet = parts['xl/worksheets/sheet1.xml'].toString('utf8');
  for (const text of ['Period', 'Type', 'visit', '2026-11']) assert.ok(strings.includes(`>${text}<`), `${text} in the workbook`);
  assert.match(sheet, /<c r="C2"[^>]*><v>\d+<\/v><\/c>/, 'counts are numbers, not text');
  assert.equal((sheet.match(/<row /g) || []).length, 1 + byType.rows.length + 1, 'header, rows and totals');
  const viaAccept = await owner.get(`/analytics/activities?${range}`, {
    headers: { Accept: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' } });
  assert.equal(viaAccept.raw.subarray(0, 2).toString(), 'PK', 'Accept asks for XLSX too');
});

test('contact analysis: customers by days since last contact and visits by region', async () => {
  const buckets = expectStatus(await rep2Client.get('/analytics/last-contact?as_of=2026-12-04'), 200);
  assert.deepEqual(buckets.columns.map((c) => c.key), ['bucket', 'customers']);
  assert.equal(buckets.rows.length, 7);
  assert.deepEqual(buckets.rows.map((r) => r[1]), [0, 0, 1, 0, 0, 0, 0], 'rep two: one customer contacted 31 days before');
  assert.equal(buckets.totals[1], 1);
  // as of an earlier day the later contact does not count yet
  const sameDay = expectStatus(await rep2Client.get('/analytics/last-contact?as_of=2026-11-03'), 200);
  assert.deepEqual(sameDay.rows.map((r) => r[1]), [1, 0, 0, 0, 0, 0, 0], 'contacted that day');
  const before = expectStatus(await rep2Client.get('/analytics/last-contact?as_of=2026-11-02'), 200);
  assert.deepEqual(before.rows.map((r) => r[1]), [0, 0, 0, 0, 0, 0, 1], 'not yet contacted');

  const regions = expectStatus(await owner.get('/analytics/visits-by-region?from=2026-11-01&to=2026-11-30'), 200);
  assert.deepEqual(regions.rows, [['Busan', 1, 1], ['Seoul', 1, 1]].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])));
  assert.deepEqual(regions.totals, ['Total', 2, 2]);
  const repRegions = expectStatus(await rep1Client.get('/analytics/visits-by-region?from=2026-11-01&to=2026-11-30'), 200);
  assert.deepEqual(repRegions.rows, [['Seoul', 1, 1]], "rep one does not count rep two's visits");
  const file = await rep1Client.get('/analytics/visits-by-region?from=2026-11-01&to=2026-11-30&format=xlsx');
  const strings = unzip(file.raw)['xl/sharedStrings.xml'].toString('utf8');
  assert.ok(strings.includes('>Seoul<') && !strings.includes('>Busan<'), strings);
});
