#!/usr/bin/env node
// Puts notebooks in committed form: outputs and execution counts removed, nbformat 4.5 with unique cell ids,
// tslab kernelspec. Usage:
//   npm run clear-outputs                          (every notebooks/*.ipynb)
//   npm run clear-outputs -- notebooks/03-x.ipynb  (some)
//   npm run clear-outputs -- --check               (change nothing; exit 1 if a notebook is not clean)
'use strict';

const fs = require('fs');
const path = require('path');
const { cleanNotebook, stringifyNotebook } = require('./notebook');

const ROOT = path.resolve(__dirname, '..');
const args = process.argv.slice(2);
const check = args.includes('--check');
let files = args.filter((a) => a !== '--check');
if (files.length === 0) {
  const dir = path.join(ROOT, 'notebooks');
  files = fs.readdirSync(dir).filter((f) => f.endsWith('.ipynb')).sort().map((f) => path.join(dir, f));
}
let dirty = 0;
for (const file of files) {
  const before = fs.readFileSync(file, 'utf8');
  const after = stringifyNotebook(cleanNotebook(JSON.parse(before), path.basename(file, '.ipynb')));
  if (before === after) continue;
  dirty += 1;
  if (check) console.error(`not clean: ${path.relative(process.cwd(), file)} (run: npm run clear-outputs -- ${path.relative(process.cwd(), file)})`);
  else {
    fs.writeFileSync(file, after);
    console.log(`cleaned: ${path.relative(process.cwd(), file)}`);
  }
}
if (check && dirty > 0) process.exit(1);
if (!check && dirty === 0) console.log('all notebooks already clean');
