// Shared pieces of the end-to-end tests: where the built file is, how browsers
// are launched on this machine, a watch on network requests, and a page object.
import { chromium } from 'playwright-core';
import { execFileSync } from 'node:child_process';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
export const ROOT = path.resolve(here, '..', '..');
export const HTML = path.join(ROOT, 'dist', 'xuncha.html');
export const URL = pathToFileURL(HTML).href;
export const ARTIFACTS = path.join(here, 'artifacts');

// Without the networking flags Chromium floods a closed network with requests.
export const CHROMIUM_ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage',
];

const validateExport = (() => {
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  addFormats(ajv);
  return ajv.compile(JSON.parse(fs.readFileSync(path.join(ROOT, 'docs', 'exchange-format.schema.json'), 'utf8')));
})();

/** Every exported file must match docs/exchange-format.schema.json. */
export function assertValidExport(file) {
  const ok = validateExport(JSON.parse(fs.readFileSync(file, 'utf8')));
  assert.ok(ok, `${file} does not match the exchange schema: ${JSON.stringify(validateExport.errors)}`);
}

/** The workbook as openpyxl, a spreadsheet reader that is not ours, reads it. */
export function readXlsx(file) {
  const script = path.join(ROOT, 'tests', 'e2e', 'tools', 'read_xlsx.py');
  const env = { ...process.env, PYTHONPATH: path.join(ROOT, 'tests', 'e2e', '.python') };
  return JSON.parse(execFileSync('python3', [script, file], { env, encoding: 'utf8' }));
}

/** The Word file as python-docx, a reader that is not ours, reads it. */
export function readDocx(file) {
  const script = path.join(ROOT, 'tests', 'e2e', 'tools', 'read_docx.py');
  const env = { ...process.env, PYTHONPATH: path.join(ROOT, 'tests', 'e2e', '.python') };
  return JSON.parse(execFileSync('python3', [script, file], { env, encoding: 'utf8' }));
}

/** Clicks `testid` and saves the file it downloads into `dir`. */
export async function download(app, testid, dir) {
  const [d] = await Promise.all([app.page.waitForEvent('download'), app.id(testid).click()]);
  const file = path.join(dir, d.suggestedFilename());
  await d.saveAs(file);
  return { file, name: d.suggestedFilename() };
}

// Every folder a test makes (browser profiles, downloads) goes when its process ends, so
// repeated runs on one machine do not fill its disk. XUNCHA_KEEP_TMP=1 keeps them to look at.
const madeDirs = [];
process.on('exit', () => {
  if (process.env.XUNCHA_KEEP_TMP) return;
  for (const dir of madeDirs) {
    try {
      fs.rmSync(dir, { recursive: true, force: true, maxRetries: 3 });
    } catch {
      // A folder a browser still holds at exit stays behind; no later run reads it.
    }
  }
});

export function tempProfile(name) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `xuncha-${name}-`));
  madeDirs.push(dir);
  return dir;
}

/** A Chromium with a persistent profile, as a user's browser keeps IndexedDB. */
export async function launchChromium(profile, extraArgs = []) {
  return chromium.launchPersistentContext(profile, {
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: [...CHROMIUM_ARGS, ...extraArgs],
    viewport: { width: 1366, height: 768 },
    locale: 'zh-CN',
    acceptDownloads: true,
  });
}

/**
 * A fresh browser with the app open as 某某县委巡察办, a county office, and its term
 * 十五届 (2021–2026): where most tests start. `net` watches the page's requests.
 */
export async function countyOffice(profileName) {
  const browser = await launchChromium(tempProfile(profileName));
  const page = await browser.newPage();
  const net = watch(page);
  const app = new XunchaPage(page);
  await app.open();
  await app.setUpOffice('某某县委巡察办');
  await app.addTerm('十五届', 2021, 2026);
  return { browser, page, net, app };
}

/** A second office on its own browser profile that imports `file` (a backup) whole. */
export async function otherOfficeWith(profileName, name, role, file) {
  const browser = await launchChromium(tempProfile(profileName));
  const app = new XunchaPage(await browser.newPage());
  await app.open();
  await app.setUpOffice(name, role);
  await app.pickImport([file]);
  await app.id('apply-import').click();
  await app.id('flash').filter({ hasText: '导入完成' }).waitFor();
  return { browser, app };
}

