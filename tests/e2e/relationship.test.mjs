// The customer-relationship pages against the real server: the Today page and a contact logged from it with
// the keyboard, the header search by Korean initial consonants and pinyin initials, the duplicate warning
// while typing a new customer, and a phone's business card imported as a contact.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import {
  startServer, launchBrowser, newPage, signInOnly, eventually, apiClient, todayIn, SHARED_DATA,
} from './harness.mjs';

let server;
let browser;
let api;
const TZ = 'Asia/Seoul';
const OWNER = { email: 'owner@hanul.example', password: 'hanul owner 123', name: '김대표' };
const REP = { email: 'rep@hanul.example', password: 'hanul rep 123', name: '이영업' };
const COLLEAGUE = { email: 'colleague@hanul.example', password: 'hanul col 123', name: '박동료' };
const ids = {};

before(async () => {
  server = await startServer();
  api = await apiClient(server, {
    name: '한울무역', currency: 'KRW', timezone: TZ, locale: 'ko', email: OWNER.email, password: OWNER.password, adminName: OWNER.name,
  });
  for (const [key, user] of [['rep', REP], ['colleague', COLLEAGUE]]) {
    const created = await api.call('POST', '/users', { ...user, role: 'sales_rep', branch_id: null });
    ids[key] = created.id;
  }
  // the rep's customer, due today; the colleague's customers, which the rep cannot see but may duplicate
  ids.daehan = (await api.call('POST', '/customers', { name: '대한물산', kind: 'company', owner_id: ids.rep })).id;
  ids.hanbit = (await api.call('POST', '/customers', { name: '한빛상사 주식회사', kind: 'company', owner_id: ids.colleague })).id;
  ids.huaxia = (await api.call('POST', '/customers', { name: '华夏集团', kind: 'company', owner_id: ids.colleague })).id;
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

const hitNames = (page) => page.getByTestId('search-hit-name').allTextContents();

test('a rep logs a contact from the Today page with the keyboard and the reminder disappears', async () => {
  const today = todayIn(TZ);
  await api.call('POST', '/activities', {
    party_id: ids.daehan, type: 'visit', subject: '첫 방문', next_contact_date: today,
  });

  const page = await newPage(browser, server.url);
  await signInOnly(page, REP.email, REP.password);
  assert.ok(page.url().endsWith('/today'), `the rep lands on Today, not ${page.url()}`);
  const todayGroup = page.getByTestId('today-group-today');
  const dueToday = () => todayGroup.getByTestId('today-party').allTextContents();
  assert.deepEqual(await eventually(dueToday, ['대한물산']), ['대한물산']);
  assert.equal(await todayGroup.getByTestId('today-when').textContent(), today);
  assert.equal(await eventually(() => page.getByTestId('nav-badge-today').textContent(), '1'), '1');

  // the only row is selected: L opens the quick log, the subject has the focus, Enter saves
  await page.keyboard.press('l');
  const subject = page.getByTestId('quicklog-subject');
  await subject.waitFor();
  assert.equal(await eventually(() => subject.evaluate((el) => el === document.activeElement), true), true);
  assert.equal(await page.locator('[data-testid=quicklog-form] .ant-select-selection-item').first().textContent(), 'Phone call');
  await page.keyboard.type('견적 문의 후속');
  await page.keyboard.press('Enter');
  await page.getByTestId('quicklog-form').waitFor({ state: 'detached' });

  assert.deepEqual(await eventually(dueToday, []), []);
  assert.equal(await eventually(() => page.getByTestId('today-count-today').textContent(), '0'), '0');

  // the server holds the new activity, newest first, and no longer reminds anyone of the customer today
  const log = await api.call('GET', `/customers/${ids.daehan}/activities`);
  assert.deepEqual(log.items.map((a) => [a.type, a.subject]), [['phone_call', '견적 문의 후속'], ['visit', '첫 방문']]);
  const reminders = await api.call('GET', '/reminders');
  assert.deepEqual(reminders.items.filter((i) => i.group === 'today').map((i) => i.party_name), []);
  await page.context().close();
});

test('the header search finds customers by Korean initial consonants and by pinyin initials', async () => {
  const page = await newPage(browser, server.url);
  await signInOnly(page, OWNER.email, OWNER.password);

  // Ctrl+K focuses the search box from anywhere
  await page.keyboard.press('Control+k');
  const box = page.getByTestId('global-search-input');
  assert.equal(await box.evaluate((el) => el === document.activeElement), true);

  await page.keyboard.type('ㅎㅂㅅㅅ');
  assert.deepEqual(await eventually(() => hitNames(page), ['한빛상사 주식회사']), ['한빛상사 주식회사']);
  assert.equal(await page.getByTestId('search-hit-type').first().textContent(), 'Customer');
  assert.equal(await page.getByTestId('search-hit-owner').first().textContent(), `· ${COLLEAGUE.name}`);

  await box.fill('hxjt');
  assert.deepEqual(await eventually(() => hitNames(page), ['华夏集团']), ['华夏集团']);

  // Enter opens the card of the first hit
  await page.keyboard.press('Enter');
  await page.waitForURL(`**/customers/${ids.huaxia}`);
  assert.equal(await eventually(() => page.locator('.ant-drawer-title').textContent(), '华夏集团'), '华夏集团');
  await page.context().close();
});

test('typing a customer that a colleague already serves shows the duplicate warning with the owner', async () => {
  const page = await newPage(browser, server.url);
  await signInOnly(page, REP.email, REP.password);
  await page.goto('/customers/new');
  await page.getByTestId('party-name-input').fill('㈜한빛상사');

  const warning = page.getByTestId('duplicate-warning');
  await warning.waitFor();
  assert.deepEqual(await warning.getByTestId('duplicate-name').allTextContents(), ['한빛상사 주식회사']);
  assert.deepEqual(await warning.getByTestId('duplicate-owner').allTextContents(), [`owner: ${COLLEAGUE.name}`]);
  assert.deepEqual(await warning.getByTestId('duplicate-reason').allTextContents(), ['similar name']);

  // a different company sharing no name is not a duplicate: the warning goes away
  await page.getByTestId('party-name-input').fill('새롬정밀');
  await warning.waitFor({ state: 'detached' });
  await page.context().close();
});

test("a phone's business card becomes a customer with one contact", async () => {
  const page = await newPage(browser, server.url);
  await signInOnly(page, OWNER.email, OWNER.password);
  await page.getByTestId('nav-business-cards').click();
  await page.waitForURL('**/business-cards');
  await page.getByTestId('vcard-dragger').locator('input[type=file]').setInputFiles(
    path.join(SHARED_DATA, 'vcard', 'ezvcard_John_Doe_IPHONE.vcf'),
  );

  // one card (FN "Mr. John Richter James Doe Sr.", ORG "IBM;Accounting"), no existing customer matches it
  const cards = page.getByTestId('vcard-card');
  assert.equal(await eventually(() => cards.count(), 1), 1);
  assert.equal(await page.getByTestId('vcard-card-name').textContent(), 'Mr. John Richter James Doe Sr.');
  assert.equal(await page.getByTestId('vcard-candidate').count(), 0);
  assert.equal(await page.getByTestId('vcard-new-name-0').inputValue(), 'IBM');

  await page.getByTestId('vcard-import').click();
  const result = page.getByTestId('vcard-result');
  await result.waitFor();
  assert.match(await result.textContent(), /1 customers and 1 contacts created, 0 attached, 0 skipped, 0 failed/);

  const found = await api.call('GET', '/customers?q=IBM');
  assert.deepEqual(found.items.map((p) => p.name), ['IBM']);
  const contacts = await api.call('GET', `/customers/${found.items[0].id}/contacts`);
  const list = Array.isArray(contacts) ? contacts : contacts.items;
  assert.equal(list.length, 1);
  const [john] = list;
  assert.equal(john.name, 'Mr. John Richter James Doe Sr.');
  assert.equal(john.title, 'Money Counter');
  assert.equal(john.department, 'Accounting');
  assert.equal(john.birthday, '2012-06-06');
  assert.deepEqual(john.emails.map((e) => e.address), ['john.doe@ibm.com']);
  // TEL lines: CELL, HOME, WORK, HOME FAX, WORK FAX, PAGER, and the assistant's (item2)
  assert.deepEqual(
    john.phones.map((p) => p.number).sort(),
    ['905-111-1234', '905-222-1234', '905-555-1234', '905-666-1234', '905-777-1234', '905-888-1234', '905-999-1234'],
  );
  await page.context().close();
});
