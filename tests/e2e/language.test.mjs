// Switch the app to Korean and Chinese: our labels and Ant Design's own texts follow.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launchBrowser, newPage, signIn, cli, eventually, navTexts } from './harness.mjs';

let server;
let browser;
const EMAIL = 'owner@lang.example';
const PASSWORD = 'lang pass 123';

before(async () => {
  server = await startServer();
  cli([
    'tenant', 'create', '--db', server.db, '--name', 'Lang Test', '--currency', 'CNY', '--timezone', 'Asia/Shanghai',
    '--locale', 'zh-CN', '--admin-email', EMAIL, '--admin-password', PASSWORD,
  ]);
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

async function chooseLanguage(page, code) {
  await page.getByTestId('language-switcher').click();
  await page.getByTestId(`language-${code}`).click();
}

const placeholder = (page) => page.getByTestId('party-search').getAttribute('placeholder'); // waits for the box
const birthdayPlaceholder = (page) => page.locator('.ant-modal .ant-picker input').getAttribute('placeholder');
const emptyText = (page) => page.locator('[data-testid=party-table] .ant-empty-description').textContent();

test('Korean and Chinese labels, with Ant Design locale', async () => {
  const page = await newPage(browser, server.url);
  await signIn(page, EMAIL, PASSWORD);

  assert.deepEqual(await navTexts(page), ['Today', 'Customers', 'Customer pool', 'Duplicates', 'Business cards', 'Suppliers', 'Products', 'Contact analysis', 'Import', 'Settings']);
  assert.equal(await placeholder(page), 'Search name, code, contact, phone, e-mail');
  assert.equal(await emptyText(page), 'No data');

  await chooseLanguage(page, 'ko');
  assert.deepEqual(await navTexts(page), ['오늘', '고객', '고객 풀', '중복 고객', '명함', '공급업체', '제품', '접촉 분석', '가져오기', '설정']);
  assert.equal(await placeholder(page), '이름, 코드, 담당자, 전화번호, 이메일 검색');
  assert.equal(await emptyText(page), '데이터 없음'); // antd ko_KR Empty
  assert.equal(await page.getByTestId('party-new').textContent(), '새 고객');
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'ko');

  // Ant Design's DatePicker placeholder in the contact form of a new customer's card
  await page.getByTestId('party-new').click();
  await page.getByTestId('party-name-input').fill('서울상사');
  await page.getByTestId('party-save').click();
  await page.waitForURL(/\/customers\/(?!new)[^/]+$/);
  const title = () => page.locator('.ant-drawer-title').textContent();
  assert.equal(await eventually(title, '서울상사'), '서울상사');
  await page.getByRole('tab', { name: '담당자' }).click();
  await page.getByTestId('contact-add').click();
  assert.equal(await birthdayPlaceholder(page), '날짜 선택');
  const cardUrl = page.url(); // /customers/<id> of the new customer
  await page.keyboard.press('Escape'); // closes the contact form
  await page.locator('.ant-modal').waitFor({ state: 'hidden' });
  await page.keyboard.press('Escape'); // closes the card
  await page.waitForURL('**/customers');

  await chooseLanguage(page, 'zh-CN');
  await page.goto(cardUrl);
  await page.getByRole('tab', { name: '联系人' }).click();
  await page.getByTestId('contact-add').click();
  assert.equal(await page.locator('.ant-modal-title').textContent(), '新建联系人');
  assert.equal(await birthdayPlaceholder(page), '请选择日期'); // antd zh_CN DatePicker
  await page.goto('/customers');
  assert.deepEqual(await navTexts(page), ['今日', '客户', '公海客户', '重复客户', '名片', '供应商', '产品', '联系分析', '导入', '设置']);
  assert.equal(await placeholder(page), '搜索名称、编码、联系人、电话、邮箱');

  // the choice persists across a reload (localStorage)
  await page.reload();
  await page.getByTestId('party-search').waitFor();
  assert.deepEqual(await navTexts(page), ['今日', '客户', '公海客户', '重复客户', '名片', '供应商', '产品', '联系分析', '导入', '设置']);
  assert.equal(await page.getByTestId('party-new').textContent(), '新建客户');
  await page.getByTestId('filter-archived').click();
  const options = () => page.locator('.ant-select-dropdown:visible .ant-select-item-option').allTextContents();
  assert.deepEqual(await eventually(options, ['有效', '已归档', '全部']), ['有效', '已归档', '全部']);
  await page.context().close();
});
