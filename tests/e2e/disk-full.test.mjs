// A disk that fills up in the middle of a large import. The browser's own figures
// do not show a nearly full disk (its quota follows the disk's size, not its free
// space), and on such a failure Chromium may drop the whole database. So nothing
// may depend on the database surviving: a full backup is exported before the
// import (on by default), and after the failure the page says so and saves what
// it still holds. Needs root, to give the browser profile a small disk of its own.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { assertValidExport, launchChromium, ROOT, saveScreenshot, tempProfile, watch, XunchaPage } from './support.mjs';

const LONG = { timeout: 300_000 };

function generate(dir, scale, seed) {
  const file = path.join(dir, `county-x${scale}.json`);
  execFileSync('cargo', ['run', '--locked', '--quiet', '-p', 'xuncha-cli', '--', 'gen', '--scale', String(scale), '--seed', String(seed), '-o', file], { cwd: ROOT });
  return file;
}

function records(file) {
  const all = Object.values(JSON.parse(fs.readFileSync(file, 'utf8')).records).flat();
  return { total: all.length, live: all.filter((r) => !r.meta.deleted).length };
}

async function saveDownload(app, dir, click) {
  const [d] = await Promise.all([app.page.waitForEvent('download', LONG), click()]);
  const file = path.join(dir, d.suggestedFilename());
  await d.saveAs(file);
  return { file, name: d.suggestedFilename() };
}

test('when the disk fills up during an import, the backup taken before it and the page’s rescue file keep every record', LONG, async () => {
  const dir = tempProfile('disk-full-files');
  const small = generate(dir, 0.1, 1);
  const large = generate(dir, 0.5, 5);
  const disk = tempProfile('disk-full-mount');
  execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=30m', 'tmpfs', disk]);
  let before;
  try {
    const browser = await launchChromium(path.join(disk, 'profile'));
    const app = new XunchaPage(await browser.newPage());
    const net = watch(app.page);
    await app.open();
    await app.setUpOffice('某某县委巡察办');
    await app.pickImport([small]);
    await app.id('apply-import').click();
    await app.id('flash').filter({ hasText: '导入完成' }).waitFor(LONG);

    // The second import is offered a backup first, ticked; the backup downloads.
    await app.pickImport([large]);
    assert.equal(await app.id('backup-first').isChecked(), true);
    before = await saveDownload(app, dir, () => app.id('apply-import').click());
    assert.match(before.name, /^巡察台账-完整备份-某某县委巡察办-/);
    assertValidExport(before.file);
    assert.deepEqual(records(before.file), records(small), 'the backup holds the database as it was');

    // The disk fills up; the page says what happened and offers the rescue.
    await app.id('storage-trouble').waitFor(LONG);
    await saveScreenshot(app.page, 'disk-full');
    const flash = await app.id('flash').innerText();
    assert.match(flash, /数据库已无法读取|磁盘空间不足|写入失败/, flash);
    const rescue = await saveDownload(app, dir, () => app.id('rescue-save').click());
    assert.match(rescue.name, /^巡察台账-抢救备份-某某县委巡察办-/);
    assertValidExport(rescue.file);
    assert.equal(records(rescue.file).total, records(small).live, 'every live record the page held');
    assert.deepEqual(net.requests, []);
    assert.ok(!net.errors.some((e) => e.includes('FnOnce')), `no closure called twice: ${net.errors.slice(0, 3)}`);
    await browser.close();
  } finally {
    execFileSync('umount', ['-l', disk]);
  }

  // On another PC (a profile with room), the backup brings everything back.
  const again = await launchChromium(tempProfile('disk-full-restore'));
  const restored = new XunchaPage(await again.newPage());
  await restored.open();
  await restored.setUpOffice('某某县委巡察办');
  await restored.pickImport([before.file]);
  await restored.id('apply-import').click();
  const done = await restored.id('flash').filter({ hasText: '导入完成' }).innerText();
  assert.match(done, new RegExp(`新增 ${records(small).total} 条`), done);
  await again.close();
});
