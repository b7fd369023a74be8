// The JSON Schema and the program judge every file alike. A small county made by
// `xuncha gen` is cut down to one round with everything it refers to (a record of
// every kind), then every field of every kind's first record, and the header, is
// mutated one way at a time: removed, null, the wrong type, out of range, the wrong
// case, the wrong format. Each mutated file (with its checksum recomputed by the
// rules of docs/exchange-format.md, written here from the document) is judged by
// the schema with a real validator (ajv, format checks on) and by `xuncha check`.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { ROOT, tempProfile } from './support.mjs';
import { Raw, sealed } from './tools/canonical.mjs';

/** One round of the county with every record it needs, and one of every kind. */
function cutDown(county) {
  const r = county.records;
  const q = r.questionnaires.find((x) => x.data.round && r.paper_batches.some((b) => b.data.questionnaire === x.meta.id));
  const round = r.rounds.find((x) => x.meta.id === q.data.round);
  const inspections = r.inspections.filter((i) => i.data.round === round.meta.id);
  const targetIds = new Set(inspections.map((i) => i.data.target));
  for (const t of r.targets) if (targetIds.has(t.meta.id) && t.data.township) targetIds.add(t.data.township);
  const letter = r.recommendations.find((l) => l.data.round === round.meta.id && !l.meta.deleted);
  const problems = r.problems.filter((p) => letter.data.problems.includes(p.meta.id));
  const problemIds = new Set(problems.map((p) => p.meta.id));
  const plan = r.plans.find((p) => p.data.rounds.some((x) => x.round === round.meta.id));
  const out = {
    terms: r.terms.filter((t) => t.meta.id === round.data.term),
    targets: r.targets.filter((t) => targetIds.has(t.meta.id)),
    rounds: [round],
    groups: r.groups.filter((g) => g.data.round === round.meta.id),
    inspections,
    problems,
    rectifications: r.rectifications.filter((x) => problemIds.has(x.data.problem)),
    clues: r.clues.filter((c) => c.data.round === round.meta.id).slice(0, 1),
    recommendations: [letter],
    questionnaires: [q],
    responses: r.responses.filter((x) => x.data.questionnaire === q.meta.id).slice(0, 2),
    paper_batches: r.paper_batches.filter((b) => b.data.questionnaire === q.meta.id),
    plans: [{ ...plan, data: { ...plan.data, rounds: plan.data.rounds.filter((x) => x.round === round.meta.id) } }],
  };
  for (const [kind, list] of Object.entries(out)) assert.ok(list.length > 0, `the cut-down county has ${kind}`);
  return { ...county, records: out };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const DAY = /^\d{4}-\d{2}-\d{2}$/;
const TIME = /^\d{4}-\d{2}-\d{2}T/;

/** The ways one value can be wrong, each with a name. */
function mutations(value) {
  const out = [['null', null]];
  if (typeof value === 'string') {
    out.push(['number for text', 12345]);
    if (value.toUpperCase() !== value) out.push(['upper case', value.toUpperCase()]);
    if (UUID.test(value)) out.push(['uuid without hyphens', value.replaceAll('-', '')]);
    if (DAY.test(value)) {
      out.push(['day unpadded', value.replace(/-0(\d)/g, '-$1')]);
      out.push(['impossible day', `${value.slice(0, 4)}-02-30`]);
    }
    if (TIME.test(value)) out.push(['space for T', value.replace('T', ' ')]);
  } else if (typeof value === 'number') {
    out.push(['text for number', String(value)]);
    out.push(['negative', -1]);
    out.push(['beyond u32', 4294967296]);
    out.push(['beyond i64', new Raw('18446744073709551616')]);
    out.push(['integer as float', new Raw(`${value}.0`)]);
    out.push(['fraction', new Raw(`${value}.5`)]);
  } else if (typeof value === 'boolean') {
    out.push(['text for flag', 'true']);
  } else if (Array.isArray(value)) {
    out.push(['object for list', {}]);
  } else if (typeof value === 'object' && value !== null) {
    out.push(['list for object', []]);
    if (Object.keys(value).length > 0) out.push(['empty object', {}]);
  }
  return out;
}

/** Every path below `value` (objects by key, lists by their first item). */
function paths(value, prefix = []) {
  const out = [];
  if (Array.isArray(value)) {
    if (value.length > 0) {
      out.push([...prefix, 0]);
      out.push(...paths(value[0], [...prefix, 0]));
    }
  } else if (value && typeof value === 'object' && !(value instanceof Raw)) {
    for (const k of Object.keys(value)) {
      out.push([...prefix, k]);
      out.push(...paths(value[k], [...prefix, k]));
    }
  }
  return out;
}

function at(root, p) {
  return p.reduce((v, k) => v[k], root);
}

test('the schema and the program judge every mutated file alike', () => {
  const dir = tempProfile('conformance');
  const genFile = path.join(dir, 'county.json');
  execFileSync('cargo', ['run', '--locked', '--quiet', '-p', 'xuncha-cli', '--', 'gen', '--scale', '0.004', '--seed', '11', '-o', genFile], { cwd: ROOT });
  const base = cutDown(JSON.parse(fs.readFileSync(genFile, 'utf8')));
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  addFormats(ajv);
  const schema = ajv.compile(JSON.parse(fs.readFileSync(path.join(ROOT, 'docs', 'exchange-format.schema.json'), 'utf8')));

  // Where to mutate: the header, and the first record of every kind.
  const targets = paths(base).filter((p) => p[0] !== 'records' || (p.length >= 4 && p[2] === 0) || p.length === 2);
  const cases = [];
  for (const p of targets) {
    if (p[0] === 'checksum' || p[0] === 'format') continue;
    const parent = at(base, p.slice(0, -1));
    const key = p[p.length - 1];
    const variants = mutations(at(base, p));
    if (!Array.isArray(parent)) variants.push(['removed', undefined]);
    for (const [how, value] of variants) {
      const file = structuredClone(base);
      const holder = at(file, p.slice(0, -1));
      if (value === undefined) delete holder[key];
      else holder[key] = value;
      cases.push({ where: p.join('.'), how, file });
    }
  }
  cases.push({ where: '(unchanged)', how: 'none', file: base });
  const names = cases.map((c, i) => {
    const name = `case-${i}.json`;
    fs.writeFileSync(path.join(dir, name), sealed(c.file));
    return name;
  });
  const bin = path.join(ROOT, 'target', 'debug', 'xuncha');
  const run = spawnSync(bin, ['check', ...names], { cwd: dir, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  // Files given together are checked as one import; each file's own records decide.
  // A refusal with several problems lists each on an indented line after the first.
  const verdicts = new Map();
  let last = null;
  for (const line of run.stdout.split('\n')) {
    const m = /^(case-\d+\.json)：(有效|无效)。(.*)$/.exec(line);
    if (m) {
      last = { ok: m[2] === '有效', why: [m[3]] };
      verdicts.set(m[1], last);
    } else if (last && /^ {2}\S/.test(line)) last.why.push(line.trim());
  }
  const disagree = [];
  cases.forEach((c, i) => {
    const program = verdicts.get(names[i]);
    assert.ok(program, `xuncha said nothing of ${c.where} ${c.how}`);
    const bySchema = schema(JSON.parse(sealed(c.file)));
    // What ties a record to another, or one field to others, is the program's alone:
    // that a reference names a record of the file, that an answer's question and option
    // are the questionnaire's, that a rectification's status follows from its steps.
    const beyondSchema = ['所指的记录', '回答了问卷中没有的题目', '超出了该题的选项', '与办理记录不符'];
    const problems = program.why.length > 1 ? program.why.slice(1) : program.why;
    const dangling = !program.ok && problems.every((p) => beyondSchema.some((words) => p.includes(words)));
    if (bySchema !== program.ok && !(bySchema && dangling)) {
      const schemaSays = bySchema ? 'accepts' : `refuses (${ajv.errorsText(schema.errors).slice(0, 120)})`;
      disagree.push(`${c.where} ${c.how}: schema ${schemaSays}, program ${program.ok ? 'accepts' : `refuses (${program.why.join(' ').slice(0, 120)})`}`);
    }
  });
  assert.equal(verdicts.get(names[names.length - 1])?.ok, true, 'the unchanged county is valid');
  assert.ok(cases.length > 500, `${cases.length} cases`);
  fs.writeFileSync(path.join(dir, 'disagreements.txt'), disagree.join('\n'));
  // Not deepEqual: its diff of a long list takes minutes.
  assert.ok(disagree.length === 0, `${disagree.length} of ${cases.length} disagree, the first:\n${disagree.slice(0, 20).join('\n')}`);
});
