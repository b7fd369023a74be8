// The browser floor: the built file opens from file:// in real headless Chromium 80, 86,
// 92 and 109 builds (the kernels of 360 安全/极速 and the 信创 browsers in county offices),
// sets up an office, saves a problem and still has it after a reload.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import WebSocket from 'ws';
import { ARTIFACTS, HTML, tempProfile, URL } from './support.mjs';
import { OldPage } from './old-chromium/cdp.mjs';
import { unpack, VERSIONS } from './old-chromium/unpack.mjs';

const ROUND = '十五届县委第一轮巡察';

function artifacts() {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  return ARTIFACTS;
}

/** Starts an unpacked old Chromium with a DevTools port and connects to its page. */
async function launchOld(version, profile) {
  const build = unpack(version);
  const port = 9300 + version;
  const child = spawn(build.chromium, [
    '--headless', '--no-sandbox', '--no-zygote', '--disable-gpu', '--use-gl=swiftshader', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage',
    '--window-size=1366,768', '--lang=zh-CN', `--remote-debugging-port=${port}`, `--user-data-dir=${profile}`, 'about:blank',
  ], { env: { ...process.env, LD_LIBRARY_PATH: build.libraries }, stdio: 'ignore' });
  for (let i = 0; ; i++) {
    try {
      const page = await OldPage.connect(port);
      return { page, child, port };
    } catch (e) {
      if (i > 150 || child.exitCode !== null) {
        child.kill('SIGKILL');
        throw new Error(`Chromium ${version} did not start: ${e.message}`);
      }
      await new Promise((r) => setTimeout(r, 200));
    }
  }
}

/** Closes the browser as a user does (its profile written out), or kills it if it hangs. */
async function stop({ page, child, port }) {
  page.close();
  const exited = new Promise((r) => (child.exitCode !== null ? r() : child.once('exit', r)));
  try {
    const { webSocketDebuggerUrl } = await (await fetch(`http://127.0.0.1:${port}/json/version`)).json();
    const socket = new WebSocket(webSocketDebuggerUrl, { perMessageDeflate: false });
    await new Promise((resolve, reject) => { socket.once('open', resolve); socket.once('error', reject); });
    socket.send(JSON.stringify({ id: 1, method: 'Browser.close' }));
  } catch {
    child.kill('SIGKILL');
  }
  const timer = setTimeout(() => child.kill('SIGKILL'), 10000);
  await exited;
  clearTimeout(timer);
}

/** What XunchaPage does in a current browser, through the small driver. */
async function setUpAndRecord(page) {
  await page.waitFor('setup');
  await page.fill('field-name', '城关镇纪委', { scope: 'setup' });
  await page.select('field-role', '乡镇（街道）', { scope: 'setup' });
  await page.click('setup-submit');
  await page.waitFor('nav-home');

  await page.click('nav-terms');
  await page.click('new-term');
  await page.fill('field-name', '十五届', { scope: 'term-form' });
  await page.fill('field-start_year', '2021', { scope: 'term-form' });
  await page.fill('field-end_year', '2026', { scope: 'term-form' });
  await page.click('save', { scope: 'term-form' });
  await page.waitGone('term-form');

  await page.click('nav-targets');
  await page.click('bulk-targets');
  await page.select('field-kind', '乡镇（街道）', { scope: 'bulk-form' });
  await page.fill('field-names', '城关镇', { scope: 'bulk-form' });
  await page.click('bulk-add', { scope: 'bulk-form' });
  await page.waitFor('bulk-result', { scope: 'bulk-form' });

  await page.click('nav-rounds');
  await page.click('new-round');
  await page.select('field-kind', '常规巡察', { scope: 'round-form' });
  await page.fill('field-start', '2026-03-01', { scope: 'round-form' });
  await page.fill('field-end', '2026-05-31', { scope: 'round-form' });
  await page.click('save', { scope: 'round-form' });
  await page.waitGone('round-form');

  await page.clickCss('[data-testid="rounds-table"] a');
  await page.waitFor('round-title');
  await page.click('new-group');
  await page.fill('field-leader', '张三', { scope: 'group-form' });
  await page.fill('field-members', '李四', { scope: 'group-form' });
  await page.click('save', { scope: 'group-form' });
  await page.waitGone('group-form');
  await page.click('assign-targets', { scope: 'group-card' });
  await page.clickCss('[data-testid="assign-option"][data-name="城关镇"]');
  await page.click('assign-selected', { scope: 'assign-panel' });
  await page.waitGone('assign-panel');

  await page.click('nav-ledger');
  await page.click('tab-problems');
  await page.click('new-problem');
  await page.select('field-round', ROUND, { scope: 'problem-form' });
  await page.select('field-target', '城关镇', { scope: 'problem-form' });
  await page.fill('field-found_on', '2026-04-10', { scope: 'problem-form' });
  await page.fill('field-description', '集体资金管理不规范', { scope: 'problem-form' });
  await page.click('save', { scope: 'problem-form' });
  await page.waitGone('problem-form');
  await page.waitFor('ledger-row', { scope: 'ledger-table', text: '集体资金管理不规范' });
}

