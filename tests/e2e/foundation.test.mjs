// The foundation, end to end in Chromium from file://: first run, the register,
// a round with groups, targets and milestones, surviving reloads and restarts,
// without a single network request.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { HTML, launchChromium, saveScreenshot, tempProfile, watch, XunchaPage, URL } from './support.mjs';

test('the build is one self-contained file within budget whose policy forbids the network', () => {
  const dist = path.dirname(HTML);
  assert.deepEqual(fs.readdirSync(dist), ['xuncha.html']);
  const html = fs.readFileSync(HTML, 'utf8');
  // The budget of docs/architecture.md, which scripts/single_file.py also enforces.
  assert.ok(html.length <= 3 * 1024 * 1024, `${html.length} bytes is over the 3 MiB budget`);
  const csp = html.match(/<meta http-equiv="Content-Security-Policy" content="([^"]+)">/);
  assert.ok(csp, 'no Content-Security-Policy meta tag');
  for (const rule of ["default-src 'none'", "connect-src 'none'", "font-src 'none'", "object-src 'none'", "form-action 'none'"]) {
    assert.ok(csp[1].includes(rule), `the policy lacks ${rule}`);
  }
  assert.ok(!/script-src[^;]*'unsafe-inline'/.test(csp[1]), 'inline scripts must be allowed by hash only');
  assert.ok(!/\s(?:src|href)="(?:https?:)?\/\//.test(html), 'the page refers to an outside resource');
});

test('a county office sets up, plans a round and finds everything again after a restart', async () => {
  const profile = tempProfile('county');
  let browser = await launchChromium(profile);
  let page = await browser.newPage();
  let net = watch(page);
  let app = new XunchaPage(page);
  await app.open();

  // First run asks for the office, in Chinese, and refuses a blank name.
  assert.equal(await page.locator('html').getAttribute('lang'), 'zh-CN');
  await app.id('setup-submit').click();
  assert.match(await app.id('form-errors').innerText(), /请填写名称/);
  await app.setUpOffice('某某县委巡察办');
  assert.match(await app.id('office-name').innerText(), /某某县委巡察办/);
  assert.match(await app.id('status-line').innerText(), /数据保存在本机浏览器中/);

  // The register, by bulk entry.
  const towns = await app.bulkTargets(['1.城关镇', '2、东关镇', '西关镇'], '乡镇（街道）');
  assert.match(towns, /已添加 3 个/);
  // A village list without its township is refused, and the pasted names stay.
  await app.id('bulk-form').getByTestId('field-kind').selectOption({ label: '村' });
  await app.id('bulk-form').getByTestId('field-names').fill('新村\n老村');
  await app.id('bulk-form').getByTestId('bulk-add').click();
  assert.match(await app.id('bulk-form').getByTestId('form-errors').innerText(), /村、社区必须选择所属乡镇/);
  assert.equal(await app.id('bulk-form').getByTestId('field-names').inputValue(), '新村\n老村');
  const villages = await app.bulkTargets(['新村', '老村', '新村'], '村', '城关镇');
  assert.match(villages, /已添加 2 个/);
  const depts = await app.bulkTargets(['县财政局', '县教育局', '城关镇'], '县直政府部门');
  assert.match(depts, /已添加 2 个/);
  await app.id('bulk-form').getByRole('button', { name: '取消' }).click();
  assert.match(await app.id('list-count').innerText(), /共 7 条/);

  // A term, then a round whose end is before its start is refused with the input kept.
  await app.addTerm('十五届', 2021, 2026);
  const bad = await app.fillRound({ start: '2026-05-01', end: '2026-03-01' });
  assert.match(await bad.getByTestId('form-errors').innerText(), /结束日期不能早于开始日期/);
  assert.equal(await bad.getByTestId('field-start').inputValue(), '2026-05-01');
  await bad.getByTestId('field-end').fill('2026-07-31');
  await bad.getByTestId('save').click();
  await bad.waitFor({ state: 'detached' });
  const title = '十五届县委第一轮巡察';
  await app.openRound(title);

  // Two groups with their targets.
  await app.addGroup('张三', '李四、王五');
  await app.addGroup('赵六', '钱七');
  await app.assign('第一巡察组', ['城关镇', '新村']);
  await app.assign('第二巡察组', ['县财政局']);
  // A target already in the round is not offered again.
  await app.group('第二巡察组').getByTestId('assign-targets').click();
  assert.equal(await app.group('第二巡察组').locator('[data-name="城关镇"]').count(), 0);
  await app.group('第二巡察组').getByTestId('assign-targets').click();

  // Milestones: out of order is refused; in order is saved; the 整改 deadline is suggested.
  let panel = await app.openInspection('第一巡察组', '城关镇');
  await panel.getByTestId('field-entry').fill('2026-03-10');
  await panel.getByTestId('field-feedback').fill('2026-03-01');
  await panel.getByTestId('save-inspection').click();
  assert.match(await panel.getByTestId('form-errors').innerText(), /节点日期先后顺序有误/);
  await panel.getByTestId('field-feedback').fill('2026-06-30');
  await panel.getByTestId('suggest-due').click();
  assert.equal(await panel.getByTestId('field-rectification_due').inputValue(), '2026-08-30');
  await panel.getByTestId('field-talks').fill('56');
  await panel.getByTestId('field-questionnaires').fill('120');
  await panel.getByTestId('save-inspection').click();
  await panel.waitFor({ state: 'detached' });
  const row = app.group('第一巡察组').getByTestId('inspection-row').filter({ hasText: '城关镇' });
  assert.match(await row.innerText(), /2026-03-10[\s\S]*2026-06-30[\s\S]*2026-08-30[\s\S]*整改报告截止/);

  await saveScreenshot(page, 'round-page');
  const roundUrl = page.url();

  // A reload keeps everything.
  await page.reload();
  await app.id('round-title').waitFor();
  assert.equal(await app.id('group-card').count(), 2);

  // So does closing the browser and starting it again with the same profile.
  assert.deepEqual(net.requests, [], 'the page made network requests');
  assert.deepEqual(net.errors, []);
  await browser.close();
  browser = await launchChromium(profile);
  page = await browser.newPage();
  net = watch(page);
  app = new XunchaPage(page);
  await page.goto(roundUrl);
  await app.id('round-title').waitFor();
  assert.equal(await app.id('round-title').innerText(), title);
  assert.match(await app.group('第一巡察组').innerText(), /张三[\s\S]*李四、王五/);
  assert.equal(await app.group('第一巡察组').getByTestId('inspection-row').count(), 2);
  assert.equal(await app.group('第二巡察组').getByTestId('inspection-row').count(), 1);
  panel = await app.openInspection('第一巡察组', '城关镇');
  assert.equal(await panel.getByTestId('field-talks').inputValue(), '56');
  await app.go('home');
  assert.equal(await app.id('stat-targets').locator('.number').innerText(), '7');
  assert.equal(await app.id('stat-inspections').locator('.number').innerText(), '3');
  await saveScreenshot(page, 'home-after-restart');
  assert.deepEqual(net.requests, [], 'the page made network requests after the restart');
  assert.deepEqual(net.errors, []);
  await browser.close();
});

