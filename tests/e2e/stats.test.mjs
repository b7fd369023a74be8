// 统计 as a county clerk uses it at year end, from file:// at 1366×768: the year's
// figures, each opening exactly its records; the workbook read back with openpyxl;
// the summary's paragraphs to copy into Word, word for word as the golden file.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { ROOT, countyOffice, download, readXlsx, saveScreenshot, tempProfile } from './support.mjs';

const ROUND = '十五届县委第一轮巡察';

test('the statistics of a year count what was recorded and open the records behind each figure', async () => {
  const dir = tempProfile('stats-files');
  const { browser, page, net, app } = await countyOffice('stats');
  await app.bulkTargets(['城关镇'], '乡镇（街道）');
  await app.bulkTargets(['东村'], '村', '城关镇');
  await app.bulkTargets(['县财政局'], '县直政府部门');
  await (await app.fillRound({ start: '2026-03-01', end: '2026-05-31' })).waitFor({ state: 'detached' });
  await app.openRound(ROUND);
  await app.addGroup('张三', '李四');
  await app.assign('第一巡察组', ['城关镇', '东村', '县财政局']);
  for (const [target, talks, documents] of [['城关镇', '30', '12'], ['县财政局', '25', '40']]) {
    const panel = await app.openInspection('第一巡察组', target);
    await panel.getByTestId('field-talks').fill(talks);
    await panel.getByTestId('field-documents').fill(documents);
    await panel.getByTestId('save-inspection').click();
    await panel.waitFor({ state: 'detached' });
  }

  await app.addProblem({ round: ROUND, target: '城关镇', description: '村务公开不及时', found: '2026-04-10' });
  await app.addProblem({ round: ROUND, target: '东村', description: '集体资金管理混乱', found: '2026-04-11' });
  await app.id('new-problem').click();
  const form = app.id('problem-form');
  await form.getByTestId('field-round').selectOption({ label: ROUND });
  await form.getByTestId('field-target').selectOption({ label: '县财政局' });
  await form.getByTestId('field-focus').selectOption({ label: '群众身边腐败问题和不正之风' });
  await form.getByTestId('field-found_on').fill('2026-04-12');
  await form.getByTestId('field-description').fill('违规发放津补贴');
  await form.getByTestId('save').click();
  await form.waitFor({ state: 'detached' });
  await app.feedBack('违规发放津补贴', { fed: '2026-06-10', measures: '清退违规津补贴', deadline: '2026-08-31' });

  await app.go('stats');
  await app.id('stats-figures').waitFor();
  const figure = async (key) => Number(await app.id(`fig-${key}`).innerText());
  assert.equal(await figure('rounds.total'), 1);
  assert.equal(await figure('rounds.kind.regular'), 1);
  assert.equal(await figure('targets.total'), 3);
  assert.equal(await figure('targets.kind.village'), 1);
  assert.equal(await figure('activities.talks'), 55);
  assert.equal(await figure('activities.documents'), 52);
  assert.equal(await figure('problems.total'), 3);
  assert.equal(await figure('problems.focus.corruption'), 1);
  assert.equal(await figure('rectification.total'), 1);
  assert.equal(await figure('rectification.overdue'), 1);
  // The charts draw the same numbers: problems by focus, each round's rectification.
  const totals = (id) => app.id(id).getByTestId('chart-bar').evaluateAll((bars) => bars.map((b) => Number(b.dataset.total)));
  assert.deepEqual(await totals('chart-focus'), [2, 1, 0]);
  assert.deepEqual(await totals('chart-progress'), [1]);
  await saveScreenshot(page, 'stats');

  // A figure opens its ledger showing exactly its rows; the filter says where it came from.
  await app.id('fig-problems.focus.corruption').click();
  await page.waitForURL(/#\/ledger\/problems$/);
  await app.id('ledger-row').first().waitFor();
  assert.equal(await app.id('ledger-row').count(), 1);
  assert.match(await app.id('ledger-row').innerText(), /违规发放津补贴/);
  assert.match(await app.id('filter-from-stats').innerText(), /轮次开始日期：2026-01-01 – 2026-12-31/);
  await app.go('stats');
  await app.id('fig-rectification.overdue').click();
  await page.waitForURL(/#\/ledger\/rectifications$/);
  await app.id('ledger-row').first().waitFor();
  assert.equal(await app.id('ledger-row').count(), 1);

  // Figures without a ledger list their records on the page, adding up to the figure.
  await app.go('stats');
  await app.id('fig-activities.talks').click();
  const counts = await app.id('stats-list').getByTestId('stats-list-count').allInnerTexts();
  assert.equal(counts.map(Number).reduce((a, b) => a + b, 0), 55);
  await app.id('fig-targets.total').click();
  assert.equal(await app.id('stats-list').getByTestId('stats-list-row').count(), 3);

  // Narrowed to the township: itself and its village.
  await app.id('filter-stats-township').selectOption({ label: '城关镇' });
  await app.id('fig-targets.total').filter({ hasText: '2' }).waitFor();
  assert.equal(await figure('problems.total'), 2);
  // Coming back from a figure's ledger, the same scope is still chosen.
  await app.id('fig-problems.total').click();
  await page.waitForURL(/#\/ledger\/problems$/);
  await app.id('ledger-row').first().waitFor();
  assert.equal(await app.id('ledger-row').count(), 2);
  await app.go('stats');
  assert.equal(await figure('problems.total'), 2, 'still narrowed to 城关镇');
  await app.id('filter-stats-township').selectOption({ label: '全部' });

  // A range the wrong way round, or a year that cannot be, is said, not counted as zero.
  await app.id('stats-by-Range').check();
  await app.id('stats-from').fill('2026-12-31');
  await app.id('stats-to').fill('2026-01-01');
  await app.id('stats-why').filter({ hasText: '截止日期不能早于起始日期' }).waitFor();
  assert.equal(await app.id('stats-figures').count(), 0);
  await app.id('stats-by-Year').check();
  await app.id('stats-year').fill('99999');
  await app.id('stats-why').filter({ hasText: '1949 到 2200' }).waitFor();
  await app.id('stats-year').fill('2026');
  await app.id('stats-figures').waitFor();

  // The workbook, read by openpyxl.
  const xlsx = await download(app, 'stats-export', dir);
  assert.match(xlsx.name, /^某某县委巡察办-巡察工作统计-2026年度-\d{4}-\d{2}-\d{2}\.xlsx$/);
  const book = readXlsx(xlsx.file);
  assert.equal(book.rows[0][0], '某某县委巡察办 巡察工作统计');
  assert.deepEqual(book.rows[2], ['类别', '项目', '数量', '占比']);
  assert.deepEqual(book.rows[3], ['巡察轮次', '开展巡察（轮）', 1, null]);
  assert.ok(book.rows.some((r) => r[1] === '个别谈话（人次）' && r[2] === 55));

  // 复制为文字: the paragraphs as the golden file has them.
  await app.id('stats-copy').click();
  await app.id('flash').filter({ hasText: '已复制' }).waitFor();
  const text = await app.id('stats-text').inputValue();
  const golden = fs.readFileSync(path.join(ROOT, 'tests', 'e2e', 'golden', 'stats-2026.txt'), 'utf8').trimEnd();
  assert.equal(text, golden);

  // The print shows the figures without the controls.
  await page.emulateMedia({ media: 'print' });
  assert.equal(await app.id('stats-copy').isVisible(), false);
  assert.ok(await app.id('stats-figures').isVisible());
  await saveScreenshot(page, 'stats-print');
  await page.emulateMedia({ media: 'screen' });

  assert.deepEqual(net.requests, []);
  assert.deepEqual(net.errors, []);
  await browser.close();
});
