// 全覆盖 as a county office follows it through a term, at 1366×768 from file://:
// the rate by kind and per township, the targets still to inspect (filtered and
// printed), a goal of its own, and the warning on the home page while behind.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { countyOffice, saveScreenshot } from './support.mjs';

const ROUND = '十五届县委第一轮巡察';

test('coverage of the term is counted by kind and township, lists what is left and warns when behind', async () => {
  const { browser, page, net, app } = await countyOffice('coverage');
  await app.bulkTargets(['城关镇', '东关镇'], '乡镇（街道）');
  await app.bulkTargets(['甲村', '乙村'], '村', '城关镇');
  await app.bulkTargets(['丁村'], '村', '东关镇');
  await app.bulkTargets(['县财政局', '县审计局'], '县直政府部门');
  await (await app.fillRound({ start: '2026-03-01', end: '2026-05-31' })).waitFor({ state: 'detached' });
  await app.openRound(ROUND);
  await app.addGroup('张三', '李四');
  await app.assign('第一巡察组', ['城关镇', '甲村', '县财政局']);

  // Late in the term with 3 of 7 inspected: the home page says coverage is behind.
  await app.go('home');
  await app.id('home-coverage-behind').filter({ hasText: '目前 42.9%' }).click();
  await page.waitForURL(/#\/coverage$/);
  assert.match(await app.id('coverage-line').innerText(), /本届现有巡察对象 7 个，已巡察 3 个，全覆盖完成率 42\.9%/);
  assert.match(await app.id('coverage-behind').innerText(), /覆盖进度落后/);
  const kinds = await app.id('coverage-by-kind').getByTestId('coverage-kind').allInnerTexts();
  assert.deepEqual(kinds.map((k) => k.split('\t').slice(0, 5).join(' ')), [
    '县直政府部门 2 1 1 50.0%',
    '乡镇（街道） 2 1 1 50.0%',
    '村 3 1 2 33.3%',
  ]);
  const towns = await app.page.getByTestId('coverage-township').allInnerTexts();
  assert.deepEqual(towns.map((t) => t.split('\t').slice(0, 5).join(' ')), ['城关镇 2 1 1 50.0%', '东关镇 1 0 1 0.0%']);

  // What is left, filtered by township.
  const left = () => app.id('coverage-remaining').getByTestId('coverage-remaining-row').allInnerTexts();
  assert.equal((await left()).length, 4);
  await app.id('filter-remaining-township').selectOption({ label: '东关镇' });
  assert.deepEqual((await left()).map((r) => r.split('\t')[1]), ['东关镇', '丁村']);
  await saveScreenshot(page, 'coverage');
  await page.emulateMedia({ media: 'print' });
  assert.equal(await app.id('coverage-goal-save').isVisible(), false);
  assert.ok(await app.id('coverage-remaining').isVisible());
  await saveScreenshot(page, 'coverage-print');
  await page.emulateMedia({ media: 'screen' });

  // A goal of the office's own, kept after a reload: 40% by the end of 2026 is met.
  await app.id('coverage-goal-percent').fill('400');
  await app.id('coverage-goal-save').click();
  await app.id('coverage-goal-error').filter({ hasText: '请填写 1–100 之间的整数作为目标覆盖率' }).waitFor();
  await app.id('coverage-goal-percent').fill('40');
  await app.id('coverage-goal-by').fill('2019-06-30');
  await app.id('coverage-goal-save').click();
  await app.id('coverage-goal-error').filter({ hasText: '目标日期须在本届的起止年份之内' }).waitFor();
  await app.id('coverage-goal-by').fill('2026-12-31');
  await app.id('coverage-goal-save').click();
  await app.saved();
  await app.id('coverage-behind').waitFor({ state: 'detached' });
  await page.reload();
  await app.id('coverage-page').waitFor();
  assert.equal(await app.id('coverage-goal-percent').inputValue(), '40');
  assert.equal(await app.id('coverage-behind').count(), 0);
  await app.go('home');
  await app.id('stat-targets').waitFor();
  assert.equal(await app.id('home-coverage-behind').count(), 0, 'on track for its own goal');

  assert.deepEqual(net.requests, []);
  assert.deepEqual(net.errors, []);
  await browser.close();
});
