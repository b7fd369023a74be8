// 巡察"回头看" from file:// at 1366×768: a look-back round lists the earlier round's
// rectifications of the units it visits, a 虚假整改 needs what was seen and keeps
// what was typed when it is missing, the finding shows with the seeds' sentence on the
// round page and in the statistics (whose figure opens the rectification it counts),
// and it travels to a second office in the backup.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { countyOffice, otherOfficeWith, saveScreenshot, tempProfile } from './support.mjs';

const FIRST = '十五届县委第一轮巡察';
const LOOK = '十五届县委第二轮巡察';

test('a look-back round checks the earlier rectifications of its units and its findings count and travel', async () => {
  const dir = tempProfile('lookback-files');
  const { browser, page, net, app } = await countyOffice('lookback');
  await app.bulkTargets(['县财政局', '县水利局'], '县直政府部门');
  await (await app.fillRound({ start: '2026-03-01', end: '2026-05-31' })).waitFor({ state: 'detached' });
  await app.openRound(FIRST);
  await app.addGroup('张三', '李四');
  await app.assign('第一巡察组', ['县财政局', '县水利局']);
  for (const [target, description] of [['县财政局', '公务接待超标准'], ['县水利局', '项目资金拨付滞后']]) {
    await app.addProblem({ round: FIRST, target, description, found: '2026-04-10' });
    await app.feedBack(description, { fed: '2026-06-10', measures: '制定整改方案', deadline: '2026-09-30' });
  }

  // The look-back visits 县财政局 only: only its rectification is listed.
  await (await app.fillRound({ kind: '巡察“回头看”', start: '2026-10-08' })).waitFor({ state: 'detached' });
  await app.openRound(LOOK);
  await app.addGroup('王五', '赵六');
  await app.assign('第一巡察组', ['县财政局']);
  await app.id('lookback-table').waitFor();
  assert.equal(await app.id('lookback-row').count(), 1);
  const row = app.id('lookback-row').first();
  assert.match(await row.innerText(), /县财政局\s+十五届县委第一轮巡察\s+公务接待超标准\s+未整改\s+2026-09-30\s+未检查/);

  // A sham needs what was seen: refused with the field named, the choice kept.
  await row.getByTestId('lookback-check').click();
  const form = app.id('lookback-form');
  await form.getByTestId('save-lookback').click();
  assert.match(await form.getByTestId('form-errors').innerText(), /请选择检查结论/, 'no finding is chosen for the clerk');
  await form.getByTestId('field-verdict').selectOption({ label: '虚假整改' });
  await form.getByTestId('field-on').fill('2026-10-20');
  await form.getByTestId('save-lookback').click();
  await form.getByTestId('form-errors').filter({ hasText: '认定为敷衍整改或虚假整改的，请写明所见情况' }).waitFor();
  assert.equal(await form.getByTestId('field-on').inputValue(), '2026-10-20', 'what was typed stays');
  await form.getByTestId('field-note').fill('整改报告所附照片为整改前所拍');
  await form.getByTestId('save-lookback').click();
  await form.waitFor({ state: 'detached' });
  await app.id('lookback-finding').filter({ hasText: '虚假整改（2026-10-20）' }).waitFor();
  assert.equal(
    await app.id('lookback-sentence').innerText(),
    '“回头看”共检查整改事项1个，其中已整改0个、正在整改0个；发现敷衍整改问题0个、虚假整改问题1个。',
  );
  await saveScreenshot(page, 'lookback-round');

  // The statistics count it; the figure opens the rectification it counts.
  await app.go('stats');
  await app.id('stats-figures').waitFor();
  assert.equal(await app.id('fig-lookback.sham').innerText(), '1');
  assert.match(await app.id('stats-text').inputValue(), /发现敷衍整改问题0个、虚假整改问题1个。/);
  await app.id('fig-lookback.sham').click();
  await app.id('filter-from-stats').filter({ hasText: '“回头看”检查：虚假整改' }).waitFor();
  await app.ledgerRow('公务接待超标准').waitFor();
  assert.equal(await app.id('ledger-table').getByTestId('ledger-row').count(), 1);

  // A second office has the finding from the backup.
  const { file } = await app.exportBackup(dir);
  const rects = JSON.parse(fs.readFileSync(file, 'utf8')).records.rectifications;
  assert.deepEqual(rects.flatMap((r) => (r.data.checks ?? []).map((c) => c.verdict)), ['sham']);
  const { browser: other, app: city } = await otherOfficeWith('lookback-group', '第二巡察组', '巡察组', file);
  await city.openRound(LOOK);
  await city.id('lookback-finding').filter({ hasText: '虚假整改（2026-10-20）' }).waitFor();
  assert.deepEqual(net.requests, []);
  assert.deepEqual(net.errors, []);
  await other.close();
  await browser.close();
});
