// A small DevTools-protocol driver for Chromium builds older than any that Playwright or
// Puppeteer still speak to: it uses only CDP methods that Chromium 80 has, and does in the
// page what a user does (type into a field, pick an option, click) through DOM events.
import fs from 'node:fs';
import WebSocket from 'ws';

const PAGE_HELPERS = `
window.__x = {
  find(scope, testid, text) {
    const root = scope ? document.querySelector('[data-testid="' + scope + '"]') : document;
    if (!root) return null;
    const all = Array.from(root.querySelectorAll('[data-testid="' + testid + '"]'));
    return all.find((el) => !text || el.textContent.includes(text)) || null;
  },
  setValue(el, value) {
    const proto = el instanceof HTMLTextAreaElement ? HTMLTextAreaElement.prototype
      : el instanceof HTMLSelectElement ? HTMLSelectElement.prototype : HTMLInputElement.prototype;
    Object.getOwnPropertyDescriptor(proto, 'value').set.call(el, value);
    el.dispatchEvent(new Event('input', { bubbles: true }));
    el.dispatchEvent(new Event('change', { bubbles: true }));
  },
};`;

export class OldPage {
  constructor(socket) {
    this.socket = socket;
    this.next = 1;
    this.waiting = new Map();
    this.errors = [];
    this.requests = [];
    socket.on('message', (data) => this.receive(JSON.parse(data.toString())));
  }

  /** Connects to the first page of the browser listening on `port`. */
  static async connect(port) {
    const targets = await (await fetch(`http://127.0.0.1:${port}/json/list`)).json();
    const target = targets.find((t) => t.type === 'page');
    const socket = new WebSocket(target.webSocketDebuggerUrl, { perMessageDeflate: false });
    await new Promise((resolve, reject) => { socket.once('open', resolve); socket.once('error', reject); });
    const page = new OldPage(socket);
    await page.send('Page.enable');
    await page.send('Runtime.enable');
    await page.send('Network.enable');
    await page.send('Emulation.setDeviceMetricsOverride', { width: 1366, height: 768, deviceScaleFactor: 1, mobile: false });
    await page.send('Page.addScriptToEvaluateOnNewDocument', { source: PAGE_HELPERS });
    return page;
  }

  receive(message) {
    if (message.id && this.waiting.has(message.id)) {
      const { resolve, reject, method } = this.waiting.get(message.id);
      this.waiting.delete(message.id);
      if (message.error) reject(new Error(`${method}: ${message.error.message}`));
      else resolve(message.result);
      return;
    }
    const p = message.params;
    if (message.method === 'Runtime.exceptionThrown') {
      this.errors.push(p.exceptionDetails.exception?.description ?? p.exceptionDetails.text);
    } else if (message.method === 'Runtime.consoleAPICalled' && p.type === 'error') {
      this.errors.push(p.args.map((a) => a.value ?? a.description).join(' '));
    } else if (message.method === 'Network.requestWillBeSent') {
      const url = p.request.url;
      if (!/^(file|data|blob):/.test(url)) this.requests.push(url);
    }
  }

  send(method, params = {}) {
    const id = this.next++;
    this.socket.send(JSON.stringify({ id, method, params }));
    return new Promise((resolve, reject) => this.waiting.set(id, { resolve, reject, method }));
  }

  async evaluate(expression) {
    const r = await this.send('Runtime.evaluate', { expression, awaitPromise: true, returnByValue: true });
    if (r.exceptionDetails) throw new Error(`in the page: ${r.exceptionDetails.exception?.description ?? r.exceptionDetails.text}`);
    return r.result.value;
  }

  async addInitScript(source) {
    await this.send('Page.addScriptToEvaluateOnNewDocument', { source });
  }

  async goto(url) {
    await this.send('Page.navigate', { url });
  }

  /** Waits until `check` (a page expression) is truthy; returns its value. */
  async until(check, what, timeout = 30000) {
    const end = Date.now() + timeout;
    for (;;) {
      const value = await this.evaluate(`(() => { try { return ${check}; } catch (e) { return null; } })()`);
      if (value) return value;
      if (Date.now() > end) throw new Error(`timed out waiting for ${what}; page errors: ${JSON.stringify(this.errors)}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  el(testid, { scope = null, text = null } = {}) {
    return `window.__x.find(${JSON.stringify(scope)}, ${JSON.stringify(testid)}, ${JSON.stringify(text)})`;
  }

  waitFor(testid, opts) {
    return this.until(`!!${this.el(testid, opts)}`, testid);
  }

  waitGone(testid, opts) {
    return this.until(`!${this.el(testid, opts)}`, `${testid} to close`);
  }

  async click(testid, opts) {
    await this.until(`(() => { const e = ${this.el(testid, opts)}; return !!e && !e.disabled; })()`, testid);
    await this.evaluate(`${this.el(testid, opts)}.click()`);
  }

  async fill(testid, value, opts) {
    await this.waitFor(testid, opts);
    await this.evaluate(`window.__x.setValue(${this.el(testid, opts)}, ${JSON.stringify(value)})`);
  }

  /** Picks the option whose text is `label`, once the select offers it. */
  async select(testid, label, opts) {
    const pick = `(() => { const s = ${this.el(testid, opts)}; if (!s) return null;
      const o = Array.from(s.options).find((o) => o.textContent.trim() === ${JSON.stringify(label)});
      return o ? o.value : null; })()`;
    const value = await this.until(`${pick} !== null && ${pick}`, `option ${label} in ${testid}`).catch(async (e) => {
      const offered = await this.evaluate(`Array.from((${this.el(testid, opts)} || { options: [] }).options).map((o) => o.textContent)`);
      throw new Error(`${e.message}; offered: ${JSON.stringify(offered)}`);
    });
    await this.evaluate(`window.__x.setValue(${this.el(testid, opts)}, ${JSON.stringify(value)})`);
  }

  /** Clicks the first element that matches a CSS selector, once it is there. */
  async clickCss(selector) {
    const q = `document.querySelector(${JSON.stringify(selector)})`;
    await this.until(`!!${q}`, selector);
    await this.evaluate(`${q}.click()`);
  }

  text(testid, opts) {
    return this.evaluate(`(${this.el(testid, opts)} || {}).innerText`);
  }

  async screenshot(file) {
    const { data } = await this.send('Page.captureScreenshot', { format: 'png' });
    fs.writeFileSync(file, Buffer.from(data, 'base64'));
  }

  close() {
    this.socket.close();
  }
}
