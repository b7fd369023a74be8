// The ledgers from file://: record problems from the keyboard, feed one back and
// strike it off, let another go overdue, then export .xlsx and CSV and read them
// back with a spreadsheet reader that is not ours; the data survives a restart.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { assertValidExport, download, launchChromium, readXlsx, saveScreenshot, tempProfile, watch, XunchaPage } from './support.mjs';

test('problems are recorded, fed back, struck off or left overdue, exported to Excel and kept across a restart', async () => {
  const dir = tempProfile('ledger-files');
  const profile = tempProfile('ledger');
  let browser = await launchChromium(profile);
  let page = await browser.newPage();
  const net = watch(page);
  let app = new XunchaPage(page);

  await app.open();
  await app.setUpOffice('某某县委巡察办');
  await app.addTerm('十五届', 2021, 2026);
  await app.bulkTargets(['城关镇'], '乡镇（街道）');
  await app.bulkTargets(['新村'], '村', '城关镇');
  const roundForm = await app.fillRound({ start: '2026-03-01', end: '2026-05-31' });
  await roundForm.waitFor({ state: 'detached' });
  await app.openRound('十五届县委第一轮巡察');
  await app.addGroup('张三', '李四');
  await app.assign('第一巡察组', ['城关镇', '新村']);

  // Two problems in a row, the second typed without touching the mouse.
  await app.go('ledger');
  await app.id('new-problem').click();
  const form = app.id('problem-form');
  await form.getByTestId('field-round').selectOption({ label: '十五届县委第一轮巡察' });
  await form.getByTestId('field-target').selectOption({ label: '新村' });
  await form.getByTestId('field-focus').selectOption({ label: '群众身边腐败问题和不正之风' });
  await form.getByTestId('field-found_on').fill('2026-04-10');
  await form.getByTestId('field-description').fill('村务公开不及时，低保评定程序不规范');
  await form.getByTestId('save-next').click();
  await form.getByTestId('added-count').filter({ hasText: '本次已录入 1 个问题' }).waitFor();
  await page.waitForFunction(() => document.activeElement?.dataset.testid === 'field-description');
  await page.keyboard.type('三会一课落实不到位');
  await page.keyboard.press('Tab');
  await page.keyboard.press('End');
  await form.getByTestId('save').click();
  await form.waitFor({ state: 'detached' });
  const table = app.id('ledger-table');
  await table.getByText('三会一课落实不到位').waitFor();
  assert.match(await app.id('ledger-totals').innerText(), /问题 2 个/);

  // A blank description keeps the form open with the message and the other input.
  await app.id('new-problem').click();
  await form.getByTestId('field-round').selectOption({ label: '十五届县委第一轮巡察' });
  await form.getByTestId('field-target').selectOption({ label: '城关镇' });
  await form.getByTestId('field-sub_category').fill('组织生活');
  await form.getByTestId('save').click();
  assert.match(await form.getByTestId('form-errors').innerText(), /请填写问题描述/);
  assert.equal(await form.getByTestId('field-sub_category').inputValue(), '组织生活');
  await form.getByRole('button', { name: '取消' }).click();

  // Feed back both; the second with a deadline already past.
  const row = (text) => table.getByTestId('ledger-row').filter({ hasText: text });
  await row('低保评定').getByTestId('row-feed-back').click();
  let fb = app.id('feed-back-form');
  await fb.getByTestId('field-fed_back_on').fill('2026-07-01');
  await fb.getByTestId('field-measures').fill('建立村务公开栏，重新评定低保');
  await fb.getByTestId('field-person').fill('王支书');
  await fb.getByTestId('field-deadline').fill('2099-12-31');
  await fb.getByTestId('save').click();
  await fb.waitFor({ state: 'detached' });
  await row('三会一课').getByTestId('row-feed-back').click();
  fb = app.id('feed-back-form');
  await fb.getByTestId('field-fed_back_on').fill('2026-06-01');
  await fb.getByTestId('field-measures').fill('制定组织生活计划');
  await fb.getByTestId('field-deadline').fill('2026-06-30');
  await fb.getByTestId('save').click();
  await fb.waitFor({ state: 'detached' });

  // Move the first through to 已销号.
  await app.id('tab-rectifications').click();
  await row('低保评定').getByTestId('row-rectification').click();
  const panel = app.id('rectification-panel');
  for (const step of ['Start', 'Submit']) {
    await panel.getByTestId(`step-${step}`).click();
    await panel.getByTestId('step-confirm').click();
    await panel.getByTestId('step-form').waitFor({ state: 'detached' });
  }
  await panel.getByTestId('step-Close').click();
  await panel.getByTestId('step-confirm').click();
  assert.match(await panel.getByTestId('form-errors').innerText(), /销号须填写核验人/);
  const stepForm = panel.getByTestId('step-form');
  await stepForm.getByTestId('field-verifier').fill('县委巡察办 赵六');
  await stepForm.getByTestId('field-evidence').fill('公开栏照片、低保复核表');
  await panel.getByTestId('step-confirm').click();
  await panel.getByTestId('rect-status').filter({ hasText: '已销号' }).waitFor();
  assert.match(await panel.getByTestId('rect-history').innerText(), /核验销号[\s\S]*提请核验[\s\S]*开始整改/);
  await panel.getByTestId('close-panel').click();

  // The overdue one is marked in red in the list and counted on top.
  assert.equal(await row('组织生活计划').getByTestId('overdue-mark').count(), 1);
  assert.equal(await row('低保评定').getByTestId('overdue-mark').count(), 0);
  assert.match(await app.id('ledger-totals').innerText(), /整改事项 2 项，已销号 1 项（50%），长期整改 0 项，逾期 1 项/);
  await app.id('filter-overdue').check();
  await table.getByTestId('ledger-row').filter({ hasText: '低保' }).waitFor({ state: 'detached' });
  assert.equal(await table.getByTestId('ledger-row').count(), 1);
  await app.id('filter-overdue').uncheck();
  await app.id('filter-text').fill('低保');
  await table.getByTestId('ledger-row').filter({ hasText: '组织生活' }).waitFor({ state: 'detached' });
  assert.equal(await table.getByTestId('ledger-row').count(), 1);
  await app.id('filter-clear').click();
  await table.getByTestId('ledger-row').nth(1).waitFor();
  await saveScreenshot(page, 'ledger-rectifications');

  // Excel: title, filter, Chinese headers, real dates, A4 landscape with the header repeated.
  await app.id('tab-problems').click();
  await app.id('filter-text').fill('三会');
  await table.getByTestId('ledger-row').filter({ hasText: '低保' }).waitFor({ state: 'detached' });
  const xlsx = await download(app, 'export-xlsx', dir);
  assert.match(xlsx.name, /^某某县委巡察办-问题台账-\d{4}-\d{2}-\d{2}\.xlsx$/);
  const book = readXlsx(xlsx.file);
  assert.deepEqual(book.sheets, ['问题台账']);
  assert.equal(book.rows[0][0], '某某县委巡察办 问题台账');
  assert.match(book.rows[1][0], /筛选条件：关键词：“三会”/);
  assert.deepEqual(book.rows[2].slice(0, 8), ['序号', '轮次', '巡察组', '巡察对象', '乡镇（街道）', '问题类别（三个聚焦）', '具体类别', '问题描述']);
  assert.equal(book.rows.length, 4, 'one data row under the title, filter and header rows');
  const data = book.rows[3];
  assert.equal(data[0], 1, '序号');
  assert.equal(data[1], '十五届县委第一轮巡察');
  assert.equal(data[2], '第一巡察组');
  assert.equal(data[3], '新村');
  assert.equal(data[4], '城关镇');
  assert.equal(data[7], '三会一课落实不到位');
  assert.deepEqual(data[9], { date: '2026-04-10' }, 'the day found is a real date cell');
  assert.deepEqual(data[13], { date: '2026-06-30' });
  assert.equal(data[14], '逾期');
  assert.ok(book.landscape, 'A4 landscape');
  assert.equal(Number(book.paper), 9);
  assert.equal(book.repeat_rows, '$3:$3');
  assert.equal(book.freeze, 'A4');

  // CSV: a BOM, then the same rows.
  await app.id('filter-clear').click();
  await table.getByTestId('ledger-row').nth(1).waitFor();
  const csv = await download(app, 'export-csv', dir);
  const text = fs.readFileSync(csv.file, 'utf8');
  assert.ok(text.startsWith('\ufeff序号,轮次,巡察组,巡察对象'), 'Excel and WPS need the BOM to read UTF-8');
  assert.equal(text.trim().split('\r\n').length, 3);
  assert.match(text, /村务公开不及时，低保评定程序不规范/);

  // The filtered rows as a package another office can import: valid and self-contained.
  await app.id('filter-text').fill('低保');
  await table.getByTestId('ledger-row').filter({ hasText: '三会' }).waitFor({ state: 'detached' });
  const pkg = await download(app, 'export-package', dir);
  assert.match(pkg.name, /^巡察-[^-]+-问题台账-\d{4}-\d{2}-\d{2}\.json$/);
  assertValidExport(pkg.file);
  const records = JSON.parse(fs.readFileSync(pkg.file, 'utf8')).records;
  assert.equal(records.problems.length, 1);
  assert.equal(records.rectifications.length, 1);
  assert.equal(records.rectifications[0].data.status, 'closed');
  assert.deepEqual(records.targets.map((t) => t.data.name).sort(), ['城关镇', '新村']);

  // The data is still there after the browser restarts with the same profile.
  await browser.close();
  browser = await launchChromium(profile);
  page = await browser.newPage();
  app = new XunchaPage(page);
  await app.open();
  await app.go('ledger');
  await app.id('tab-rectifications').click();
  await app.id('ledger-table').getByTestId('ledger-row').nth(1).waitFor();
  assert.match(await app.id('ledger-table').innerText(), /已销号[\s\S]*|[\s\S]*已销号/);
  assert.match(await app.id('ledger-totals').innerText(), /已销号 1 项/);
  assert.equal(await app.id('stat-rect-overdue').count(), 0, 'home tiles are on the home page');
  await app.go('home');
  assert.match(await app.id('stat-rect-overdue').innerText(), /1/);
  assert.deepEqual(net.requests, [], 'no request leaves the file');
  assert.deepEqual(net.errors, []);
  await browser.close();
});
