// Ledgers the office kept in Excel and WPS come in from file:// at 1366×768: a workbook
// with an instructions sheet, a title, a header over two rows, units merged down,
// section headings, date cells and dates as text, a 合计 row and notes; and a GBK CSV
// of clues. Columns are matched by their headings and corrected by hand, the bad row is
// named by row, column and reason, the good rows are previewed and written as one
// import with one undo, the same sheet again adds nothing, and the ledger exported
// afterwards holds what the sheet said, cell by cell.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { ROOT, countyOffice, download, readXlsx, saveScreenshot, tempProfile } from './support.mjs';

const ROUND = '十五届县委第一轮巡察';

function makeLedgers(dir) {
  const env = { ...process.env, PYTHONPATH: path.join(ROOT, 'tests', 'e2e', '.python') };
  const script = path.join(ROOT, 'tests', 'e2e', 'tools', 'make_ledgers.py');
  return JSON.parse(execFileSync('python3', [script, dir], { env, encoding: 'utf8' }));
}

/** Picks a file in the sheet import and waits for its columns. */
async function pickSheet(app, file) {
  await app.id('sheet-file').setInputFiles(file);
  await app.id('sheet-columns').waitFor();
}

async function check(app) {
  // A dead page says why in its panic panel: put that in the failure rather than a timeout.
  const panic = app.page.getByTestId('panic-panel');
  if (await panic.count()) throw new Error(`the page panicked: ${await panic.evaluate((e) => e.textContent)}`);
  await app.id('sheet-check').click();
  await app.id('sheet-counts').waitFor();
  return app.id('sheet-counts').innerText();
}

