// Shared set-up for the browser tests: a private rapport server, chromium, small polling helpers.
import { createRequire } from 'node:module';
import { spawn, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const webDir = path.resolve(here, '../../web');
const requireWeb = createRequire(path.join(webDir, 'package.json'));
const { chromium } = requireWeb('playwright-core');

export const BIN = process.env.RAPPORT_BIN || path.resolve(here, '../../build/rapport');
export const SHARED_DATA = process.env.RAPPORT_SHARED_DATA || path.resolve(here, '../../../shared/data');

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Starts `rapport serve` on a fresh SQLite database in a temp dir; `demo` adds the demo company first. */
export async function startServer({ demo = false } = {}) {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'rapport-e2e-'));
  const db = `sqlite:${path.join(tmp, 't.db')}`;
  const port = await freePort();
  const log = fs.openSync(path.join(tmp, 'server.log'), 'a');
  const args = ['serve', '--db', db, '--bind', '127.0.0.1', '--port', String(port), ...(demo ? ['--demo'] : [])];
  const child = spawn(BIN, args, { stdio: ['ignore', log, log] });
  const url = `http://127.0.0.1:${port}`;
  let exited = null;
  child.on('exit', (code, signal) => (exited = { code, signal }));

  const deadline = Date.now() + 30_000;
  for (;;) {
    if (exited) throw new Error(`rapport serve exited early (${JSON.stringify(exited)}):\n${readLog(tmp)}`);
    try {
      const r = await fetch(`${url}/healthz`);
      if (r.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`rapport serve did not answer /healthz:\n${readLog(tmp)}`);
    await sleep(100);
  }

  const stop = async () => {
    if (!exited) {
      child.kill('SIGTERM');
      for (let i = 0; i < 50 && !exited; i++) await sleep(100);
      if (!exited) child.kill('SIGKILL');
    }
    fs.closeSync(log);
    fs.rmSync(tmp, { recursive: true, force: true });
  };
  return { url, db, tmp, stop, log: () => readLog(tmp) };
}

function readLog(tmp) {
  try {
    return fs.readFileSync(path.join(tmp, 'server.log'), 'utf8').slice(-4000);
  } catch {
    return '';
  }
}

/** Runs a rapport CLI subcommand and returns its trimmed stdout. */
export function cli(args) {
  return execFileSync(BIN, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();
}

export async function launchBrowser() {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** A fresh browser context (own cookies and localStorage) in English. */
export async function newPage(browser, baseURL) {
  const context = await browser.newContext({ baseURL, locale: 'en-US', timezoneId: 'Asia/Seoul' });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  return page;
}

/** Polls `read` until it deep-equals `expected` (JSON comparison); returns the last value read. */
export async function eventually(read, expected, timeout = 10_000) {
  const want = JSON.stringify(expected);
  const deadline = Date.now() + timeout;
  let last;
  for (;;) {
    last = await read();
    if (JSON.stringify(last) === want) return last;
    if (Date.now() > deadline) return last;
    await sleep(100);
  }
}

/** Signs in through the sign-in page and waits for the landing page (Today, or the customers). */
export async function signInOnly(page, email, password) {
  await page.goto('/signin');
  await page.getByTestId('signin-email').fill(email);
  await page.getByTestId('signin-password').fill(password);
  await page.getByTestId('signin-submit').click();
  await page.waitForURL(/\/(today|customers)$/);
}

/** Signs in and opens the customer list. */
export async function signIn(page, email, password) {
  await signInOnly(page, email, password);
  if (!page.url().endsWith('/customers')) {
    await page.getByTestId('nav-customers').click();
    await page.waitForURL('**/customers');
  }
  await page.getByTestId('party-search').waitFor();
}

/** Creates a company with its owner from the command line and returns a client for its API (bearer token). */
export async function apiClient(server, { name, currency, timezone, locale, email, password, adminName = 'Owner' }) {
  const tenant = cli([
    'tenant', 'create', '--db', server.db, '--name', name, '--currency', currency, '--timezone', timezone,
    '--locale', locale, '--admin-email', email, '--admin-password', password, '--admin-name', adminName,
  ]).split('\n')[0];
  const token = cli(['token', 'create', '--db', server.db, '--tenant', tenant, '--email', email]).split('\n')[0].trim();
  const call = async (method, url, body) => {
    const r = await fetch(`${server.url}/api/v1${url}`, {
      method,
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json', Accept: 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await r.text();
    if (!r.ok) throw new Error(`${method} ${url} → ${r.status} ${text}`);
    return text ? JSON.parse(text) : undefined;
  };
  return { tenant, token, call };
}

/** Signs in through the API as the browser does (cookie, CSRF token); returns `{ session, call }`. */
export async function sessionClient(server, email, password) {
  const answer = await fetch(`${server.url}/api/v1/session`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (!answer.ok) throw new Error(`sign-in of ${email} → ${answer.status} ${await answer.text()}`);
  const session = await answer.json();
  const cookie = answer.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  const call = async (method, url, body) => {
    const r = await fetch(`${server.url}/api/v1${url}`, {
      method,
      headers: {
        Cookie: cookie,
        'X-CSRF-Token': session.csrf_token,
        'Content-Type': 'application/json',
        Accept: 'application/json',
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await r.text();
    if (!r.ok) throw new Error(`${method} ${url} → ${r.status} ${text}`);
    return text ? JSON.parse(text) : undefined;
  };
  return { session, call };
}

/** Today's date (YYYY-MM-DD) in an IANA time zone. */
export function todayIn(timeZone, now = new Date()) {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

/** The main side-navigation labels (badges excluded). */
export async function navTexts(page) {
  await page.getByTestId('side-nav').locator('a').first().waitFor();
  return page.getByTestId('side-nav').locator('a').allTextContents();
}

/** The names shown in the party table, in screen order. */
export async function shownNames(page) {
  return page.getByTestId('party-name').allTextContents();
}
