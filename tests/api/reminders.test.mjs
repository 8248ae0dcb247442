// Reminders (docs/api.md, Reminders ("Today") and the calendar feed): the groups today, tomorrow,
// overdue and dormant for a fixed as_of with exactly the expected customers, the tenant's date just
// after midnight in Seoul, logging a contact taking a customer off the list, the rep's data scope
// (also in the iCalendar feed) and the dormant-days setting.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  startServer, ownerTenant, signIn, inviteUser, makeCustomer, api, assertProblem, assertFieldErrors, expectStatus,
} from './harness.mjs';

const AS_OF = '2026-12-10';

let server;
let owner;
let rep1;
let rep2;
let rep1Client;
let rep2Client;
const c = {}; // customers by role in the scenario

before(async () => {
  server = await startServer();
  owner = ownerTenant(server, { timezone: 'Asia/Seoul', locale: 'en' }).api;
  rep1 = await inviteUser(owner, { name: 'Rep One', role: 'sales_rep' });
  rep2 = await inviteUser(owner, { name: 'Rep Two', role: 'sales_rep' });
  rep1Client = await signIn(server, rep1.email, rep1.password);
  rep2Client = await signIn(server, rep2.email, rep2.password);

  // customers created now count as contacted now for "dormant", so none is dormant without an activity
  const scenario = [
    // key, name, owner, level, [occurred_at, next_contact_date]
    ['today', 'R1 Today', rep1, 'B', ['2026-12-01T02:00:00Z', '2026-12-10']],
    ['tomorrow', 'R1 Tomorrow', rep1, 'B', ['2026-12-02T02:00:00Z', '2026-12-11']],
    ['overdue', 'R1 Overdue', rep1, 'B', ['2026-11-20T02:00:00Z', '2026-12-03']],
    ['later', 'R1 Next Week', rep1, 'B', ['2026-12-05T02:00:00Z', '2026-12-17']],
    ['dormantA', 'R1 Dormant A', rep1, 'A', ['2026-10-01T02:00:00Z', null]], // 70 days, A after 30
    ['quietB', 'R1 Quiet B', rep1, 'B', ['2026-10-20T02:00:00Z', null]], // 51 days, B after 60
    ['dormantNoLevel', 'R1 Dormant Default', rep1, null, ['2026-09-01T02:00:00Z', null]], // 100 days, default 90
    ['fresh', 'R1 Never Contacted', rep1, 'A', null],
    ['archived', 'R1 Archived', rep1, 'B', ['2026-12-01T02:00:00Z', '2026-12-10']],
    ['rep2Today', 'R2 Today', rep2, 'B', ['2026-12-01T02:00:00Z', '2026-12-10']],
    ['rep2Overdue', 'R2 Overdue', rep2, 'B', ['2026-11-01T02:00:00Z', '2026-11-05']],
  ];
  for (const [key, name, who, level, activity] of scenario) {
    c[key] = await makeCustomer(owner, { name, owner_id: who.id, ...(level ? { level } : {}) });
    if (activity) {
      const [occurred_at, next_contact_date] = activity;
      expectStatus(await owner.post('/activities', { party_id: c[key].id, type: 'phone_call', occurred_at, next_contact_date }), 201,
        `log ${name}`);
    }
  }
  const archived = expectStatus(await owner.get(`/customers/${c.archived.id}`), 200);
  expectStatus(await owner.patch(`/customers/${c.archived.id}`, { archived: true }, { headers: { 'If-Match': String(archived.version) } }), 200);
});

after(async () => {
  await server?.stop();
});

const counts = (body) => Object.fromEntries(['overdue', 'today', 'tomorrow', 'dormant'].map((g) => [g, body.counts[g]]));
const names = (body, group) => body.items.filter((i) => i.kind === 'contact' && i.group === group).map((i) => i.party_name);
const reminders = async (client, asOf = AS_OF) => expectStatus(await client.get(`/reminders?as_of=${asOf}`), 200, `reminders as of ${asOf}`);

test('a rep sees exactly their own customers in each group, with counts', async () => {
  const body = await reminders(rep1Client);
  assert.equal(body.as_of, AS_OF);
  assert.deepEqual(names(body, 'overdue'), ['R1 Overdue']);
  assert.deepEqual(names(body, 'today'), ['R1 Today']);
  assert.deepEqual(names(body, 'tomorrow'), ['R1 Tomorrow']);
  assert.deepEqual(names(body, 'dormant'), ['R1 Dormant Default', 'R1 Dormant A'], 'longest without contact first');
  assert.deepEqual(counts(body), { overdue: 1, today: 1, tomorrow: 1, dormant: 2 });
  assert.deepEqual(body.items.filter((i) => i.kind === 'contact').map((i) => i.group), ['overdue', 'today', 'tomorrow', 'dormant', 'dormant'],
    'overdue first');

  const overdue = body.items.find((i) => i.group === 'overdue');
  assert.equal(overdue.party_id, c.overdue.id);
  assert.equal(overdue.due_date, '2026-12-03');
  assert.equal(overdue.days_overdue, 7);
  assert.equal(overdue.days_since_contact, 20);
  assert.equal(overdue.owner_id, rep1.id);
  assert.equal(overdue.owner_name, 'Rep One');
  assert.equal(overdue.level, 'B');
  assert.equal(overdue.last_contact_at, '2026-11-20T02:00:00Z');
  const today = body.items.find((i) => i.group === 'today');
  assert.equal(today.due_date, AS_OF);
  assert.equal(today.days_overdue, 0);
  const dormantA = body.items.find((i) => i.party_id === c.dormantA.id);
  assert.equal(dormantA.days_since_contact, 70);
  assert.equal(dormantA.due_date, null);
});

