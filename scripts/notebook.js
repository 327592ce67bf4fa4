// Reading and writing course notebooks in the committed form: nbformat 4.5, cell ids, the tslab kernelspec,
// no outputs, no execution counts. JSON layout as nbformat writes it (indent 1, sorted keys, source as lines),
// so files written here and files saved by Jupyter diff cleanly.
//
//   const { writeNotebook, markdown, code } = require('./notebook');
//   writeNotebook('notebooks/01-neuron.ipynb', [markdown('# A neuron'), code("import * as nn from '../dist';")]);
'use strict';

const crypto = require('crypto');
const fs = require('fs');

const KERNELSPEC = { display_name: 'TypeScript', language: 'typescript', name: 'tslab' };
// Exactly the language_info the course kernel reports (scripts/tslab-kernel.js; version: the TypeScript that tslab
// compiles with, @tslab/typescript-for-tslab). Classic Notebook marks a notebook modified when the kernel's
// language_info differs from the notebook's, so an opened notebook would show "(unsaved changes)". A tslab update
// that changes it fails `npm run test:kernel` (test_language_info_matches_the_notebooks).
const LANGUAGE_INFO = {
  codemirror_mode: { mode: 'typescript', name: 'javascript', typescript: true },
  file_extension: '.ts',
  mimetype: 'text/typescript',
  name: 'typescript',
  version: '5.0.4',
};
const ID_PATTERN = /^[a-zA-Z0-9-_]{1,64}$/;

/** Splits text into nbformat's list of lines (each but the last keeps its "\n"). */
function toLines(text) {
  if (Array.isArray(text)) return text;
  const parts = String(text).split('\n');
  return parts.map((p, i) => (i < parts.length - 1 ? p + '\n' : p)).filter((p, i) => !(i === parts.length - 1 && p === ''));
}

/** A stable cell id derived from the notebook name and the cell's position (8 hex digits). */
function cellId(seed, index) {
  return crypto.createHash('sha1').update(`${seed}:${index}`).digest('hex').slice(0, 8);
}

function markdown(text) {
  return { cell_type: 'markdown', source: text };
}

function code(text) {
  return { cell_type: 'code', source: text };
}

/** Puts one cell in committed form (keeps a valid id; otherwise makes one). */
function cleanCell(cell, seed, index, usedIds) {
  let id = typeof cell.id === 'string' && ID_PATTERN.test(cell.id) && !usedIds.has(cell.id) ? cell.id : undefined;
  for (let k = 0; id === undefined; k++) {
    const candidate = cellId(seed, `${index}-${k}`);
    if (!usedIds.has(candidate)) id = candidate;
  }
  usedIds.add(id);
  const out = { cell_type: cell.cell_type, id, metadata: cell.metadata || {}, source: toLines(cell.source) };
  if (cell.cell_type === 'code') {
    out.execution_count = null;
    out.outputs = [];
  } else if (cell.attachments) {
    out.attachments = cell.attachments;
  }
  // keep only lightweight, non-output metadata
  delete out.metadata.execution;
  delete out.metadata.collapsed;
  delete out.metadata.scrolled;
  return out;
}

/** The notebook in committed form. `title` (optional) becomes metadata.title (used as the page title). */
function cleanNotebook(nb, seed = 'fcnn') {
  const usedIds = new Set();
  const metadata = { ...(nb.metadata || {}) };
  metadata.kernelspec = { ...KERNELSPEC };
  // always the course kernel's: a notebook saved by another kernel version is stored as every other one
  metadata.language_info = JSON.parse(JSON.stringify(LANGUAGE_INFO));
  delete metadata.widgets;
  return {
    cells: nb.cells.map((c, i) => cleanCell(c, seed, i, usedIds)),
    metadata,
    nbformat: 4,
    nbformat_minor: 5,
  };
}

/** JSON text as nbformat writes it: indent 1, keys sorted, trailing newline. */
function stringifyNotebook(nb) {
  const sortKeys = (v) => {
    if (Array.isArray(v)) return v.map(sortKeys);
    if (v && typeof v === 'object') {
      return Object.fromEntries(Object.keys(v).sort().map((k) => [k, sortKeys(v[k])]));
    }
    return v;
  };
  return JSON.stringify(sortKeys(nb), null, 1) + '\n';
}

/** Writes cells (from markdown()/code()) as a committed notebook. */
function writeNotebook(file, cells, metadata = {}) {
  const seed = require('path').basename(file, '.ipynb');
  fs.writeFileSync(file, stringifyNotebook(cleanNotebook({ cells, metadata }, seed)));
}

module.exports = { KERNELSPEC, LANGUAGE_INFO, ID_PATTERN, markdown, code, toLines, cleanNotebook, stringifyNotebook, writeNotebook };
