// A county's years of data arrive as one backup of more than 50,000 records: the
// import shows its progress, the page keeps painting while it works, everything
// lands, survives a restart, and importing it again changes nothing. A file too
// large to read is refused before it is read, and the database stays as it was.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { launchChromium, ROOT, saveScreenshot, tempProfile, watch, XunchaPage } from './support.mjs';

const LONG = { timeout: 300_000 };

/** Generates a county backup with the project's own generator; returns its file and counts. */
function generate(dir, scale) {
  const file = path.join(dir, `county-x${scale}.json`);
  const out = execFileSync('cargo', ['run', '--locked', '--quiet', '-p', 'xuncha-cli', '--', 'gen', '--scale', String(scale), '--seed', '5', '-o', file], { cwd: ROOT, encoding: 'utf8' });
  const n = (label) => Number(new RegExp(`${label} (\\d+)`).exec(out)?.[1]);
  const records = JSON.parse(fs.readFileSync(file, 'utf8')).records;
  const total = Object.values(records).reduce((sum, list) => sum + list.length, 0);
  return { file, total, problems: n('问题'), rectifications: n('整改'), clues: n('线索') };
}

/**
 * Records, once per painted frame, what the progress line says. Frames that show
 * different stages of the work prove the page painted while it worked.
 */
