// Import a CP949-encoded CSV with Korean company names through the wizard.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { startServer, launchBrowser, newPage, signIn, cli, eventually, shownNames } from './harness.mjs';

let server;
let browser;
const EMAIL = 'admin@gana.example';
const PASSWORD = 'gana pass 123';

// The CSV below, encoded in CP949 (bytes written out so the test needs no encoder):
const TEXT =
  'code,name,region\r\n' +
  'K001,가나다상사,서울특별시\r\n' +
  'K002,대한무역 주식회사,부산광역시\r\n' +
  'K003,한빛식품,경기도 성남시\r\n';
const CP949 = Buffer.from(
  '636f64652c6e616d652c726567696f6e0d0a4b3030312cb0a1b3aab4d9bbf3bbe72cbcadbfefc6afbab0bdc30d0a' +
    '4b3030322cb4ebc7d1b9abbfaa20c1d6bdc4c8b8bbe72cbacebbeab1a4bfaabdc30d0a' +
    '4b3030332cc7d1bafbbdc4c7b02cb0e6b1e2b5b520bcbab3b2bdc30d0a',
  'hex',
);

before(async () => {
  server = await startServer();
  cli([
    'tenant', 'create', '--db', server.db, '--name', '가나다상사', '--currency', 'KRW', '--timezone', 'Asia/Seoul',
    '--locale', 'ko', '--admin-email', EMAIL, '--admin-password', PASSWORD,
  ]);
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

test('import a CP949 CSV through the wizard', async () => {
  // the hex really is TEXT in CP949 (EUC-KR covers these syllables)
  assert.equal(new TextDecoder('euc-kr').decode(CP949), TEXT);
  const file = path.join(server.tmp, '거래처.csv');
  fs.writeFileSync(file, CP949);

  const page = await newPage(browser, server.url);
  await signIn(page, EMAIL, PASSWORD);
  await page.getByTestId('nav-imports').click();
  await page.waitForURL('**/imports');

  await page.getByTestId('import-dragger').locator('input[type=file]').setInputFiles(file);

  // either the server detects the encoding, or it asks us to pick a candidate
  const info = page.getByTestId('import-file-info');
  const undetected = page.getByTestId('import-encoding-undetected');
  await Promise.race([info.waitFor(), undetected.waitFor()]);
  if (await undetected.isVisible()) {
    await page.getByTestId('encoding-candidate-CP949').click();
    await page.getByTestId('import-use-encoding').click();
    await info.waitFor();
  }
  let encoding = await page.getByTestId('import-encoding').textContent();
  if (!['CP949', 'EUC-KR'].includes(encoding.toUpperCase())) {
    // detected something else (e.g. GB18030, which accepts the same bytes): override it
    await page.getByTestId('import-encoding-select').click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option[title="CP949"]').click();
    await page.getByTestId('import-reupload').click();
    encoding = await eventually(() => page.getByTestId('import-encoding').textContent(), 'CP949');
  }
  assert.ok(['CP949', 'EUC-KR'].includes(encoding.toUpperCase()), `encoding ${encoding}`);
  assert.equal(await page.getByTestId('import-delimiter').textContent(), ',');
  assert.equal(await page.getByTestId('import-row-count').textContent(), '3');
  const preview = page.getByTestId('import-preview');
  assert.deepEqual(await preview.locator('thead th').allTextContents(), ['code', 'name', 'region']);
  assert.deepEqual(await preview.locator('tbody tr.ant-table-row td:nth-child(2)').allTextContents(), [
    '가나다상사',
    '대한무역 주식회사',
    '한빛식품',
  ]);

  // mapping: the headers carry the field names, so the wizard prefills them
  await page.getByTestId('import-next-mapping').click();
  const mapping = page.getByTestId('import-mapping');
  await mapping.locator('tbody tr.ant-table-row').first().waitFor();
  assert.deepEqual(
    await eventually(() => mapping.locator('tbody tr.ant-table-row .ant-select-selection-item').allTextContents(), [
      'Code',
      'Name',
      'Region',
    ]),
    ['Code', 'Name', 'Region'],
  );

  // save the mapping under a name (kept for the next import)
  await page.getByTestId('import-mapping-name').fill('거래처 기본');
  await page.getByTestId('import-save-mapping').click();
  await page.locator('.ant-message-notice').first().waitFor();

  await page.getByTestId('import-next-check').click();
  assert.equal(await page.getByTestId('dry-total').textContent(), '3');
  assert.equal(await page.getByTestId('dry-valid').textContent(), '3');
  assert.equal(await page.getByTestId('dry-invalid').textContent(), '0');

  await page.getByTestId('import-start').click();
  await page.getByTestId('import-progress').waitFor();
  await page.getByTestId('import-result').waitFor({ timeout: 30_000 });
  assert.equal(await page.getByTestId('import-created').textContent(), '3');
  assert.equal(await page.getByTestId('import-updated').textContent(), '0');
  assert.equal(await page.getByTestId('import-skipped').textContent(), '0');
  assert.equal(await page.getByTestId('import-failed').textContent(), '0');
  assert.equal(await page.locator('[data-testid=import-progress].ant-progress-status-success').count(), 1);
  assert.equal(await page.getByTestId('import-status').textContent(), 'Done');

  await page.getByTestId('import-open-list').click();
  await page.waitForURL('**/customers');
  const names = ['가나다상사', '대한무역 주식회사', '한빛식품'];
  assert.deepEqual((await eventually(async () => [...(await shownNames(page))].sort(), names)), names);

  // and they are searchable by a Korean fragment
  await page.getByTestId('party-search').fill('무역');
  assert.deepEqual(await eventually(() => shownNames(page), ['대한무역 주식회사']), ['대한무역 주식회사']);
  await page.context().close();
});
