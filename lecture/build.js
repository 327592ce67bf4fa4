#!/usr/bin/env node
// `npm run slides`: lecture slide decks from the course notebooks, offline, with speaker notes and PDF handouts.
//   npm run slides                                  notebooks 01–08 → slides/NN-name.html, .pdf, index.html
//   npm run slides -- notebooks/01-the-neuron.ipynb one deck (index.html then lists only the decks built)
//   npm run slides -- --no-pdf                      skip the handouts
//   npm run slides -- --reuse                       reuse the executed notebooks of the last run (artifacts/lecture/executed)
//   npm run slides -- --reuse-fresh                 reuse only copies newer than their notebook and the lib build
//   npm run slides -- --lang zh                     the Chinese edition's decks: notebooks/zh → slides/zh
//                                                   (`npm test` executes the notebooks once, for test:notebooks and here)
// Steps: 1. scripts/run-notebooks.js executes the notebooks (the same runner and fresh kernels as the site) and
// keeps the executed copies; 2. lecture/export_decks.py turns them into reveal.js decks (nbconvert's SlidesExporter,
// template lecture/templates/fcnn-deck); 3. lecture/pdf.js prints each deck in reveal's print mode with Chromium.
'use strict';

const { spawnSync } = require('child_process');
const fs = require('fs');
const path = require('path');
const env = require('../scripts/jupyter-env');

// --lang zh: the Chinese edition's decks (notebooks/zh → slides/zh), each with a switch to its English twin.
const ZH = process.argv.includes('--lang') && process.argv[process.argv.indexOf('--lang') + 1] === 'zh';
const OUT = path.join(env.ROOT, 'slides', ZH ? 'zh' : '');
const EXECUTED = path.join(env.ROOT, 'artifacts', 'lecture', ZH ? 'executed-zh' : 'executed');
const SUMMARY = path.join(env.ROOT, 'artifacts', 'lecture', ZH ? 'notebooks-zh.json' : 'notebooks.json');
/** The course decks: notebooks 01–08 (00 is the setup notebook, not a lecture). */
const DECK_PATTERN = /^0[1-8]-.*\.ipynb$/;

function parseArgs(argv) {
  const opts = { pdf: true, reuse: false, reuseFresh: false, notebooks: [] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--lang') {
      if (!['en', 'zh'].includes(argv[i + 1])) throw new Error(`slides: --lang must be en or zh, got ${argv[i + 1]}`);
      i += 1;
    } else if (a === '--no-pdf') opts.pdf = false;
    else if (a === '--reuse') opts.reuse = true;
    else if (a === '--reuse-fresh') opts.reuseFresh = true;
    else if (a.startsWith('--')) throw new Error(`slides: unknown option ${a}; expected --no-pdf, --reuse, --reuse-fresh, --lang zh or notebook paths`);
    else {
      const p = path.resolve(a);
      if (!fs.existsSync(p) || !p.endsWith('.ipynb')) throw new Error(`slides: ${a} is not a notebook file (.ipynb)`);
      opts.notebooks.push(p);
    }
  }
  if (opts.notebooks.length === 0) {
    const dir = path.join(env.ROOT, 'notebooks', ZH ? 'zh' : '');
    opts.notebooks = fs.readdirSync(dir).filter((f) => DECK_PATTERN.test(f)).sort().map((f) => path.join(dir, f));
  }
  return opts;
}

function run(command, args, what) {
  const r = spawnSync(command, args, { stdio: 'inherit', cwd: env.ROOT, env: env.jupyterEnv() });
  if (r.error) throw new Error(`slides: could not start ${what}: ${r.error.message}`);
  if (r.status !== 0) throw new Error(`slides: ${what} failed (exit ${r.status}); see above`);
}

/** Newest modification time (ms) of the files under dir, 0 if there are none. */
function newestMtime(dir) {
  if (!fs.existsSync(dir)) return 0;
  let newest = 0;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    newest = Math.max(newest, e.isDirectory() ? newestMtime(p) : fs.statSync(p).mtimeMs);
  }
  return newest;
}