test("another rep's customers never appear; the owner sees everyone's", async () => {
  const rep2Body = await reminders(rep2Client);
  assert.deepEqual(names(rep2Body, 'today'), ['R2 Today']);
  assert.deepEqual(names(rep2Body, 'overdue'), ['R2 Overdue']);
  assert.deepEqual(counts(rep2Body), { overdue: 1, today: 1, tomorrow: 0, dormant: 0 });
  assert.ok(rep2Body.items.filter((i) => i.kind === 'contact').every((i) => i.owner_id === rep2.id));

  const all = await reminders(owner);
  assert.deepEqual(names(all, 'today'), ['R1 Today', 'R2 Today'], 'archived customers are left out');
  assert.deepEqual(names(all, 'overdue'), ['R2 Overdue', 'R1 Overdue'], 'oldest due date first');
  assert.equal(all.counts.today, 2);
});

test('as_of is checked, and defaults to the tenant\'s today', async () => {
  assertFieldErrors(await rep1Client.get('/reminders?as_of=10.12.2026'), [{ path: 'as_of', code: 'invalid_date' }]);
  assertFieldErrors(await rep1Client.get('/reminders?as_of=2026-12-32'), [{ path: 'as_of', code: 'invalid_date' }]);
  // years beyond what the date arithmetic holds once counted every customer as contacted this week
  assertFieldErrors(await rep1Client.get('/reminders?as_of=9999-12-31'), [{ path: 'as_of', code: 'invalid_date' }]);
  const seoulToday = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Seoul' }).format(new Date());
  const body = expectStatus(await rep1Client.get('/reminders'), 200);
  assert.equal(body.as_of, seoulToday, 'today in Seoul, whatever the UTC date');
  const limited = expectStatus(await owner.get(`/reminders?as_of=${AS_OF}&limit=1`), 200);
  assert.equal(limited.counts.today, 2, 'counts stay complete');
  assert.deepEqual(names(limited, 'today'), ['R1 Today'], 'items are cut per group');
});

test('just after midnight in Seoul the contact belongs to the new day', async () => {
  // 15:30 UTC on 4 December is 00:30 on 5 December in Seoul
  const party = await makeCustomer(owner, { name: 'R1 Midnight', owner_id: rep1.id });
  expectStatus(await rep1Client.post('/activities', { party_id: party.id, type: 'kakaotalk', occurred_at: '2026-12-04T15:30:00Z',
    next_contact_date: '2026-12-05' }), 201);
  const onTheDay = await reminders(rep1Client, '2026-12-05');
  const item = onTheDay.items.find((i) => i.party_id === party.id);
  assert.equal(item?.group, 'today', JSON.stringify(onTheDay.items));
  assert.equal(item.days_since_contact, 0, 'contacted the same Seoul day');
  const dayAfter = await reminders(rep1Client, '2026-12-06');
  const late = dayAfter.items.find((i) => i.party_id === party.id);
  assert.equal(late?.group, 'overdue');
  assert.equal(late.days_overdue, 1);
  const dayBefore = await reminders(rep1Client, '2026-12-04');
  assert.equal(dayBefore.items.find((i) => i.party_id === party.id)?.group, 'tomorrow');
  // followed up: off the list for the tests below
  expectStatus(await rep1Client.post('/activities', { party_id: party.id, type: 'phone_call', occurred_at: '2026-12-06T01:00:00Z' }), 201);
});

