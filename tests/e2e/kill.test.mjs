// The browser killed while an import is being written: after a restart the
// database holds either the import and its undo record, or neither — never the
// import with the previous import's undo record (which would undo the wrong one).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, ROOT, tempProfile, XunchaPage } from './support.mjs';

const LONG = { timeout: 300_000 };

function generate(dir, scale, seed) {
  const file = path.join(dir, `county-${seed}.json`);
  execFileSync('cargo', ['run', '--locked', '--quiet', '-p', 'xuncha-cli', '--', 'gen', '--scale', String(scale), '--seed', String(seed), '-o', file], { cwd: ROOT });
  return file;
}

/** A Chromium of our own, in its own process group, so it can be killed whole. */
async function start(profile) {
  const child = spawn('/usr/bin/chromium', [...CHROMIUM_ARGS, '--headless', '--remote-debugging-port=0', `--user-data-dir=${profile}`, '--window-size=1366,768', 'about:blank'], { detached: true, stdio: ['ignore', 'ignore', 'pipe'] });
  const ws = await new Promise((resolve, reject) => {
    let seen = '';
    child.stderr.on('data', (d) => {
      seen += d;
      const m = /DevTools listening on (ws:\S+)/.exec(seen);
      if (m) resolve(m[1]);
    });
    child.on('exit', () => reject(new Error(`chromium ended: ${seen}`)));
  });
  const browser = await chromium.connectOverCDP(ws);
  const page = await browser.contexts()[0].newPage();
  return { child, browser, app: new XunchaPage(page) };
}

function kill(child) {
  try { process.kill(-child.pid, 'SIGKILL'); } catch { /* already gone */ }
}

async function targets(app) {
  await app.go('targets');
  return Number(/共 (\d+) 条/.exec(await app.id('list-count').innerText())?.[1]);
}

test('a kill at any moment of an import leaves it whole with its undo record, or not there at all', LONG, async () => {
  const dir = tempProfile('kill-files');
  const first = generate(dir, 0.01, 1);
  const second = generate(dir, 0.05, 2);
  const outcomes = [];
  for (const delay of [50, 300, 700, 1200, 2500]) {
    const profile = tempProfile(`kill-${delay}`);
    let run = await start(profile);
    await run.app.open();
    await run.app.setUpOffice('某某县委巡察办');
    await run.app.pickImport([first]);
    await run.app.id('apply-import').click();
    await run.app.id('flash').filter({ hasText: '导入完成' }).waitFor(LONG);
    const before = await targets(run.app);
    await run.app.pickImport([second]);
    await run.app.id('backup-first').uncheck();
    await run.app.id('apply-import').click();
    await new Promise((r) => setTimeout(r, delay));
    kill(run.child);
    await run.browser.close().catch(() => {});

    run = await start(profile);
    await run.app.open();
    const after = await targets(run.app);
    await run.app.go('exchange');
    const undo = await run.app.id('undo-import').innerText();
    if (after === before) {
      assert.match(undo, /county-1\.json/, `delay ${delay}: without the import, undo still names the first one`);
      outcomes.push('before');
    } else {
      assert.match(undo, /county-2\.json/, `delay ${delay}: with the import, undo names it`);
      outcomes.push('after');
    }
    kill(run.child);
    await run.browser.close().catch(() => {});
  }
  // The delays reach from the first batch to after the commit.
  assert.ok(outcomes.includes('before'), outcomes.join());
});