/** The notebooks whose executed copy is missing or older than the notebook or the lib build (dist/). */
function staleNotebooks(notebooks) {
  const lib = newestMtime(path.join(env.ROOT, 'dist'));
  return notebooks.filter((p) => {
    const copy = path.join(EXECUTED, path.basename(p));
    if (!fs.existsSync(copy)) return true;
    const t = fs.statSync(copy).mtimeMs;
    return t < fs.statSync(p).mtimeMs || t < lib;
  });
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  const names = opts.notebooks.map((p) => path.basename(p));
  const t0 = Date.now();
  const toRun = opts.reuse ? [] : opts.reuseFresh ? staleNotebooks(opts.notebooks) : opts.notebooks;
  if (opts.reuseFresh) console.log(`slides: ${opts.notebooks.length - toRun.length} executed notebook(s) reused, ${toRun.length} to run`);
  if (toRun.length > 0) {
    for (const p of toRun) fs.rmSync(path.join(EXECUTED, path.basename(p)), { force: true });
    run(process.execPath, [path.join(env.ROOT, 'scripts', 'run-notebooks.js'), ...(ZH ? ['--lang', 'zh'] : []), '--executed', EXECUTED, '--summary', SUMMARY, ...toRun], 'running the notebooks');
  } else {
    const missing = names.filter((n) => !fs.existsSync(path.join(EXECUTED, n)));
    if (missing.length) throw new Error(`slides: --reuse, but ${missing.join(', ')} has no executed copy in ${EXECUTED}; run without --reuse`);
  }
  const t1 = Date.now();
  const found = env.findJupyter(['nbconvert', 'nbformat']);
  if (!found.ok) {
    env.printInstallHint(found, 'slides');
    throw new Error('slides: nbconvert is needed to write the decks');
  }
  for (const f of fs.existsSync(OUT) ? fs.readdirSync(OUT) : []) if (/\.(html|pdf)$/.test(f)) fs.rmSync(path.join(OUT, f));
  run(found.python.command, [path.join(__dirname, 'export_decks.py'), '--out', OUT, '--executed', EXECUTED, ...(ZH ? ['--lang', 'zh'] : []), ...names], 'writing the decks');
  const t2 = Date.now();
  const decks = JSON.parse(fs.readFileSync(path.join(OUT, 'decks.json'), 'utf8'));
  if (opts.pdf) {
    const { printDecks } = require('./pdf');
    const pages = await printDecks(OUT, decks);
    decks.forEach((d) => (d.pdfPages = pages[d.file]));
  }
  const t3 = Date.now();
  const runTimes = fs.existsSync(SUMMARY) ? JSON.parse(fs.readFileSync(SUMMARY, 'utf8')) : [];
  for (const d of decks) {
    const r = runTimes.find((x) => x.notebook === d.notebook);
    d.runSeconds = r && toRun.some((p) => path.basename(p) === d.notebook) ? r.seconds : null;
  }
  fs.writeFileSync(path.join(OUT, 'decks.json'), JSON.stringify(decks, null, 1));
  console.log('\ndeck                                 slides notes figures animated  run s  pdf pages');
  for (const d of decks) {
    console.log(
      `${d.file.padEnd(36)} ${String(d.slides).padStart(6)} ${String(d.notes).padStart(5)} ${String(d.figures).padStart(7)} ` +
        `${String(d.animated).padStart(8)} ${d.runSeconds === null ? '    -' : d.runSeconds.toFixed(1).padStart(6)} ${String(d.pdfPages ?? '-').padStart(10)}`,
    );
  }
  const s = (ms) => (ms / 1000).toFixed(1);
  console.log(`slides: ${decks.length} deck(s) in ${s(t3 - t0)} s (notebooks ${s(t1 - t0)} s, decks ${s(t2 - t1)} s, PDFs ${s(t3 - t2)} s) → ${path.relative(env.ROOT, OUT)}/index.html`);
}

main().catch((err) => {
  console.error(err.message);
  process.exitCode = 1;
});
