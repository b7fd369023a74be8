// The canonical form and checksum of an exchange file, written from
// docs/exchange-format.md alone: the tests seal files they change with it.
import crypto from 'node:crypto';

/** A number given as text (3.0, 2^64): JavaScript's own numbers would lose how it is written. */
export class Raw {
  constructor(text) { this.text = text; }
}

/** A string as the document says the canonical form escapes it. */
function quote(s) {
  let out = '"';
  for (const ch of s) {
    const c = ch.codePointAt(0);
    if (ch === '"') out += '\\"';
    else if (ch === '\\') out += '\\\\';
    else if (c === 0x08) out += '\\b';
    else if (c === 0x0c) out += '\\f';
    else if (c === 0x0a) out += '\\n';
    else if (c === 0x0d) out += '\\r';
    else if (c === 0x09) out += '\\t';
    else if (c < 0x20) out += `\\u${c.toString(16).padStart(4, '0')}`;
    else out += ch;
  }
  return `${out}"`;
}

/** A number as the canonical form writes it (docs/exchange-format.md). */
function numberText(text) {
  if (/^-?\d+$/.test(text) && BigInt(text) >= -(2n ** 63n) && BigInt(text) < 2n ** 64n) return text;
  const x = Number(text);
  const a = Math.abs(x);
  if (a === 0) return Object.is(x, -0) ? '-0.0' : '0.0';
  if (a >= 1e-5 && a < 1e16) {
    const plain = x.toString();
    return plain.includes('.') ? plain : `${plain}.0`;
  }
  const [mantissa, exponent] = x.toExponential().split('e');
  return `${mantissa}e${exponent}`;
}

/** The canonical text: keys sorted by code point, no whitespace. */
function canonical(v) {
  if (v instanceof Raw) return numberText(v.text);
  if (v === null) return 'null';
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  if (typeof v === 'object') {
    const keys = Object.keys(v).sort((a, b) => (Buffer.from(a) < Buffer.from(b) ? -1 : Buffer.from(a) > Buffer.from(b) ? 1 : 0));
    return `{${keys.map((k) => `${quote(k)}:${canonical(v[k])}`).join(',')}}`;
  }
  if (typeof v === 'string') return quote(v);
  return String(v);
}

export function sealed(file) {
  const { checksum, ...rest } = file;
  const digest = crypto.createHash('sha256').update(canonical(rest)).digest('hex');
  return canonical({ ...rest, checksum: `sha256:${digest}` });
}
