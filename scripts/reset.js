#!/usr/bin/env node
// `npm run reset -- 03`: puts a notebook back to the course's version (as committed at HEAD), after keeping your
// file in notebooks/.backup/ (git ignores that folder; Jupyter's file list hides it) and saying where.
//   npm run reset -- 03                       notebooks/03-forward-propagation.ipynb
//   npm run reset -- 03-forward-propagation   the same (also with .ipynb, or as notebooks/03-….ipynb)
//   npm run reset -- zh/03                    the Chinese edition's 03 (solutions/03, zh/solutions/03: solutions)
//   npm run reset -- --all                    every course notebook that is not the course's version
// Several names at once are fine. Checks every name before it changes anything: an unknown name, or a folder that is
// not a git checkout, changes nothing. Close the notebook in Jupyter first (or reload its tab afterwards), or
// Jupyter's autosave writes your version back.
'use strict';

const { spawnSync } = require('child_process');
const fs = require('fs');
const path = require('path');
const { committedNotebooks, isCheckout } = require('./site-sources');

const FOLDERS = ['notebooks', 'notebooks/solutions', 'notebooks/zh', 'notebooks/zh/solutions'];

class ResetError extends Error {}

/** The course notebooks of HEAD, as { rel: 'notebooks/zh/03-x.ipynb', label: 'zh/03-x' }. */
function courseNotebooks(root) {
  return FOLDERS.flatMap((folder) => committedNotebooks(root, folder))
    .filter((rel) => /^\d\d-/.test(path.posix.basename(rel)))
    .map((rel) => ({ rel, label: rel.replace(/^notebooks\//, '').replace(/\.ipynb$/, '') }));
}

/** The notebook a name stands for ('03', '03-forward-propagation', 'zh/03', 'notebooks/03-….ipynb'). */
function resolveName(name, notebooks) {
  const key = name.replace(/\\/g, '/').replace(/^\.\//, '').replace(/^notebooks\//, '').replace(/\.ipynb$/, '');
  const slash = key.lastIndexOf('/');
  const dir = key.slice(0, slash + 1);
  const base = key.slice(slash + 1);
  const found = notebooks.filter((n) => {
    const nSlash = n.label.lastIndexOf('/');
    const nDir = n.label.slice(0, nSlash + 1);
    const nBase = n.label.slice(nSlash + 1);
    return nDir === dir && (nBase === base || (/^\d\d$/.test(base) && nBase.startsWith(base + '-')));
  });
  if (found.length !== 1) {
    const valid = notebooks.map((n) => n.label).join(', ');
    throw new ResetError(`reset: no course notebook is called "${name}". Valid names: ${valid} (or the number alone, e.g. 03 or zh/03; --all for all of them)`);
  }
  return found[0];
}

function git(root, args, encoding = 'utf8') {
  return spawnSync('git', args, { cwd: root, encoding, maxBuffer: 256 * 1024 * 1024 });
}

function stamp(date) {
  return date.toISOString().replace(/\.\d+Z$/, 'Z').replace(/:/g, '-');
}

/**
 * Resets notebooks of the course at `root`; returns the lines to print. Throws ResetError for bad input, having
 * changed nothing. `now` names the backups.
 */
function reset({ root, names, all = false, now = new Date() }) {
  if (!all && names.length === 0) throw new ResetError('reset: name a notebook, e.g. npm run reset -- 03 (or -- zh/03, -- --all)');
  if (!isCheckout(root)) {
    throw new ResetError(`reset: ${root} is not a git checkout of the course (git clone …), so there is no course version to go back to; download the notebook again instead`);
  }
  const notebooks = courseNotebooks(root);
  const chosen = all ? notebooks : [...new Map(names.map((n) => resolveName(n, notebooks)).map((n) => [n.rel, n])).values()];
  const lines = [];
  const backups = [];
  const restore = [];
  for (const n of chosen) {
    const file = path.join(root, ...n.rel.split('/'));
    const course = git(root, ['cat-file', 'blob', `HEAD:${n.rel}`], 'buffer');
    if (course.status !== 0) throw new ResetError(`reset: could not read ${n.rel} from git: ${String(course.stderr).trim()}`);
    const staged = git(root, ['diff', '--cached', '--quiet', 'HEAD', '--', n.rel]).status !== 0;
    const mine = fs.existsSync(file) ? fs.readFileSync(file) : undefined;
    if (mine !== undefined && mine.equals(course.stdout) && !staged) {
      if (!all) lines.push(`${n.rel}: already the course's version`);
      continue;
    }
    restore.push(n);
    if (mine !== undefined && !mine.equals(course.stdout)) {
      const sub = path.posix.dirname(n.rel.replace(/^notebooks\/?/, ''));
      const folder = path.join(root, 'notebooks', '.backup', ...(sub === '.' ? [] : sub.split('/')));
      const base = `${path.posix.basename(n.rel, '.ipynb')}.${stamp(now)}`;
      let backup = path.join(folder, `${base}.ipynb`);
      for (let k = 2; fs.existsSync(backup); k++) backup = path.join(folder, `${base}-${k}.ipynb`);
      backups.push({ n, file, backup });
    }
  }
  // Backups first, all of them; only then the course's versions.
  for (const b of backups) {
    fs.mkdirSync(path.dirname(b.backup), { recursive: true });
    fs.copyFileSync(b.file, b.backup, fs.constants.COPYFILE_EXCL);
  }
  if (restore.length > 0) {
    const r = git(root, ['checkout', 'HEAD', '--', ...restore.map((n) => n.rel)]);
    if (r.status !== 0) {
      throw new ResetError(`reset: git checkout failed: ${r.stderr.trim()}${backups.length ? `; your files are kept: ${backups.map((b) => path.relative(root, b.backup)).join(', ')}` : ''}`);
    }
  }
  for (const n of restore) {
    const b = backups.find((x) => x.n === n);
    lines.push(`${n.rel}: back to the course's version` + (b ? `; yours is kept as ${path.relative(root, b.backup)}` : ''));
  }
  if (all && restore.length === 0) lines.push("every course notebook is already the course's version");
  if (restore.length > 0) lines.push('If the notebook is open in Jupyter, reload its tab (and do not save the old one over it).');
  return lines;
}

function main() {
  const args = process.argv.slice(2);
  const all = args.includes('--all');
  const unknown = args.filter((a) => a.startsWith('-') && a !== '--all');
  try {
    if (unknown.length) throw new ResetError(`reset: unknown option ${unknown.join(' ')}; usage: npm run reset -- 03 | zh/03 | --all`);
    for (const line of reset({ root: path.resolve(__dirname, '..'), names: args.filter((a) => !a.startsWith('-')), all })) console.log(line);
    return 0;
  } catch (err) {
    if (!(err instanceof ResetError)) throw err;
    console.error(err.message);
    return 1;
  }
}

module.exports = { reset, resolveName, courseNotebooks, ResetError };
if (require.main === module) process.exitCode = main();
