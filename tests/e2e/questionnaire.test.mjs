// Questionnaires from file://: design one with every question type, preview it,
// collect three anonymous responses in kiosk mode (leaving it needs the PIN, a
// reload does not leave it), check the tally to the decimal, freeze and version
// the questions, and read the tally workbook back with a reader that is not ours.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { download, launchChromium, readXlsx, saveScreenshot, tempProfile, watch, XunchaPage } from './support.mjs';

/** The designer as a user fills it: one card per question. */
async function addQuestion(app, { text, kind, options, levels, max, required = true }) {
  await app.id('add-question').click();
  const card = app.id('question-card').last();
  await card.getByTestId('question-text').fill(text);
  await card.getByTestId('question-kind').selectOption({ label: kind });
  if (options) await card.getByTestId('question-options').fill(options.join('\n'));
  if (levels) await card.getByTestId('question-levels').fill(levels.join('\n'));
  if (max) await card.getByTestId('question-max').fill(String(max));
  if (!required) await card.getByTestId('question-required').uncheck();
  // Options and levels are read when the field loses focus, as a user moves on.
  await card.getByTestId('question-text').click();
}

/** Answers in the kiosk form: `choices` is {question: [option…]}, `numbers` and `texts` likewise. */
async function answer(app, { choices = {}, numbers = {}, texts = {} }) {
  for (const [q, options] of Object.entries(choices)) {
    for (const o of options) await app.id(`choice-${q}-${o}`).check();
  }
  for (const [q, n] of Object.entries(numbers)) await app.id(`number-${q}`).fill(String(n));
  for (const [q, t] of Object.entries(texts)) await app.id(`text-${q}`).fill(t);
  await app.id('submit-response').click();
  await app.id('kiosk-thanks').waitFor();
  await app.id('next-respondent').click();
}