/** Records every request that leaves the page's own file, and every page error. */
export function watch(page) {
  const log = { requests: [], errors: [] };
  page.on('request', (r) => {
    const u = r.url();
    if (!u.startsWith('file:') && !u.startsWith('data:') && !u.startsWith('blob:')) log.requests.push(u);
  });
  page.on('pageerror', (e) => log.errors.push(e.message));
  page.on('console', (m) => { if (m.type() === 'error') log.errors.push(m.text()); });
  return log;
}

export function saveScreenshot(page, name) {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  return page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`), fullPage: true });
}

/** The app as a user sees it: one method per thing a user does. */
export class XunchaPage {
  constructor(page) {
    this.page = page;
  }

  id(testid) {
    return this.page.getByTestId(testid);
  }

  async open() {
    await this.page.goto(URL);
    // Either the first-run form or the app shell shows once the wasm has started.
    await this.page.locator('[data-testid="setup"], [data-testid="nav-home"]').first().waitFor();
  }

  async setUpOffice(name, role = '县委巡察办') {
    await this.id('setup').waitFor();
    await this.id('field-name').fill(name);
    await this.id('field-role').selectOption({ label: role });
    await this.id('setup-submit').click();
    await this.id('nav-home').waitFor();
  }

  async go(nav) {
    await this.id(`nav-${nav}`).click();
  }

  /** Waits for "已保存"; when it does not come, fails with what the page said instead and a screenshot. */
  async saved() {
    try {
      await this.id('flash').filter({ hasText: '已保存' }).waitFor();
    } catch (e) {
      const said = await this.page.locator('[data-testid="form-errors"], [data-testid="flash"]').allInnerTexts();
      await saveScreenshot(this.page, `not-saved-${Date.now()}`);
      throw new Error(`"已保存" did not show; the page said: ${said.join(' | ') || 'nothing'}`, { cause: e });
    }
  }

  async bulkTargets(names, kind, township) {
    await this.go('targets');
    await this.id('bulk-targets').click();
    const form = this.id('bulk-form');
    await form.getByTestId('field-kind').selectOption({ label: kind });
    if (township) await form.getByTestId('field-township').selectOption({ label: township });
    await form.getByTestId('field-names').fill(names.join('\n'));
    await form.getByTestId('bulk-add').click();
    await form.getByTestId('bulk-result').waitFor();
    return form.getByTestId('bulk-result').innerText();
  }

  async addTerm(name, start, end) {
    await this.go('terms');
    await this.id('new-term').click();
    const form = this.id('term-form');
    await form.getByTestId('field-name').fill(name);
    await form.getByTestId('field-start_year').fill(String(start));
    await form.getByTestId('field-end_year').fill(String(end));
    await form.getByTestId('save').click();
    await form.waitFor({ state: 'detached' });
  }

  /** Fills the round form; returns the form locator (for error checks). */
  async fillRound({ kind = '常规巡察', start, end, topic }) {
    await this.go('rounds');
    await this.id('new-round').click();
    const form = this.id('round-form');
    await form.getByTestId('field-kind').selectOption({ label: kind });
    if (topic) await form.getByTestId('field-topic').fill(topic);
    await form.getByTestId('field-start').fill(start);
    if (end) await form.getByTestId('field-end').fill(end);
    await form.getByTestId('save').click();
    return form;
  }

  async openRound(title) {
    await this.go('rounds');
    await this.id('rounds-table').getByRole('link', { name: title }).click();
    await this.id('round-title').waitFor();
  }

  async addGroup(leader, members) {
    await this.id('new-group').click();
    const form = this.id('group-form');
    await form.getByTestId('field-leader').fill(leader);
    await form.getByTestId('field-members').fill(members);
    await form.getByTestId('save').click();
    await form.waitFor({ state: 'detached' });
  }

  group(name) {
    return this.id('group-card').filter({ has: this.page.getByTestId('group-name').filter({ hasText: name }) });
  }

  async assign(groupName, targetNames) {
    const card = this.group(groupName);
    await card.getByTestId('assign-targets').click();
    const panel = card.getByTestId('assign-panel');
    for (const name of targetNames) {
      await panel.locator(`[data-testid="assign-option"][data-name="${name}"]`).check();
    }
    await panel.getByTestId('assign-selected').click();
    await panel.waitFor({ state: 'detached' });
  }

  /** Exports a full backup; returns the saved file's path and its suggested name. */
  async exportBackup(dir) {
    await this.go('exchange');
    const [download] = await Promise.all([this.page.waitForEvent('download'), this.id('export-backup').click()]);
    const file = path.join(dir, `${Date.now()}-${download.suggestedFilename()}`);
    await download.saveAs(file);
    // An encrypted file cannot be read here; its plain content is checked after import.
    if (!fs.readFileSync(file, 'utf8').includes('"xuncha-encrypted"')) assertValidExport(file);
    return { file, name: download.suggestedFilename() };
  }

  /** Picks files in the import box and waits until each is checked. */
  async pickImport(files) {
    await this.go('exchange');
    await this.id('import-file').setInputFiles(files);
    await this.page.locator('[data-testid="import-preview"], [data-testid="import-errors"]').first().waitFor();
  }

  /** The records of a fresh full backup, without the export time and checksum. */
  async snapshot(dir) {
    const { file } = await this.exportBackup(dir);
    return JSON.parse(fs.readFileSync(file, 'utf8')).records;
  }

  async renameTarget(oldName, newName) {
    await this.go('targets');
    await this.id('targets-table').getByRole('row', { name: new RegExp(oldName) }).getByTestId('row-edit').click();
    await this.id('target-form').getByTestId('field-name').fill(newName);
    await this.id('target-form').getByTestId('save').click();
    await this.id('target-form').waitFor({ state: 'detached' });
  }

  /** Records a problem on the ledger page and waits for its row. */
  async addProblem({ round, target, description, found }) {
    await this.go('ledger');
    await this.id('tab-problems').click();
    await this.id('new-problem').click();
    const form = this.id('problem-form');
    await form.getByTestId('field-round').selectOption({ label: round });
    await form.getByTestId('field-target').selectOption({ label: target });
    await form.getByTestId('field-found_on').fill(found);
    await form.getByTestId('field-description').fill(description);
    await form.getByTestId('save').click();
    await form.waitFor({ state: 'detached' });
  }

  ledgerRow(text) {
    return this.id('ledger-table').getByTestId('ledger-row').filter({ hasText: text });
  }

  /** Feeds back the problem whose row shows `text`, opening its rectification. */
  async feedBack(text, { fed, measures, deadline }) {
    await this.ledgerRow(text).getByTestId('row-feed-back').click();
    const form = this.id('feed-back-form');
    await form.getByTestId('field-fed_back_on').fill(fed);
    await form.getByTestId('field-measures').fill(measures);
    await form.getByTestId('field-deadline').fill(deadline);
    await form.getByTestId('save').click();
    await form.waitFor({ state: 'detached' });
  }

  /** Rewrites the measures of the rectification of the problem whose row shows `text`. */
  async editMeasures(text, measures) {
    await this.editRectification(text, { measures });
  }

  /** Rewrites fields (measures, unit, person, evidence) of the rectification of the problem whose row shows `text`. */
  async editRectification(text, fields) {
    await this.go('ledger');
    await this.id('tab-rectifications').click();
    await this.ledgerRow(text).getByTestId('row-rectification').click();
    const panel = this.id('rectification-panel');
    await panel.getByTestId('rect-edit').click();
    for (const [field, value] of Object.entries(fields)) await panel.getByTestId(`field-${field}`).fill(value);
    await panel.getByTestId('save-rectification').click();
    await this.saved();
    await panel.getByTestId('close-panel').click();
  }

  /** Takes a step (Start, Submit …) on the rectification of the problem whose row shows `text`. */
  async takeStep(text, step, { on, note } = {}) {
    await this.go('ledger');
    await this.id('tab-rectifications').click();
    await this.ledgerRow(text).getByTestId('row-rectification').click();
    const panel = this.id('rectification-panel');
    await panel.getByTestId(`step-${step}`).click();
    const form = panel.getByTestId('step-form');
    if (on) await form.getByTestId('field-on').fill(on);
    if (note) await form.getByTestId('field-note').fill(note);
    await panel.getByTestId('step-confirm').click();
    await form.waitFor({ state: 'detached' });
    await panel.getByTestId('close-panel').click();
  }

  /** Exports the package of one round; returns the saved file. */
  async exportRoundPackage(dir, title) {
    await this.go('exchange');
    await this.id('filter-package-round').selectOption({ label: title });
    const [download] = await Promise.all([this.page.waitForEvent('download'), this.id('export-round').click()]);
    const file = path.join(dir, `${Date.now()}-${download.suggestedFilename()}`);
    await download.saveAs(file);
    assertValidExport(file);
    return file;
  }

  async openInspection(groupName, targetName) {
    const row = this.group(groupName).getByTestId('inspection-row').filter({ hasText: targetName });
    await row.getByTestId('open-inspection').click();
    return this.group(groupName).getByTestId('inspection-panel');
  }
}
