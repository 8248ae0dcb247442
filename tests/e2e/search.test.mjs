// Search the Northwind demo customers as you type and check exactly which rows are shown.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { startServer, launchBrowser, newPage, signIn, cli, eventually, shownNames, SHARED_DATA } from './harness.mjs';

let server;
let browser;
const EMAIL = 'demo@northwind.example';
const PASSWORD = 'northwind pass 1';

before(async () => {
  server = await startServer();
  const out = cli([
    'demo',
    '--db',
    server.db,
    '--northwind',
    path.join(SHARED_DATA, 'northwind'),
    '--admin-email',
    EMAIL,
    '--admin-password',
    PASSWORD,
  ]);
  assert.match(out.split('\n')[0], /^\d+$/, `demo should print the tenant id first, got: ${out}`);
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

const sorted = (a) => [...a].sort();

test('search customers as you type', async () => {
  const page = await newPage(browser, server.url);
  await signIn(page, EMAIL, PASSWORD);

  // the first page holds 50 of the 91 customers, and "load more" fetches the rest
  assert.equal((await eventually(() => shownNames(page).then((n) => n.length), 50)), 50);
  await page.getByTestId('load-more').click();
  assert.equal((await eventually(() => shownNames(page).then((n) => n.length), 91)), 91);

  const search = page.getByTestId('party-search');

  // customers.csv: only company FRANK "Frankenversand" (contact Peter Franken) contains "frank";
  // Lehmanns Marktstand is in Frankfurt, but the city is not searched
  await search.fill('frank');
  assert.deepEqual(await eventually(() => shownNames(page), ['Frankenversand']), ['Frankenversand']);

  // three company names contain "gourmet"; no contact or code adds any
  const gourmet = ['Gourmet Lanchonetes', 'Santé Gourmet', "Trail's Head Gourmet Provisioners"];
  await search.fill('');
  await search.pressSequentially('gOuRmEt', { delay: 30 });
  assert.deepEqual(sorted(await eventually(async () => sorted(await shownNames(page)), gourmet)), gourmet);

  // "que": three names, plus two customers found by their contact (Frédérique Citeaux, Dominique Perrier)
  const que = ['Antonio Moreno Taquería', 'Blondesddsl père et fils', 'Que Delícia', 'Queen Cozinha', 'Spécialités du monde'];
  await search.fill('que');
  assert.deepEqual(sorted(await eventually(async () => sorted(await shownNames(page)), que)), que);

  // nothing matches
  await search.fill('zzzz-no-such-customer');
  assert.deepEqual(await eventually(() => shownNames(page), []), []);

  // clearing the box brings the first page back
  await search.fill('');
  assert.equal(await eventually(() => shownNames(page).then((n) => n.length), 50), 50);
  await page.context().close();
});
