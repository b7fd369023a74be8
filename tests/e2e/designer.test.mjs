// The questionnaire designer as a clerk types: click into a field, type, click the
// next field, type. Each keystroke lands where it was typed, however the fields
// are visited.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { launchChromium, tempProfile, watch, XunchaPage } from './support.mjs';

test('typing from field to field in a question card keeps every keystroke', async () => {
  const browser = await launchChromium(tempProfile('designer'));
  const app = new XunchaPage(await browser.newPage());
  const net = watch(app.page);
  await app.open();
  await app.setUpOffice('某某县委巡察办');
  await app.go('questionnaires');
  await app.id('field-new-purpose').selectOption({ label: '自定义' });
  await app.id('new-questionnaire').click();
  await app.id('add-question').click();
  const card = app.id('question-card').nth(0);
  await card.getByTestId('question-kind').selectOption({ label: '多选题' });
  const keys = app.page.keyboard;
  await card.getByTestId('question-text').click();
  await keys.type('存在哪些问题');
  await card.getByTestId('question-options').click();
  await keys.press('Control+A');
  await keys.type('形式主义\n作风不实\n其他');
  await card.getByTestId('question-max').click();
  await keys.type('2');
  await card.getByTestId('question-text').click();
  assert.equal(await card.getByTestId('question-max').inputValue(), '2');
  // And the other way round: the limit first, then the options.
  await app.id('add-question').click();
  const second = app.id('question-card').nth(1);
  await second.getByTestId('question-kind').selectOption({ label: '多选题' });
  await second.getByTestId('question-max').click();
  await keys.type('1');
  await second.getByTestId('question-options').click();
  await keys.press('Control+A');
  await keys.type('甲\n乙\n丙');
  await second.getByTestId('question-text').click();
  await keys.type('第二题');
  assert.equal(await second.getByTestId('question-options').inputValue(), '甲\n乙\n丙');
  assert.equal(await second.getByTestId('question-max').inputValue(), '1');
  assert.equal(await second.getByTestId('question-text').inputValue(), '第二题');
  assert.equal(await card.getByTestId('question-text').inputValue(), '存在哪些问题');
  assert.deepEqual(net.errors, []);
  await browser.close();
});
