// A rectification edited in two offices. Edits of different fields and new steps
// merge by themselves; when both change the same 整改措施, only that field is asked.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { launchChromium, saveScreenshot, tempProfile, watch, XunchaPage } from './support.mjs';

const ROUND = '十五届县委第一轮巡察';

/** A township with a fed-back problem and its round package, and a county that has not seen it yet. */
async function twoOffices(name) {
  const dir = tempProfile(`${name}-files`);
  const townBrowser = await launchChromium(tempProfile(`${name}-town`));
  const countyBrowser = await launchChromium(tempProfile(`${name}-county`));
  const town = new XunchaPage(await townBrowser.newPage());
  const county = new XunchaPage(await countyBrowser.newPage());
  const nets = [watch(town.page), watch(county.page)];
  await town.open();
  await town.setUpOffice('城关镇纪委', '乡镇（街道）');
  await town.addTerm('十五届', 2021, 2026);
  await town.bulkTargets(['城关镇'], '乡镇（街道）');
  await town.bulkTargets(['新村'], '村', '城关镇');
  await (await town.fillRound({ start: '2026-03-01', end: '2026-05-31' })).waitFor({ state: 'detached' });
  await town.openRound(ROUND);
  await town.addGroup('张三', '李四');
  await town.assign('第一巡察组', ['新村']);
  await town.addProblem({ round: ROUND, target: '新村', description: '集体资金管理不规范', found: '2026-04-10' });
  await town.feedBack('集体资金管理不规范', { fed: '2026-07-01', measures: '建立资金管理制度', deadline: '2099-12-31' });
  const outgoing = await town.exportRoundPackage(dir, ROUND);
  return { dir, town, county, townBrowser, countyBrowser, nets, outgoing };
}

test('when the county and the township both change the 整改措施, only that field is asked, the rest merges and the loser is archived', async () => {
  const { dir, town, county, townBrowser, countyBrowser, nets, outgoing } = await twoOffices('rect');

  await county.open();
  await county.setUpOffice('某某县委巡察办');
  await county.pickImport([outgoing]);
  assert.match(await county.id('preview-counts').innerText(), /整改\s+1\s+0\s+0\s+0\s+0/);
  await county.id('apply-import').click();
  await county.id('flash').filter({ hasText: '导入完成' }).waitFor();
  await county.editRectification('集体资金管理不规范', { measures: '县里要求：清理资金并公示', person: '赵六' });
  const back = await county.exportRoundPackage(dir, ROUND);

  await town.editRectification('集体资金管理不规范', { measures: '乡镇：建立资金管理制度并张榜', evidence: '张榜照片' });
  await town.pickImport([back]);
  const conflict = town.id('conflict');
  assert.equal(await conflict.count(), 1);
  assert.equal(await conflict.getByTestId('conflict-field').count(), 1, 'only the 整改措施 is asked');
  assert.match(await conflict.innerText(), /集体资金管理不规范（新村）/, 'the record is named by its problem and target');
  assert.match(await conflict.innerText(), /整改措施\s+乡镇：建立资金管理制度并张榜\s+县里要求：清理资金并公示/);
  await saveScreenshot(town.page, 'rectification-conflict');
  await conflict.getByTestId('take-incoming').check();
  await town.id('apply-import').click();
  await town.id('flash').filter({ hasText: '处理冲突 1 条' }).waitFor();
  await town.go('ledger');
  await town.id('tab-rectifications').click();
  // Only the 整改台账 shows the measures, so this also waits for the tab.
  await town.ledgerRow('县里要求：清理资金并公示').waitFor();
  assert.match(await town.ledgerRow('集体资金管理不规范').innerText(), /县里要求：清理资金并公示/);
  const kept = rectificationIn((await town.exportBackup(dir)).file);
  assert.equal(kept.data.person, '赵六', "the county's other edit merged");
  assert.equal(kept.data.evidence, '张榜照片', "the township's other edit stayed");

  await town.go('exchange');
  const archived = town.id('archive-row');
  await archived.first().waitFor();
  assert.equal(await archived.count(), 1);
  assert.match(await archived.innerText(), /整改\s+集体资金管理不规范（新村）\s+整改措施/);

  // The archived version beside the current record, then restored: only the lost field comes back.
  await archived.getByTestId('view-archived').click();
  const compare = town.id('archive-compare');
  await compare.waitFor();
  const lost = compare.locator('tr.lost');
  assert.equal(await lost.count(), 1);
  assert.match(await lost.innerText(), /整改措施\s+县里要求：清理资金并公示\s+乡镇：建立资金管理制度并张榜/);
  await saveScreenshot(town.page, 'archive-compare');
  town.page.once('dialog', (d) => d.accept());
  await archived.getByTestId('restore').click();
  await archived.getByTestId('restored').waitFor();
  assert.equal(await archived.count(), 1, 'a restore leaves one entry, marked');
  const restored = rectificationIn((await town.exportBackup(dir)).file);
  assert.equal(restored.data.measures, '乡镇：建立资金管理制度并张榜');
  assert.equal(restored.data.person, '赵六', 'the merged fields stay');
  assert.equal(restored.data.evidence, '张榜照片');

  for (const net of nets) {
    assert.deepEqual(net.requests, []);
    assert.deepEqual(net.errors, []);
  }
  await townBrowser.close();
  await countyBrowser.close();
});

