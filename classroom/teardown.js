// The end of a term: `npm run classroom -- teardown` removes what a classroom made on this machine — the hub (if
// running) and every student's server, the roster's system users (prefix + login) with their homes and processes,
// the memory cgroups, and the state folder (roster, hub database, published course, runtime). `stop` keeps all
// of that on purpose, for the next lesson. The load test ends each run with the same teardown.
'use strict';

const { spawnSync } = require('child_process');
const fs = require('fs');
const path = require('path');

/** Kills every process of a system user, then removes the user and their home. Returns a line for the log. */
function removeSystemUser(sys) {
  const id = spawnSync('id', ['-u', sys], { encoding: 'utf8' });
  if (id.status !== 0) return undefined;
  const uid = Number(id.stdout.trim());
  for (const d of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      if (fs.statSync(`/proc/${d}`).uid === uid) process.kill(Number(d), 'SIGKILL');
    } catch {
      // gone
    }
  }
  const r = spawnSync('userdel', ['--remove', sys], { encoding: 'utf8' });
  if (r.status !== 0 && !/mail spool/.test(r.stderr)) return `userdel ${sys}: ${r.stderr.trim()}`;
  return `removed ${sys} and its home`;
}

/** Removes a classroom's memory cgroups (named in its settings), once their processes are gone. */
function removeCgroups(settings) {
  if (!settings || !settings.cgroup_root || !fs.existsSync(settings.cgroup_root)) return 0;
  let n = 0;
  for (const d of fs.readdirSync(settings.cgroup_root, { withFileTypes: true })) {
    if (!d.isDirectory()) continue;
    fs.rmdirSync(path.join(settings.cgroup_root, d.name));
    n += 1;
  }
  fs.rmdirSync(settings.cgroup_root);
  try {
    fs.rmdirSync(path.dirname(settings.cgroup_root)); // the classroom's parent cgroup, if no other classroom uses it
  } catch {
    // still in use by another classroom
  }
  return n;
}

/** What a teardown of this state folder would remove: { users: [system names], state, cgroups }. */
function plan(p, settings, roster) {
  const prefix = (settings && settings.prefix) || 'fcnn-';
  const users = Object.keys((roster && roster.users) || {}).map((login) => prefix + login).filter((sys) => spawnSync('id', ['-u', sys]).status === 0);
  return { users, state: p.state, cgroups: settings && settings.cgroup_root };
}

/** Removes the system users, cgroups and the state folder of `plan` (the hub must be stopped first). */
function apply(pl, settings, say = () => {}) {
  const problems = [];
  for (const sys of pl.users) {
    const line = removeSystemUser(sys);
    if (line && line.startsWith('userdel')) problems.push(line);
    else if (line) say(line);
  }
  try {
    const n = removeCgroups(settings);
    if (n) say(`removed ${n} memory cgroup(s)`);
  } catch (err) {
    problems.push(`removing the memory cgroups: ${err.message}`);
  }
  fs.rmSync(pl.state, { recursive: true, force: true });
  say(`removed the state folder ${pl.state}`);
  return problems;
}

module.exports = { removeSystemUser, removeCgroups, plan, apply };
