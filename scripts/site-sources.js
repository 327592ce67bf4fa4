// Which notebooks `npm run site` builds its pages from. By default the course's notebooks as committed (HEAD's
// blobs, i.e. what the clean filter stored: no outputs, none of a student's answers, no extra cells, no copies such
// as Untitled.ipynb), staged as files under a staging folder with the same layout (notebooks/…, notebooks/zh/…);
// with `workingCopy` the files on disk, as they are. Not a git checkout (an unpacked archive): the files on disk,
// with a note saying so.
//
//   const { chooseSources } = require('./site-sources');
//   chooseSources({ root, folder: 'notebooks/zh', staging: 'artifacts/site-sources' })
//     → { from: 'HEAD' | 'working copy', note?, files: ['…/notebooks/zh/00-start-here.ipynb', …] }
'use strict';

const { spawnSync } = require('child_process');
const fs = require('fs');
const path = require('path');

function git(root, args, encoding = 'utf8') {
  const r = spawnSync('git', args, { cwd: root, encoding, maxBuffer: 256 * 1024 * 1024 });
  return r.error || r.status !== 0 ? undefined : r.stdout;
}

/** True when `root` is the top folder of a git checkout with a commit (HEAD). */
function isCheckout(root) {
  const top = git(root, ['rev-parse', '--show-toplevel']);
  if (top === undefined || git(root, ['rev-parse', '--verify', '-q', 'HEAD']) === undefined) return false;
  return fs.realpathSync(top.trim()) === fs.realpathSync(root);
}

/** The notebooks (*.ipynb) committed at HEAD directly in `folder` (relative to root, '/'-separated), sorted. */
function committedNotebooks(root, folder) {
  const out = git(root, ['ls-tree', '-z', '--name-only', 'HEAD', '--', folder.replace(/\/?$/, '/')]);
  if (out === undefined) return [];
  return out.split('\0').filter((f) => f.endsWith('.ipynb') && path.posix.dirname(f) === folder.replace(/\/$/, '')).sort();
}

/** The notebooks on disk directly in `folder`, sorted (what the site was built from before). */
function workingNotebooks(root, folder) {
  const dir = path.join(root, folder);
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir).filter((f) => f.endsWith('.ipynb')).sort().map((f) => path.join(dir, f));
}

function chooseSources({ root, folder, workingCopy = false, staging }) {
  if (workingCopy) return { from: 'working copy', files: workingNotebooks(root, folder) };
  if (!isCheckout(root)) {
    return {
      from: 'working copy',
      note: `${root} is not a git checkout, so there is no committed version: building from the notebooks on disk`,
      files: workingNotebooks(root, folder),
    };
  }
  const files = [];
  for (const rel of committedNotebooks(root, folder)) {
    const blob = git(root, ['cat-file', 'blob', `HEAD:${rel}`], 'buffer');
    if (blob === undefined) throw new Error(`site: could not read ${rel} from HEAD`);
    const target = path.join(staging, ...rel.split('/'));
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, blob);
    files.push(target);
  }
  return { from: 'HEAD', files };
}

module.exports = { chooseSources, committedNotebooks, isCheckout };
