// Text typed by anyone goes out to spreadsheets safely: CSV cells that a
// spreadsheet would run as formulas are written as text, and a text longer than
// one Excel cell holds is cut with a note instead of failing the whole export.
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

test('formula-like text goes to CSV as text, and a text over an Excel cell is cut with a note', async () => {
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

  // A clue summary of 40,000 characters: the workbook cell is cut and says so.
  await app.id('tab-clues').click();
  await app.id('new-clue').click();
  const clue = app.id('clue-form');
  await clue.getByTestId('field-round').selectOption({ label: '十五届县委第一轮巡察' });
  await clue.getByTestId('field-target').selectOption({ label: '城关镇' });
  await clue.getByTestId('field-summary').fill('长'.repeat(40_000));
  await clue.getByTestId('save').click();
  await clue.waitFor({ state: 'detached' });
  const book = readXlsx((await download(app, 'export-xlsx', dir)).file);
  const long = book.rows.flat().find((v) => typeof v === 'string' && v.startsWith('长长长'));
  assert.equal([...long].length, 32_767);
  assert.ok(long.endsWith('全文共 40000 字）'), long.slice(-30));
  assert.match(await app.id('flash').innerText(), /1 个单元格的文字超出 Excel 上限，已截短/);
  assert.deepEqual(net.requests, []);
  assert.deepEqual(net.errors, []);
  await browser.close();
});
