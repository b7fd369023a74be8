// Two offices exchange files from file://: a county office and a township office,
// each with its own browser profile, as on two PCs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { assertValidExport, launchChromium, saveScreenshot, tempProfile, watch, XunchaPage } from './support.mjs';
import { sealed } from './tools/canonical.mjs';

test('offices exchange files: new records arrive, re-import is harmless, a conflict is resolved and archived, tampering is refused', async () => {
  const dir = tempProfile('files');
  const countyBrowser = await launchChromium(tempProfile('county'));
  const townBrowser = await launchChromium(tempProfile('township'));
  const countyPage = await countyBrowser.newPage();
  const townPage = await townBrowser.newPage();
  const nets = [watch(countyPage), watch(townPage)];
  const county = new XunchaPage(countyPage);
  const town = new XunchaPage(townPage);

  await county.open();
  await county.setUpOffice('某某县委巡察办');
  await county.addTerm('十五届', 2021, 2026);
  await county.bulkTargets(['城关镇'], '乡镇（街道）');
  await county.bulkTargets(['新村', '老村'], '村', '城关镇');
  const first = await county.exportBackup(dir);
  assert.match(first.name, /^巡察台账-完整备份-某某县委巡察办-\d{4}-\d{2}-\d{2}\.json$/);
  assert.match(await county.id('backup-status').innerText(), /上次完整备份：\d{4}-\d{2}-\d{2} \d{2}:\d{2}/);

  await town.open();
  await town.setUpOffice('城关镇纪委', '乡镇（街道）');
  await town.pickImport([first.file]);
  const counts = await town.id('preview-counts').innerText();
  assert.match(counts, /届次\s+1\s+0\s+0\s+0\s+0/);
  assert.match(counts, /巡察对象\s+3\s+0\s+0\s+0\s+0/);
  await town.id('apply-import').click();
  await town.id('flash').filter({ hasText: '导入完成：新增 4 条' }).waitFor();

  // Undo puts the township back exactly as it was; the same file then imports as new again.
  town.page.once('dialog', (d) => d.accept());
  await town.id('undo-import').click();
  await town.id('flash').filter({ hasText: '已撤销上次导入' }).waitFor();
  await town.go('targets');
  assert.match(await town.id('list-count').innerText(), /共 0 条/);
  await town.pickImport([first.file]);
  assert.match(await town.id('preview-counts').innerText(), /巡察对象\s+3\s+0\s+0\s+0\s+0/);
  await town.id('apply-import').click();
  await town.id('flash').filter({ hasText: '导入完成：新增 4 条' }).waitFor();
  await town.go('targets');
  assert.match(await town.id('targets-table').innerText(), /城关镇[\s\S]*老村[\s\S]*新村/);

  // The same file again changes nothing.
  await town.pickImport([first.file]);
  await town.id('preview-noop').waitFor();
  assert.equal(await town.id('apply-import').count(), 0);
  await town.id('discard-import').click();

  // Both offices rename the same village independently.
  await county.renameTarget('新村', '新村（县里改）');
  await town.renameTarget('新村', '新村（乡镇改）');
  const second = await county.exportBackup(dir);
  const before = await town.snapshot(dir);

  // A tampered copy is refused, and nothing changes.
  const tampered = `${dir}/tampered.json`;
  fs.writeFileSync(tampered, fs.readFileSync(second.file, 'utf8').replace('老村', '老村（篡改）'));
  const truncated = `${dir}/truncated.json`;
  const full = fs.readFileSync(second.file);
  fs.writeFileSync(truncated, full.subarray(0, full.length - 200));
  // A workbook and an empty file picked by mistake are named for what they are.
  const workbook = `${dir}/问题台账.xlsx`;
  fs.writeFileSync(workbook, Buffer.concat([Buffer.from('PK\x03\x04'), Buffer.alloc(26), Buffer.from('xl/workbook.xml')]));
  const empty = `${dir}/empty.json`;
  fs.writeFileSync(empty, '');
  // A file with two broken records lists both, not only the first.
  const broken = `${dir}/broken.json`;
  const parsed = JSON.parse(fs.readFileSync(second.file, 'utf8'));
  parsed.records.targets[0].data.name = 5;
  parsed.records.targets[1].data.kind = '城堡';
  fs.writeFileSync(broken, sealed(parsed));
  await town.pickImport([tampered, truncated, workbook, empty, broken]);
  await town.page.waitForFunction(() => document.querySelectorAll('[data-testid="import-error"]').length === 5);
  const errors = await town.id('import-errors').innerText();
  const several = town.id('import-error').filter({ hasText: 'broken.json' });
  assert.match(await several.innerText(), /broken\.json：文件中有 2 处问题，已拒绝导入/);
  const problems = await several.getByTestId('import-problems').locator('li').allInnerTexts();
  assert.equal(problems.length, 2, problems.join('\n'));
  assert.match(problems[0], /第 1 条巡察对象记录.*“名称”有误：应为文字/);
  assert.match(problems[1], /第 2 条巡察对象记录.*“类型”有误：取值“城堡”无法识别/);
  // The two digests of a changed file are there for IT staff, folded away.
  const technical = town.id('import-error').filter({ hasText: 'tampered.json' }).getByTestId('technical-details');
  assert.equal(await technical.locator('pre').isVisible(), false);
  await technical.locator('summary').click();
  assert.match(await technical.innerText(), /文件所载校验码：sha256:[0-9a-f]{64}\s+按内容算得：sha256:[0-9a-f]{64}/);
  await saveScreenshot(townPage, 'import-refusals');
  assert.match(errors, /问题台账\.xlsx：这是 Excel 表格文件，不是数据交换文件/);
  assert.match(errors, /empty\.json：文件是空的/);
  assert.match(errors, /tampered\.json：文件校验失败：内容已被改动或损坏，已拒绝导入/);
  assert.match(errors, /truncated\.json：文件不完整/);
  assert.deepEqual(await town.snapshot(dir), before, 'a refused file changed the database');

  // The real file shows the conflict side by side; the township takes the county's version.
  await town.pickImport([second.file]);
  const conflict = town.id('conflict');
  assert.equal(await conflict.count(), 1);
  assert.match(await conflict.innerText(), /名称\s+新村（乡镇改）\s+新村（县里改）/);
  assert.equal(await town.id('apply-import').isDisabled(), true, 'a conflict needs a decision first');
  await saveScreenshot(townPage, 'import-conflict');
  await conflict.getByTestId('take-incoming').check();
  await town.id('apply-import').click();
  await town.id('flash').filter({ hasText: '处理冲突 1 条' }).waitFor();
  await town.go('targets');
  assert.match(await town.id('targets-table').innerText(), /新村（县里改）/);

  // The losing side is in the archive and can be brought back.
  await town.go('exchange');
  const row = town.id('archive-row');
  await row.first().waitFor();
  assert.equal(await row.count(), 1);
  assert.match(await row.innerText(), /巡察对象\s+新村（乡镇改）/);

  // After resolving, the county's file is old news, and the township's resolution reaches the county as a plain update.
  await town.pickImport([second.file]);
  await town.id('preview-noop').waitFor();
  await town.id('discard-import').click();
  const back = await town.exportBackup(dir);
  await county.pickImport([back.file]);
  assert.equal(await county.id('conflict').count(), 0);
  assert.match(await county.id('preview-counts').innerText(), /巡察对象\s+0\s+1\s+2\s+0\s+0/);

  // A township package: the township with its villages, named for it, valid against the schema.
  await county.go('exchange');
  await county.id('filter-package-township').selectOption({ label: '城关镇' });
  const [pkgDownload] = await Promise.all([countyPage.waitForEvent('download'), county.id('export-township').click()]);
  assert.match(pkgDownload.suggestedFilename(), /^巡察-[^-]+-城关镇-\d{4}-\d{2}-\d{2}\.json$/);
  const pkgFile = `${dir}/package.json`;
  await pkgDownload.saveAs(pkgFile);
  assertValidExport(pkgFile);
  const pkg = JSON.parse(fs.readFileSync(pkgFile, 'utf8'));
  assert.deepEqual(pkg.kind, { type: 'package', scope: '城关镇及所辖村（社区）' });
  assert.deepEqual(pkg.records.targets.map((t) => t.data.name).sort(), ['城关镇', '新村（县里改）', '老村'].sort());

  for (const net of nets) {
    assert.deepEqual(net.requests, []);
    assert.deepEqual(net.errors, []);
  }
  await countyBrowser.close();
  await townBrowser.close();
});

