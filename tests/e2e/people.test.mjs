// 巡察人才库 as a county office keeps it, from file:// at 1366×768 in Chinese:
// persons entered with bad input named by field, the pool's figures in the
// summaries' words, a group chosen from the pool (a free name offered to the pool),
// the 回避 warning that needs a reason before a person inspects his own unit, the
// person's service, the list as a workbook read back with openpyxl, the pool's
// figures on the statistics page, and the pool travelling to a second office in a
// backup while an export without persons leaves them out.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { countyOffice, download, otherOfficeWith, readXlsx, saveScreenshot, tempProfile } from './support.mjs';

async function addPerson(app, { name, unit, unitName, rank, pools = [], fullTime = false, former = '' }) {
  await app.id('new-person').click();
  const form = app.id('person-form');
  await form.getByTestId('field-name').fill(name);
  if (unit) await form.getByTestId('field-unit').selectOption({ label: unit });
  if (unitName) await form.getByTestId('field-unit_name').fill(unitName);
  if (rank) await form.getByTestId('field-rank').selectOption({ label: rank });
  for (const pool of pools) await form.getByTestId(`pool-${pool}`).setChecked(true);
  if (!pools.includes('Staff')) await form.getByTestId('pool-Staff').setChecked(false);
  if (fullTime) await form.getByTestId('field-full_time').check();
  if (former) await form.getByTestId('field-former_units').fill(former);
  await form.getByTestId('save').click();
  return form;
}

