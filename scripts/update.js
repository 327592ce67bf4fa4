#!/usr/bin/env node
// `npm run update`: brings in the course's updates (git pull) without losing your work.
// - A notebook you only ran (outputs, nothing else changed) is the course's version for git, but git's quick check
//   sees a bigger file and `git pull` would refuse it; update tells git it is unchanged (`git add` of it: what git
//   stores is the same as before, the clean filter drops the outputs) and the update replaces it, outputs and all.
// - A notebook you edited that the update also changes: nothing is pulled; it names the notebook and the fix,
//   `npm run reset -- NN` (your file kept in notebooks/.backup/), then `npm run update` again.
// - Edited notebooks the update does not change, and your own copies, stay as they are.
'use strict';

const { spawnSync } = require('child_process');
const path = require('path');
const { isCheckout } = require('./site-sources');

function git(root, args) {
  return spawnSync('git', args, { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
}
const lines = (s) => s.split('\n').filter(Boolean);

/** Returns { ok, messages }. */
function update(root) {
  if (!isCheckout(root)) return { ok: false, messages: [`update: ${root} is not a git checkout (git clone …): there is nothing to pull from`] };
  const messages = [];
  // 1. notebooks that differ from the index only by outputs: refresh them in the index
  const run = [];
  for (const file of lines(git(root, ['ls-files', '-m', '--', 'notebooks']).stdout)) {
    if (!file.endsWith('.ipynb')) continue;
    if (git(root, ['diff', '--quiet', '--', file]).status === 0) run.push(file);
  }
  if (run.length > 0 && git(root, ['add', '--', ...run]).status !== 0) return { ok: false, messages: ['update: git add failed'] };
  // 2. what the update brings
  const fetched = git(root, ['fetch', '-q']);
  if (fetched.status !== 0) return { ok: false, messages: [`update: git fetch failed: ${fetched.stderr.trim()}`] };
  const incoming = git(root, ['diff', '--name-only', 'HEAD', '@{upstream}']);
  if (incoming.status !== 0) return { ok: false, messages: [`update: this branch follows no course branch: ${incoming.stderr.trim()}`] };
  const edited = new Set(lines(git(root, ['diff', '--name-only', 'HEAD']).stdout));
  const clash = lines(incoming.stdout).filter((f) => edited.has(f));
  if (clash.length > 0) {
    const names = clash.map((f) => f.replace(/^notebooks\//, '').replace(/\.ipynb$/, ''));
    return {
      ok: false,
      messages: [
        `update: nothing pulled. You edited ${clash.join(', ')}, and the update changes ${clash.length > 1 ? 'them' : 'it'} too.`,
        `Run  npm run reset -- ${names.join(' ')}  (your file${clash.length > 1 ? 's are' : ' is'} kept in notebooks/.backup/), then npm run update again,`,
        'and copy your answers over from the backup. (Or study in a copy: File → Make a Copy…; updates never touch copies.)',
      ],
    };
  }
  const pulled = git(root, ['merge', '--ff-only', '-q', '@{upstream}']);
  if (pulled.status !== 0) return { ok: false, messages: [`update: git could not bring the update in: ${pulled.stderr.trim()}`] };
  const count = lines(incoming.stdout).length;
  messages.push(count === 0 ? 'update: the course is up to date' : `update: ${count} file(s) updated: ${lines(incoming.stdout).join(', ')}`);
  if (count > 0) messages.push('Reload the tabs of open notebooks that were updated (and do not save the old ones over them).');
  return { ok: true, messages };
}

module.exports = { update };
if (require.main === module) {
  const r = update(path.resolve(__dirname, '..'));
  for (const m of r.messages) (r.ok ? console.log : console.error)(m);
  process.exitCode = r.ok ? 0 : 1;
}
