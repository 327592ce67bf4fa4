#!/usr/bin/env node
// The Chinese edition (中文版): notebooks/zh/ is built from the English notebooks plus one translation file per
// notebook, so there is one source of code and two languages of prose.
//
//   notebooks/zh/translations/NN-name.json            (and translations/solutions/NN-name.json)
//   {
//     "cells":    { "<cell id>": { "source_sha256": "<hash of the English markdown it translates>", "zh": "…" } },
//     "messages": { "<English text the code shows, numbers as {}>": "<中文, numbers as {} or {0} {1} …>" }
//   }
//
// A translation is stale when the English cell's source no longer has the hash stored with it; a markdown cell
// without a translation is missing. Code cells are copied: identical, except that relative paths that leave the
// notebooks folder ('../dist', '../data/penguins.csv') are re-pointed from the zh folder.
//
//   node scripts/zh.js todo [NN]       cells to translate: missing and stale ones, with the English source
//   node scripts/zh.js stamp [NN]      store the hash of the current English source for translations without one
//   node scripts/zh.js accept NN ID    a reviewed translation of a changed cell: store the new hash
//   node scripts/zh.js messages [NN]   texts the last zh run of NN showed in English (keys for its "messages")
//   node scripts/zh.js build           write notebooks/zh/*.ipynb and notebooks/zh/solutions/*.ipynb
//   node scripts/zh.js check [NN]      everything the sync tests check (exit 1 with a list when not in sync)
'use strict';

const crypto = require('crypto');
const fs = require('fs');
const path = require('path');
const { stringifyNotebook, toLines } = require('./notebook');

const ROOT = path.resolve(__dirname, '..');
const NOTEBOOKS = path.join(ROOT, 'notebooks');
const ZH = path.join(NOTEBOOKS, 'zh');
const TRANSLATIONS = path.join(ZH, 'translations');
const MARKER = 'course-language.json';

/** The English notebooks of the edition: [{ english, zh, translation, name, group }]. */
function pairs() {
  const out = [];
  for (const [group, dir] of [['course', NOTEBOOKS], ['solutions', path.join(NOTEBOOKS, 'solutions')]]) {
    for (const name of fs.readdirSync(dir).filter((f) => /^\d\d-.*\.ipynb$/.test(f)).sort()) {
      const sub = group === 'solutions' ? 'solutions' : '';
      out.push({
        name,
        group,
        label: (sub ? 'solutions/' : '') + name,
        english: path.join(dir, name),
        zh: path.join(ZH, sub, name),
        translation: path.join(TRANSLATIONS, sub, name.replace(/\.ipynb$/, '.json')),
      });
    }
  }
  return out;
}

function sourceOf(cell) {
  return Array.isArray(cell.source) ? cell.source.join('') : String(cell.source ?? '');
}

/** The hash stored with a translation: sha256 of the English source, first 16 hex digits. */
function hashOf(text) {
  return crypto.createHash('sha256').update(text, 'utf8').digest('hex').slice(0, 16);
}

function readJson(file) {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (err) {
    throw new Error(`${path.relative(ROOT, file)}: ${err.code === 'ENOENT' ? 'file not found' : err.message}`);
  }
}

function readTranslation(pair) {
  if (!fs.existsSync(pair.translation)) return { cells: {}, messages: {} };
  const t = readJson(pair.translation);
  const where = path.relative(ROOT, pair.translation);
  if (!t || typeof t !== 'object' || typeof t.cells !== 'object' || t.cells === null) {
    throw new Error(`${where}: expected an object with "cells": { "<cell id>": { "source_sha256", "zh" } }`);
  }
  for (const [id, entry] of Object.entries(t.cells)) {
    if (!entry || typeof entry.zh !== 'string') throw new Error(`${where}: cells["${id}"].zh must be a string`);
  }
  if (t.messages !== undefined && (typeof t.messages !== 'object' || Array.isArray(t.messages))) {
    throw new Error(`${where}: "messages" must map English text to Chinese text`);
  }
  t.messages = t.messages || {};
  return t;
}

function writeTranslation(pair, t) {
  fs.mkdirSync(path.dirname(pair.translation), { recursive: true });
  const cells = {};
  for (const id of Object.keys(t.cells)) cells[id] = { source_sha256: t.cells[id].source_sha256, zh: t.cells[id].zh };
  fs.writeFileSync(pair.translation, JSON.stringify({ cells, messages: t.messages || {} }, null, 1) + '\n');
}

