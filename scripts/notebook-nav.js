#!/usr/bin/env node
// The navigation cells of the course notebooks 00–08: a table of contents after the title (cell id `fcnn-toc`,
// links to every `## ` section) and a "Next →" link as the last cell (`fcnn-next`). Both are Markdown cells the
// slide decks skip (slideshow.slide_type "skip"). Generated, not edited by hand:
//   node scripts/notebook-nav.js          (re)write them in notebooks/NN-*.ipynb and their Chinese translations in
//                                         notebooks/zh/translations/NN-*.json (from the zh notebooks' own headings),
//                                         then run `node scripts/zh.js build`
//   node scripts/notebook-nav.js --check  exit 1 naming the notebooks whose navigation cells are missing or stale
// Links follow Jupyter's heading ids (classic Notebook and nbconvert): the text with spaces as hyphens.
'use strict';

const fs = require('fs');
const path = require('path');
const { stringifyNotebook, toLines } = require('./notebook');
const zh = require('./zh');

const ROOT = path.resolve(__dirname, '..');
const NOTEBOOKS = path.join(ROOT, 'notebooks');
const UI = {
  en: { contents: '**Contents**', next: '**Next →**', end: '**The end of the course.** Back to the start:' },
  zh: { contents: '**目录**', next: '**下一课 →**', end: '**课程到此结束。** 回到开头：' },
};
const SKIP = { slideshow: { slide_type: 'skip' } };

const sourceOf = (c) => (Array.isArray(c.source) ? c.source.join('') : String(c.source ?? ''));

/** The `## ` headings of a notebook's Markdown cells (not inside code fences), as rendered text. */
function sections(nb) {
  const out = [];
  for (const cell of nb.cells) {
    if (cell.cell_type !== 'markdown' || cell.id === 'fcnn-toc' || cell.id === 'fcnn-next') continue;
    let fence = false;
    for (const line of sourceOf(cell).split('\n')) {
      if (/^\s*(```|~~~)/.test(line)) fence = !fence;
      const m = !fence && /^##\s+(.+?)\s*#*\s*$/.exec(line);
      if (m) out.push(m[1].replace(/[*_`]/g, '').trim());
    }
  }
  return out;
}

/**
 * The link to a heading. Its id is the heading's text with spaces as hyphens: raw in the live Notebook,
 * percent-encoded beyond ASCII by nbconvert (the site). An HTML link with the raw text reaches both, as a browser
 * tries a fragment first as written percent-encoded, then decoded. (A Markdown link would break on the brackets.)
 */
function linkTo(text) {
  const esc = (v) => v.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return `<a href="#${esc(text.replace(/ /g, '-'))}">${esc(text)}</a>`;
}

function titleOf(nb) {
  for (const cell of nb.cells) {
    const m = cell.cell_type === 'markdown' && /^#\s+(.+)$/m.exec(sourceOf(cell));
    if (m) return m[1].replace(/[*_`]/g, '').replace(/\s*（[^）]*）\s*$|\s*\([^)]*[\u4e00-\u9fff][^)]*\)\s*$/, '').trim();
  }
  return '';
}

function tocSource(nb, lang) {
  return [UI[lang].contents, '', ...sections(nb).map((s) => `- ${linkTo(s)}`)].join('\n');
}

function nextSource(files, i, titles, lang) {
  if (i + 1 < files.length) return `${UI[lang].next} [${titles[i + 1]}](${files[i + 1]})`;
  return `${UI[lang].end} [${titles[0]}](${files[0]})`;
}

const courseFiles = () => fs.readdirSync(NOTEBOOKS).filter((f) => /^\d\d-.*\.ipynb$/.test(f)).sort();
const read = (f) => JSON.parse(fs.readFileSync(f, 'utf8'));

/** The navigation cells each English notebook should have: [{ file, toc, next }]. */
function expected(lang = 'en') {
  const files = courseFiles();
  const dir = lang === 'zh' ? path.join(NOTEBOOKS, 'zh') : NOTEBOOKS;
  const nbs = files.map((f) => read(path.join(dir, f)));
  const titles = nbs.map(titleOf);
  return files.map((file, i) => ({ file, toc: tocSource(nbs[i], lang), next: nextSource(files, i, titles, lang) }));
}

function place(nb, id, source, at) {
  const cell = { cell_type: 'markdown', id, metadata: { ...SKIP }, source: toLines(source) };
  const old = nb.cells.findIndex((c) => c.id === id);
  if (old >= 0) nb.cells[old] = { ...nb.cells[old], metadata: { ...nb.cells[old].metadata, ...SKIP }, source: cell.source };
  else if (at === 'end') nb.cells.push(cell);
  else nb.cells.splice(at, 0, cell);
}

function write() {
  for (const e of expected('en')) {
    const file = path.join(NOTEBOOKS, e.file);
    const nb = read(file);
    place(nb, 'fcnn-toc', e.toc, 1);
    place(nb, 'fcnn-next', e.next, 'end');
    const last = nb.cells.findIndex((c) => c.id === 'fcnn-next');
    if (last !== nb.cells.length - 1) nb.cells.push(...nb.cells.splice(last, 1));
    fs.writeFileSync(file, stringifyNotebook(nb));
  }
  // zh: the translations of the two cells, from the zh notebooks' own (translated) headings and titles
  const zhCells = expected('zh');
  for (const pair of zh.pairs().filter((p) => p.group === 'course')) {
    const e = zhCells.find((x) => x.file === pair.name);
    const english = read(pair.english);
    const t = zh.readTranslation(pair);
    for (const [id, text] of [['fcnn-toc', e.toc], ['fcnn-next', e.next]]) {
      const cell = english.cells.find((c) => c.id === id);
      t.cells[id] = { source_sha256: zh.hashOf(sourceOf(cell)), zh: text };
    }
    fs.writeFileSync(pair.translation, JSON.stringify({ cells: t.cells, messages: t.messages || {} }, null, 1) + '\n');
  }
  console.log('notebook-nav: wrote the contents and Next cells; now run node scripts/zh.js build');
}

/** Problems: notebooks whose navigation cells are missing, misplaced or stale. */
function problems() {
  const out = [];
  for (const [lang, dir] of [['en', NOTEBOOKS], ['zh', path.join(NOTEBOOKS, 'zh')]]) {
    for (const e of expected(lang)) {
      const nb = read(path.join(dir, e.file));
      const label = (lang === 'zh' ? 'zh/' : '') + e.file;
      const toc = nb.cells[1];
      const next = nb.cells[nb.cells.length - 1];
      if (!toc || toc.id !== 'fcnn-toc') out.push(`${label}: cell 2 is not the contents cell (fcnn-toc)`);
      else if (sourceOf(toc) !== e.toc) out.push(`${label}: the contents cell does not list the sections as they are`);
      if (!next || next.id !== 'fcnn-next') out.push(`${label}: the last cell is not the Next cell (fcnn-next)`);
      else if (sourceOf(next) !== e.next) out.push(`${label}: the Next cell is stale`);
    }
  }
  return out;
}

module.exports = { sections, linkTo, titleOf, expected, problems };
if (require.main === module) {
  if (process.argv.includes('--check')) {
    const p = problems();
    for (const line of p) console.error(line);
    if (p.length) console.error('notebook-nav: run node scripts/notebook-nav.js, then node scripts/zh.js build');
    process.exitCode = p.length ? 1 : 0;
  } else write();
}
