// Documents as a group and the office write them, from file:// at 1366×768: a problem
// entered with its facts and basis gives its 问题底稿, an inspection its 巡察反馈意见 and
// 整改情况报告, a clue its 移交函 (names only when ticked), a letter its 巡察建议书, the
// year its 工作总结. The text is edited before the Word file is written, and the file,
// read back with python-docx, is A4 with the official margins, fonts and page numbers,
// the problems in the order and numbering documents use. A text over the limit is
// named and kept.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { countyOffice, download, readDocx, saveScreenshot, tempProfile } from './support.mjs';

const ROUND = '十五届县委第一轮巡察';

/** Opens a new problem of 县财政局 in the round, with its description and day. */
async function newProblem(app, { description, found }) {
  await app.go('ledger');
  await app.id('tab-problems').click();
  await app.id('new-problem').click();
  const form = app.id('problem-form');
  await form.getByTestId('field-round').selectOption({ label: ROUND });
  await form.getByTestId('field-target').selectOption({ label: '县财政局' });
  await form.getByTestId('field-found_on').fill(found);
  await form.getByTestId('field-description').fill(description);
  return form;
}

/** Records a problem with its 底稿 fields. */
async function addProblem(app, { description, facts, basis, focus, found }) {
  const form = await newProblem(app, { description, found });
  if (facts) await form.getByTestId('field-facts').fill(facts);
  if (basis) await form.getByTestId('field-basis').fill(basis);
  await form.getByTestId('field-focus').selectOption({ label: focus });
  await form.getByTestId('save').click();
  await form.waitFor({ state: 'detached' });
}