test('the language switch turns the app to English and stays after a reload', async () => {
  const browser = await launchChromium(tempProfile('lang'));
  const page = await browser.newPage();
  const app = new XunchaPage(page);
  await app.open();
  await app.id('lang-switch').click();
  await app.id('setup').getByText('First run: set up your office').waitFor();
  await app.setUpOffice('Test office', 'County inspection office');
  await page.reload();
  await app.id('nav-targets').waitFor();
  assert.equal(await app.id('nav-targets').innerText(), 'Targets');
  assert.equal(await page.locator('html').getAttribute('lang'), 'en');
  await app.id('lang-switch').click();
  assert.equal(await app.id('nav-targets').innerText(), '巡察对象');
  await browser.close();
});

test('a newer version opened in another tab disconnects this tab and asks for a reload', async () => {
  const browser = await launchChromium(tempProfile('tabs'));
  const page = await browser.newPage();
  const app = new XunchaPage(page);
  await app.open();
  await app.setUpOffice('某某县委巡察办');
  const other = await browser.newPage();
  await other.goto(URL);
  await other.getByTestId('nav-home').waitFor();
  // What a newer copy of the app does on start: open the database at a higher version.
  const upgraded = await other.evaluate(() => new Promise((resolve, reject) => {
    const req = indexedDB.open('xuncha', 1000);
    req.onsuccess = () => { const v = req.result.version; req.result.close(); resolve(v); };
    req.onerror = () => reject(req.error);
    req.onblocked = () => reject(new Error('blocked by the old tab'));
  }));
  assert.equal(upgraded, 1000);
  await app.id('version-change').waitFor();
  assert.match(await app.id('version-change').innerText(), /请刷新本页/);
  // Reloaded, this older file refuses the newer database and says so, leaving it as it was.
  await page.reload();
  await app.id('open-failed').waitFor();
  assert.match(await app.id('open-failed').innerText(), /更新版本的巡察台账保存.*数据没有改动/s);
  const version = await page.evaluate(() => new Promise((resolve) => {
    const req = indexedDB.open('xuncha');
    req.onsuccess = () => { const v = req.result.version; req.result.close(); resolve(v); };
  }));
  assert.equal(version, 1000);
  await browser.close();
});

