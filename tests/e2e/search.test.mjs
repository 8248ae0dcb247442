// Search the Northwind customers as you type and check exactly which rows are shown.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { startServer, launchBrowser, newPage, signIn, cli, eventually, shownNames, SHARED_DATA } from './harness.mjs';

let server;
let browser;
const EMAIL = 'owner@northwind.example';
const PASSWORD = 'northwind pass 1';

// A minimal CSV reader for the Northwind files (quoted fields, doubled quotes).
function parseCsv(text) {
  const rows = [];
  let row = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') field += text[++i];
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') (row.push(field), (field = ''));
    else if (c === '\n') (row.push(field.replace(/\r$/, '')), rows.push(row), (row = []), (field = ''));
    else field += c;
  }
  if (field || row.length) rows.push([...row, field]);
  const [header, ...body] = rows;
  return body.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i] ?? ''])));
}

// The 91 Northwind customers, created through the API with a bearer token: code, name, address,
// phone, and the contact person as the first contact.
async function seedCustomers() {
  const tenant = cli([
    'tenant', 'create', '--db', server.db, '--name', 'Northwind Traders', '--currency', 'USD', '--timezone', 'America/New_York',
    '--locale', 'en', '--admin-email', EMAIL, '--admin-password', PASSWORD,
  ]).split('\n')[0];
  const token = cli(['token', 'create', '--db', server.db, '--tenant', tenant, '--email', EMAIL]).split('\n')[0].trim();
  const call = async (method, url, body) => {
    const r = await fetch(`${server.url}/api/v1${url}`, {
      method,
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });
    const text = await r.text();
    assert.ok(r.ok, `${method} ${url} → ${r.status} ${text}`);
    return JSON.parse(text);
  };
  const rows = parseCsv(fs.readFileSync(path.join(SHARED_DATA, 'northwind', 'customers.csv'), 'utf8'));
  assert.equal(rows.length, 91);
  for (const c of rows) {
    const party = await call('POST', '/customers', {
      code: c.CustomerID,
      name: c.CompanyName,
      kind: 'company',
      phones: c.Phone ? [{ type: 'work', number: c.Phone }] : [],
      billing_address: { line1: c.Address, city: c.City, region: c.Region, postal_code: c.PostalCode, country: c.Country },
    });
    await call('POST', `/customers/${party.id}/contacts`, { name: c.ContactName, title: c.ContactTitle });
  }
}

before(async () => {
  server = await startServer();
  await seedCustomers();
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
