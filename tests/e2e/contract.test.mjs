// The exchange format as a contract others can hold to: an encrypted file written
// from docs/exchange-format.md alone (tests/e2e/tools/envelope.py, with Argon2id and
// AES-GCM from their own Python libraries) opens in xuncha, a file xuncha sealed
// opens there, and both agree with the document's test vector.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { ROOT, tempProfile } from './support.mjs';

const env = { ...process.env, PYTHONPATH: path.join(ROOT, 'tests', 'e2e', '.python') };
const envelope = (args, input = '') =>
  execFileSync('python3', [path.join(ROOT, 'tests', 'e2e', 'tools', 'envelope.py'), ...args], { env, input, encoding: 'utf8' });
const xuncha = (args, input = '') =>
  execFileSync('cargo', ['run', '--locked', '--quiet', '-p', 'xuncha-cli', '--', ...args], { cwd: ROOT, input, encoding: 'utf8' });

function vectorOf(doc) {
  const block = doc.split('#### Test vector')[1];
  const line = (label) => block.split('\n').find((l) => l.startsWith(`- ${label}: `)).split('`')[1];
  return { key: line('key (hex)'), aad: line('associated data'), ciphertext: line('ciphertext (base64)') };
}

test('an encrypted file written from the document alone opens in xuncha, and the other way round', () => {
  const dir = tempProfile('contract');
  const doc = fs.readFileSync(path.join(ROOT, 'docs', 'exchange-format.md'), 'utf8');
  assert.deepEqual(JSON.parse(envelope(['vector', path.join(ROOT, 'docs', 'exchange-format.md')])), vectorOf(doc));

  const plain = path.join(dir, 'county.json');
  xuncha(['gen', '--scale', '0.001', '--seed', '3', '-o', plain]);
  const byPython = path.join(dir, 'by-python.json');
  envelope(['seal', plain, byPython], '城关镇2026\n');
  const opened = path.join(dir, 'opened-by-xuncha.json');
  xuncha(['--passphrase-stdin', 'decrypt', byPython, '-o', opened], '城关镇2026\n');
  assert.ok(fs.readFileSync(opened).equals(fs.readFileSync(plain)));
  assert.match(xuncha(['--passphrase-stdin', 'check', byPython], '城关镇2026\n'), /有效/);

  const byXuncha = path.join(dir, 'by-xuncha.json');
  xuncha(['--passphrase-stdin', 'encrypt', plain, '-o', byXuncha], '大庄镇\n');
  const back = path.join(dir, 'opened-by-python.json');
  envelope(['open', byXuncha, back], '大庄镇\n');
  assert.ok(fs.readFileSync(back).equals(fs.readFileSync(plain)));
  assert.throws(() => envelope(['open', byXuncha, back], 'wrong\n'), 'a wrong passphrase fails there too');
});
