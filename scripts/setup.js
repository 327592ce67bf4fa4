#!/usr/bin/env node
// `npm install` runs this (postinstall); run it again any time with `npm run setup`.
// 1. builds the lib (lib/ → dist/), which the notebooks import as '../dist';
// 2. registers the tslab TypeScript kernel in the project-local Jupyter folder .jupyter/ (nothing in your home);
// 3. installs the student runtime into .jupyter/: Plotly.js and the course's notebook extension (plots without
//    5 MB per notebook, formulas without line breaks; see student-runtime.js, which the classroom uses too);
// 4. checks that Jupyter is there; if not, prints how to install it.
// It never fails `npm install`: problems are reported and it exits 0. `npm run doctor` and `npm test` are strict.
'use strict';

const fs = require('fs');
const path = require('path');
const env = require('./jupyter-env');

function main() {
  const lines = [];
  if (env.buildLib()) lines.push('built lib/ → dist/');
  else lines.push('could not build lib/ (run `npm run build` to see why)');

  if (fs.existsSync(env.tslabBin())) {
    const spec = env.writeKernelSpec();
    lines.push(`registered the TypeScript kernel (tslab): ${path.relative(env.ROOT, spec)}`);
  } else {
    lines.push('tslab is not installed in node_modules: run `npm install`');
  }

  try {
    const assets = env.installNotebookAssets();
    lines.push(`installed Plotly.js and the course's notebook extension for the Notebook server (${path.relative(env.ROOT, path.dirname(assets.mainJs))})`);
  } catch (err) {
    lines.push(`could not install the notebook assets: ${err.message}`);
  }

  const filter = env.configureGitFilter();
  if (filter) lines.push(filter);

  const found = env.findJupyter(['notebook']);
  if (found.ok) {
    lines.push(`Jupyter Notebook ${found.python.notebook} found (${found.python.command}); start it with \`npm start\``);
  }
  console.log(lines.map((l) => `fcnn-course: ${l}`).join('\n'));
  if (!found.ok) {
    env.printInstallHint(found);
  }
}

try {
  main();
} catch (err) {
  console.error(`fcnn-course setup: ${err && err.message ? err.message : err}`);
  console.error('Run `npm run doctor` to see what is missing.');
}
process.exitCode = 0;
