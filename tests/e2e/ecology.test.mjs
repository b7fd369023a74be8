// 政治生态评估 and 上级巡视巡察反馈 from file:// at 1366×768: a unit is scored against
// the built-in set, a score above full marks and a missing day are refused with the
// fields named and what was typed kept, the total and grade show as typed and on the
// group card; the list exports to .xlsx (read back with openpyxl); the set's rules are
// named; the statistics count by grade in the seeds' sentence and a figure opens what
// it counts; a round fed back from above is entered and left out of the county's
// counts; a second office sees the same grades and round from the backup.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { countyOffice, download, otherOfficeWith, readXlsx, saveScreenshot, tempProfile } from './support.mjs';

const ROUND = '十五届县委第一轮巡察';
const ABOVE = '上级巡视巡察：省委第三巡视组';

async function score(app, target, { on, marks }) {
  const row = app.group('第一巡察组').getByTestId('inspection-row').filter({ hasText: target });
  await row.getByTestId('assess').click();
  const form = app.id('assessment-form');
  await form.getByTestId('score-table').waitFor();
  if (on !== undefined) await form.getByTestId('field-assessed_on').fill(on);
  const inputs = form.getByTestId('field-score');
  for (const [n, mark] of marks.entries()) await inputs.nth(n).fill(mark);
  return form;
}

test('a unit is assessed, graded, listed, counted by grade and travels; problems from above stay out of the counts', async () => {
  const dir = tempProfile('ecology-files');
  const { browser, page, net, app } = await countyOffice('ecology');
  await app.bulkTargets(['县财政局', '县水利局'], '县直政府部门');
  await (await app.fillRound({ start: '2026-03-01', end: '2026-05-31' })).waitFor({ state: 'detached' });
  await app.openRound(ROUND);
  await app.addGroup('张三', '李四');
  await app.assign('第一巡察组', ['县财政局', '县水利局']);

  // Bad input: a score above its full marks and no day, both named; nothing typed is lost.
  let form = await score(app, '县财政局', { on: '', marks: ['11', '8', '9', '8', '8.5', '7'] });
  await form.getByTestId('save').click();
  const errors = await form.getByTestId('form-errors').innerText();
  assert.match(errors, /请填写评估日期/);
  assert.match(errors, /得分应为不超过该项满分的数/);
  await form.getByTestId('field-assessed_on').fill('2026-05-20');
  await form.getByTestId('save').click();
  await form.getByTestId('form-errors').filter({ hasText: '得分应为不超过该项满分的数' }).waitFor();
  assert.doesNotMatch(await form.getByTestId('form-errors').innerText(), /请填写评估日期/);
  assert.equal(await form.getByTestId('field-score').first().inputValue(), '11', 'what was typed stays');
  await form.getByTestId('field-score').first().fill('9');
  await form.getByTestId('assessment-total').filter({ hasText: '总分 84，较好' }).waitFor();
  await saveScreenshot(page, 'ecology-form');
  await form.getByTestId('save').click();
  await form.waitFor({ state: 'detached' });
  await app.group('第一巡察组').getByTestId('grade').filter({ hasText: '较好 84' }).waitFor();
  // Taking the unit off the round would lose its assessment unseen: refused, saying why.
  page.once('dialog', (d) => d.accept());
  const financeRow = app.group('第一巡察组').getByTestId('inspection-row').filter({ hasText: '县财政局' });
  await financeRow.getByRole('button', { name: '移出本轮' }).click();
  await app.id('flash').filter({ hasText: '删除或移出前请先在“政治生态”页删除其评估' }).waitFor();
  assert.equal(await financeRow.count(), 1, 'the unit stays');
  form = await score(app, '县水利局', { on: '2026-05-21', marks: ['10', '10', '10', '10', '10', '10'] });
  await form.getByTestId('save').click();
  await form.waitFor({ state: 'detached' });

  // The list, to Excel; the set's rules are named when broken.
  await app.go('ecology');
  assert.equal(await app.id('assessment-row').count(), 2);
  const book = await download(app, 'export-assessments', dir);
  const rows = readXlsx(book.file).rows.map((r) => r.map((c) => String(c ?? '')));
  const finance = rows.find((r) => r.includes('县财政局'));
  assert.ok(finance, JSON.stringify(rows));
  assert.deepEqual([finance[4], finance[5]], ['84', '较好']);
  assert.match(finance[3], /^政治建设 9；思想建设 8；/);
  // Edited from the list, the form sits in the side panel with every score in sight.
  await app.id('assessment-row').filter({ hasText: '县财政局' }).getByTestId('row-edit').click();
  const panel = app.id('assessment-form');
  await panel.getByTestId('score-table').waitFor();
  await panel.getByText('本评估按评估时的指标和分数线计分（良好90、较好80、一般60分以上）。').waitFor();
  await saveScreenshot(page, 'ecology-edit-panel');
  const box = await panel.getByTestId('field-score').last().boundingBox();
  assert.ok(box && box.x + box.width <= 1366, `the last score input is in the window: ${JSON.stringify(box)}`);
  await panel.getByRole('button', { name: '取消' }).click();
  await app.id('ecology-scheme').locator('summary').click();
  await app.id('scheme-weight').first().fill('30');
  await app.id('save-scheme').click();
  assert.match(await app.id('ecology-scheme').getByTestId('form-errors').innerText(), /各项指标的权重应为正整数，合计为100/);
  await saveScreenshot(page, 'ecology-list');
  await app.id('scheme-builtin').click();

  // A round fed back from above: named by its group, no number, out of the county's counts.
  await (await app.fillRound({ kind: '上级巡视巡察反馈', topic: '省委第三巡视组', start: '2026-07-01' })).waitFor({
    state: 'detached',
  });
  await app.openRound(ABOVE);
  await app.id('upper-hint').waitFor();
  await app.addGroup('省委第三巡视组', '');
  await app.assign('第一巡察组', ['县水利局']);
  await app.addProblem({ round: ABOVE, target: '县水利局', description: '水资源费征收不到位', found: '2026-07-01' });
  await saveScreenshot(page, 'upper-round-ledger');

  await app.go('stats');
  await app.id('stats-figures').waitFor();
  assert.equal(await app.id('fig-rounds.total').innerText(), '1', 'the round from above is not the county’s');
  assert.equal(await app.id('fig-problems.total').innerText(), '0');
  assert.equal(await app.id('fig-ecology.assessed').innerText(), '2');
  assert.match(
    await app.id('stats-text').inputValue(),
    /对2个被巡察党组织进行了政治生态综合评估，根据得分情况，1个为良好等次，1个为较好等次。/,
  );
  await app.id('fig-ecology.good').click();
  await app.id('assessments-table').waitFor();
  assert.equal(await app.id('assessment-row').count(), 1);
  assert.match(await app.id('assessment-row').innerText(), /县水利局/);

  // A second office reads the same grades and the round from above.
  const { file } = await app.exportBackup(dir);
  const inspections = JSON.parse(fs.readFileSync(file, 'utf8')).records.inspections;
  assert.equal(inspections.filter((i) => i.data.assessment).length, 2);
  const { browser: other, app: city } = await otherOfficeWith('ecology-group', '第一巡察组', '巡察组', file);
  await city.openRound(ROUND);
  await city.group('第一巡察组').getByTestId('grade').filter({ hasText: '良好 100' }).waitFor();
  await city.openRound(ABOVE);
  assert.deepEqual(net.requests, []);
  assert.deepEqual(net.errors, []);
  await other.close();
  await browser.close();
});