test('the shipped page evaluates no code, so allowing unsafe-eval only lets old Chromium compile the wasm', () => {
  const html = fs.readFileSync(HTML, 'utf8');
  const csp = html.match(/<meta http-equiv="Content-Security-Policy" content="([^"]+)">/)[1];
  assert.match(csp, /script-src 'sha256-[^;]+'wasm-unsafe-eval' 'unsafe-eval'/);
  assert.match(csp, /default-src 'none'/);
  assert.match(csp, /connect-src 'none'/);
  const scripts = [...html.matchAll(/<script(?![^>]*octet-stream)[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]);
  assert.ok(scripts.length >= 3, 'the helpers, the glue and the loader are inline scripts');
  for (const js of scripts) {
    assert.doesNotMatch(js, /\beval\s*\(/);
    assert.doesNotMatch(js, /\bnew\s+Function\b/);
    assert.doesNotMatch(js, /(?<![`\w$.])Function\s*\(/);
  }
});

for (const version of VERSIONS) {
  test(`in Chromium ${version} the file opens from file://, keeps a problem across a reload and shows no page error`, async () => {
    const profile = tempProfile(`chromium-${version}`);
    let run = await launchOld(version, profile);
    try {
      const agent = await run.page.evaluate('navigator.userAgent');
      assert.match(agent, new RegExp(`Chrome/${version}\\.`));
      await run.page.goto(URL);
      await setUpAndRecord(run.page);
      // Before 84 flex gaps are margins (style/main.css), so buttons and filters do not touch.
      const noGap = await run.page.evaluate('document.documentElement.classList.contains("no-flex-gap")');
      assert.equal(noGap, version < 84);
      const spacing = await run.page.evaluate(`(() => { const b = document.querySelectorAll('.toolbar > *');
        return b[1].getBoundingClientRect().left - b[0].getBoundingClientRect().right; })()`);
      assert.ok(spacing >= 6, `toolbar buttons are ${spacing}px apart`);
      await run.page.screenshot(path.join(artifacts(), `old-chromium-${version}-ledger.png`));
      assert.deepEqual(run.page.errors, []);
      assert.deepEqual(run.page.requests, []);

      // The page reloaded, then a new browser process on the same profile: the next working day.
      await run.page.evaluate('location.reload()');
      await run.page.waitFor('nav-home');
      await stop(run);
      run = await launchOld(version, profile);
      await run.page.goto(URL);
      await run.page.click('nav-ledger');
      await run.page.click('tab-problems');
      await run.page.waitFor('ledger-row', { scope: 'ledger-table', text: '集体资金管理不规范' });
      assert.equal(await run.page.evaluate('document.querySelectorAll("#panic-panel").length'), 0);
      assert.deepEqual(run.page.errors, []);
      assert.deepEqual(run.page.requests, []);
    } finally {
      await stop(run);
    }
  });
}

test('a browser without DecompressionStream gets a panel that names what is missing and which versions work', async () => {
  const run = await launchOld(80, tempProfile('chromium-missing'));
  try {
    await run.page.addInitScript('delete window.DecompressionStream;');
    await run.page.goto(URL);
    await run.page.waitFor('panic-panel');
    const text = await run.page.text('panic-panel');
    assert.match(text, /DecompressionStream/);
    assert.match(text, /Chromium 内核 80 及以上/);
    assert.match(text, /Firefox 113 及以上/);
    const [box, view] = await run.page.evaluate(`(() => { const r = document.getElementById('panic-panel').getBoundingClientRect();
      return [[r.x, r.y, r.width, r.height], [window.innerWidth, window.innerHeight]]; })()`);
    assert.ok(box[0] === 0 && box[1] === 0 && box[2] >= view[0] - 1 && box[3] >= view[1] - 1, `the panel covers the window: ${box}`);
    await run.page.screenshot(path.join(artifacts(), 'old-chromium-missing-feature.png'));
  } finally {
    await stop(run);
  }
});