test('an encrypted backup travels safely and opens only with its passphrase', async () => {
  const dir = tempProfile('sealed');
  const browser = await launchChromium(tempProfile('enc-county'));
  const other = await launchChromium(tempProfile('enc-town'));
  const county = new XunchaPage(await browser.newPage());
  const town = new XunchaPage(await other.newPage());
  await county.open();
  await county.setUpOffice('某某县委巡察办');
  await county.bulkTargets(['城关镇', '东关镇'], '乡镇（街道）');
  await county.go('exchange');
  await county.id('export-encrypt').check();
  await county.id('export-passphrase').fill('短口令');
  await county.id('export-backup').click();
  await county.id('flash').filter({ hasText: '口令至少 8 个字符' }).waitFor();
  await county.id('export-passphrase').fill('城关镇-2026-口令');
  await county.id('export-passphrase-again').fill('城关镇-2026-口令');
  const sealed = await county.exportBackup(dir);
  const text = fs.readFileSync(sealed.file, 'utf8');
  assert.match(text, /"xuncha-encrypted"/);
  assert.match(text, /"argon2id"/);
  assert.ok(!text.includes('城关镇'), 'the names are readable in the encrypted file');

  await town.open();
  await town.setUpOffice('城关镇纪委', '乡镇（街道）');
  await town.bulkTargets(['乡镇自有单位'], '事业单位');
  const before = await town.snapshot(dir);
  // Dropped onto the page, as people drag files from the shared drive.
  await town.go('exchange');
  const dropped = await town.page.evaluateHandle(({ name, content }) => {
    const dt = new DataTransfer();
    dt.items.add(new File([content], name, { type: 'application/json' }));
    return dt;
  }, { name: sealed.name, content: text });
  await town.id('drop-zone').dispatchEvent('drop', { dataTransfer: dropped });
  await town.id('locked-file').waitFor();
  await town.id('import-passphrase').fill('猜错的口令');
  await town.id('unlock').click();
  await town.id('import-errors').filter({ hasText: '口令错误，或加密文件已被改动' }).waitFor();
  assert.deepEqual(await town.snapshot(dir), before, 'a wrong passphrase changed the database');
  await town.go('exchange');
  await town.id('locked-file').waitFor();
  await town.id('import-passphrase').fill('城关镇-2026-口令');
  await town.id('unlock').click();
  await town.id('import-preview').waitFor();
  assert.match(await town.id('preview-counts').innerText(), /巡察对象\s+2\s+0\s+0\s+0\s+0/);
  await town.id('apply-import').click();
  await town.id('flash').filter({ hasText: '导入完成：新增 2 条' }).waitFor();
  await browser.close();
  await other.close();
});