test('logging a contact takes the customer off overdue, today and dormant', async () => {
  expectStatus(await rep1Client.post('/activities', { party_id: c.overdue.id, type: 'phone_call', occurred_at: '2026-12-09T03:00:00Z' }), 201);
  expectStatus(await rep1Client.post('/activities', { party_id: c.today.id, type: 'visit', occurred_at: '2026-12-10T01:00:00Z',
    next_contact_date: '2026-12-24' }), 201);
  expectStatus(await rep1Client.post('/activities', { party_id: c.dormantA.id, type: 'email', occurred_at: '2026-12-08T03:00:00Z' }), 201);
  const body = await reminders(rep1Client);
  assert.deepEqual(names(body, 'overdue'), []);
  assert.deepEqual(names(body, 'today'), []);
  assert.deepEqual(names(body, 'tomorrow'), ['R1 Tomorrow']);
  assert.deepEqual(names(body, 'dormant'), ['R1 Dormant Default']);
  assert.equal(body.counts.overdue, 0);
  assert.equal(body.counts.today, 0);
  const later = await reminders(rep1Client, '2026-12-24');
  assert.ok(names(later, 'today').includes('R1 Today'), 'the new date is the next reminder');
});

test("the calendar feed carries the user's next contact dates and nobody else's", async () => {
  const issued = expectStatus(await rep1Client.get('/calendar/token'), 200);
  assert.match(issued.url, /^http:\/\/.+\/api\/v1\/calendar\/[A-Za-z0-9_-]+\.ics$/);
  const feedPath = new URL(issued.url).pathname;
  const anonymous = api(server);
  const feed = await anonymous.get(feedPath);
  assert.equal(feed.status, 200, feed.text.slice(0, 300));
  assert.match(feed.headers.get('content-type'), /^text\/calendar/);
  assert.match(feed.text, /^BEGIN:VCALENDAR\r\n/);
  assert.match(feed.text, /VERSION:2\.0/);
  const events = feed.text.split('BEGIN:VEVENT').slice(1);
  const summaries = events.map((e) => /SUMMARY:(.*)\r\n/.exec(e)?.[1]);
  assert.ok(summaries.some((s) => s.includes('R1 Tomorrow')), summaries.join(' | '));
  assert.ok(summaries.every((s) => !s.includes('R2 ')), 'no customer of rep two');
  assert.ok(summaries.every((s) => !s.includes('R1 Archived')), 'no archived customer');
  const tomorrow = events.find((e) => e.includes('R1 Tomorrow'));
  assert.match(tomorrow, /DTSTART;VALUE=DATE:20261211\r\n/);
  assert.match(tomorrow, /UID:\S+\r\n/);

  // the same party and date keep their UID
  const uids = (text) => [...text.matchAll(/UID:(\S+)\r\n/g)].map((m) => m[1]).sort();
  assert.deepEqual(uids((await anonymous.get(feedPath)).text), uids(feed.text));

  const rep2Feed = await anonymous.get(new URL(expectStatus(await rep2Client.get('/calendar/token'), 200).url).pathname);
  assert.ok(rep2Feed.text.includes('R2 Overdue') && !rep2Feed.text.includes('R1 '), rep2Feed.text.slice(0, 600));

  // asking again replaces the URL: the old one stops working
  const reissued = expectStatus(await rep1Client.get('/calendar/token'), 200);
  assert.notEqual(reissued.url, issued.url);
  assertProblem(await anonymous.get(feedPath), 404, undefined, 'the replaced feed');
  assertProblem(await anonymous.get(feedPath.replace(/[^/]+\.ics$/, 'cal_unknown.ics')), 404, undefined, 'an unknown feed');
  assertProblem(await api(server).get('/calendar/token'), 401, undefined, 'issuing needs a sign-in');
});

test('dormant days per level are a tenant setting', async () => {
  const defaults = expectStatus(await rep1Client.get('/settings/reminders'), 200);
  assert.deepEqual(defaults.dormant_days, { A: 30, B: 60, C: 90, default: 90 });
  assertProblem(await rep1Client.patch('/settings/reminders', { dormant_days: { B: 40 } }), 403, undefined, 'reps cannot change it');
  assertFieldErrors(await owner.patch('/settings/reminders', { dormant_days: { B: 0 } }), [{ path: 'dormant_days.B', code: 'out_of_range' }]);
  assertFieldErrors(await owner.patch('/settings/reminders', { dormant_days: { default: null } }), [{ path: 'dormant_days.default' }]);
  assertFieldErrors(await owner.patch('/settings/reminders', { snooze: true }), [{ path: 'snooze' }]);
  assertFieldErrors(await owner.patch('/settings/reminders', { dormant_days: { NOSUCHLEVEL: 10 } }),
    [{ path: 'dormant_days.NOSUCHLEVEL', code: 'unknown_level' }]);

  // B after 40 days: "R1 Quiet B" (51 days) becomes dormant
  const changed = expectStatus(await owner.patch('/settings/reminders', { dormant_days: { B: 40, C: null } }), 200);
  assert.deepEqual(changed.dormant_days, { A: 30, B: 40, default: 90 });
  const body = await reminders(rep1Client);
  assert.ok(names(body, 'dormant').includes('R1 Quiet B'), JSON.stringify(names(body, 'dormant')));
  assert.deepEqual(expectStatus(await rep1Client.get('/settings/reminders'), 200).dormant_days, { A: 30, B: 40, default: 90 });
});
