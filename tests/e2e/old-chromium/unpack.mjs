// Unpacks the headless Chromium builds that the npm packages carry brotli-compressed
// (bin/chromium.br, bin/aws.tar.br, bin/swiftshader.tar.br) into unpacked/<version>/,
// once: a version whose folder holds its chromium binary is left as it is.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
export const VERSIONS = [80, 86, 92, 109];

export function unpacked(version) {
  const dir = path.join(here, 'unpacked', String(version));
  return {
    dir,
    chromium: path.join(dir, 'chromium'),
    libraries: [path.join(dir, 'lib'), path.join(dir, 'swiftshader'), dir].join(':'),
  };
}

function inflate(from) {
  return zlib.brotliDecompressSync(fs.readFileSync(from));
}

export function unpack(version) {
  const target = unpacked(version);
  if (fs.existsSync(target.chromium)) return target;
  const bin = path.join(here, 'node_modules', `chromium-${version}`, 'bin');
  if (!fs.existsSync(bin)) throw new Error(`Chromium ${version} is not installed: run npm ci in ${here}`);
  const work = `${target.dir}.partial`;
  fs.rmSync(work, { recursive: true, force: true });
  fs.mkdirSync(work, { recursive: true });
  for (const archive of ['aws.tar.br', 'swiftshader.tar.br']) {
    const tar = path.join(work, archive.replace(/\.br$/, ''));
    fs.writeFileSync(tar, inflate(path.join(bin, archive)));
    const into = archive.startsWith('swiftshader') ? path.join(work, 'swiftshader') : work;
    fs.mkdirSync(into, { recursive: true });
    execFileSync('tar', ['-xf', tar, '-C', into]);
    fs.rmSync(tar);
  }
  fs.writeFileSync(path.join(work, 'chromium'), inflate(path.join(bin, 'chromium.br')), { mode: 0o755 });
  fs.rmSync(target.dir, { recursive: true, force: true });
  fs.renameSync(work, target.dir);
  return target;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  for (const v of VERSIONS) console.log(`Chromium ${v}: ${unpack(v).chromium}`);
}