async function watchFrames(page) {
  await page.evaluate(() => {
    window.__frames = [];
    const frame = () => {
      const text = document.querySelector('[data-testid="import-progress-text"]')?.textContent;
      const bar = document.querySelector('[data-testid="import-progress"] progress');
      if (text) window.__frames.push({ text, value: bar?.value ?? 0, max: bar?.max ?? 0 });
      requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
  });
}

const framesSeen = (page) => page.evaluate(() => window.__frames);

test('a backup of more than 50,000 records imports with progress, keeps the page painting, and survives a restart', LONG, async () => {
  const dir = tempProfile('big-files');
  const county = generate(dir, 0.5);
  assert.ok(county.total > 50_000, `the backup holds ${county.total} records`);

  const profile = tempProfile('big');
  let browser = await launchChromium(profile);
  let page = await browser.newPage();
  let net = watch(page);
  let app = new XunchaPage(page);
  await app.open();
  await app.setUpOffice('某某县委巡察办');
  await app.go('exchange');
  await watchFrames(page);
  await app.id('import-file').setInputFiles([county.file]);
  await app.id('import-preview').waitFor(LONG);

  const checking = (await framesSeen(page)).filter((f) => f.text.startsWith('正在检查'));
  const stages = new Set(checking.map((f) => f.value));
  assert.ok(stages.size >= 2, `frames were painted at ${stages.size} points of the check: ${JSON.stringify(checking.slice(0, 5))}`);
  assert.ok(checking.some((f) => f.value > 0 && f.value < f.max), 'a frame shows the check part-way through');
  assert.ok(checking.every((f) => f.max === county.total || f.max === 1), 'the bar counts the records of the file');

  const counts = await app.id('preview-counts').innerText();
  assert.match(counts, new RegExp(`问题\\s+${county.problems}\\s+0\\s+0\\s+0\\s+0`));
  assert.match(counts, new RegExp(`整改\\S*\\s+${county.rectifications}\\s+0\\s+0\\s+0\\s+0`));
  assert.match(counts, new RegExp(`线索\\S*\\s+${county.clues}\\s+0\\s+0\\s+0\\s+0`));

  await page.evaluate(() => { window.__frames = []; });
  await app.id('apply-import').click();
  await app.id('flash').filter({ hasText: `导入完成：新增 ${county.total} 条` }).waitFor(LONG);
  const writing = (await framesSeen(page)).filter((f) => f.text.startsWith('正在写入'));
  assert.ok(writing.length > 0, 'the writing stage was painted');
  assert.ok(writing.every((f) => f.max === county.total), 'the bar counts every record written');

  await app.go('home');
  await app.id('stat-problems').filter({ hasText: String(county.problems) }).waitFor();
  await saveScreenshot(page, 'big-import-home');

  // Exporting it all again shows its progress too, and the file holds every record.
  await page.evaluate(() => { window.__frames = []; });
  await app.go('exchange');
  const [download] = await Promise.all([page.waitForEvent('download', LONG), app.id('export-backup').click()]);
  const exported = path.join(dir, 'export.json');
  await download.saveAs(exported);
  const exporting = (await framesSeen(page)).filter((f) => f.text.startsWith('正在导出'));
  assert.ok(new Set(exporting.map((f) => f.value)).size >= 2, `frames were painted at several points of the export: ${exporting.length}`);
  const back = JSON.parse(fs.readFileSync(exported, 'utf8')).records;
  assert.equal(Object.values(back).reduce((sum, list) => sum + list.length, 0), county.total);
  assert.deepEqual(net.requests, []);
  assert.deepEqual(net.errors, []);

  // After a restart the first page shows its figures while the ledgers are still
  // being read, a ledger opened meanwhile shows how far the reading has come, and
  // then every record is there.
  await browser.close();
  browser = await launchChromium(profile);
  page = await browser.newPage();
  await page.addInitScript(() => {
    window.__opening = [];
    const frame = () => {
      const text = (id) => document.querySelector(`[data-testid="${id}"]`)?.textContent ?? null;
      window.__opening.push({ problems: text('stat-problems'), reading: text('status-reading'), ledger: text('reading-lists') });
      requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
  });
  net = watch(page);
  app = new XunchaPage(page);
  await app.open();
  await app.id('stat-problems').filter({ hasText: String(county.problems) }).waitFor(LONG);
  await app.go('ledger');
  await app.id('ledger-row').first().waitFor(LONG);
  await app.id('ledger-totals').filter({ hasText: String(county.problems) }).waitFor(LONG);
  const opening = await page.evaluate(() => window.__opening);
  assert.ok(
    opening.some((f) => f.problems?.includes(String(county.problems)) && f.reading),
    'the home page showed every problem counted while the ledgers were still being read',
  );
  const reading = opening.filter((f) => f.ledger).map((f) => Number(/(\d+) \//.exec(f.ledger)?.[1]));
  assert.ok(reading.length > 0, 'the ledger said it was still reading');
  assert.ok(reading.every((n, i) => i === 0 || n >= reading[i - 1]), `reading only moves forward: ${reading}`);
  assert.equal(await app.id('status-reading').count(), 0, 'the status line stops saying so once done');

  // The register of hundreds of units is drawn a page at a time.
  await app.go('targets');
  const units = Number(/共 (\d+) 条/.exec(await app.id('list-count').innerText())?.[1]);
  assert.ok(units > 100, `${units} units`);
  assert.equal(await app.id('targets-table').locator('tbody tr').count(), 50);
  assert.equal(await app.id('page-info').innerText(), `第 1 / ${Math.ceil(units / 50)} 页，共 ${units} 条`);
  await app.id('page-next').click();
  assert.match(await app.id('page-info').innerText(), /^第 2 \//);
  await app.go('exchange');
  await app.id('import-file').setInputFiles([county.file]);
  await app.id('preview-noop').waitFor(LONG);
  assert.match(await app.id('preview-counts').innerText(), new RegExp(`问题\\s+0\\s+0\\s+${county.problems}\\s+0\\s+0`));
  assert.deepEqual(net.errors, []);
  await browser.close();
});

test('a 450 MB file is refused before it is read and the database is unchanged', LONG, async () => {
  const dir = tempProfile('huge-files');
  const huge = path.join(dir, 'huge.json');
  // Sparse: 450 MB on paper, nothing on disk.
  fs.closeSync(fs.openSync(huge, 'w'));
  fs.truncateSync(huge, 450 * 1024 * 1024);

  const browser = await launchChromium(tempProfile('huge'));
  const page = await browser.newPage();
  const net = watch(page);
  const app = new XunchaPage(page);
  await app.open();
  await app.setUpOffice('某某县委巡察办');
  await app.addTerm('十五届', 2021, 2026);
  const before = await app.snapshot(dir);
  await app.pickImport([huge]);
  assert.match(await app.id('import-errors').innerText(), /huge\.json.*文件过大（约 450 MB），无法导入。/s);
  assert.equal(await app.id('import-preview').count(), 0);
  assert.deepEqual(await app.snapshot(dir), before);
  assert.deepEqual(net.errors, []);
  await browser.close();
});