test('markup in names travels as plain text and never runs', async () => {
  const dir = tempProfile('markup');
  const a = await launchChromium(tempProfile('markup-a'));
  const b = await launchChromium(tempProfile('markup-b'));
  const from = new XunchaPage(await a.newPage());
  const to = new XunchaPage(await b.newPage());
  const payload = '<img src=x onerror="window.__pwned=1">县委<script>window.__pwned=2</script>党校';
  await from.open();
  await from.setUpOffice('<b>某县</b>委巡察办');
  await from.bulkTargets([payload], '事业单位');
  const file = await from.exportBackup(dir);
  await to.open();
  await to.setUpOffice('城关镇纪委', '乡镇（街道）');
  await to.pickImport([file.file]);
  assert.match(await to.id('import-preview').innerText(), /来自：<b>某县<\/b>委巡察办/);
  await to.id('apply-import').click();
  await to.id('flash').filter({ hasText: '导入完成' }).waitFor();
  await to.go('targets');
  assert.ok((await to.id('targets-table').innerText()).includes(payload), 'the name is shown exactly as typed');
  assert.equal(await to.page.locator('[data-testid="targets-table"] img, [data-testid="targets-table"] script').count(), 0);
  assert.equal(await to.page.evaluate(() => window.__pwned), undefined);
  assert.equal(await from.page.evaluate(() => window.__pwned), undefined);
  await a.close();
  await b.close();
});
