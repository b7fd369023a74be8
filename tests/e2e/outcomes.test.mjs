// 成果运用 as a county office records it, from file:// at 1366×768 in Chinese: an
// outcome tied to a round and unit, bad input named by field with the input kept,
// the statistics' figures and sentence, each figure opening the outcomes it adds
// up, the list as a workbook read back with openpyxl, and the outcomes in the backup.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { countyOffice, download, readXlsx, saveScreenshot, tempProfile } from './support.mjs';

const ROUND = '十五届县委第一轮巡察';

test('outcomes are recorded against a round and unit, counted by the statistics and exported', async () => {
  const dir = tempProfile('outcome-files');
  const { browser, page, net, app } = await countyOffice('outcomes');
  await page.setViewportSize({ width: 1366, height: 768 });
  await app.bulkTargets(['县财政局', '县水利局'], '县直政府部门');
  await (await app.fillRound({ start: '2026-03-01', end: '2026-05-31' })).waitFor({ state: 'detached' });
  await app.openRound(ROUND);
  await app.addGroup('张三', '李四');
  await app.assign('第一巡察组', ['县财政局', '县水利局']);

  await app.go('outcomes');
  await app.id('no-outcomes').waitFor();
  const add = async ({ kind, unit, title, count, amount }) => {
    await app.id('new-outcome').click();
    const form = app.id('outcome-form');
    await form.getByTestId('field-round').selectOption({ label: ROUND });
    if (unit) await form.getByTestId('field-target').selectOption({ label: unit });
    await form.getByTestId('field-kind').selectOption({ label: kind });
    if (title) await form.getByTestId('field-title').fill(title);
    if (count !== undefined) await form.getByTestId('field-count').fill(String(count));
    if (amount) await form.getByTestId('field-amount').fill(String(amount));
    await form.getByTestId('save').click();
    return form;
  };
  // A rule needs its name; money recovered needs its amount; the form keeps what was typed.
  let form = await add({ kind: '建章立制', unit: '县财政局', count: 2 });
  await form.getByText('请填写事项').waitFor();
  assert.equal(await form.getByTestId('field-count').inputValue(), '2');
  await form.getByTestId('field-title').fill('公务接待管理办法');
  await form.getByTestId('save').click();
  await form.waitFor({ state: 'detached' });
  form = await add({ kind: '挽回（追缴）资金', unit: '县水利局', title: '追缴违规发放补贴' });
  await form.getByText('挽回资金须填写大于 0 的金额（元）。').waitFor();
  await form.getByTestId('field-amount').fill('52000');
  await form.getByTestId('save').click();
  await form.waitFor({ state: 'detached' });
  form = await add({ kind: '约谈', unit: '县水利局', title: '党组书记', count: 3 });
  await form.waitFor({ state: 'detached' });
  form = await add({ kind: '巡审联动·互通信息', count: '0' });
  await form.getByText('数量应为 1 到 100000 的整数。').waitFor();
  await form.getByTestId('field-count').fill('12');
  await form.getByTestId('save').click();
  await form.waitFor({ state: 'detached' });
  assert.equal(await app.id('outcome-row').count(), 4);
  await saveScreenshot(page, 'outcomes');

  const book = await download(app, 'export-outcomes', dir);
  const rows = readXlsx(book.file).rows;
  assert.equal(rows[0][0], '某某县委巡察办 巡察成果运用台账');
  const rule = rows.find((r) => r[3] === '公务接待管理办法');
  assert.deepEqual([rule[0], rule[1], rule[2], rule[5]], [ROUND, '县财政局', '建章立制', 2]);

  // The year's statistics count them; a figure opens what it adds up.
  await app.go('stats');
  await app.id('stats-figures').waitFor();
  assert.equal(await app.id('fig-outcomes.rule').innerText(), '2');
  assert.equal(await app.id('fig-outcomes.amount').innerText(), '52000');
  assert.match(
    await app.id('stats-text').inputValue(),
    /推动建立健全制度机制2项，解决群众急难愁盼问题0个，约谈3人次，问责处理0人，挽回经济损失52000元；巡审联动互相通报信息12条/,
  );
  await app.id('fig-outcomes.talk').click();
  await app.id('outcome-row').first().waitFor();
  assert.equal(await app.id('outcome-row').count(), 1);

  // The backup carries them.
  const { file } = await app.exportBackup(dir);
  assert.equal(JSON.parse(fs.readFileSync(file, 'utf8')).records.outcomes.length, 4);
  assert.deepEqual(net.requests, []);
  assert.deepEqual(net.errors, []);
  await browser.close();
});
