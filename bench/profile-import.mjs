// Where an import's time goes: runs one import of a generated county in a fresh
// profile and prints how long each stage of the progress line lasted. A tool for
// finding what to speed up, not a benchmark: scripts/bench reports the figures.
//
//   node bench/profile-import.mjs county.json
import { launchChromium, tempProfile, XunchaPage } from '../tests/e2e/support.mjs';

const file = process.argv[2];
const browser = await launchChromium(tempProfile('profile-import'));
const page = await browser.newPage();
const app = new XunchaPage(page);
await app.open();
await app.setUpOffice('某某县委巡察办');
await app.go('exchange');
await page.evaluate(() => {
  window.__stages = [];
  let last = null;
  const note = () => {
    const text = document.querySelector('[data-testid="import-progress-text"]')?.textContent ?? '';
    const stage = text.replace(/[\d/ ]+/g, ' ').trim() || (document.querySelector('[data-testid="apply-import"]') ? 'preview' : 'idle');
    if (stage !== last) {
      window.__stages.push([performance.now(), stage]);
      last = stage;
    }
  };
  new MutationObserver(note).observe(document.body, { subtree: true, childList: true, characterData: true });
});
const t0 = await page.evaluate(() => performance.now());
await app.id('import-file').setInputFiles([file]);
await app.id('apply-import').waitFor({ timeout: 1_800_000 });
const t1 = await page.evaluate(() => performance.now());
await app.id('apply-import').click();
await app.id('flash').filter({ hasText: '导入完成' }).waitFor({ timeout: 1_800_000 });
const t2 = await page.evaluate(() => performance.now());
const stages = await page.evaluate(() => window.__stages);
for (let i = 0; i < stages.length; i++) {
  const [at, name] = stages[i];
  const next = stages[i + 1]?.[0] ?? t2;
  console.log(`${(at - t0).toFixed(0).padStart(7)} ms  +${(next - at).toFixed(0).padStart(6)} ms  ${name}`);
}
console.log(`file chosen → preview ${(t1 - t0).toFixed(0)} ms; apply → done ${(t2 - t1).toFixed(0)} ms`);
await browser.close();
