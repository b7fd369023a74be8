// Text typed by anyone goes out to spreadsheets safely: CSV cells that a
// spreadsheet would run as formulas are written as text, and a long text is held
// to the form's limit and reaches the workbook whole.
// Both are read back with readers that are not ours (Python's csv, openpyxl).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { download, launchChromium, readXlsx, tempProfile, watch, XunchaPage } from './support.mjs';

const HOSTILE = ['=1+1', '+SUM(A1:A9)', '-2+3', "@cmd|' /C calc'!A0"];

/** The CSV's rows as Python's csv module reads them. */
function readCsv(file) {
  const script = 'import csv,json,sys\nwith open(sys.argv[1], encoding="utf-8-sig", newline="") as f:\n    print(json.dumps(list(csv.reader(f))))';
  return JSON.parse(execFileSync('python3', ['-c', script, file], { encoding: 'utf8' }));
}

test('formula-like text goes to CSV as text, and a long text is held to its limit and exported whole', async () => {
  const dir = tempProfile('hostile-files');
  const browser = await launchChromium(tempProfile('hostile'));
  const app = new XunchaPage(await browser.newPage());
  const net = watch(app.page);
  await app.open();
  await app.setUpOffice('某某县委巡察办');
  await app.addTerm('十五届', 2021, 2026);
  await app.bulkTargets(['城关镇'], '乡镇（街道）');
  // Never backed up: the reminder asks for one without speaking of days since.
  await app.go('exchange');
  assert.equal(await app.id('backup-status').innerText(), '本机尚未做过完整备份。 建议现在导出一份完整备份。');
  const roundForm = await app.fillRound({ start: '2026-03-01', end: '2026-05-31' });
  await roundForm.waitFor({ state: 'detached' });
  await app.openRound('十五届县委第一轮巡察');
  await app.addGroup('张三', '李四');
  await app.assign('第一巡察组', ['城关镇']);

  await app.go('ledger');
  for (const text of HOSTILE) {
    await app.id('new-problem').click();
    const form = app.id('problem-form');
    await form.getByTestId('field-round').selectOption({ label: '十五届县委第一轮巡察' });
    await form.getByTestId('field-target').selectOption({ label: '城关镇' });
    await form.getByTestId('field-found_on').fill('2026-04-10');
    await form.getByTestId('field-description').fill(text);
    await form.getByTestId('save').click();
    await form.waitFor({ state: 'detached' });
  }
  const csv = readCsv((await download(app, 'export-csv', dir)).file);
  const column = csv[0].indexOf('问题描述');
  assert.ok(column >= 0, csv[0].join(','));
  const cells = csv.slice(1).map((row) => row[column]).sort();
  assert.deepEqual(cells, HOSTILE.map((t) => `'${t}`).sort(), 'each starts with an apostrophe, as text');

  // A clue summary of 40,000 characters is refused by name and kept in the form;
  // at the limit it is saved and reaches the workbook whole. (A longer text can only
  // arrive in another office's file; its cell is cut with a note, checked natively.)
  await app.id('tab-clues').click();
  await app.id('new-clue').click();
  const clue = app.id('clue-form');
  await clue.getByTestId('field-round').selectOption({ label: '十五届县委第一轮巡察' });
  await clue.getByTestId('field-target').selectOption({ label: '城关镇' });
  await clue.getByTestId('field-summary').fill('长'.repeat(40_000));
  await clue.getByTestId('save').click();
  await clue.getByTestId('form-errors').filter({ hasText: '线索摘要不能超过 4000 字' }).waitFor();
  assert.equal((await clue.getByTestId('field-summary').inputValue()).length, 40_000, 'the text is kept');
  await clue.getByTestId('field-summary').fill('长'.repeat(4000));
  await clue.getByTestId('save').click();
  await clue.waitFor({ state: 'detached' });
  const book = readXlsx((await download(app, 'export-xlsx', dir)).file);
  const long = book.rows.flat().find((v) => typeof v === 'string' && v.startsWith('长长长'));
  assert.equal([...long].length, 4000);
  assert.match(await app.id('flash').innerText(), /已导出 1 行/);
  assert.deepEqual(net.requests, []);
  assert.deepEqual(net.errors, []);
  await browser.close();
});
