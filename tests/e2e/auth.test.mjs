// Sign up a new company, land in the app, sign out, fail once, sign in again.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launchBrowser, newPage, signIn } from './harness.mjs';

let server;
let browser;

before(async () => {
  server = await startServer();
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

test('sign up, sign out, sign in', async () => {
  const page = await newPage(browser, server.url);

  await page.goto('/');
  await page.waitForURL('**/signin');
  await page.getByTestId('goto-signup').click();
  await page.waitForURL('**/signup');

  await page.getByTestId('signup-company').fill('Hanbit Trading');
  await page.getByTestId('signup-name').fill('Kim Minsu');
  await page.getByTestId('signup-email').fill('minsu@hanbit.example');
  await page.getByTestId('signup-password').fill('correct horse 42');
  await page.getByTestId('signup-submit').click();

  // the owner lands on Today, the first entry of the navigation
  await page.waitForURL('**/today');
  assert.equal(await page.getByTestId('tenant-name').textContent(), 'Hanbit Trading');
  assert.equal(await page.getByTestId('user-menu').textContent(), 'Kim Minsu');
  assert.deepEqual(await page.getByTestId('side-nav').locator('a').allTextContents(), [
    'Today',
    'Customers',
    'Customer pool',
    'Duplicates',
    'Business cards',
    'Suppliers',
    'Products',
    'Contact analysis',
    'Import',
    'Settings',
  ]);

  // the session survives a reload (cookie)
  await page.reload();
  await page.getByTestId('today-page').waitFor();
  assert.equal(await page.getByTestId('tenant-name').textContent(), 'Hanbit Trading');

  await page.getByTestId('user-menu').click();
  await page.getByTestId('sign-out').click();
  await page.waitForURL('**/signin');

  // signed out: the app sends us back to the sign-in page
  await page.goto('/customers');
  await page.waitForURL('**/signin');

  await page.getByTestId('signin-email').fill('minsu@hanbit.example');
  await page.getByTestId('signin-password').fill('wrong password');
  await page.getByTestId('signin-submit').click();
  assert.equal(await page.getByTestId('signin-error').textContent(), 'Wrong e-mail or password');

  await signIn(page, 'minsu@hanbit.example', 'correct horse 42');
  assert.equal(await page.getByTestId('tenant-name').textContent(), 'Hanbit Trading');
  await page.context().close();
});
