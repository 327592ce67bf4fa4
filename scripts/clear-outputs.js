#!/usr/bin/env node
// Puts notebooks in committed form: outputs and execution counts removed, nbformat 4.5 with unique cell ids,
// tslab kernelspec. Usage:
//   npm run clear-outputs                          (every notebooks/*.ipynb)
//   npm run clear-outputs -- notebooks/03-x.ipynb  (some)
//   npm run clear-outputs -- --check               (change nothing; exit 1 if a notebook is not clean)
//   node scripts/clear-outputs.js --stdin [NAME]   (a filter: notebook JSON in, committed form out; used as the
//                                                   git clean filter `npm run setup` configures, see setup.js)
'use strict';

const fs = require('fs');
const path = require('path');
const { cleanNotebook, stringifyNotebook } = require('./notebook');

const ROOT = path.resolve(__dirname, '..');
const args = process.argv.slice(2);

if (args.includes('--stdin')) {
  // As a git clean filter: what git stores is the notebook without outputs. Anything that is not a notebook
  // passes through unchanged, so the filter can never lose data.
  const input = fs.readFileSync(0, 'utf8');
  let output = input;
  try {
    const nb = JSON.parse(input);
    const name = args[args.indexOf('--stdin') + 1];
    const seed = name ? path.basename(name, '.ipynb') : 'fcnn';
    if (nb && Array.isArray(nb.cells)) output = stringifyNotebook(cleanNotebook(nb, seed));
  } catch {
    output = input;
  }
  // Written synchronously and without process.exit: a notebook is larger than a pipe's 64 KB buffer, and exiting
  // right after an asynchronous stdout write to git's pipe stored notebooks cut off at 65,536 bytes.
  writeAllSync(1, Buffer.from(output, 'utf8'));
} else {
  cleanFiles();
}

/** Writes every byte to a file descriptor, waiting while a non-blocking pipe is full. */
function writeAllSync(fd, buffer) {
  let offset = 0;
  while (offset < buffer.length) {
    try {
      offset += fs.writeSync(fd, buffer, offset, buffer.length - offset);
    } catch (err) {
      if (err.code !== 'EAGAIN') throw err;
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 5);
    }
  }
}

function cleanFiles() {
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
}
