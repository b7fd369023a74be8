// Everyday use on a 1366×768 office screen: forms that open at their first field,
// name every missing field at once and save with Ctrl+Enter; ledgers whose table
// scrolls by itself with 序号 and actions in view; names in pinyin order; a printed
// ledger with a signature line.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { countyOffice, saveScreenshot } from './support.mjs';

const ROUND = '十五届县委第一轮巡察';

test('forms, ledgers and pickers work the way a county clerk expects at 1366×768', async () => {
  const { browser, page, net, app } = await countyOffice('everyday');
  // Unicode order would be 北关镇 (U+5317), 张庄镇 (U+5F20), 阿里镇 (U+963F).
  await app.bulkTargets(['张庄镇', '阿里镇', '北关镇'], '乡镇（街道）');
  await (await app.fillRound({ start: '2026-03-01', end: '2026-05-31' })).waitFor({ state: 'detached' });
  await app.openRound(ROUND);
  await app.addGroup('张三', '李四');
  await app.assign('第一巡察组', ['张庄镇', '阿里镇', '北关镇']);

  // An empty problem form: the cursor is in the first field, and saving names every
  // missing field at once, before anything else.
  await app.go('ledger');
  await app.id('new-problem').click();
  const form = app.id('problem-form');
  await page.waitForFunction(() => document.activeElement?.dataset.testid === 'field-round');
  await form.getByTestId('save').click();
  const errors = await form.getByTestId('form-errors').innerText();
  for (const missing of ['请选择轮次', '请选择巡察对象', '请填写问题描述']) assert.match(errors, new RegExp(missing));
  assert.doesNotMatch(errors, /不存在|不在本轮/, 'nothing about records that are not chosen yet');
  assert.equal(await form.locator('label.invalid').filter({ has: page.getByTestId('field-description') }).count(), 1, 'the description is marked');
  assert.match(await form.getByTestId('limit-description').innerText(), /不超过 4000 字，已输入 0 字/);
  await saveScreenshot(page, 'everyday-form-errors');

  // Target pickers list names in pinyin order.
  await form.getByTestId('field-round').selectOption({ label: ROUND });
  const offered = await form.getByTestId('field-target').locator('option').allInnerTexts();
  assert.deepEqual(offered.filter((o) => o.endsWith('镇')), ['阿里镇', '北关镇', '张庄镇']);

  // A day found in the future is asked about; declining keeps the form as it is.
  await form.getByTestId('field-target').selectOption({ label: '北关镇' });
  await form.getByTestId('field-description').fill('未来日期的问题');
  await form.getByTestId('field-found_on').fill('2099-04-10');
  const asked = new Promise((resolve) => page.once('dialog', async (d) => { resolve(d.message()); await d.dismiss(); }));
  await form.getByTestId('save').click();
  assert.match(await asked, /发现日期 2099-04-10 在今天之后/);
  assert.equal(await form.getByTestId('field-description').inputValue(), '未来日期的问题');

  // Ctrl+Enter saves, from any field.
  await form.getByTestId('field-found_on').fill('2026-04-10');
  await form.getByTestId('field-description').fill('党组织生活不规范，'.repeat(60));
  await form.getByTestId('field-description').press('Control+Enter');
  await form.waitFor({ state: 'detached' });

  for (let n = 0; n < 12; n += 1) {
    await app.addProblem({ round: ROUND, target: n % 2 ? '阿里镇' : '张庄镇', description: `问题${n + 1}：村务公开不及时`, found: '2026-04-11' });
  }

  // The table scrolls by itself: the tabs stay put, the actions column stays in view.
  const table = app.id('ledger-table');
  const scroller = page.locator('.table-scroll');
  const tabsBefore = await app.id('tab-problems').boundingBox();
  await scroller.evaluate((el) => { el.scrollLeft = 600; });
  assert.deepEqual(await app.id('tab-problems').boundingBox(), tabsBefore);
  const action = await table.getByTestId('ledger-row').first().getByTestId('row-edit').boundingBox();
  assert.ok(action && action.x + action.width <= 1366, `the actions are on screen: ${JSON.stringify(action)}`);
  await scroller.evaluate((el) => { el.scrollLeft = 0; });
  // 序号 counts the rows; a long description is clipped in the list and whole on hover.
  const seqs = await table.locator('tbody td.seq').allInnerTexts();
  assert.deepEqual(seqs, Array.from({ length: 13 }, (_, i) => String(i + 1)));
  const clip = table.locator('.clip').filter({ hasText: '党组织生活不规范' });
  assert.equal((await clip.getAttribute('title')).length, 540);
  const box = await clip.boundingBox();
  assert.ok(box.height < 80, `three lines at most: ${box.height}`);
  // Sorted by target: pinyin order.
  await app.id('sort-Target').click();
  const targets = await table.getByTestId('ledger-row').evaluateAll((rows) => rows.map((r) => r.children[3].innerText));
  assert.deepEqual([...new Set(targets)], ['阿里镇', '北关镇', '张庄镇']);
  await saveScreenshot(page, 'everyday-ledger');

  // The printed ledger: no sort arrows, every row, a signature line.
  await page.emulateMedia({ media: 'print' });
  assert.equal(await page.locator('.sort-arrow').first().isVisible(), false);
  assert.ok(await app.id('signature').isVisible());
  assert.match(await app.id('signature').innerText(), /制表人[\s\S]*审核人[\s\S]*日期/);
  await saveScreenshot(page, 'everyday-ledger-print');
  await page.emulateMedia({ media: 'screen' });
  assert.equal(await app.id('signature').isVisible(), false);

  // An export says which file it wrote.
  const [download] = await Promise.all([page.waitForEvent('download'), app.id('export-xlsx').click()]);
  await app.id('flash').filter({ hasText: download.suggestedFilename() }).waitFor();
  assert.match(await app.id('flash').innerText(), /已导出 13 行/);


  // A rectification past its deadline: progress is recorded with its evidence, an
  // extension is asked for and counts only once approved.
  await app.feedBack('党组织生活不规范', { fed: '2026-05-20', measures: '健全组织生活制度', deadline: '2026-06-30' });
  await app.id('tab-rectifications').click();
  await app.ledgerRow('党组织生活不规范').getByTestId('row-rectification').click();
  const panel = app.id('rectification-panel');
  const step = async (name, fields) => {
    await panel.getByTestId(`step-${name}`).click();
    const stepForm = panel.getByTestId('step-form');
    for (const [field, value] of Object.entries(fields)) await stepForm.getByTestId(`field-${field}`).fill(value);
    await panel.getByTestId('step-confirm').click();
    await stepForm.waitFor({ state: 'detached' });
  };
  await step('Progress', { on: '2026-07-01', note: '已召开专题组织生活会', evidence: '会议记录' });
  await step('RequestExtension', { on: '2026-07-02', new_deadline: '2099-12-31', note: '需跨年度完成' });
  await panel.getByTestId('pending-extension').filter({ hasText: '已申请延期至 2099-12-31，待批准' }).waitFor();
  assert.ok(await panel.getByTestId('overdue-mark').isVisible(), 'still overdue until approved');
  assert.equal(await panel.getByTestId('step-RequestExtension').count(), 0, 'one request at a time');
  await saveScreenshot(page, 'everyday-rectification');
  await step('ApproveExtension', { on: '2026-07-03', approver: '县委巡察办 赵六' });
  assert.equal(await panel.getByTestId('pending-extension').count(), 0);
  assert.equal(await panel.getByTestId('overdue-mark').count(), 0);
  const history = await panel.getByTestId('rect-history').innerText();
  assert.match(history, /批准延期\s+2026-06-30 → 2099-12-31\s+县委巡察办 赵六/);
  assert.match(history, /记录进展[\s\S]*已召开专题组织生活会；会议记录/);

  assert.deepEqual(net.requests, []);
  assert.deepEqual(net.errors, []);
  await browser.close();
});