test('a questionnaire is designed, answered in kiosk mode, tallied exactly, frozen, versioned and exported', async () => {
  const dir = tempProfile('questionnaire-files');
  const profile = tempProfile('questionnaire');
  let browser = await launchChromium(profile);
  let page = await browser.newPage();
  const net = watch(page);
  let app = new XunchaPage(page);
  await app.open();
  await app.setUpOffice('某某县委巡察办');
  await app.bulkTargets(['城关镇'], '乡镇（街道）');

  // Design: a custom questionnaire with every question type.
  await app.go('questionnaires');
  await app.id('field-new-purpose').selectOption({ label: '自定义' });
  await app.id('new-questionnaire').click();
  await app.id('field-title').fill('城关镇群众满意度调查');
  await app.id('field-target').selectOption({ label: '城关镇' });
  await app.id('field-intro').fill('请如实填写。');
  await addQuestion(app, { text: '您的身份', kind: '单选题', options: ['党员干部', '群众'] });
  await addQuestion(app, { text: '存在哪些问题', kind: '多选题', options: ['形式主义', '作风不实', '其他'], max: 2, required: false });
  await addQuestion(app, { text: '意见建议', kind: '文字题', required: false });
  await addQuestion(app, { text: '总体评价', kind: '评分量表', levels: ['好 100', '较好 80', '一般 60', '差 0'] });
  await addQuestion(app, { text: '在本地生活了几年', kind: '数字题' });
  // The free-text question goes last: down twice.
  await app.id('question-card').nth(2).getByTestId('question-down').click();
  await app.id('question-card').nth(3).getByTestId('question-down').click();
  const order = await app.id('question-text').evaluateAll((els) => els.map((e) => e.value));
  assert.deepEqual(order, ['您的身份', '存在哪些问题', '总体评价', '在本地生活了几年', '意见建议']);
  await app.id('save-questionnaire').click();
  await app.id('tab-tally').waitFor();
  assert.match(await app.id('q-version').innerText(), /第 1 版/);

  // The preview shows the form as respondents see it, and refuses an incomplete one.
  await app.id('tab-preview').click();
  assert.equal(await app.page.locator('[data-testid^="question-"]').filter({ has: app.page.locator('legend') }).count(), 5);
  assert.match(await app.id('anonymous-note').innerText(), /不记名/);
  await app.id('submit-response').click();
  await app.id('answer-errors').waitFor();
  assert.match(await app.id('question-0').innerText(), /此题必答/);

  // Collect: ten forms handed out, then kiosk mode with a PIN.
  await app.id('tab-collect').click();
  await app.id('field-hand-target').selectOption({ label: '总体' });
  await app.id('field-handed_out').fill('10');
  await app.id('save-handed-out').click();
  await app.id('handed-out-list').filter({ hasText: '总体：10' }).waitFor();
  await app.id('kiosk-new-pin').fill('2468');
  await app.id('kiosk-new-pin-again').fill('2469');
  await app.id('start-kiosk').click();
  assert.match(await app.id('kiosk-error').innerText(), /不一致/);
  await app.id('kiosk-new-pin-again').fill('2468');
  await app.id('start-kiosk').click();
  await app.id('kiosk').waitFor();
  assert.equal(await app.id('nav-home').count(), 0, 'nothing of the app is reachable');
  assert.match(await app.id('form-title').innerText(), /城关镇群众满意度调查/);

  // An incomplete form is refused and keeps what was ticked.
  await app.id('choice-0-1').check();
  await app.id('submit-response').click();
  await app.id('answer-errors').waitFor();
  assert.ok(await app.id('choice-0-1').isChecked());
  await answer(app, { choices: { 1: [0, 1], 2: [1] }, numbers: { 3: 10 } });
  await answer(app, { choices: { 0: [0], 1: [1], 2: [0] }, numbers: { 3: 5 }, texts: { 4: '加强村务公开' } });

  // Neither a link nor a reload leaves kiosk mode.
  await page.evaluate(() => { location.hash = '#/exchange'; });
  await app.id('kiosk').waitFor();
  await page.reload();
  await app.id('kiosk').waitFor();
  await answer(app, { choices: { 0: [1], 2: [3] }, numbers: { 3: 3 }, texts: { 4: '<b>无</b>' } });
  assert.equal(await app.id('choice-0-1').isChecked(), false, 'the next person gets a blank form');

  await app.id('kiosk-exit').click();
  await app.id('kiosk-pin').fill('1111');
  await app.id('kiosk-unlock').click();
  await app.id('kiosk-wrong-pin').waitFor();
  await app.id('kiosk').waitFor();
  await app.id('kiosk-pin').fill('2468');
  await app.id('kiosk-unlock').click();
  await app.id('tab-tally').waitFor();

  // The tally, exactly.
  await app.id('tab-tally').click();
  assert.match(await app.id('tally-summary').innerText(), /发放 10 份，回收 3 份，回收率 30\.0%/);
  const q = (i) => app.id(`tally-q-${i}`);
  assert.match(await q(0).innerText(), /党员干部\s+1\s+33\.3%[\s\S]*群众\s+2\s+66\.7%/);
  assert.match(await q(1).innerText(), /2 份作答[\s\S]*形式主义\s+1\s+50\.0%[\s\S]*作风不实\s+2\s+100\.0%[\s\S]*其他\s+0\s+0\.0%/);
  assert.match(await q(2).innerText(), /加权得分 60\.0[\s\S]*好\s+1\s+33\.3%[\s\S]*较好\s+1\s+33\.3%[\s\S]*一般\s+0\s+0\.0%[\s\S]*差\s+1\s+33\.3%/);
  assert.match(await q(3).innerText(), /最小 3，最大 10，平均 6\.0/);
  const texts = await q(4).getByTestId('tally-texts').locator('li').allInnerTexts();
  assert.deepEqual(texts.sort(), ['<b>无</b>', '加强村务公开'], 'free text is shown as text, never run');
  await saveScreenshot(page, 'questionnaire-tally');

  // The tally workbook, read by openpyxl.
  const xlsx = await download(app, 'export-tally', dir);
  assert.match(xlsx.name, /^城关镇群众满意度调查-问卷统计-\d{4}-\d{2}-\d{2}\.xlsx$/);
  const book = readXlsx(xlsx.file);
  const rows = book.rows;
  assert.equal(rows[0][0], '城关镇群众满意度调查 问卷统计');
  assert.deepEqual(rows[2], ['题目', '选项', '份数', '百分比', '加权得分']);
  assert.deepEqual(rows[3], ['回收份数', null, 3, '30.0%', '发放 10 份']);
  assert.deepEqual(rows[4], ['1. 您的身份', '党员干部', 1, '33.3%', null]);
  const scale = rows.findIndex((r) => r[0] === '3. 总体评价');
  assert.deepEqual(rows[scale], ['3. 总体评价', '好', 1, '33.3%', '60.0']);
  assert.ok(rows.some((r) => r[1] === '<b>无</b>'), 'each free-text answer on a row of its own');

  // Answered questions are frozen; a new version can change them and starts its own tally.
  await app.id('tab-design').click();
  await app.id('frozen-note').waitFor();
  assert.ok(await app.id('add-question').isDisabled());
  await app.id('new-version').click();
  await app.id('q-version').filter({ hasText: '第 2 版' }).waitFor();
  await app.id('tab-design').click();
  assert.equal(await app.id('frozen-note').count(), 0);
  await app.id('question-card').first().getByTestId('question-text').fill('您的身份（新）');
  await app.id('save-questionnaire').click();
  await app.id('flash').filter({ hasText: '已保存' }).waitFor();
  await app.id('tab-tally').click();
  assert.match(await app.id('tally-summary').innerText(), /回收 0 份/);

  // After a restart, both versions and the three responses are there.
  await browser.close();
  browser = await launchChromium(profile);
  page = await browser.newPage();
  app = new XunchaPage(page);
  await app.open();
  await app.go('questionnaires');
  await app.id('filter-q-target').selectOption({ label: '城关镇' });
  const list = await app.id('questionnaires-table').innerText();
  assert.match(list, /城关镇群众满意度调查\s+自定义\s+1[\s\S]*10\s+3\s+30\.0%/);
  assert.match(list, /城关镇群众满意度调查\s+自定义\s+2/);
  assert.deepEqual(net.requests, []);
  assert.deepEqual(net.errors, []);
  await browser.close();
});

