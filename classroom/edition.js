// The student edition: what `npm run classroom -- publish` gives students, made from the course's files.
//   - the notebooks as committed (no outputs: the same cleaning as the git filter), without the lecturer's notes
//     (cells tagged `lecture-notes`: "Say: … Ask the room: … Expected answer: …", which give exercises away);
//   - the worked solutions (notebooks/solutions/NN-*.ipynb and notebooks/zh/solutions/NN-*.ipynb) only for the
//     notebooks the lecturer has released (`… release-solutions 03`), recorded in the state folder;
//   - data, lib sources, README and the built dist/ as they are; not the translators' files
//     (notebooks/zh/translations/, which hold the lecturer notes and solutions in Chinese).
// Only files git tracks are published (plus dist/); a notebook that is not tracked stops the publish, with the
// list, instead of being left out silently.
'use strict';

const { spawnSync } = require('child_process');
const fs = require('fs');
const path = require('path');
const { cleanNotebook, stringifyNotebook } = require('../scripts/notebook');

const LECTURE_NOTES_TAG = 'lecture-notes';
const SOLUTION = /^notebooks\/(?:zh\/)?solutions\/(\d\d)-[^/]+\.ipynb$/;
const NOT_FOR_STUDENTS = /^notebooks\/zh\/translations\//;

class EditionError extends Error {}

/** The number of the notebook a solution file solves ('03'), or undefined for any other file. */
function solutionNumber(rel) {
  const m = SOLUTION.exec(rel.split(path.sep).join('/'));
  return m ? m[1] : undefined;
}

/** A notebook as students get it: cleaned as git stores it, without the cells tagged lecture-notes. */
function studentNotebook(nb, seed) {
  const clean = cleanNotebook(nb, seed);
  clean.cells = clean.cells.filter((c) => !((c.metadata && c.metadata.tags) || []).includes(LECTURE_NOTES_TAG));
  return clean;
}

function git(root, args) {
  return spawnSync('git', args, { cwd: root, encoding: 'utf8', maxBuffer: 1 << 26 });
}

/** Notebooks under notebooks/ that git does not track (and does not ignore). */
function untrackedNotebooks(root) {
  const r = git(root, ['ls-files', '-z', '--others', '--exclude-standard', '--', 'notebooks']);
  if (r.status !== 0) return [];
  return r.stdout.split('\0').filter((f) => f.endsWith('.ipynb') && !f.includes('.ipynb_checkpoints'));
}

/** The numbers that have a solution in the course ('01' … '08'). */
function solutionNumbers(root) {
  const out = new Set();
  for (const dir of ['notebooks/solutions', 'notebooks/zh/solutions']) {
    const full = path.join(root, dir);
    if (!fs.existsSync(full)) continue;
    for (const f of fs.readdirSync(full)) {
      const n = solutionNumber(`${dir}/${f}`);
      if (n) out.add(n);
    }
  }
  return [...out].sort();
}

/**
 * The files of the student edition: [{ rel, source }] where `source` is the file to copy or `text` its content.
 * `released` lists the notebook numbers whose solutions students get.
 */
function editionFiles(root, released) {
  const untracked = untrackedNotebooks(root);
  if (untracked.length) {
    throw new EditionError(
      `these notebooks are not tracked by git, so students would not get them:\n  ${untracked.join('\n  ')}\n` +
        'Add them (git add …) or move them out of notebooks/, then publish again. Nothing was published.',
    );
  }
  const tracked = git(root, ['ls-files', '-z', '--', 'notebooks', 'data', 'lib', 'README.md']);
  if (tracked.status !== 0) throw new EditionError(`git ls-files failed in ${root}: ${tracked.stderr.trim()} (the course must be a git checkout to publish)`);
  const rels = tracked.stdout.split('\0').filter(Boolean).filter((f) => fs.existsSync(path.join(root, f)) && !f.includes('.ipynb_checkpoints'));
  const out = [];
  for (const rel of rels) {
    if (NOT_FOR_STUDENTS.test(rel)) continue;
    const n = solutionNumber(rel);
    if (n && !released.includes(n)) continue;
    if (rel.endsWith('.ipynb')) {
      const nb = JSON.parse(fs.readFileSync(path.join(root, rel), 'utf8'));
      out.push({ rel, text: stringifyNotebook(studentNotebook(nb, path.basename(rel, '.ipynb'))) });
    } else out.push({ rel, source: path.join(root, rel) });
  }
  for (const rel of walk(root, 'dist')) out.push({ rel, source: path.join(root, rel) });
  return out;
}

function walk(root, top) {
  const out = [];
  const go = (rel) => {
    const full = path.join(root, rel);
    if (!fs.existsSync(full)) return;
    if (fs.statSync(full).isDirectory()) for (const e of fs.readdirSync(full).sort()) go(path.join(rel, e));
    else out.push(rel);
  };
  go(top);
  return out;
}

/** The released solution numbers recorded in the state folder. */
function readReleased(stateDir) {
  const file = path.join(stateDir, 'released-solutions.json');
  if (!fs.existsSync(file)) return [];
  const data = JSON.parse(fs.readFileSync(file, 'utf8'));
  if (!Array.isArray(data.released)) throw new EditionError(`${file}: expected {"released": ["03", …]}`);
  return data.released;
}

function writeReleased(stateDir, released) {
  const file = path.join(stateDir, 'released-solutions.json');
  fs.writeFileSync(file, JSON.stringify({ released: [...new Set(released)].sort() }, null, 2) + '\n');
}

/**
 * Checks the notebook numbers a lecturer asked to release ('3', '03', '03-forward-propagation'); returns them as
 * two digits. Throws, naming the argument, for a notebook without a solution.
 */
function checkReleaseArgs(root, args) {
  if (args.length === 0) throw new EditionError('release-solutions: give the notebook numbers to release, e.g. `release-solutions 03`');
  const known = solutionNumbers(root);
  return args.map((a) => {
    const m = /^(\d{1,2})(?:-.*)?$/.exec(String(a).trim());
    const n = m ? m[1].padStart(2, '0') : undefined;
    if (!n || !known.includes(n)) {
      throw new EditionError(`release-solutions: "${a}" is not a notebook with a solution; expected one of ${known.join(', ')}`);
    }
    return n;
  });
}

module.exports = {
  LECTURE_NOTES_TAG, EditionError, solutionNumber, studentNotebook, untrackedNotebooks, solutionNumbers, editionFiles,
  readReleased, writeReleased, checkReleaseArgs,
};