test('an Excel ledger and a GBK clue list come in with their columns matched, bad rows named and nothing twice', async () => {
  const dir = tempProfile('sheet-files');
  const files = makeLedgers(dir);
  const { browser, page, net, app } = await countyOffice('sheet-import');
  await app.bulkTargets(['县财政局'], '县直政府部门');
  await app.bulkTargets(['城关镇'], '乡镇（街道）');
  await app.bulkTargets(['东关村'], '村', '城关镇');
  await (await app.fillRound({ start: '2026-03-01', end: '2026-05-31' })).waitFor({ state: 'detached' });
  await app.openRound(ROUND);
  await app.addGroup('张三', '李四');
  await app.assign('第一巡察组', ['县财政局', '东关村']);
  for (const unit of ['县财政局', '东关村']) {
    const panel = await app.openInspection('第一巡察组', unit);
    await panel.getByTestId('field-entry').fill('2026-03-05');
    await panel.getByTestId('field-feedback').fill('2026-05-10');
    await panel.getByTestId('save-inspection').click();
    await panel.waitFor({ state: 'detached' });
  }

  // Not a spreadsheet: said with the file's name, nothing else happens.
  await app.go('exchange');
  const bogus = path.join(dir, '照片.xlsx');
  (await import('node:fs')).writeFileSync(bogus, Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]));
  await app.id('sheet-file').setInputFiles(bogus);
  await app.id('sheet-error').filter({ hasText: '照片.xlsx' }).filter({ hasText: '无法读取' }).waitFor();

  // The workbook: the sheet with a header is chosen, its two-row header read.
  await pickSheet(app, files.rect);
  assert.equal(await app.id('sheet-which').inputValue(), '1', 'the sheet with a ledger, not the instructions');
  assert.match(await app.id('sheet-found').innerText(), /表头在第 2 行，数据从第 4 行起/);
  const fields = await app.id('sheet-columns').locator('select').evaluateAll((ss) =>
    ss.map((s) => s.options[s.selectedIndex].textContent));
  assert.deepEqual(fields, ['不导入', '巡察对象', '问题描述', '整改措施', '责任单位', '责任人', '整改时限', '整改状态', '不导入']);
  await saveScreenshot(page, 'sheet-columns');
  // The sheet names its round in the title; its section headings give each row's focus.
  assert.equal(await app.id('filter-sheet-round').locator('option:checked').innerText(), ROUND);
  assert.match(await check(app), /共 4 行：可导入 3 行，本机已有 0 行，有错误 1 行。/);
  const refusals = await app.id('sheet-refusal').allInnerTexts();
  assert.deepEqual(refusals, ['第9行 G列“整改情况/完成时限”：“下月底”不是日期（可写作 2026年3月5日、2026.3.5 或 2026/3/5）']);
  assert.match(await app.id('sheet-passed-over').innerText(), /第 4、7、10、12 行/, 'headings, the total and the notes');
  await app.id('import-preview').waitFor();
  await saveScreenshot(page, 'sheet-preview');
  await app.id('import-preview').getByTestId('apply-import').click();
  await app.id('flash').filter({ hasText: '导入完成' }).waitFor();

  // The same rows saved by older Excel (.xls) and by WPS or LibreOffice (.ods) read alike.
  for (const file of [files.xls, files.ods]) {
    await pickSheet(app, file);
    assert.match(await check(app), /共 3 行：可导入 0 行，本机已有 3 行，有错误 0 行。/, file);
  }

  // The same sheet again: nothing new; the corrected row alone would come in.
  await pickSheet(app, files.rect);
  assert.match(await app.id('sheet-remembered').innerText(), /上次同样格式/);
  assert.match(await check(app), /可导入 0 行，本机已有 3 行，有错误 1 行/);
  await app.id('sheet-nothing').waitFor();

  // The clue list in GBK, with a column set by hand and the round chosen.
  await pickSheet(app, files.clues);
  await app.id('sheet-col-0').selectOption({ label: '不导入' });
  assert.equal(await app.id('filter-sheet-round').inputValue(), '', 'a CSV has no title to name its round');
  assert.match(await check(app), /共 2 行：可导入 0 行，本机已有 0 行，有错误 2 行/);
  assert.match((await app.id('sheet-refusal').allInnerTexts())[0], /^第2、3行：表中没有巡察轮次：请在导入时选择轮次$/);
  await app.id('filter-sheet-round').selectOption({ label: ROUND });
  assert.match(await check(app), /共 2 行：可导入 2 行/);
  await saveScreenshot(page, 'sheet-clues');
  await app.id('import-preview').getByTestId('apply-import').click();
  await app.id('flash').filter({ hasText: '导入完成' }).waitFor();

  // What the register and the round lack is named and offered for making, never made silently.
  await pickSheet(app, files.unregistered);
  assert.match(await check(app), /共 2 行：可导入 0 行，本机已有 0 行，有错误 2 行/);
  const offer = app.id('sheet-missing');
  assert.match(await app.id('sheet-unknown-units').innerText(), /表中有 2 个单位不在巡察对象名录中：县审计局党组、大山镇。/);
  await offer.getByTestId('field-sheet-units-kind').selectOption({ label: '县直政府部门' });
  await offer.getByTestId('sheet-make-missing').click();
  const made = app.id('import-preview').filter({ hasText: '据表补建的轮次、单位和巡察情况' });
  await made.waitFor();
  await saveScreenshot(page, 'sheet-make-missing');
  await made.getByTestId('apply-import').click();
  // Two units, the round's group 原台账导入组 and the two units' inspections.
  await app.id('flash').filter({ hasText: '导入完成：新增 5 条' }).waitFor();
  assert.match(await check(app), /共 2 行：可导入 2 行，本机已有 0 行，有错误 0 行/);
  await app.go('targets');
  await app.id('list-count').filter({ hasText: '共 5 条' }).waitFor();
  await app.openRound(ROUND);
  const group = page.getByTestId('group-card').filter({ hasText: '原台账导入组' });
  assert.match(await group.innerText(), /县审计局/);

  // The rectification ledger exported now holds what the sheet said.
  await app.go('ledger');
  await app.id('tab-rectifications').click();
  const xlsx = await download(app, 'export-xlsx', dir);
  const rows = readXlsx(xlsx.file).rows.slice(3);
  const byProblem = Object.fromEntries(rows.map((r) => [r[4], r]));
  assert.deepEqual(Object.keys(byProblem).sort(), ['专项资金闲置', '村务公开不及时', '预算执行进度慢']);
  const head = readXlsx(xlsx.file).rows[2];
  const cell = (problem, name) => byProblem[problem][head.indexOf(name)];
  assert.equal(cell('预算执行进度慢', '巡察对象'), '县财政局');
  assert.equal(cell('预算执行进度慢', '整改措施'), '建立月调度机制');
  assert.equal(cell('预算执行进度慢', '责任人'), '张三');
  assert.deepEqual(cell('预算执行进度慢', '整改时限'), { date: '2026-06-30' });
  assert.equal(cell('预算执行进度慢', '整改状态'), '待核验', 'the unit\'s 已完成 waits for the office to verify it');
  assert.equal(cell('专项资金闲置', '责任单位'), '县财政局', 'a blank unit is the inspected unit');
  assert.deepEqual(cell('专项资金闲置', '整改时限'), { date: '2026-08-31' });
  assert.equal(cell('专项资金闲置', '整改状态'), '整改中');
  assert.equal(cell('村务公开不及时', '乡镇（街道）'), '城关镇');
  assert.deepEqual(cell('村务公开不及时', '整改时限'), { date: '2026-09-30' });
  assert.equal(cell('村务公开不及时', '整改状态'), '未整改');
  await app.id('tab-clues').click();
  await app.id('ledger-table').getByTestId('ledger-row').filter({ hasText: '优亲厚友' }).waitFor();

  // A later version of the ledger moves the items it is further along on, names the
  // column it cannot keep, and leaves the row that is behind this PC as it is.
  await app.go('exchange');
  await pickSheet(app, files.later);
  assert.match(await check(app), /共 3 行：可导入 0 行，本机已有 1 行，有错误 0 行/);
  assert.match(await app.id('sheet-updated').innerText(), /另有 2 行的整改进度比本机新/);
  assert.match(await app.id('sheet-left-out').innerText(), /A列“问题编号”/);
  assert.deepEqual(await app.id('sheet-note').allInnerTexts(), [
    '第4行：表格中的进度（整改中）落后于本机（待核验），以本机为准',
  ]);
  assert.match(await app.id('sheet-status-reading').innerText(), /“已销号”→已销号（1行）、“整改中”→整改中（2行）/);
  // The preview says what each update changes before anything is written.
  const changes = await app.id('import-preview').getByTestId('preview-change').evaluateAll((cells) => cells.map((c) => c.textContent));
  assert.ok(changes.some((c) => c.includes('整改状态：整改中 → 已销号')), changes.join(' | '));
  await app.id('preview-records').locator('summary').click();
  await saveScreenshot(page, 'sheet-later-version');
  await app.id('import-preview').getByTestId('apply-import').click();
  await app.id('flash').filter({ hasText: '更新 2 条' }).waitFor();
  await app.go('ledger');
  await app.id('tab-rectifications').click();
  const later = readXlsx((await download(app, 'export-xlsx', dir)).file).rows.slice(3);
  const status = (rows, problem) => rows.find((r) => r[4] === problem)[head.indexOf('整改状态')];
  assert.equal(status(later, '专项资金闲置'), '已销号');
  assert.equal(status(later, '村务公开不及时'), '整改中');
  assert.equal(status(later, '预算执行进度慢'), '待核验', 'a row behind this PC changes nothing');

  // One undo takes back the last import, the update from the later version, and only it.
  await app.go('exchange');
  page.once('dialog', (d) => d.accept());
  await app.id('undo-import').click();
  await app.id('flash').filter({ hasText: '已撤销' }).waitFor();
  await app.go('ledger');
  await app.id('tab-rectifications').click();
  const undone = readXlsx((await download(app, 'export-xlsx', dir)).file).rows.slice(3);
  assert.equal(status(undone, '专项资金闲置'), '整改中');
  assert.equal(status(undone, '村务公开不及时'), '未整改');
  await app.go('targets');
  await app.id('list-count').filter({ hasText: '共 5 条' }).waitFor();
  await app.go('ledger');
  await app.id('tab-clues').click();
  await app.id('ledger-table').getByTestId('ledger-row').filter({ hasText: '优亲厚友' }).waitFor();
  assert.deepEqual(net.requests, [], 'no request leaves the page');
  assert.deepEqual(net.errors, []);
  await browser.close();
});
