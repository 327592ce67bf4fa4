#!/usr/bin/env node
// Executes the worked solutions (notebooks/solutions/*.ipynb) in a fresh tslab kernel each and writes them as pages
// of the site: site/solutions/NN-*.html, with rendered formulas (the site's offline MathJax) and each check's ✓.
// Then makes every relative link to a notebook (`solutions/01-the-neuron.ipynb`, `../02-activation-functions.ipynb`)
// in the site's pages point at its page (.html), so the links that work in the live Notebook also work on the site.
//   node scripts/solution-pages.js --site site        (run by `npm run site` after the notebooks' pages)
//   node scripts/solution-pages.js --site site/zh --lang zh   the Chinese edition's (notebooks/zh/solutions)
// Fails (exit 1) naming the solution and the cell if a solution cell raises.
'use strict';

const { spawnSync } = require('child_process');
const fs = require('fs');
const path = require('path');
const env = require('./jupyter-env');

function main() {
  const args = process.argv.slice(2);
  const siteAt = args.indexOf('--site');
  if (siteAt < 0 || !args[siteAt + 1]) {
    console.error('solution-pages: usage: node scripts/solution-pages.js --site DIR [--timeout SECONDS]');
    return 1;
  }
  const site = path.resolve(args[siteAt + 1]);
  if (!fs.existsSync(path.join(site, 'index.html'))) {
    console.error(`solution-pages: ${site}/index.html not found; build the notebooks' pages first (npm run site)`);
    return 1;
  }
  const found = env.findJupyter(['nbclient', 'nbformat', 'jupyter_client', 'nbconvert']);
  if (!found.ok) {
    env.printInstallHint(found, 'solution-pages');
    return 1;
  }
  env.writeKernelSpec();
  const status = env.buildStatus();
  if (!status.ok && !env.buildLib()) {
    console.error('solution-pages: `npm run build` failed; fix the lib first');
    return 1;
  }
  const timeoutAt = args.indexOf('--timeout');
  const options = ['--site', site];
  for (const flag of ['--timeout', '--lang', '--source', '--sources-root']) {
    const at = args.indexOf(flag);
    if (at >= 0) options.push(flag, args[at + 1]);
  }
  const r = spawnSync(found.python.command, [path.join(__dirname, 'solution-pages.py'), ...options], {
    stdio: 'inherit',
    env: env.jupyterEnv(),
    cwd: env.ROOT,
  });
  if (r.error) {
    console.error(`solution-pages: could not start ${found.python.command}: ${r.error.message}`);
    return 1;
  }
  return r.status ?? 1;
}

process.exitCode = main();
