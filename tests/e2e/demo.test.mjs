// The demo company as a new sales rep meets it: the Today page with customers due today and overdue, a
// contact logged from it with the keyboard, the header search by Korean initial consonants, phone digits
// and pinyin initials, the duplicate warning for a colleague's customer typed with another legal form,
// and an Android phone's vCard export imported as the rep's customers.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import {
  startServer, launchBrowser, newPage, signInOnly, eventually, sessionClient, SHARED_DATA,
} from './harness.mjs';

const PASSWORD = 'rapport-demo';
const REP1 = 'rep1@demo.rapport.test'; // 김민준, head office, Korean customers
const REP2 = 'rep2@demo.rapport.test';
const REP4 = 'rep4@demo.rapport.test'; // 王伟, Shanghai, Chinese customers

let server;
let browser;
let rep1;

before(async () => {
  server = await startServer({ demo: true });
  rep1 = await sessionClient(server, REP1, PASSWORD);
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

/** Every customer the signed-in user sees (a demo rep has fewer than a hundred). */
async function customersOf(client) {
  const answer = await client.call('GET', '/customers?limit=500');
  assert.equal(answer.next_cursor ?? null, null, 'one page holds all of them');
  return answer.items;
}

// a Hangul syllable is U+AC00 + (initial × 21 + medial) × 28 + final, so initial = offset / 588
const CHOSEONG = 'ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ';
const KOREAN_LEGAL_FORMS = ['주식회사', '유한회사', '(주)', '㈜'];

const withoutLegalForm = (name) =>
  KOREAN_LEGAL_FORMS.reduce((rest, form) => rest.replace(form, ''), name).trim();
const isHangul = (text) => /^[\uAC00-\uD7A3]+$/.test(text);
const initialConsonants = (text) =>
  [...text].map((syllable) => CHOSEONG[Math.floor((syllable.codePointAt(0) - 0xac00) / 588)]).join('');

/** The hits the user sees: a closed list stays in the page, hidden. */
const hitNames = (page) => page.getByTestId('search-hit-name').filter({ visible: true }).allTextContents();
const hitsInclude = async (page, name) => (await hitNames(page)).includes(name);

/** The customer ids of a Today group, read from the links of its rows. */
const partyIds = (group) =>
  group.getByTestId('today-party').evaluateAll((links) => links.map((a) => a.getAttribute('href').split('/').pop()));

test('a rep lands on Today with customers due and overdue, and logs a call with the keyboard', async () => {
  const page = await newPage(browser, server.url);
  await signInOnly(page, REP1, PASSWORD);
  assert.ok(page.url().endsWith('/today'), `the rep lands on Today, not ${page.url()}`);

  const dueToday = page.getByTestId('today-group-today');
  const overdue = page.getByTestId('today-group-overdue');
  await dueToday.getByTestId('today-party').first().waitFor();
  const todayIds = await partyIds(dueToday);
  assert.ok(todayIds.length >= 1, 'the demo gives rep1 customers to call today');
  assert.ok((await partyIds(overdue)).length >= 1, 'and customers whose call is overdue');
  const badge = () => page.getByTestId('nav-badge-today').textContent();
  assert.equal(await eventually(badge, String(todayIds.length)), String(todayIds.length));

  // the first row of today is selected: L opens the quick log, the subject has the focus, Enter saves
  const [first] = todayIds;
  const subject = `demo follow-up ${Date.now()}`;
  await page.keyboard.press('l');
  const subjectBox = page.getByTestId('quicklog-subject');
  await subjectBox.waitFor();
  const focused = () => subjectBox.evaluate((el) => el === document.activeElement);
  assert.equal(await eventually(focused, true), true);
  await page.keyboard.type(subject);
  await page.keyboard.press('Enter');
  await page.getByTestId('quicklog-form').waitFor({ state: 'detached' });

  const leftToday = async () => !(await partyIds(dueToday)).includes(first);
  assert.equal(await eventually(leftToday, true), true, `customer ${first} is still listed for today`);
  const log = await rep1.call('GET', `/customers/${first}/activities`);
  assert.deepEqual([log.items[0].type, log.items[0].subject], ['phone_call', subject]);
  const reminders = await rep1.call('GET', '/reminders');
  const stillToday = reminders.items.filter((i) => i.group === 'today' && String(i.party_id) === first);
  assert.deepEqual(stillToday, []);
  await page.context().close();
});

test('the header search finds a Korean customer by initial consonants and by phone digits', async () => {
  // a customer of rep1 named with a legal form whose initials no other customer of rep1 shares
  const customers = await customersOf(rep1);
  const initialsOf = (c) => {
    const base = withoutLegalForm(c.name);
    return isHangul(base) ? initialConsonants(base) : null;
  };
  const seen = new Map();
  for (const c of customers) seen.set(initialsOf(c), (seen.get(initialsOf(c)) ?? 0) + 1);
  const korean = customers.find(
    (c) => c.name !== withoutLegalForm(c.name) && initialsOf(c) && seen.get(initialsOf(c)) === 1,
  );
  assert.ok(korean, 'rep1 has Korean customers named with a legal form');
  const consonants = initialsOf(korean);

  // the second phone of another customer, digits only
  const called = customers.filter((c) => c.id !== korean.id && c.phones.length > 1).at(-1);
  const digits = called.phones.at(-1).number.replace(/\D/g, '');

  const page = await newPage(browser, server.url);
  await signInOnly(page, REP1, PASSWORD);
  await page.keyboard.press('Control+k');
  const box = page.getByTestId('global-search-input');
  assert.equal(await box.evaluate((el) => el === document.activeElement), true);

  await page.keyboard.type(consonants);
  const byConsonants = await eventually(() => hitsInclude(page, korean.name), true);
  assert.equal(byConsonants, true, `${consonants} finds ${korean.name}`);

  await box.fill('');
  assert.deepEqual(await eventually(() => hitNames(page), []), []);
  await page.keyboard.type(digits);
  const byDigits = await eventually(() => hitsInclude(page, called.name), true);
  assert.equal(byDigits, true, `${digits} finds ${called.name}`);
  await page.context().close();
});

test('the header search finds a Chinese customer by its pinyin initials', async () => {
  // 杭州天成实业有限公司 reads háng zhōu tiān chéng shí yè yǒu xiàn gōng sī; a user types the distinctive part
  const name = '杭州天成实业有限公司';
  const rep4 = await sessionClient(server, REP4, PASSWORD);
  assert.ok((await customersOf(rep4)).some((c) => c.name === name), `the demo gives rep4 ${name}`);

  const page = await newPage(browser, server.url);
  await signInOnly(page, REP4, PASSWORD);
  await page.keyboard.press('Control+k');
  await page.keyboard.type('hztc');
  assert.equal(await eventually(() => hitsInclude(page, name), true), true, `hztc finds ${name}`);
  await page.context().close();
});

test("typing a colleague's customer with another legal form warns of the duplicate and its owner", async () => {
  // a "(주)X" customer of rep2, typed by rep1 the other way round: "X 주식회사"
  const rep2 = await sessionClient(server, REP2, PASSWORD);
  const theirs = (await customersOf(rep2)).find(
    (c) => c.name.startsWith('(주)') && isHangul(withoutLegalForm(c.name)),
  );
  assert.ok(theirs, 'rep2 has a (주) customer');
  assert.ok(!(await customersOf(rep1)).some((c) => c.id === theirs.id), 'rep1 does not serve it');
  const typed = `${withoutLegalForm(theirs.name)} 주식회사`;

  const page = await newPage(browser, server.url);
  await signInOnly(page, REP1, PASSWORD);
  await page.goto('/customers/new');
  await page.getByTestId('party-name-input').click();
  await page.keyboard.type(typed);

  const warning = page.getByTestId('duplicate-warning');
  const candidate = warning.getByTestId('duplicate-candidate').filter({
    has: page.getByTestId('duplicate-name').getByText(theirs.name, { exact: true }),
  });
  assert.equal(await eventually(() => candidate.count(), 1), 1, `typing ${typed} shows ${theirs.name}`);
  const owner = await candidate.getByTestId('duplicate-owner').textContent();
  assert.equal(owner, `owner: ${rep2.session.user.name}`);
  await page.context().close();
});

test("an Android phone's vCard export becomes the rep's customers with their contacts", async () => {
  const page = await newPage(browser, server.url);
  await signInOnly(page, REP1, PASSWORD);
  await page.getByTestId('nav-business-cards').click();
  await page.waitForURL('**/business-cards');
  await page.getByTestId('vcard-dragger').locator('input[type=file]').setInputFiles(
    path.join(SHARED_DATA, 'vcard', 'kcontacts_vcard10.vcf'),
  );

  // five cards: a shop with only ORG, then the people by FN; the demo holds none of them
  const names = [
    'Bike Shop', 'Field after Address broken', 'Field after Address not broken', 'Dr. med. Surname Name',
    'Second Doctor',
  ];
  const cards = page.getByTestId('vcard-card');
  assert.equal(await eventually(() => cards.count(), 5), 5);
  assert.deepEqual(await page.getByTestId('vcard-card-name').allTextContents(), names);
  assert.equal(await page.getByTestId('vcard-candidate').count(), 0);

  await page.getByTestId('vcard-import').click();
  const result = page.getByTestId('vcard-result');
  await result.waitFor();
  const summary = /5 customers and 5 contacts created, 0 attached, 0 skipped, 0 failed/;
  assert.match(await result.textContent(), summary);

  // the rep owns what they imported
  const mine = await customersOf(rep1);
  const imported = Object.fromEntries(names.map((n) => [n, mine.find((c) => c.name === n)]));
  for (const n of names) assert.equal(imported[n]?.owner_id, rep1.session.user.id, `${n} belongs to rep1`);

  // quoted-printable values come through whole, across soft line breaks and split UTF-8 sequences
  const broken = await rep1.call('GET', `/customers/${imported['Field after Address broken'].id}`);
  assert.equal(broken.website, 'http://some-webseite.com');
  const { line1, city, postal_code: postalCode } = broken.billing_address;
  assert.deepEqual([line1, city, postalCode], ['AAAAAAA-AäAAAAA 11', 'Urt', '00000']);
  const answer = await rep1.call('GET', `/customers/${imported['Dr. med. Surname Name'].id}/contacts`);
  const [doctor] = Array.isArray(answer) ? answer : answer.items;
  assert.equal(doctor.name, 'Dr. med. Surname Name');
  assert.equal(doctor.title, 'Facharzt für Allgemeinmedizin');
  const hours = 'Sprechzeiten:\nMo   8–12, 15–18\nDi     8–12\nMi    8–12, 14–15\nDo 14–19\nFr     8–12';
  assert.equal(doctor.notes, hours);
  await page.context().close();
});

test('product prices show as the won is written: grouped, no decimals', async () => {
  // the demo's ball bearing 6201ZZ (P-0013) costs ₩4,500; the API sends it as the decimal text "4500.00"
  const product = (await rep1.call('GET', '/products?q=P-0013')).items.find((p) => p.code === 'P-0013');
  assert.equal(product.unit_price, '4500.00');
  const page = await newPage(browser, server.url);
  await signInOnly(page, REP1, PASSWORD);
  await page.goto('/products');
  await page.getByTestId('product-search').fill('P-0013');
  const row = page.locator('[data-testid=product-table] tr', { has: page.getByText('P-0013', { exact: true }) });
  const priceCell = row.locator('td').nth(await headerIndex(page, ['Unit price', '단가', '单价']));
  assert.equal(await eventually(() => priceCell.textContent(), '4,500'), '4,500');
  await page.context().close();
});

/** The column index of a table header, by its text in any of the app's languages. */
async function headerIndex(page, texts) {
  const headers = await page.locator('[data-testid=product-table] thead th').allTextContents();
  const index = headers.findIndex((h) => texts.includes(h.trim()));
  assert.ok(index >= 0, `one of ${texts.join(', ')} in ${headers.join(' | ')}`);
  return index;
}