test('a group is staffed from the pool, warned of recusal and the pool travels in a backup', async () => {
  const dir = tempProfile('people-files');
  const { browser, page, net, app } = await countyOffice('people');
  await page.setViewportSize({ width: 1366, height: 768 });
  await app.bulkTargets(['县财政局', '县水利局', '县审计局'], '县直政府部门');

  // Bad input is named by field and the form keeps what was typed.
  await app.go('people');
  await app.id('no-persons').waitFor();
  let form = await addPerson(app, { name: '张伟', pools: [], former: '县水利局 20-21' });
  await form.getByText('曾工作单位有一行看不懂').waitFor();
  await form.getByTestId('field-former_units').fill('县水利局 2019-2024');
  await form.getByTestId('pool-Staff').setChecked(false);
  await form.getByTestId('save').click();
  await form.getByText('请至少选择一个所在库。').waitFor();
  assert.equal(await form.getByTestId('field-name').inputValue(), '张伟', 'a failed save keeps the input');
  await form.getByTestId('field-unit').selectOption({ label: '县财政局' });
  await form.getByTestId('field-rank').selectOption({ label: '正科级' });
  await form.getByTestId('pool-Leaders').check();
  await form.getByTestId('field-full_time').check();
  await form.getByTestId('save').click();
  await form.waitFor({ state: 'detached' });
  form = await addPerson(app, { name: '李娜', unitName: '县纪委监委', rank: '科级以下', pools: ['Specialists', 'Staff'] });
  await form.waitFor({ state: 'detached' });
  // The same name in the same unit is one person.
  form = await addPerson(app, { name: '李娜', unitName: '县纪委监委', pools: ['Staff'] });
  await form.getByText('人才库中已有同一单位的同名人员。').waitFor();
  await form.getByRole('button', { name: '取消' }).click();
  assert.equal(
    await app.id('pool-figures').innerText(),
    '“一长两员”库共有人员2人，其中组长库1人，其中专职组长1人、专业人员库1人、工作人员库1人；其中副科级以上领导干部1人。',
  );
  await saveScreenshot(page, 'people');

  // A group chosen from the pool; a free name is offered to the pool.
  await (await app.fillRound({ start: '2026-03-01', end: '2026-05-31' })).waitFor({ state: 'detached' });
  await app.openRound('十五届县委第一轮巡察');
  await app.id('new-group').click();
  const group = app.id('group-form');
  const offered = await page.locator('#pool-choices option').evaluateAll((els) => els.map((e) => e.value));
  assert.deepEqual(offered.sort(), ['张伟', '李娜'].sort());
  await group.getByTestId('field-leader').fill('张伟');
  await group.getByTestId('field-members').fill('李娜、王五');
  await group.getByTestId('free-names').filter({ hasText: '不在人才库中：王五' }).waitFor();
  await group.getByTestId('add-to-pool').click();
  await app.id('flash').filter({ hasText: '已加入人才库' }).waitFor();
  await group.getByTestId('free-names').waitFor({ state: 'detached' });
  await group.getByTestId('save').click();
  await group.waitFor({ state: 'detached' });

  // Assigning 张伟's own unit and the unit he left in 2024 needs a reason for each.
  const card = app.group('第一巡察组');
  await card.getByTestId('assign-targets').click();
  const panel = card.getByTestId('assign-panel');
  for (const name of ['县财政局', '县水利局', '县审计局']) {
    await panel.locator(`[data-testid="assign-option"][data-name="${name}"]`).check();
  }
  await panel.getByTestId('assign-selected').click();
  const warning = panel.getByTestId('recusal-confirm');
  await warning.waitFor();
  const said = await warning.getByTestId('recusal-warning').allInnerTexts();
  assert.deepEqual(said.sort(), ['张伟 于 2024 年离开 县水利局', '张伟 的工作单位是 县财政局'].sort());
  await saveScreenshot(page, 'people-recusal');
  // Without a reason for each nothing is written, and the box keeps what was typed.
  // Each warning with its own reason box, in whatever order the units were ticked.
  const reasonFor = (words) => warning.locator('li').filter({ hasText: words }).getByTestId('recusal-reason');
  await reasonFor('的工作单位是 县财政局').fill('熟悉财政业务，经领导小组同意');
  await warning.getByTestId('recusal-go').click();
  await warning.getByTestId('recusal-blank').filter({ hasText: '每条回避提示都需要填写安排理由。' }).waitFor();
  assert.equal(await card.getByTestId('inspection-row').count(), 0);
  assert.equal(await reasonFor('的工作单位是 县财政局').inputValue(), '熟悉财政业务，经领导小组同意');
  await reasonFor('年离开 县水利局').fill('离开已满两年，经领导小组同意');
  await warning.getByTestId('recusal-go').click();
  await panel.waitFor({ state: 'detached' });
  assert.equal(await card.getByTestId('inspection-row').count(), 3);
  // The reasons stand on the group's card, and print with it.
  const kept = await app.group('第一巡察组').getByTestId('recusal-reason-kept').allInnerTexts();
  assert.deepEqual(kept.sort(), ['回避确认 张伟 — 县水利局：离开已满两年，经领导小组同意', '回避确认 张伟 — 县财政局：熟悉财政业务，经领导小组同意'].sort());

  // The person's service, and the pool's list as a workbook.
  await app.go('people');
  await app.id('people-table').getByRole('row', { name: /张伟/ }).getByTestId('row-edit').click();
  assert.match(await app.id('person-service').innerText(), /十五届县委第一轮巡察 · 第一巡察组 · 组长 · .*县财政局/);
  await app.id('person-form').getByRole('button', { name: '取消' }).click();
  const book = await download(app, 'export-people', dir);
  const sheet = readXlsx(book.file).rows;
  assert.equal(sheet[0][0], '某某县委巡察办 巡察人才库人员名单');
  const header = sheet.findIndex((r) => r[0] === '姓名');
  assert.deepEqual(sheet[header].slice(0, 5), ['姓名', '工作单位', '职务', '职级', '所在库']);
  const zhang = sheet.find((r) => r[0] === '张伟');
  assert.deepEqual([zhang[1], zhang[3], zhang[4], zhang[5], zhang[9]], ['县财政局', '正科级', '组长库', '是', 1]);
  assert.equal(sheet.filter((r) => ['张伟', '李娜', '王五'].includes(r[0])).length, 3);

  // The statistics count the pool; a figure opens the list it counts.
  await app.go('stats');
  await app.id('stats-figures').waitFor();
  assert.equal(await app.id('fig-pool.total').innerText(), '3');
  assert.match(await app.id('stats-text').inputValue(), /“一长两员”库共有人员3人，其中组长库1人，其中专职组长1人/);
  await app.id('fig-pool.leaders.full_time').click();
  await app.id('person-row').first().waitFor();
  assert.equal(await app.id('person-row').count(), 1);

  // The backup carries the pool and the reasons; without persons it is a package.
  const { file } = await app.exportBackup(dir);
  const records = JSON.parse(fs.readFileSync(file, 'utf8')).records;
  assert.equal(records.persons.length, 3);
  const g = records.groups[0].data;
  assert.equal(g.seats.length, 3, '王五 joined the pool before the group was saved, so all three are seated');
  assert.equal(g.recusals.length, 2);
  await app.id('export-without-persons').check();
  const bare = await download(app, 'export-backup', dir);
  const bareFile = JSON.parse(fs.readFileSync(bare.file, 'utf8'));
  assert.deepEqual(bareFile.records.persons, []);
  assert.equal(bareFile.kind.type, 'package');

  // A second office imports the backup and has the pool and its service.
  const { browser: other, app: town } = await otherOfficeWith('people-town', '城关镇纪委', '乡镇（街道）', file);
  await town.go('people');
  await town.id('person-row').nth(2).waitFor();
  assert.equal(await town.id('person-row').count(), 3);
  await town.id('people-table').getByRole('row', { name: /张伟/ }).getByTestId('row-edit').click();
  assert.match(await town.id('person-service').innerText(), /第一巡察组 · 组长/);
  assert.deepEqual(net.requests, []);
  assert.deepEqual(net.errors, []);
  await other.close();
  await browser.close();
});