test('a record the app cannot read shows a clear message and the raw data can still be saved', async () => {
  const browser = await launchChromium(tempProfile('corrupt'));
  const page = await browser.newPage();
  const net = watch(page);
  const app = new XunchaPage(page);
  await app.open();
  await app.setUpOffice('某某县委巡察办');
  await app.bulkTargets(['城关镇'], '乡镇（街道）');
  // Something outside the app (another tool, a disk fault) leaves a record the model cannot read.
  await page.evaluate(() => new Promise((resolve, reject) => {
    const req = indexedDB.open('xuncha');
    req.onsuccess = () => {
      // Records are kept in pages: a page of targets after every other one.
      const tx = req.result.transaction('pages', 'readwrite');
      tx.objectStore('pages').put(JSON.stringify([{ meta: { id: 'broken' }, data: 42 }]), 'targets/zzz');
      tx.oncomplete = () => { req.result.close(); resolve(); };
      tx.onerror = () => reject(tx.error);
    };
    req.onerror = () => reject(req.error);
  }));
  await page.reload();
  await app.id('open-failed').waitFor();
  assert.match(await app.id('open-failed').innerText(), /本机数据无法读取，请导出应急备份/);
  const [download] = await Promise.all([page.waitForEvent('download'), app.id('emergency-export').click()]);
  assert.match(download.suggestedFilename(), /^巡察台账-应急备份-\d{4}-\d{2}-\d{2}\.json$/);
  const dump = JSON.parse(fs.readFileSync(await download.path(), 'utf8'));
  assert.equal(dump.type, 'xuncha-raw-dump');
  assert.equal(dump.stores.targets.length, 2);
  assert.ok(dump.stores.targets.some((e) => e.value.data && e.value.data.name === '城关镇'));
  assert.ok(dump.stores.targets.some((e) => e.key === 'broken' && e.value.data === 42), 'the unreadable record too');
  assert.ok(dump.stores.settings.some((e) => e.key === 'office' && e.value.includes('某某县委巡察办')));
  assert.deepEqual(net.requests, []);
  await browser.close();
});

test('deleting asks first, refuses what is still in use, and removes the rest', async () => {
  const browser = await launchChromium(tempProfile('delete'));
  const page = await browser.newPage();
  const net = watch(page);
  const app = new XunchaPage(page);
  const asked = [];
  page.on('dialog', (d) => { asked.push(d.message()); d.accept(); });
  await app.open();
  await app.setUpOffice('某某县委巡察办');
  await app.bulkTargets(['城关镇'], '乡镇（街道）');
  await app.bulkTargets(['新村'], '村', '城关镇');
  await app.id('bulk-form').getByRole('button', { name: '取消' }).click();
  await app.addTerm('十五届', 2021, 2026);
  const form = await app.fillRound({ start: '2026-03-01' });
  await form.waitFor({ state: 'detached' });

  await app.go('terms');
  await app.id('terms-table').getByTestId('row-delete').click();
  await app.id('flash').filter({ hasText: '该届次下还有巡察轮次，不能删除。' }).waitFor();
  assert.equal(asked.pop(), '确定删除“十五届”吗？');

  await app.go('targets');
  await app.id('targets-table').getByRole('row', { name: /城关镇/ }).first().getByTestId('row-delete').click();
  await app.id('flash').filter({ hasText: '该乡镇（街道）下还有村（社区），不能删除' }).waitFor();
  await app.id('targets-table').getByRole('row', { name: /新村/ }).getByTestId('row-delete').click();
  await app.page.waitForFunction(() => !document.querySelector('[data-testid="targets-table"]').innerText.includes('新村'));
  await app.id('flash').filter({ hasText: '已删除。' }).waitFor();
  assert.match(await app.id('list-count').innerText(), /共 1 条/);
  assert.deepEqual(net.requests, []);
  assert.deepEqual(net.errors, []);
  await browser.close();
});