test('every document is written from the ledgers, edited, and saved as a Word file in the official layout: working papers, feedback, report, transfer, letter and summary', async () => {
  const dir = tempProfile('documents-files');
  const { browser, page, net, app } = await countyOffice('documents');
  await app.bulkTargets(['县财政局'], '县直政府部门');
  await (await app.fillRound({ start: '2026-03-01', end: '2026-05-31' })).waitFor({ state: 'detached' });
  await app.openRound(ROUND);
  await app.addGroup('张三', '李四');
  await app.assign('第一巡察组', ['县财政局']);

  // A 事实依据 over the limit is named and nothing typed is lost.
  const form = await newProblem(app, { description: '落实过紧日子要求不到位', found: '2026-03-20' });
  const long = '超'.repeat(4001);
  await form.getByTestId('field-facts').fill(long);
  await form.getByTestId('save').click();
  await form.getByTestId('form-errors').filter({ hasText: '事实依据不能超过 4000 字。' }).waitFor();
  assert.equal((await form.getByTestId('field-facts').inputValue()).length, 4001, 'the text is kept');
  assert.equal(await form.getByTestId('field-description').inputValue(), '落实过紧日子要求不到位');
  await form.getByTestId('field-facts').fill('2025年公务接待费同比增长38%。');
  await form.getByTestId('save').click();
  await form.waitFor({ state: 'detached' });
  await addProblem(app, {
    description: '违规发放津贴补贴',
    facts: '2025年以加班费名义发放补贴12.6万元。',
    basis: '违反《中国共产党纪律处分条例》第一百零四条。',
    focus: '群众身边腐败问题和不正之风',
    found: '2026-04-02',
  });
  await addProblem(app, { description: '预算绩效管理流于形式', focus: '贯彻落实党的路线方针政策和党中央决策部署', found: '2026-04-15' });

  // 底稿 of one problem, from its ledger row; the basis is written in before saving.
  await app.ledgerRow('违规发放津贴补贴').getByTestId('row-draft').click();
  await app.id('doc-heading').filter({ hasText: '问题底稿' }).waitFor();
  const paras = app.id('doc-para');
  const texts = await paras.evaluateAll((boxes) => boxes.map((b) => b.value));
  assert.equal(texts[0], '巡察发现问题底稿');
  assert.ok(texts.includes('被巡察单位：县财政局党组'), texts.join('\n'));
  assert.ok(texts.includes('2025年以加班费名义发放补贴12.6万元。'), texts.join('\n'));
  assert.ok(texts.some((t) => t.startsWith('组长（签字）：张三')), texts.join('\n'));
  const basis = texts.indexOf('违反《中国共产党纪律处分条例》第一百零四条。');
  await paras.nth(basis).fill('违反《中国共产党纪律处分条例》第一百零四条和县财政局有关规定。');
  await page.setViewportSize({ width: 1366, height: 768 });
  await saveScreenshot(page, 'document-draft');
  const draft = await download(app, 'doc-download', dir);
  assert.equal(draft.name, '问题底稿-县财政局-十五届县委第一轮巡察.docx');
  await app.id('flash').filter({ hasText: '已生成 Word 文件' }).waitFor();
  const paper = readDocx(draft.file);
  assert.deepEqual(
    [paper.page.width_mm, paper.page.height_mm, paper.page.top_mm, paper.page.bottom_mm, paper.page.left_mm, paper.page.right_mm],
    [210, 297, 37, 35, 28, 26],
  );
  const styleOf = (doc, text) => doc.paragraphs.find((p) => p.text === text);
  assert.equal(styleOf(paper, '巡察发现问题底稿').east_asia, '方正小标宋简体');
  assert.equal(styleOf(paper, '巡察发现问题底稿').size, 22);
  assert.equal(styleOf(paper, '一、问题描述').east_asia, '黑体');
  const edited = styleOf(paper, '违反《中国共产党纪律处分条例》第一百零四条和县财政局有关规定。');
  assert.ok(edited, 'the edit is in the file');
  assert.equal(edited.east_asia, '仿宋_GB2312');
  assert.equal(edited.size, 16);
  assert.equal(paper.footer_odd, '— 1 —');
  assert.ok(paper.odd_and_even, 'odd and even pages have their own page numbers');
  assert.match(paper.footer_odd_align, /RIGHT/);
  assert.match(paper.footer_even_align, /LEFT/);

  // 恢复原文 asks before dropping the edit, then gives the text as the ledgers have it;
  // again without edits, it asks nothing. The page stays alive (no error is logged).
  page.once('dialog', (d) => d.accept());
  await app.id('doc-reset').click();
  const restored = '违反《中国共产党纪律处分条例》第一百零四条。';
  await page.waitForFunction((t) => [...document.querySelectorAll('[data-testid="doc-para"]')].some((b) => b.value === t), restored);
  await app.id('doc-reset').click();
  await page.waitForFunction((t) => [...document.querySelectorAll('[data-testid="doc-para"]')].some((b) => b.value === t), restored);
  await paras.nth(basis).fill('改了又恢复');
  assert.equal(await app.id('doc-paper').locator('p').nth(basis).textContent(), '改了又恢复', 'the print copy follows the edit');

  // The feedback of the inspection, from the round page: the 三个聚焦 in their order.
  await app.openRound(ROUND);
  await app.group('第一巡察组').getByTestId('inspection-row').filter({ hasText: '县财政局' }).getByTestId('open-feedback').click();
  await app.id('doc-heading').filter({ hasText: '巡察反馈意见' }).waitFor();
  await saveScreenshot(page, 'document-feedback');
  const feedback = readDocx((await download(app, 'doc-download', dir)).file);
  const lines = feedback.paragraphs.map((p) => p.text);
  assert.equal(lines[0], '县委第一巡察组关于巡察县财政局党组的反馈意见');
  assert.equal(lines[1], '县财政局党组：');
  const order = [
    '一、巡察发现的主要问题',
    '（一）贯彻落实党的路线方针政策和党中央决策部署方面',
    '1．落实过紧日子要求不到位。2025年公务接待费同比增长38%。',
    '2．预算绩效管理流于形式。',
    '（二）群众身边腐败问题和不正之风方面',
    '1．违规发放津贴补贴。2025年以加班费名义发放补贴12.6万元。',
    '二、整改意见和建议',
    '三、整改要求',
  ];
  const at = order.map((line) => lines.indexOf(line));
  assert.ok(at.every((i, k) => i > 0 && (k === 0 || i > at[k - 1])), `${JSON.stringify(at)}\n${lines.join('\n')}`);
  assert.ok(lines.some((l) => l.includes('在收到反馈意见后2个月内')), lines.join('\n'));
  assert.equal(feedback.paragraphs.find((p) => p.text.startsWith('（一）')).east_asia, '楷体_GB2312');

  // All the unit's papers in one file, a page each.
  await app.page.goBack();
  await app.group('第一巡察组').getByTestId('inspection-row').filter({ hasText: '县财政局' }).getByTestId('open-drafts').click();
  await app.id('doc-heading').filter({ hasText: '问题底稿' }).waitFor();
  const all = readDocx((await download(app, 'doc-download', dir)).file);
  assert.equal(all.paragraphs.filter((p) => p.text === '巡察发现问题底稿').length, 3);
  assert.equal(all.paragraphs.filter((p) => p.page_break).length, 2);

  // The unit's 整改情况报告: each problem with what its rectification says.
  await app.page.goBack();
  await app.group('第一巡察组').getByTestId('inspection-row').filter({ hasText: '县财政局' }).getByTestId('open-report').click();
  await app.id('doc-heading').filter({ hasText: '整改情况报告' }).waitFor();
  const report = readDocx((await download(app, 'doc-download', dir)).file).paragraphs.map((p) => p.text);
  assert.equal(report[0], '县财政局党组关于十五届县委第一轮巡察反馈意见整改情况的报告');
  assert.ok(report.includes('1．关于“违规发放津贴补贴”的问题。'), report.join('\n'));

  // A clue sent to the 纪委监委: its 移交函, with the names only when ticked.
  await app.go('ledger');
  await app.id('tab-clues').click();
  await app.id('new-clue').click();
  const clue = app.id('clue-form');
  await clue.getByTestId('field-round').selectOption({ label: ROUND });
  await clue.getByTestId('field-target').selectOption({ label: '县财政局' });
  await clue.getByTestId('field-summary').fill('某股长违规收受礼金');
  await clue.getByTestId('field-cadres').fill('1');
  await clue.getByTestId('field-names').fill('赵某某');
  await clue.getByTestId('field-transferred_on').fill('2026-05-08');
  await clue.getByTestId('save').click();
  await clue.waitFor({ state: 'detached' });
  await app.ledgerRow('某股长违规收受礼金').getByTestId('row-transfer').click();
  await app.id('doc-heading').filter({ hasText: '问题线索移交函' }).waitFor();
  const unnamed = readDocx((await download(app, 'doc-download', dir)).file).paragraphs.map((p) => p.text);
  assert.equal(unnamed[1], '县纪委监委：');
  assert.ok(unnamed.some((l) => l.startsWith('1．县财政局党组：某股长违规收受礼金')), unnamed.join('\n'));
  assert.ok(!unnamed.join('').includes('赵某某'), 'names only when asked');
  await app.id('doc-names').check();
  // A text box shows its text as its value, not as content.
  await page.waitForFunction(() => [...document.querySelectorAll('[data-testid="doc-para"]')].some((b) => b.value.includes('赵某某')));
  const named = readDocx((await download(app, 'doc-download', dir)).file).paragraphs.map((p) => p.text);
  assert.ok(named.join('').includes('涉及人员：赵某某。'), named.join('\n'));

  // A 巡察建议书 to the department, with the problems it lists.
  await app.go('ledger');
  await app.id('tab-letters').click();
  await app.id('new-letter').click();
  const letter = app.id('letter-form');
  await letter.getByTestId('field-round').selectOption({ label: ROUND });
  await letter.getByTestId('field-addressee').fill('县财政局');
  await letter.getByTestId('field-sector').fill('财政资金管理');
  // The letter offers the 共性 problems first; these are each a unit's own.
  await letter.getByRole('checkbox', { name: '只列共性问题' }).uncheck();
  await letter.getByTestId('letter-problem').first().check();
  await letter.getByTestId('save').click();
  await letter.waitFor({ state: 'detached' });
  await app.ledgerRow('县财政局').getByTestId('row-letter').click();
  await app.id('doc-heading').filter({ hasText: '巡察建议书' }).waitFor();
  const advice = readDocx((await download(app, 'doc-download', dir)).file).paragraphs.map((p) => p.text);
  assert.equal(advice[0], '关于财政资金管理存在问题的巡察建议书');
  assert.ok(advice.includes('一、发现的主要问题') && advice.includes('二、意见建议'), advice.join('\n'));

  // The year's 工作总结 from the statistics page, its figures in the summaries' phrasing.
  await app.go('stats');
  await app.id('stats-summary-doc').click();
  await app.id('doc-heading').filter({ hasText: '巡察工作总结' }).waitFor();
  const summary = readDocx((await download(app, 'doc-download', dir)).file).paragraphs.map((p) => p.text);
  assert.equal(summary[0], '2026年度巡察工作总结');
  assert.ok(summary.some((l) => l.includes('方面问题3个')), summary.join('\n'));
  await saveScreenshot(page, 'document-summary');

  // On paper: the document alone, in the official layout.
  await page.emulateMedia({ media: 'print' });
  assert.equal(await app.id('doc-editor').isVisible(), false);
  assert.equal(await app.id('doc-paper').isVisible(), true);
  await saveScreenshot(page, 'document-print');
  await page.emulateMedia({ media: 'screen' });
  assert.deepEqual(net.requests, [], 'no network request');
  assert.deepEqual(net.errors, []);
  await browser.close();
});
