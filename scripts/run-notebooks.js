#!/usr/bin/env node
// Executes every notebooks/*.ipynb (or the ones named) top to bottom, each in a fresh tslab kernel, through
// Jupyter's nbclient; fails on any error, naming notebook and cell; prints each notebook's run time.
//   npm run test:notebooks                       all notebooks
//   npm run test:notebooks -- notebooks/01-x.ipynb
//   npm run site                                 (scripts/site.js) the committed notebooks, then site/*.html
//   npm run test:notebooks:zh                    the Chinese edition (notebooks/zh/, built by scripts/zh.js)
// Options: --timeout SECONDS (per cell, default 600), --site DIR, --summary FILE, --executed DIR (executed copies),
// --lang zh (run notebooks/zh/*.ipynb; untranslated text fails a notebook; pages link to the English ones),
// --sources-root DIR (the notebooks named are copies staged under DIR; each kernel runs in the course's folder).
// Without Jupyter it FAILS with the install hint: notebook tests must never be skipped silently.
'use strict';

const { spawnSync } = require('child_process');
const fs = require('fs');
const path = require('path');
const env = require('./jupyter-env');

function main() {
  const args = process.argv.slice(2);
  const options = [];
  const notebooks = [];
  for (let i = 0; i < args.length; i++) {
    if (['--timeout', '--site', '--summary', '--executed', '--lang', '--sources-root'].includes(args[i])) {
      options.push(args[i], args[i + 1]);
      i += 1;
    } else notebooks.push(path.resolve(args[i]));
  }
  const lang = options[options.indexOf('--lang') + 1];
  if (options.includes('--lang') && !['en', 'zh'].includes(lang)) {
    console.error(`run-notebooks: --lang must be en or zh, got ${lang}`);
    return 1;
  }
  if (notebooks.length === 0) {
    const dir = path.join(env.ROOT, 'notebooks', lang === 'zh' ? 'zh' : '');
    for (const f of fs.readdirSync(dir).sort()) if (f.endsWith('.ipynb')) notebooks.push(path.join(dir, f));
  }
  if (notebooks.length === 0) {
    console.error('run-notebooks: no notebooks found in notebooks/');
    return 1;
  }

  const found = env.findJupyter(['nbclient', 'nbformat', 'jupyter_client', ...(options.includes('--site') ? ['nbconvert'] : [])]);
  if (!found.ok) {
    env.printInstallHint(found, 'run-notebooks');
    return 1;
  }
  // The kernel must exist and the notebooks must see the current lib.
  env.writeKernelSpec();
  const status = env.buildStatus();
  if (!status.ok) {
    console.log(`run-notebooks: dist/ is older than ${status.stale.length} lib file(s); building`);
    if (!env.buildLib()) {
      console.error('run-notebooks: `npm run build` failed; fix the lib first');
      return 1;
    }
  }
  const r = spawnSync(found.python.command, [path.join(__dirname, 'run-notebooks.py'), ...options, ...notebooks], {
    stdio: 'inherit',
    env: env.jupyterEnv(),
    cwd: env.ROOT,
  });
  if (r.error) {
    console.error(`run-notebooks: could not start ${found.python.command}: ${r.error.message}`);
    return 1;
  }
  return r.status ?? 1;
}

process.exitCode = main();
