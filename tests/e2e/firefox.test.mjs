// Firefox ESR from file://, as offices run it: each file path is its own storage
// origin (strict_origin_policy on), and data must survive a browser restart.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import puppeteer from 'puppeteer-core';
import { ARTIFACTS, tempProfile, URL } from './support.mjs';

function launchFirefox(userDataDir) {
  return puppeteer.launch({
    browser: 'firefox',
    executablePath: '/usr/bin/firefox-esr',
    headless: true,
    protocol: 'webDriverBiDi',
    userDataDir,
    defaultViewport: { width: 1366, height: 768 },
    extraPrefsFirefox: {
      // Automation turns this off; users have it on.
      'security.fileuri.strict_origin_policy': true,
      'network.proxy.type': 0,
      'browser.shell.checkDefaultBrowser': false,
    },
  });
}

const byTestId = (id) => `[data-testid="${id}"]`;

async function text(page, id) {
  return page.$eval(byTestId(id), (e) => e.innerText);
}

test('in Firefox ESR the office is set up, a target saved, and both survive a restart', async () => {
  const profile = tempProfile('firefox');
  let browser = await launchFirefox(profile);
  let page = await browser.newPage();
  const requests = [];
  page.on('request', (r) => { if (!/^(file|data|blob):/.test(r.url())) requests.push(r.url()); });
  await page.goto(URL);
  await page.waitForSelector(byTestId('setup'));
  await page.type(`${byTestId('setup')} ${byTestId('field-name')}`, '城关镇纪委');
  await page.select(byTestId('field-role'), '1');
  await page.click(byTestId('setup-submit'));
  await page.waitForSelector(byTestId('nav-targets'));
  assert.match(await text(page, 'office-name'), /城关镇纪委 · 乡镇（街道）/);

  await page.click(byTestId('nav-targets'));
  await page.click(byTestId('new-target'));
  await page.type(`${byTestId('target-form')} ${byTestId('field-name')}`, '县委党校');
  await page.select(`${byTestId('target-form')} ${byTestId('field-kind')}`, '2');
  await page.click(`${byTestId('target-form')} ${byTestId('save')}`);
  await page.waitForSelector(byTestId('target-form'), { hidden: true });
  assert.match(await text(page, 'targets-table'), /县委党校\s+事业单位/);
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: `${ARTIFACTS}/firefox-targets.png` });
  await browser.close();

  browser = await launchFirefox(profile);
  page = await browser.newPage();
  await page.goto(URL + '#/targets');
  await page.waitForSelector(byTestId('targets-table'));
  await page.waitForFunction(() => document.querySelector('[data-testid="targets-table"]').innerText.includes('县委党校'));
  assert.match(await text(page, 'office-name'), /城关镇纪委/);
  assert.deepEqual(requests, []);
  await browser.close();
});
