// 巡察计划 as a county office makes and follows it, from file:// at 1366×768: the
// year's plan with its rounds chosen from the targets the term has not covered, bad
// input named by field, a planned round started as the real round with its groups
// and targets, plan against actual in figures and in the plans' own phrasing, the
// plan's figures on the statistics page, and the plan in the exported backup.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { countyOffice, saveScreenshot, tempProfile } from './support.mjs';

test('a year plan is made from the uncovered targets, started as a real round and held against the year', async () => {
  const dir = tempProfile('plan-files');
  const { browser, page, net, app } = await countyOffice('plan');
  await app.bulkTargets(['城关镇', '东关镇'], '乡镇（街道）');
  await app.bulkTargets(['甲村', '乙村'], '村', '城关镇');
  await app.bulkTargets(['县财政局', '县审计局'], '县直政府部门');
  await app.bulkTargets(['县供水公司'], '国有企业');
  await (await app.fillRound({ start: '2026-03-01', end: '2026-05-31' })).waitFor({ state: 'detached' });
  await app.openRound('十五届县委第一轮巡察');
  await app.addGroup('张三', '李四');
  await app.assign('第一巡察组', ['城关镇', '甲村', '县财政局']);

  // The plan's year must lie within its term.
  await app.go('plans');
  await app.id('new-plan').click();
  const form = app.id('plan-form');
  await form.getByTestId('field-term').selectOption({ label: '十五届' });
  await form.getByTestId('field-year').fill('2030');
  await form.getByTestId('save').click();
  await form.getByText('计划年度不在所选届次的年份之内。').waitFor();
  await form.getByTestId('field-year').fill('2026');
  await form.getByTestId('save').click();
  await app.id('plan-title').filter({ hasText: '2026年度巡察工作计划' }).waitFor();

  // The first round is chosen from what the term has not covered yet.
  await app.id('new-planned-round').click();
  let round = app.id('planned-round-form');
  const offered = () => round.getByTestId('plan-option').evaluateAll((els) => els.map((e) => e.dataset.name));
  assert.deepEqual((await offered()).sort(), ['东关镇', '乙村', '县供水公司', '县审计局'].sort());
  await round.getByTestId('field-start').fill('2026-11-02');
  await round.getByTestId('field-end').fill('2026-12-20');
  await round.getByTestId('field-groups').fill('2');
  for (const name of ['东关镇', '乙村', '县审计局']) {
    await round.locator(`[data-testid="plan-option"][data-name="${name}"]`).click();
  }
  await round.locator('[data-testid="chosen-target"][data-name="县审计局"]').getByTestId('chosen-group').selectOption({ label: '第二巡察组' });
  await saveScreenshot(page, 'plan-round-form');
  await round.getByTestId('save').click();
  await round.waitFor({ state: 'detached' });
  const rows = app.id('planned-rounds').getByTestId('planned-round');
  assert.match(await rows.nth(0).innerText(), /第一巡察组：东关镇、乙村\s+第二巡察组：县审计局/);

  // A 专项巡察 needs its topic; what the first round took is no longer offered.
  await app.id('new-planned-round').click();
  round = app.id('planned-round-form');
  await round.getByTestId('field-kind').selectOption({ label: '专项巡察' });
  assert.deepEqual(await offered(), ['县供水公司']);
  await round.getByTestId('plan-show-all').check();
  assert.ok((await round.getByText('本届已巡察').count()) >= 3, 'covered targets are marked');
  await round.locator('[data-testid="plan-option"][data-name="县供水公司"]').click();
  await round.getByTestId('save').click();
  await round.getByText('专项巡察须填写专项主题。').waitFor();
  assert.equal(await round.locator('[data-testid="chosen-target"]').count(), 1, 'a failed save keeps the choice');
  await round.getByTestId('field-topic').fill('国企改革');
  await round.getByTestId('save').click();
  await round.waitFor({ state: 'detached' });
  assert.equal(await rows.count(), 2);

  // A round without a planned start cannot start; the first one can.
  let asked = [];
  page.on('dialog', (d) => { asked.push(d.message()); d.accept(); });
  await rows.nth(1).getByTestId('start-planned-round').click();
  await app.id('flash').filter({ hasText: '请先编辑本轮，填写计划开始日期' }).waitFor();
  await rows.nth(0).getByTestId('start-planned-round').click();
  await app.id('round-title').filter({ hasText: '十五届县委第二轮巡察' }).waitFor();
  assert.match(asked.at(-1), /十五届县委第二轮巡察.*2个巡察组、3个巡察对象/);
  const inGroup = async (name) => (await app.group(name).getByTestId('inspection-row').allInnerTexts()).map((r) => r.split('\t')[0]).sort();
  assert.deepEqual(await inGroup('第一巡察组'), ['东关镇', '乙村'].sort());
  assert.deepEqual(await inGroup('第二巡察组'), ['县审计局']);

  // Plan against actual: 2 rounds held, 3 of the 4 planned targets inspected.
  await app.go('plans');
  await app.id('plans-table').getByTestId('plan-link').click();
  await app.id('planned-round-started').filter({ hasText: '十五届县委第二轮巡察' }).waitFor();
  const cells = async (key) => (await app.id(`plan-row-${key}`).innerText()).split('\t').slice(1).map((c) => c.trim());
  assert.deepEqual(await cells('rounds'), ['2', '2', '1', '50.0%']);
  assert.deepEqual(await cells('targets'), ['4', '6', '3', '75.0%']);
  assert.deepEqual(await cells('enterprises'), ['1', '0', '0', '0.0%']);
  assert.equal(
    await app.id('plan-text-copy').inputValue(),
    '2026年计划开展2轮巡察，对1家县直单位、1家县属企业、1个乡镇（街道）和1个村（社区）进行巡察监督。\n' +
      '实际开展2轮巡察，对2家县直单位、2个乡镇（街道）和2个村（社区）进行巡察监督；计划内的4个巡察对象已巡察3个，完成计划的75.0%。',
  );
  assert.equal((await app.id('plan-text').innerText()).replace(/\n+/g, '\n'), await app.id('plan-text-copy').inputValue());
  await app.id('plan-copy').click();
  await app.id('flash').filter({ hasText: '已复制' }).waitFor();
  assert.equal(await rows.nth(0).getByTestId('start-planned-round').count(), 0, 'a started round is not started twice');
  await saveScreenshot(page, 'plan');
  await page.emulateMedia({ media: 'print' });
  assert.equal(await app.id('new-planned-round').isVisible(), false);
  assert.ok(await app.id('planned-rounds').isVisible());
  await saveScreenshot(page, 'plan-print');
  await page.emulateMedia({ media: 'screen' });

  // The year's statistics carry the plan's figures, each leading to the plan.
  await app.go('stats');
  await app.id('stats-figures').waitFor();
  assert.equal(await app.id('fig-plan.rounds').innerText(), '2');
  assert.equal(await app.id('fig-plan.done').innerText(), '3');
  await app.id('fig-plan.done').click();
  await app.id('plan-title').filter({ hasText: '2026年度巡察工作计划' }).waitFor();

  // The plan survives a reload and travels in the backup, valid against the schema.
  await page.reload();
  await app.id('plan-title').waitFor();
  const { file } = await app.exportBackup(dir);
  const plans = JSON.parse(fs.readFileSync(file, 'utf8')).records.plans;
  assert.equal(plans.length, 1);
  assert.equal(plans[0].data.rounds.length, 2);
  assert.ok(plans[0].data.rounds[0].round, 'the started round is linked');
  assert.deepEqual(net.requests, []);
  assert.deepEqual(net.errors, []);
  await browser.close();
});