/**
 * Re-points relative paths that leave the notebooks folder. A path inside notebooks/ that names a course notebook
 * keeps pointing at its counterpart in the zh edition; any other path keeps its target (data, dist, README).
 */
function repoint(text, englishDir, zhDir) {
  const fix = (rel) => {
    const target = path.resolve(englishDir, rel);
    const insideNotebooks = target === NOTEBOOKS || target.startsWith(NOTEBOOKS + path.sep);
    const zhTarget =
      insideNotebooks && /\.ipynb$/.test(target) ? path.join(ZH, path.relative(NOTEBOOKS, target)) : target;
    let out = path.relative(zhDir, zhTarget).split(path.sep).join('/');
    if (!out.startsWith('.')) out = './' + out;
    if (!rel.startsWith('./') && !rel.startsWith('../') && out.startsWith('./')) out = out.slice(2);
    return out;
  };
  return text
    .replace(/(['"`])(\.{1,2}\/[^'"`\s]*)\1/g, (m, q, rel) => q + fix(rel) + q)
    .replace(/(\]\()([^)\s]+)(\))/g, (m, a, rel, b) =>
      /^[a-z]+:|^#|^\//i.test(rel) ? m : a + fix(rel.split('#')[0]) + (rel.includes('#') ? '#' + rel.split('#')[1] : '') + b,
    );
}

/** What the zh notebook of a pair must be (or throws when a translation is missing or stale). */
function buildNotebook(pair, { allowIncomplete = false } = {}) {
  const nb = readJson(pair.english);
  const t = readTranslation(pair);
  const englishDir = path.dirname(pair.english);
  const zhDir = path.dirname(pair.zh);
  const cells = nb.cells.map((cell) => {
    const src = sourceOf(cell);
    const out = { ...cell, metadata: { ...(cell.metadata || {}) } };
    if (cell.cell_type === 'markdown') {
      const entry = t.cells[cell.id];
      const ok = entry && entry.source_sha256 === hashOf(src);
      if (!ok && !allowIncomplete) throw new Error(`${pair.label}: cell ${cell.id} has no current translation`);
      out.source = toLines(repoint(entry ? entry.zh : src, englishDir, zhDir));
    } else if (cell.cell_type === 'code') {
      out.source = toLines(repoint(src, englishDir, zhDir));
      out.outputs = [];
      out.execution_count = null;
    }
    return out;
  });
  const metadata = { ...nb.metadata, fcnn: { ...(nb.metadata?.fcnn || {}), language: 'zh', english: path.relative(zhDir, pair.english).split(path.sep).join('/') } };
  if (metadata.title) {
    const first = cells.find((c) => c.cell_type === 'markdown');
    const heading = first && /^#\s+(.+)$/m.exec(sourceOf(first));
    if (heading) metadata.title = heading[1].trim();
  }
  return { cells, metadata, nbformat: nb.nbformat, nbformat_minor: nb.nbformat_minor };
}

/** The marker that tells the course library, loaded from this folder, to show Chinese (see lib/language.ts). */
function markerFor(dir) {
  const rel = path.relative(dir, TRANSLATIONS).split(path.sep).join('/');
  return JSON.stringify({ language: 'zh', messages: rel }, null, 1) + '\n';
}

function build({ allowIncomplete = false } = {}) {
  const written = [];
  for (const pair of pairs()) {
    const nb = buildNotebook(pair, { allowIncomplete });
    fs.mkdirSync(path.dirname(pair.zh), { recursive: true });
    const text = stringifyNotebook(nb);
    if (!fs.existsSync(pair.zh) || fs.readFileSync(pair.zh, 'utf8') !== text) {
      fs.writeFileSync(pair.zh, text);
      written.push(pair.label);
    }
  }
  for (const dir of [ZH, path.join(ZH, 'solutions')]) fs.writeFileSync(path.join(dir, MARKER), markerFor(dir));
  return written;
}

/**
 * Shorter Chinese forms that also count as using a glossary term in running Chinese text (损失 for 损失函数, as
 * d2l-zh writes). The glossary keeps the full term; these are only accepted, never required.
 */
const SHORT_FORMS = {
  loss: ['损失'],
  'loss function': ['损失'],
  softmax: ['Softmax'],
  'one-hot': ['独热'],
  'one-hot encoding': ['独热'],
  epoch: ['轮'],
  target: ['目标'],
  'zero-centred': ['零中心', '以零为中心', '均值为 0', '均值为0'],
  xor: ['XOR'],
  'dying relu': ['死亡', 'dying ReLU'],
  'dead neuron': ['死亡'],
  optimiser: ['优化'],
  'convolutional network': ['卷积网络'],
  'fully connected network': ['全连接网络'],
  'fully connected neural network': ['全连接网络'],
  'numerical gradient check': ['数值梯度'],
  'forward pass': ['前向'],
  converge: ['收敛'],
  probability: ['概率'],
  // "bias" in the statistical sense (residuals not centred on 0) is 偏差
  bias: ['偏差'],
};

function readGlossary() {
  return readJson(path.join(NOTEBOOKS, 'glossary.json'));
}

/** English prose only: no code, formulas, links' targets or HTML; lower case, hyphens as spaces. */
function englishProse(markdown) {
  return ` ${markdown}`
    .replace(/```[\s\S]*?```/g, ' ')
    .replace(/`[^`]*`/g, ' ')
    .replace(/\$\$[\s\S]*?\$\$/g, ' ')
    .replace(/\$[^$]*\$/g, ' ')
    .replace(/\]\([^)]*\)/g, '] ')
    .replace(/[\w./-]+\.(?:ipynb|csv|json|md|ts|js|html)\b/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/[*_]/g, '')
    .toLowerCase()
    .replace(/-/g, ' ')
    .replace(/\s+/g, ' ');
}

/** Glossary terms an English markdown text uses (as words, plural -s/-es allowed), longest first, not nested. */
function termsUsed(markdown, glossary) {
  let text = englishProse(markdown);
  const found = [];
  const keys = Object.keys(glossary).sort((a, b) => b.length - a.length);
  for (const key of keys) {
    const k = key.toLowerCase().replace(/-/g, ' ').replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const re = new RegExp(`(^|[^a-z0-9])${k}(s|es)?(?![a-z0-9])`, 'g');
    if (re.test(text)) {
      found.push(key);
      text = text.replace(re, '$1 ');
    }
  }
  return found;
}

/** Glossary terms used in the English cell whose Chinese term the zh cell lacks. */
function glossaryGaps(englishMarkdown, zhMarkdown, glossary) {
  const zh = zhMarkdown.replace(/\s+/g, '').toLowerCase();
  return termsUsed(englishMarkdown, glossary).filter((key) => {
    const forms = [glossary[key], ...(SHORT_FORMS[key] || [])].map((f) => f.replace(/\s+/g, '').toLowerCase());
    return !forms.some((f) => zh.includes(f));
  });
}

/** Every translation file's messages, merged: key → { zh, files }. */
function allMessages() {
  const out = new Map();
  for (const pair of pairs()) {
    if (!fs.existsSync(pair.translation)) continue;
    for (const [en, zh] of Object.entries(readTranslation(pair).messages)) {
      const seen = out.get(en);
      if (seen) seen.files.push({ label: pair.label, zh });
      else out.set(en, { zh, files: [{ label: pair.label, zh }] });
    }
  }
  return out;
}

/** The placeholders a message uses: {} in order, or {0} {1} by position. */
function placeholders(text) {
  let next = 0;
  return [...text.matchAll(/\{(\d*)\}/g)].map((m) => (m[1] === '' ? next++ : Number(m[1])));
}

/** Problems of the message tables: a Chinese text that drops or invents a number, or two files disagreeing. */
function messageProblems(only) {
  const out = [];
  const labels = new Set(only.map((p) => p.label));
  for (const [en, { files }] of allMessages()) {
    const n = placeholders(en).length;
    for (const f of files) {
      if (!labels.has(f.label)) continue;
      const used = new Set(placeholders(f.zh));
      const wrong = [...used].filter((i) => i >= n);
      if (used.size !== n || wrong.length) {
        out.push({ kind: 'message', where: `${f.label} messages["${en}"]`, message: `the English has ${n} number(s) {}, the Chinese "${f.zh}" uses ${used.size}${wrong.length ? ` (and {${wrong[0]}}, which does not exist)` : ''}` });
      }
    }
    const distinct = new Set(files.map((f) => f.zh));
    if (distinct.size > 1 && files.some((f) => labels.has(f.label))) {
      out.push({ kind: 'message', where: `messages["${en}"]`, message: `translated differently in ${files.map((f) => `${f.label} ("${f.zh}")`).join(' and ')}; the tables are merged, so use one translation` });
    }
  }
  return out;
}

/** Every way the zh edition can be out of sync, as { kind, where, message }. */
function problems(only = pairs()) {
  const out = [];
  const glossary = readGlossary();
  for (const pair of only) {
    let t;
    try {
      t = readTranslation(pair);
    } catch (err) {
      out.push({ kind: 'invalid', where: pair.label, message: err.message });
      continue;
    }
    const nb = readJson(pair.english);
    const ids = new Set();
    for (const cell of nb.cells) {
      ids.add(cell.id);
      if (cell.cell_type !== 'markdown') continue;
      const entry = t.cells[cell.id];
      const first = sourceOf(cell).split('\n')[0].slice(0, 70);
      if (!entry) out.push({ kind: 'missing', where: `${pair.label} cell ${cell.id}`, message: `no translation of "${first}"` });
      else if (!entry.source_sha256) out.push({ kind: 'unstamped', where: `${pair.label} cell ${cell.id}`, message: 'translation has no source_sha256 (run node scripts/zh.js stamp)' });
      else if (entry.source_sha256 !== hashOf(sourceOf(cell))) {
        out.push({ kind: 'stale', where: `${pair.label} cell ${cell.id}`, message: `the English cell "${first}" changed after it was translated; update the translation, then node scripts/zh.js accept ${pair.name.slice(0, 2)}${pair.group === 'solutions' ? 's' : ''} ${cell.id}` });
      } else if (!entry.zh.trim()) out.push({ kind: 'missing', where: `${pair.label} cell ${cell.id}`, message: 'translation is empty' });
      else {
        const gaps = glossaryGaps(sourceOf(cell), entry.zh, glossary);
        if (gaps.length) {
          out.push({ kind: 'glossary', where: `${pair.label} cell ${cell.id}`, message: `the English cell uses ${gaps.map((g) => `"${g}" (${glossary[g]})`).join(', ')}; the translation does not` });
        }
      }
    }
    for (const id of Object.keys(t.cells)) {
      if (!ids.has(id)) out.push({ kind: 'orphan', where: `${pair.label} cell ${id}`, message: 'translation of a cell the English notebook no longer has' });
    }
    // The built file: present, current, and its code cells the English ones (paths re-pointed only).
    if (!fs.existsSync(pair.zh)) {
      out.push({ kind: 'not-built', where: path.relative(ROOT, pair.zh), message: 'missing (run node scripts/zh.js build)' });
      continue;
    }
    const zhNb = readJson(pair.zh);
    const zhCode = zhNb.cells.filter((c) => c.cell_type === 'code');
    const enCode = nb.cells.filter((c) => c.cell_type === 'code');
    if (zhCode.length !== enCode.length) {
      out.push({ kind: 'code', where: path.relative(ROOT, pair.zh), message: `${zhCode.length} code cells, the English notebook has ${enCode.length}` });
    }
    enCode.forEach((cell, i) => {
      const z = zhCode[i];
      const expected = repoint(sourceOf(cell), path.dirname(pair.english), path.dirname(pair.zh));
      if (z && (z.id !== cell.id || sourceOf(z) !== expected)) {
        out.push({ kind: 'code', where: `${path.relative(ROOT, pair.zh)} cell ${z.id}`, message: `code differs from English cell ${cell.id}` });
      }
    });
    if (zhNb.cells.length !== nb.cells.length || zhNb.cells.some((c, i) => c.id !== nb.cells[i].id || c.cell_type !== nb.cells[i].cell_type)) {
      out.push({ kind: 'cells', where: path.relative(ROOT, pair.zh), message: 'cells are not the English cells in the same order' });
    }
    try {
      if (stringifyNotebook(buildNotebook(pair)) !== fs.readFileSync(pair.zh, 'utf8')) {
        out.push({ kind: 'not-built', where: path.relative(ROOT, pair.zh), message: 'differs from what its translation builds (run node scripts/zh.js build)' });
      }
    } catch {
      /* reported above as missing/stale */
    }
  }
  out.push(...messageProblems(only));
  return out;
}

function selectPairs(arg) {
  const all = pairs();
  if (!arg) return all;
  const solutions = arg.endsWith('s');
  const nn = arg.replace(/s$/, '');
  const picked = all.filter((p) => p.name.startsWith(nn) && (p.group === 'solutions') === solutions);
  if (!picked.length) throw new Error(`no notebook "${arg}": use NN for a course notebook, NNs for its solutions (e.g. 03 or 03s)`);
  return picked;
}

function main(argv) {
  const [cmd, ...rest] = argv;
  if (cmd === 'todo') {
    for (const pair of selectPairs(rest[0])) {
      const t = readTranslation(pair);
      for (const cell of readJson(pair.english).cells) {
        if (cell.cell_type !== 'markdown') continue;
        const entry = t.cells[cell.id];
        const state = !entry ? 'MISSING' : entry.source_sha256 && entry.source_sha256 !== hashOf(sourceOf(cell)) ? 'STALE' : null;
        if (state) console.log(`--- ${state} ${pair.label} ${cell.id}\n${sourceOf(cell)}\n`);
      }
    }
  } else if (cmd === 'stamp') {
    for (const pair of selectPairs(rest[0])) {
      if (!fs.existsSync(pair.translation)) continue;
      const t = readTranslation(pair);
      const byId = new Map(readJson(pair.english).cells.map((c) => [c.id, c]));
      let n = 0;
      for (const [id, entry] of Object.entries(t.cells)) {
        if (!entry.source_sha256 && byId.has(id)) {
          entry.source_sha256 = hashOf(sourceOf(byId.get(id)));
          n++;
        }
      }
      writeTranslation(pair, t);
      console.log(`${pair.label}: stamped ${n}`);
    }
  } else if (cmd === 'accept') {
    const [pair] = selectPairs(rest[0]);
    const t = readTranslation(pair);
    const cell = readJson(pair.english).cells.find((c) => c.id === rest[1]);
    if (!cell || !t.cells[rest[1]]) throw new Error(`${pair.label}: no translated cell ${rest[1]}`);
    t.cells[rest[1]].source_sha256 = hashOf(sourceOf(cell));
    writeTranslation(pair, t);
  } else if (cmd === 'messages') {
    // What the last run of the zh notebook (npm run test:notebooks:zh, or run-notebooks.js --lang zh FILE) showed in
    // English: keys to add to the notebook's "messages".
    const known = allMessages();
    for (const pair of selectPairs(rest[0])) {
      const log = path.join(ROOT, 'artifacts', 'untranslated', `${path.basename(path.dirname(pair.zh))}-${pair.name}.txt`);
      if (!fs.existsSync(log)) {
        console.log(`${pair.label}: not run yet: node scripts/run-notebooks.js --lang zh ${path.relative(ROOT, pair.zh)}`);
        continue;
      }
      const keys = [...new Set(fs.readFileSync(log, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l)))].filter((k) => !known.has(k));
      console.log(`${pair.label}: ${keys.length} text(s) without a message (from the run of ${fs.statSync(log).mtime.toISOString()})`);
      for (const k of keys.sort()) console.log(JSON.stringify(k));
    }
  } else if (cmd === 'build') {
    const written = build({ allowIncomplete: rest.includes('--allow-incomplete') });
    console.log(written.length ? `wrote ${written.join(', ')}` : 'zh notebooks up to date');
  } else if (cmd === 'check') {
    const list = problems(selectPairs(rest[0]));
    for (const p of list) console.log(`${p.kind.padEnd(9)} ${p.where}: ${p.message}`);
    console.log(list.length ? `${list.length} problems` : 'zh edition in sync');
    process.exitCode = list.length ? 1 : 0;
  } else {
    console.log(fs.readFileSync(__filename, 'utf8').split('\n').filter((l) => l.startsWith('//')).join('\n'));
    if (cmd !== 'help') process.exitCode = 2;
  }
}

module.exports = { termsUsed, glossaryGaps, SHORT_FORMS, pairs, hashOf, sourceOf, repoint, readTranslation, buildNotebook, build, problems, MARKER, ROOT, ZH, TRANSLATIONS };

if (require.main === module) {
  try {
    main(process.argv.slice(2));
  } catch (err) {
    console.error(`zh: ${err.message}`);
    process.exitCode = 1;
  }
}