test('a talent-pool list kept in Excel comes in with its units matched and bad rows named', async () => {
  const dir = tempProfile('people-sheet');
  const { browser, net, app } = await countyOffice('people-sheet');
  await app.bulkTargets(['县财政局', '县审计局'], '县直政府部门');
  const file = `${dir}/人才库名单.csv`;
  fs.writeFileSync(
    file,
    '\ufeff某某县巡察“一长两员”库人员名单\n' +
      '序号,姓名,工作单位,职务,职级,所在库,是否专职,专业特长,入库时间\n' +
      '1,张伟,县财政局党组,副局长,副科级,组长库,是,财务,2024.3.1\n' +
      '2,李娜,县纪委监委,干部,一级科员,专业人员库、工作人员库,否,注册会计师,2025年1月8日\n' +
      '3,王强,县审计局,审计员,,工作人员库,,,\n' +
      '4,钱七,县水利局,,,后备干部库,,,\n',
  );
  await app.go('exchange');
  await app.id('sheet-file').setInputFiles(file);
  await app.id('sheet-columns').waitFor();
  const fields = await app.id('sheet-columns').locator('select').evaluateAll((ss) =>
    ss.map((s) => s.options[s.selectedIndex].textContent));
  assert.deepEqual(fields, ['不导入', '姓名', '巡察对象', '职务', '职级', '所在库', '专职', '专业特长', '入库时间']);
  await app.id('sheet-check').click();
  await app.id('sheet-counts').waitFor();
  assert.match(await app.id('sheet-counts').innerText(), /共 4 行：可导入 3 行，本机已有 0 行，有错误 1 行。/);
  assert.deepEqual(await app.id('sheet-refusal').allInnerTexts(), ['第6行 F列“所在库”：“后备干部库”不是这一列可选的内容']);
  await app.id('import-preview').getByTestId('apply-import').click();
  await app.id('flash').filter({ hasText: '导入完成' }).waitFor();
  await app.go('people');
  await app.id('person-row').nth(2).waitFor();
  const rows = await app.id('person-row').allInnerTexts();
  assert.ok(rows.some((r) => /^张伟\t县财政局\t副局长\t副科级\t组长库\t是\t财务\t2024-03-01/.test(r)), rows.join('\n'));
  assert.ok(rows.some((r) => /^李娜\t县纪委监委\t干部\t科级以下\t专业人员库、工作人员库/.test(r)), rows.join('\n'));
  assert.deepEqual(net.requests, []);
  assert.deepEqual(net.errors, []);
  await browser.close();
});
