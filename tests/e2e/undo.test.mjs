// Undo acts only on the import it names: two tabs of one browser share the
// database, and a tab whose undo button is out of date changes nothing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { launchChromium, saveScreenshot, tempProfile, watch, XunchaPage } from './support.mjs';

test('a stale undo in another tab changes nothing and names the import that is really last', async () => {
  const dir = tempProfile('undo-files');
  const countyBrowser = await launchChromium(tempProfile('undo-county'));
  const county = new XunchaPage(await countyBrowser.newPage());
  await county.open();
  await county.setUpOffice('某某县委巡察办');
  await county.addTerm('十五届', 2021, 2026);
  await county.bulkTargets(['城关镇'], '乡镇（街道）');
  const first = await county.exportBackup(dir);
  await county.bulkTargets(['新村', '老村'], '村', '城关镇');
  const second = await county.exportBackup(dir);
  await countyBrowser.close();

  const town = await launchChromium(tempProfile('undo-town'));
  const tabB = new XunchaPage(await town.newPage());
  const nets = [watch(tabB.page)];
  await tabB.open();
  await tabB.setUpOffice('城关镇纪委', '乡镇（街道）');
  await tabB.pickImport([first.file]);
  await tabB.id('apply-import').click();
  await tabB.id('flash').filter({ hasText: '导入完成：新增 2 条' }).waitFor();
  const base = (f) => f.file.split('/').pop();
  assert.ok((await tabB.id('undo-import').innerText()).includes(base(first)));

  // Tab A imports the second file meanwhile; tab B still offers to undo the first.
  const tabA = new XunchaPage(await town.newPage());
  nets.push(watch(tabA.page));
  await tabA.open();
  await tabA.pickImport([second.file]);
  await tabA.id('apply-import').click();
  await tabA.id('flash').filter({ hasText: '导入完成：新增 2 条' }).waitFor();

  tabB.page.once('dialog', (d) => d.accept());
  await tabB.id('undo-import').click();
  await tabB.id('flash').filter({ hasText: '已过时' }).waitFor();
  await saveScreenshot(tabB.page, 'undo-stale-tab');
  assert.ok((await tabB.id('undo-import').innerText()).includes(base(second)), 'the button now names the last import');
  await tabB.go('targets');
  assert.match(await tabB.id('list-count').innerText(), /共 3 条/, 'nothing was undone');
  await tabB.go('exchange');

  // Undoing the import that is really last removes what it added, and only that.
  tabB.page.once('dialog', (d) => d.accept());
  await tabB.id('undo-import').click();
  await tabB.id('flash').filter({ hasText: '已撤销上次导入' }).waitFor();
  await tabB.go('targets');
  assert.match(await tabB.id('list-count').innerText(), /共 1 条/, 'the first import stays');

  // Tab A's button still names the import tab B undid: it changes nothing either,
  // and no undo is offered any more.
  tabA.page.once('dialog', (d) => d.accept());
  await tabA.id('undo-import').click();
  await tabA.id('flash').filter({ hasText: '已过时' }).waitFor();
  assert.equal(await tabA.id('undo-import').count(), 0);
  await tabA.go('targets');
  await tabA.page.reload();
  await tabA.page.locator('[data-testid="nav-home"]').waitFor();
  await tabA.go('targets');
  assert.match(await tabA.id('list-count').innerText(), /共 1 条/);
  // An import whose record was edited since cannot be undone, and the message
  // names that record.
  await tabA.pickImport([second.file]);
  await tabA.id('backup-first').uncheck();
  await tabA.id('apply-import').click();
  await tabA.id('flash').filter({ hasText: '导入完成：新增 2 条' }).waitFor();
  await tabA.go('targets');
  await tabA.id('targets-table').locator('tr', { hasText: '新村' }).getByTestId('row-edit').click();
  await tabA.id('target-form').getByTestId('field-notes').fill('导入后补充');
  await tabA.id('target-form').getByTestId('save').click();
  await tabA.saved();
  await tabA.go('exchange');
  tabA.page.once('dialog', (d) => d.accept());
  await tabA.id('undo-import').click();
  const refused = await tabA.id('flash').filter({ hasText: '无法撤销' }).innerText();
  assert.match(refused, /巡察对象“新村”又被修改过/, refused);
  await tabA.go('targets');
  assert.match(await tabA.id('list-count').innerText(), /共 3 条/, 'nothing was undone');
  for (const net of nets) {
    assert.deepEqual(net.requests, []);
    assert.deepEqual(net.errors, []);
  }
  await town.close();
});
