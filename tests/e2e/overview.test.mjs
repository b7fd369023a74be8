// The overview and the pickers a county clerk meets every day, at 1366×768: a hint
// that fits the office's role and goes once there is data, figures that open the
// records behind them (整改报告逾期 too), villages grouped under their township and
// found by pinyin initials, a ledger whose columns can be chosen and stay chosen,
// length limits on long fields and a question before saving a 进驻 in the future.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { launchChromium, saveScreenshot, tempProfile, watch, XunchaPage } from './support.mjs';

const ROUND = '十五届县委第一轮巡察';

test('the overview leads to the records, pickers group and search, ledger columns can be chosen', async () => {
  const profile = tempProfile('overview');
  let browser = await launchChromium(profile);
  let page = await browser.newPage();
  const net = watch(page);
  let app = new XunchaPage(page);
  await app.open();
  await app.setUpOffice('某某县委巡察办');

  // A new county office is told where to start; the hint moves on with the work.
  await app.id('home-hint').filter({ hasText: '第一步：在“届次”录入本届县委' }).waitFor();
  await saveScreenshot(page, 'overview-first-run');
  await app.addTerm('十五届', 2021, 2026);
  await app.bulkTargets(['大庄镇', '城关镇'], '乡镇（街道）');
  await app.bulkTargets(['东村', '西村'], '村', '大庄镇');
  await app.bulkTargets(['南村'], '村', '城关镇');
  await app.bulkTargets(['县财政局'], '县直政府部门');
  await app.go('home');
  await app.id('home-hint').filter({ hasText: '下一步：在“巡察轮次”新建本轮巡察' }).waitFor();

  // The target register finds 大庄镇 by its initials.
  await app.go('targets');
  await app.id('filter-text').fill('dzz');
  const found = await app.id('targets-table').locator('tbody tr').allInnerTexts();
  assert.equal(found.length, 1, found.join(' | '));
  assert.match(found[0], /大庄镇/);

  await (await app.fillRound({ start: '2026-03-01', end: '2026-05-31' })).waitFor({ state: 'detached' });
  await app.openRound(ROUND);
  await app.addGroup('张三', '李四');

  // Assigning: county units under their kind, villages under their township, a
  // township filter, and search by initials as one types.
  const card = app.group('第一巡察组');
  await card.getByTestId('assign-targets').click();
  const assign = card.getByTestId('assign-panel');
  const headings = await assign.getByTestId('assign-heading').allInnerTexts();
  assert.deepEqual(headings, ['县直政府部门', '城关镇', '大庄镇'], 'pinyin order: chéng before dà');
  await assign.getByTestId('filter-assign-township').selectOption({ label: '大庄镇' });
  const inTown = await assign.getByTestId('assign-option').evaluateAll((els) => els.map((e) => e.dataset.name));
  assert.deepEqual(inTown, ['大庄镇', '东村', '西村']);
  await assign.getByTestId('assign-search').fill('xc');
  assert.deepEqual(await assign.getByTestId('assign-option').evaluateAll((els) => els.map((e) => e.dataset.name)), ['西村']);
  await saveScreenshot(page, 'overview-assign');
  await assign.getByTestId('assign-search').fill('');
  await assign.getByTestId('filter-assign-township').selectOption({ label: '全部' });
  for (const name of ['大庄镇', '东村', '城关镇', '县财政局']) {
    await assign.locator(`[data-testid="assign-option"][data-name="${name}"]`).check();
  }
  await assign.getByTestId('assign-selected').click();
  await assign.waitFor({ state: 'detached' });

  // A 进驻 after today is asked about; declining keeps the form open.
  const inspection = await app.openInspection('第一巡察组', '东村');
  await inspection.getByTestId('field-entry').fill('2099-03-05');
  const asked = new Promise((resolve) => page.once('dialog', async (d) => { resolve(d.message()); await d.dismiss(); }));
  await inspection.getByTestId('save-inspection').click();
  assert.match(await asked, /进驻 2099-03-05/);
  assert.equal(await inspection.getByTestId('field-entry').inputValue(), '2099-03-05');
  // A report due in September and never sent is overdue.
  await inspection.getByTestId('field-entry').fill('2026-03-05');
  await inspection.getByTestId('field-feedback').fill('2026-07-15');
  await inspection.getByTestId('field-rectification_due').fill('2026-09-15');
  await inspection.getByTestId('save-inspection').click();
  await inspection.waitFor({ state: 'detached' });

  // Problem pickers group the round's targets under headings.
  await app.go('ledger');
  await app.id('new-problem').click();
  const form = app.id('problem-form');
  await form.getByTestId('field-round').selectOption({ label: ROUND });
  const groups = await form.getByTestId('field-target').locator('optgroup').evaluateAll((gs) =>
    gs.map((g) => `${g.label}:${[...g.querySelectorAll('option')].map((o) => o.textContent).join(',')}`));
  assert.deepEqual(groups, ['县直政府部门:县财政局', '城关镇:城关镇', '大庄镇:大庄镇,东村']);
  await form.getByRole('button', { name: '取消' }).click();
  await form.waitFor({ state: 'detached' });
  await app.addProblem({ round: ROUND, target: '东村', description: '村务公开不及时', found: '2026-04-11' });
  await app.addProblem({ round: ROUND, target: '县财政局', description: '财务审批不严', found: '2026-04-12' });

  // The measures state their limit; too long is refused by name and the text is kept.
  await app.ledgerRow('村务公开不及时').getByTestId('row-feed-back').click();
  const feed = app.id('feed-back-form');
  await feed.getByTestId('field-fed_back_on').fill('2026-07-15');
  await feed.getByTestId('field-deadline').fill('2026-08-31');
  const tooLong = '措'.repeat(4001);
  await feed.getByTestId('field-measures').fill(tooLong);
  assert.match(await feed.getByTestId('limit-measures').innerText(), /不超过 4000 字，已输入 4001 字/);
  await feed.getByTestId('save').click();
  await feed.getByTestId('form-errors').filter({ hasText: '整改措施不能超过 4000 字' }).waitFor();
  assert.equal((await feed.getByTestId('field-measures').inputValue()).length, 4001);
  await feed.getByTestId('field-measures').fill('每月公开村务');
  await feed.getByTestId('save').click();
  await feed.waitFor({ state: 'detached' });

  // The overview: the hint is gone, figures are links to their records.
  await app.go('home');
  assert.equal(await app.id('home-hint').count(), 0, 'no hint once the office works with its data');
  assert.equal(await app.id('stat-reports-overdue').locator('.number').innerText(), '1');
  const late = await app.id('late-reports').innerText();
  assert.match(late, /东村（十五届县委第一轮巡察）：2026-09-15 到期/);
  assert.equal(await app.id('stat-rect-overdue').locator('.number').innerText(), '1');
  await saveScreenshot(page, 'overview-home');
  await app.id('stat-rect-overdue').click();
  await page.waitForURL(/#\/ledger\/rectifications$/);
  assert.ok(await app.id('filter-overdue').isChecked(), 'only the overdue rows');
  assert.equal(await app.id('ledger-row').count(), 1);
  await app.go('home');
  await app.id('stat-problems').click();
  await page.waitForURL(/#\/ledger\/problems$/);
  assert.equal(await app.id('filter-overdue').isChecked(), false, 'the filters start clear');
  assert.equal(await app.id('ledger-row').count(), 2);
  await app.go('home');
  await app.id('late-reports').getByRole('link').first().click();
  await app.id('round-title').waitFor();

  // Columns: hidden on screen and in print, kept after a restart, back with one click.
  await app.go('ledger');
  await app.id('ledger-row').first().waitFor();
  const heads = () => app.id('ledger-table').locator('thead th').allInnerTexts();
  assert.ok((await heads()).some((h) => h.includes('乡镇（街道）')), (await heads()).join('|'));
  await app.id('column-chooser').locator('summary').click();
  await app.id('column-Township').uncheck();
  await app.id('column-SubCategory').uncheck();
  assert.ok(!(await heads()).some((h) => h.includes('乡镇（街道）')));
  await saveScreenshot(page, 'overview-columns');
  await page.emulateMedia({ media: 'print' });
  assert.equal(await app.id('column-chooser').isVisible(), false);
  assert.ok(!(await heads()).some((h) => h.includes('乡镇（街道）')), 'print shows what the screen shows');
  await page.emulateMedia({ media: 'screen' });
  await browser.close();

  browser = await launchChromium(profile);
  page = await browser.newPage();
  const again = watch(page);
  app = new XunchaPage(page);
  await app.open();
  await app.go('ledger');
  await app.id('ledger-row').first().waitFor();
  assert.ok(!(await heads()).some((h) => h.includes('乡镇（街道）')), 'the choice is kept on this PC');
  await app.id('column-chooser').locator('summary').click();
  await app.id('columns-reset').click();
  assert.ok((await heads()).some((h) => h.includes('乡镇（街道）')));

  assert.deepEqual([...net.requests, ...again.requests], []);
  assert.deepEqual([...net.errors, ...again.errors], []);
  await browser.close();
});
