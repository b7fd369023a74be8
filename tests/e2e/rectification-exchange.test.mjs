// A rectification edited in two offices: the township sends its round to the
// county, both change the same 整改措施, and the township settles the conflict.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { launchChromium, saveScreenshot, tempProfile, watch, XunchaPage } from './support.mjs';

const ROUND = '十五届县委第一轮巡察';

test('a rectification edited in the county and in the township is a conflict that a person settles, and the loser is archived', async () => {
  const dir = tempProfile('rect-files');
  const townBrowser = await launchChromium(tempProfile('rect-town'));
  const countyBrowser = await launchChromium(tempProfile('rect-county'));
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

  await county.open();
  await county.setUpOffice('某某县委巡察办');
  await county.pickImport([outgoing]);
  assert.match(await county.id('preview-counts').innerText(), /整改\s+1\s+0\s+0\s+0\s+0/);
  await county.id('apply-import').click();
  await county.id('flash').filter({ hasText: '导入完成' }).waitFor();
  await county.editMeasures('集体资金管理不规范', '县里要求：清理资金并公示');
  const back = await county.exportRoundPackage(dir, ROUND);

  await town.editMeasures('集体资金管理不规范', '乡镇：建立资金管理制度并张榜');
  await town.pickImport([back]);
  const conflict = town.id('conflict');
  assert.equal(await conflict.count(), 1);
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

  await town.go('exchange');
  const archived = town.id('archive-row');
  await archived.first().waitFor();
  assert.equal(await archived.count(), 1);
  assert.match(await archived.innerText(), /整改\s+乡镇：建立资金管理制度并张榜/);

  for (const net of nets) {
    assert.deepEqual(net.requests, []);
    assert.deepEqual(net.errors, []);
  }
  await townBrowser.close();
  await countyBrowser.close();
});