test('respondents answer a questionnaire file in their own browser and the office imports their files at once', async () => {
  const dir = tempProfile('respondent-files');
  const countyBrowser = await launchChromium(tempProfile('q-county'));
  const respondentBrowser = await launchChromium(tempProfile('q-respondent'));
  const county = new XunchaPage(await countyBrowser.newPage());
  const respondent = new XunchaPage(await respondentBrowser.newPage());
  const nets = [watch(county.page), watch(respondent.page)];

  await county.open();
  await county.setUpOffice('某某县委巡察办');
  await county.go('questionnaires');
  await county.id('field-new-purpose').selectOption({ label: '纪律作风后评估' });
  await county.id('new-questionnaire').click();
  await county.id('save-questionnaire').click();
  await county.id('tab-collect').click();
  await county.id('field-hand-target').selectOption({ label: '总体' });
  await county.id('field-handed_out').fill('4');
  await county.id('save-handed-out').click();
  await county.id('handed-out-list').filter({ hasText: '总体：4' }).waitFor();
  const blank = await download(county, 'export-questionnaire', dir);
  assert.match(blank.name, /^巡察-[^-]+-巡察组纪律作风后评估问卷-\d{4}-\d{2}-\d{2}\.json$/);

  // A respondent with no office set up opens the file and answers twice (two people).
  await respondent.open();
  await respondent.id('to-answer').click();
  await respondent.id('answer-file').setInputFiles([blank.file]);
  await respondent.id('form-title').filter({ hasText: '巡察组纪律作风后评估问卷' }).waitFor();
  assert.match(await respondent.id('anonymous-note').innerText(), /不记名/);
  const files = [];
  for (const level of [0, 1]) {
    for (const [q, o] of [[0, level], [1, 0], [2, 0], [3, 0], [4, 0]]) await respondent.id(`choice-${q}-${o}`).check();
    const saved = await download(respondent, 'submit-response', dir);
    assert.match(saved.name, /^问卷答卷-巡察组纪律作风后评估问卷-\d{4}-\d{2}-\d{2}-[0-9a-f]{8}\.json$/);
    await respondent.id('answer-saved').waitFor();
    const text = fs.readFileSync(saved.file, 'utf8');
    assert.doesNotMatch(text, /某某县委巡察办/, 'the response names no office');
    assert.match(JSON.parse(text).exported_at, /T00:00:00/, 'no time finer than the day');
    files.push(saved.file);
  }
  assert.notEqual(files[0], files[1]);
  await respondent.page.goto(respondent.page.url().replace(/#.*$/, '#/'));
  await respondent.id('setup').waitFor();

  // The office picks both files at once and imports them as one.
  await county.pickImport(files);
  await county.page.locator('[data-testid="import-preview"]').nth(1).waitFor();
  await county.id('combine-imports').click();
  await county.page.locator('[data-testid="import-preview"]').filter({ hasText: '2 个文件' }).waitFor();
  assert.equal(await county.id('import-preview').count(), 1);
  assert.match(await county.id('preview-counts').innerText(), /答卷\s+2\s+0\s+0\s+0\s+0/);
  await county.id('apply-import').click();
  await county.id('flash').filter({ hasText: '导入完成：新增 2 条' }).waitFor();

  // The same files again change nothing: a response is never counted twice.
  await county.pickImport(files);
  await county.page.locator('[data-testid="import-preview"]').nth(1).waitFor();
  await county.id('combine-imports').click();
  const combined = county.page.locator('[data-testid="import-preview"]').filter({ hasText: '2 个文件' });
  await combined.getByTestId('preview-noop').waitFor();
  assert.equal(await county.id('import-preview').count(), 1);
  await combined.getByTestId('discard-import').click();

  await county.go('questionnaires');
  await county.id('questionnaires-table').getByRole('link', { name: '巡察组纪律作风后评估问卷' }).click();
  await county.id('tab-tally').click();
  assert.match(await county.id('tally-summary').innerText(), /发放 4 份，回收 2 份，回收率 50\.0%/);
  assert.match(await county.id('tally-q-0').innerText(), /加权得分 90\.0/);
  for (const net of nets) {
    assert.deepEqual(net.requests, []);
    assert.deepEqual(net.errors, []);
  }
  await countyBrowser.close();
  await respondentBrowser.close();
});

test('returned paper forms are printed with boxes, entered by keyboard alone or as counts, and tallied', async () => {
  const browser = await launchChromium(tempProfile('q-paper'));
  const app = new XunchaPage(await browser.newPage());
  const net = watch(app.page);
  await app.open();
  await app.setUpOffice('某某县委巡察办');
  await app.go('questionnaires');
  await app.id('field-new-purpose').selectOption({ label: '纪律作风后评估' });
  await app.id('new-questionnaire').click();
  await app.id('save-questionnaire').click();

  // On paper every option has a box to tick and the screen's radio buttons are gone.
  await app.id('tab-preview').click();
  await app.page.emulateMedia({ media: 'print' });
  const box = await app.page.locator('.choice .box').first().evaluate((e) => getComputedStyle(e).display);
  const radio = await app.id('choice-0-0').evaluate((e) => getComputedStyle(e).display);
  assert.notEqual(box, 'none', 'a box to tick');
  assert.equal(radio, 'none');
  assert.equal(await app.id('nav-home').isVisible(), false, 'the page prints the form alone');
  // Marks that mean nothing on paper are left off: the required asterisk, the "only the day" note.
  assert.equal(await app.page.locator('.required').first().isVisible(), false);
  assert.equal(await app.id('anonymous-note').isVisible(), false);
  await app.page.getByText('本问卷不记名。').waitFor();
  await app.page.emulateMedia({ media: 'screen' });

  // Two forms by keyboard: digits tick, Enter moves on, Enter on the last saves.
  await app.id('tab-collect').click();
  await app.id('paper-entry-start').click();
  await app.page.locator("#paper-field-0:focus").waitFor();
  for (const key of ['1', 'Enter', '2', 'Enter', '1', 'Enter', '3', 'Enter', '1', 'Enter']) await app.page.keyboard.press(key);
  await app.page.keyboard.type('作风扎实');
  await app.page.keyboard.press('Enter');
  await app.id('paper-entered').filter({ hasText: '已录入 1 份' }).waitFor();
  // The second form left the first scale blank; a wrong digit is taken back with Backspace.
  for (const key of ['Enter', '3', 'Backspace', '4', 'Enter', '2', 'Enter', '2', 'Enter', '2', 'Enter', 'Enter']) await app.page.keyboard.press(key);
  await app.id('paper-entered').filter({ hasText: '已录入 2 份' }).waitFor();

  // A batch of ten forms entered as counts only.
  await app.id('paper-batch-start').click();
  await app.id('field-forms').fill('10');
  await app.id('batch-count-0-0').fill('6');
  await app.id('batch-count-0-1').fill('5');
  await app.id('save-batch').click();
  await app.id('form-errors').filter({ hasText: '勾选数不能超过表格份数' }).waitFor();
  await app.id('batch-count-0-1').fill('4');
  await app.id('save-batch').click();
  await app.id('paper-batch').filter({ hasText: '10 份' }).waitFor();

  await app.id('tab-tally').click();
  assert.match(await app.id('tally-summary').innerText(), /回收 12 份/);
  const scale = await app.id('tally-q-0').innerText();
  assert.match(scale, /11 份作答/, 'the blank first scale of form two is not counted');
  assert.match(scale, /加权得分 92\.7/);
  assert.match(scale, /好\s+7\s+63\.6%[\s\S]*较好\s+4\s+36\.4%/);
  assert.match(await app.id('tally-q-1').innerText(), /较好\s+1[\s\S]*差\s+1/);
  assert.deepEqual((await app.id('tally-q-5').getByTestId('tally-texts').locator('li').allInnerTexts()), ['作风扎实']);

  // 测评汇总: votes per level and the 好和较好率 of each item and of all together.
  const summary = app.id('rating-summary');
  assert.match(await summary.locator('thead').innerText(), /测评项目[\s\S]*好[\s\S]*较好[\s\S]*一般[\s\S]*差[\s\S]*有效票数[\s\S]*好和较好率/);
  const lines = await summary.locator('tbody tr').allInnerTexts();
  assert.match(lines[0], /^1\s+1\. 巡察组成员的纪律执行情况\s+7\s+4\s+0\s+0\s+11\s+100\.0%$/);
  assert.match(lines[1], /^2\s+2\. 巡察组的工作作风\s+0\s+1\s+0\s+1\s+2\s+50\.0%$/);
  assert.match(lines[2], /总体\s+7\s+5\s+0\s+1\s+13\s+92\.3%$/);
  await app.page.emulateMedia({ media: 'print' });
  assert.ok(await summary.isVisible(), 'printed with the tally');
  await saveScreenshot(app.page, 'questionnaire-rating-print');
  await app.page.emulateMedia({ media: 'screen' });
  const xlsx = await download(app, 'export-tally', tempProfile('q-paper-files'));
  await app.id('flash').filter({ hasText: xlsx.name }).waitFor();
  const book = readXlsx(xlsx.file);
  assert.deepEqual(book.sheets, ['问卷统计', '测评汇总']);
  const tab = book.tabs['测评汇总'];
  assert.equal(tab[0][0], '巡察组纪律作风后评估问卷 测评汇总');
  assert.deepEqual(tab[2], ['序号', '测评项目', '好', '较好', '一般', '差', '有效票数', '好和较好率']);
  assert.deepEqual(tab[3], [1, '1. 巡察组成员的纪律执行情况', 7, 4, 0, 0, 11, '100.0%']);
  assert.deepEqual(tab[5].slice(1), ['总体', 7, 5, 0, 1, 13, '92.3%']);
  assert.deepEqual(net.errors, []);
  await browser.close();
});