/** The rectification in an exported backup, as stored. */
function rectificationIn(file) {
  const records = JSON.parse(fs.readFileSync(file, 'utf8')).records.rectifications;
  assert.equal(records.length, 1);
  return records[0];
}

test('the county changing the responsible person and the township reporting progress merge without a question, both ways', async () => {
  const { dir, town, county, townBrowser, countyBrowser, nets, outgoing } = await twoOffices('merge');
  assert.match(outgoing, /巡察-城关镇纪委-/, 'the file says who sent it');

  await county.open();
  await county.setUpOffice('某某县委巡察办');
  await county.pickImport([outgoing]);
  await county.id('apply-import').click();
  await county.id('flash').filter({ hasText: '导入完成' }).waitFor();
  await county.editRectification('集体资金管理不规范', { person: '赵六' });
  const back = await county.exportRoundPackage(dir, ROUND);

  await town.takeStep('集体资金管理不规范', 'Start', { on: '2026-11-15', note: '镇党委专题研究部署' });
  await town.editRectification('集体资金管理不规范', { evidence: '党委会议纪要' });
  await town.pickImport([back]);
  assert.equal(await town.id('conflict').count(), 0, 'nothing is asked');
  await town.id('preview-records').locator('summary').click();
  assert.match(await town.id('preview-record').first().innerText(), /自动合并\s+整改\s+集体资金管理不规范（新村）/);
  assert.match(await town.id('preview-counts').innerText(), /整改\s+0\s+0\s+0\s+0\s+1\s+0/);
  await saveScreenshot(town.page, 'merge-preview');
  await town.id('apply-import').click();
  await town.id('flash').filter({ hasText: '自动合并 1 条' }).waitFor();
  const atTown = rectificationIn((await town.exportBackup(dir)).file);
  assert.equal(atTown.data.person, '赵六');
  assert.equal(atTown.data.evidence, '党委会议纪要');
  assert.equal(atTown.data.status, 'in_progress');
  assert.deepEqual(atTown.data.history.map((e) => e.note), ['镇党委专题研究部署']);

  // The merged version has seen the county's, so it simply updates the county.
  const merged = await town.exportRoundPackage(dir, ROUND);
  await county.pickImport([merged]);
  assert.equal(await county.id('conflict').count(), 0);
  await county.id('apply-import').click();
  await county.id('flash').filter({ hasText: '导入完成' }).waitFor();
  const atCounty = rectificationIn((await county.exportBackup(dir)).file);
  assert.deepEqual(atCounty.data, atTown.data);
  assert.deepEqual(atCounty.meta.version, atTown.meta.version);

  for (const net of nets) {
    assert.deepEqual(net.requests, []);
    assert.deepEqual(net.errors, []);
  }
  await townBrowser.close();
  await countyBrowser.close();
});
