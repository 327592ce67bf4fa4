#!/usr/bin/env node
// `npm run classroom` — serves the course to a room of students from this machine with JupyterHub.
//
//   sudo npm run classroom                         start (in the background) on this machine's LAN address, port 8000
//   sudo npm run classroom -- roster 30            30 students (student01 …) with login codes, printed once
//   sudo npm run classroom -- roster class.csv     the names in a CSV file (real names; optional "login" column)
//   sudo npm run classroom -- publish              push the student edition (notebooks without lecturer notes, data,
//                                                  lib, built dist/) to students; names every file it changed
//   sudo npm run classroom -- release-solutions 03 give students the worked solution of notebook 03 (both editions)
//   sudo npm run classroom -- start-all            start every student's server before class (first login is instant)
//   sudo npm run classroom -- status               running? URL, who is active
//   sudo npm run classroom -- conflicts            whose notebooks kept their own version of cells an update changed
//   sudo npm run classroom -- stop                 stop the hub and every student server (their files are kept)
//   sudo npm run classroom -- teardown             end of term: remove the students' users, homes, cgroups and the
//                                                  state folder (asks first; --yes to skip the question)
//
// Options: --ip ADDR, --port N (8000), --state DIR (/var/lib/fcnn-classroom), --memory-gb G (2 per student),
//          --max-kernels K (3 per student), --idle-minutes M (60), --admin NAME (lecturer), --prefix P (fcnn-),
//          --foreground (start: stay attached; Ctrl+C stops), --json (roster: machine-readable codes).
// Settings given to `start` are remembered in the state folder for the next start.
'use strict';

const { spawn, spawnSync } = require('child_process');
const crypto = require('crypto');
const fs = require('fs');
const net = require('net');
const os = require('os');
const path = require('path');
const roster = require('./roster');
const { ClassroomError, prepareRuntime, publishCourse } = require('./setup');
const edition = require('./edition');
const teardownPlan = require('./teardown');

const DEFAULTS = {
  port: 8000,
  state: '/var/lib/fcnn-classroom',
  memory_gb: 2,
  max_kernels: 3,
  idle_minutes: 60,
  admin: 'lecturer',
  prefix: 'fcnn-',
  branch: 'main',
};
const FLAGS = {
  '--ip': 'ip', '--port': 'port', '--hub-port': 'hub_port', '--proxy-api-port': 'proxy_api_port', '--state': 'state',
  '--memory-gb': 'memory_gb', '--max-kernels': 'max_kernels', '--idle-minutes': 'idle_minutes', '--admin': 'admin',
  '--prefix': 'prefix', '--handout': 'handout', '--message': 'message', '-m': 'message', '--start-timeout': 'start_timeout',
};
const BOOLS = { '--foreground': 'foreground', '--json': 'json', '--reset': 'reset', '--list': 'list', '--yes': 'yes', '--help': 'help', '-h': 'help' };
const NUMERIC = ['port', 'hub_port', 'proxy_api_port', 'memory_gb', 'max_kernels', 'idle_minutes', 'start_timeout'];

function parseArgs(argv) {
  const opts = {};
  const rest = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const [flag, inline] = a.startsWith('--') && a.includes('=') ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)] : [a, undefined];
    if (FLAGS[flag]) {
      const v = inline ?? argv[++i];
      if (v === undefined) throw new ClassroomError(`${flag} needs a value`);
      opts[FLAGS[flag]] = v;
    } else if (BOOLS[flag]) opts[BOOLS[flag]] = true;
    else if (a.startsWith('-')) throw new ClassroomError(`unknown option ${a}; see the top of classroom/cli.js or the README section "Teaching a class"`);
    else rest.push(a);
  }
  for (const k of NUMERIC) {
    if (opts[k] === undefined) continue;
    const n = Number(opts[k]);
    if (!Number.isFinite(n) || n <= 0) throw new ClassroomError(`--${k.replace(/_/g, '-')} must be a positive number, got "${opts[k]}"`);
    opts[k] = n;
  }
  if (opts.port !== undefined && (!Number.isInteger(opts.port) || opts.port > 65535)) throw new ClassroomError(`--port must be a port number (1–65535), got ${opts.port}`);
  if (opts.prefix !== undefined && !/^[a-z][a-z0-9-]{0,11}$/.test(opts.prefix)) throw new ClassroomError(`--prefix must be lower-case letters, digits or '-', at most 12 characters, got "${opts.prefix}"`);
  return { opts, rest };
}

/** The first non-internal IPv4 address: what students on the same network can reach. */
function lanAddress() {
  for (const list of Object.values(os.networkInterfaces())) {
    for (const a of list || []) if (a.family === 'IPv4' && !a.internal) return a.address;
  }
  return '127.0.0.1';
}

function paths(stateDir) {
  return {
    state: stateDir,
    runtime: path.join(stateDir, 'runtime'),
    settings: path.join(stateDir, 'settings.json'),
    roster: path.join(stateDir, 'roster.json'),
    pid: path.join(stateDir, 'classroom.pid'),
    log: path.join(stateDir, 'hub.log'),
    course: path.join(stateDir, 'course.git'),
  };
}

/**
 * A command for the lecturer to type, as this classroom needs it: with --state when the state folder is not the
 * default, so that it reaches this classroom and not an empty default one.
 */
function command(stateDir, args) {
  const state = path.resolve(stateDir) === path.resolve(DEFAULTS.state) && !process.env.FCNN_CLASSROOM_STATE ? '' : ` --state ${stateDir}`;
  return `npm run classroom -- ${args}${state}`;
}

function readSettings(p) {
  try {
    return JSON.parse(fs.readFileSync(p.settings, 'utf8'));
  } catch {
    return undefined;
  }
}

/** The settings for this start: command-line options over the remembered ones over the defaults. */
function resolveSettings(opts) {
  const stateDir = path.resolve(opts.state || process.env.FCNN_CLASSROOM_STATE || DEFAULTS.state);
  const p = paths(stateDir);
  const saved = readSettings(p) || {};
  const pick = (k) => opts[k] ?? saved[k] ?? DEFAULTS[k];
  const port = pick('port');
  const s = {
    course: 'fcnn-course',
    state_dir: stateDir,
    runtime_dir: p.runtime,
    roster: p.roster,
    ip: opts.ip ?? saved.ip ?? lanAddress(),
    port,
    hub_port: opts.hub_port ?? (opts.port ? port + 1 : saved.hub_port ?? port + 1),
    proxy_api_port: opts.proxy_api_port ?? (opts.port ? port + 2 : saved.proxy_api_port ?? port + 2),
    memory_gb: pick('memory_gb'),
    max_kernels: pick('max_kernels'),
    idle_minutes: pick('idle_minutes'),
    admin: roster.checkName(pick('admin'), '--admin'),
    prefix: pick('prefix'),
    course_repo_url: `file://${p.course}`,
    course_branch: DEFAULTS.branch,
    course_dir: 'fcnn-course',
    start_timeout: pick('start_timeout') ?? 180,
    proxy_command: '/usr/bin/configurable-http-proxy',
    api_token: saved.api_token || crypto.randomBytes(32).toString('hex'),
    cgroup_root: memoryCgroupRoot(stateDir),
  };
  return { s, p };
}

/** Where this classroom's memory cgroup (v1) goes, or null if the machine has no such controller. */
function memoryCgroupRoot(stateDir) {
  // FCNN_CLASSROOM_CGROUP=off: no cgroup even where there is one (to try the per-kernel data-size limit used on
  // machines without a cgroup-v1 memory controller).
  if (process.env.FCNN_CLASSROOM_CGROUP === 'off') return null;
  const base = '/sys/fs/cgroup/memory';
  if (!fs.existsSync(path.join(base, 'cgroup.procs'))) return null;
  return path.join(base, 'fcnn-classroom', crypto.createHash('sha1').update(stateDir).digest('hex').slice(0, 10));
}

/** Creates the classroom's memory cgroup at start; null when the machine does not allow it. */
function makeCgroup(dir) {
  if (!dir) return null;
  try {
    fs.mkdirSync(dir, { recursive: true });
    return dir;
  } catch {
    return null;
  }
}

function requireRoot(what) {
  if (process.getuid && process.getuid() !== 0) {
    throw new ClassroomError(`${what} must run as root (e.g. \`sudo npm run classroom\`): every student runs as their own system user, which only root can create and switch to`);
  }
}

function checkTools() {
  const probe = spawnSync('/usr/bin/python3', ['-c', 'import jupyterhub, nbgitpuller, notebook; print(jupyterhub.__version__, notebook.__version__)'], { encoding: 'utf8' });
  if (probe.status !== 0) {
    throw new ClassroomError('JupyterHub, nbgitpuller or Notebook is missing from /usr/bin/python3. Install them with:\n  sudo apt-get install jupyterhub python3-nbgitpuller jupyter-notebook');
  }
  if (!fs.existsSync('/usr/bin/configurable-http-proxy')) {
    throw new ClassroomError('configurable-http-proxy is missing. Install it with:\n  sudo apt-get install node-configurable-http-proxy');
  }
}

function alive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return err.code === 'EPERM';
  }
}

/** The running hub's pid from the pid file, if that process is really our JupyterHub; removes a stale file. */
function runningPid(p) {
  let pid;
  try {
    pid = Number(fs.readFileSync(p.pid, 'utf8').trim());
  } catch {
    return undefined;
  }
  let cmdline = '';
  try {
    cmdline = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8');
  } catch {
    // gone
  }
  if (pid > 0 && alive(pid) && cmdline.includes('jupyterhub')) return pid;
  fs.rmSync(p.pid, { force: true });
  return undefined;
}

function portFree(host, port) {
  return new Promise((resolve) => {
    const srv = net.createServer();
    srv.once('error', (err) => resolve(err.code || err.message));
    srv.listen({ host, port, exclusive: true }, () => srv.close(() => resolve(true)));
  });
}

function urls(s) {
  const host = s.ip === '0.0.0.0' ? lanAddress() : s.ip;
  const base = `http://${host.includes(':') ? `[${host}]` : host}:${s.port}`;
  return { student: `${base}/`, admin: `${base}/hub/admin` };
}

/** GET on the hub's own address (always 127.0.0.1), with the classroom's API token. */
async function hubApi(s, route, init = {}) {
  const res = await fetch(`http://127.0.0.1:${s.hub_port}/hub/api${route}`, {
    ...init,
    headers: { Authorization: `token ${s.api_token}`, ...(init.headers || {}) },
  });
  return res;
}

async function waitForHub(s, child, p, timeoutMs) {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (child.exitCode !== null || child.signalCode !== null) break;
    try {
      const res = await hubApi(s, '/');
      if (res.ok) return true;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  const log = fs.existsSync(p.log) ? fs.readFileSync(p.log, 'utf8').trim().split('\n').slice(-25).join('\n') : '(no log)';
  throw new ClassroomError(`JupyterHub did not come up (${child.exitCode !== null ? `exited with ${child.exitCode}` : 'timed out'}). Last lines of ${p.log}:\n${log}`);
}

async function start(opts) {
  requireRoot('npm run classroom');
  const { s, p } = resolveSettings(opts);
  const pid = runningPid(p);
  if (pid) {
    const u = urls(readSettings(p) || s);
    throw new ClassroomError(`the classroom is already running (pid ${pid}, state ${p.state}); students use ${u.student}. Stop it first with \`${command(p.state, 'stop')}\``);
  }
  checkTools();
  for (const [host, port, what] of [[s.ip, s.port, 'students\' port'], ['127.0.0.1', s.hub_port, 'hub\'s internal port'], ['127.0.0.1', s.proxy_api_port, 'proxy\'s API port']]) {
    const free = await portFree(host, port);
    if (free !== true) {
      const why = free === 'EADDRINUSE' ? 'is already in use by another program' : free === 'EADDRNOTAVAIL' ? 'is not an address of this machine' : `cannot be used (${free})`;
      throw new ClassroomError(`${host}:${port} (the ${what}) ${why}; choose another with --port N (the hub also uses N+1 and N+2 on 127.0.0.1) or --ip ADDR`);
    }
  }
  fs.mkdirSync(p.state, { recursive: true });
  fs.chmodSync(p.state, 0o755); // students read the runtime and the course repository; secrets are 0600 files
  console.log('classroom: preparing the shared runtime (tslab kernel, course packages) …');
  prepareRuntime(p.runtime, s);
  if (!fs.existsSync(p.course)) {
    const pub = publishCourse(p.state, { message: 'First course release' });
    console.log(`classroom: published the student edition (commit ${pub.commit.slice(0, 8)}, ${pub.files.length} files; no solutions released yet)`);
  }
  const r = roster.readRoster(p.roster);
  const issued = roster.addUsers(r, [s.admin], { admin: true });
  for (const [name, entry] of Object.entries(r.users)) entry.admin = name === s.admin; // --admin renamed: one lecturer
  roster.writeRoster(p.roster, r);
  s.cgroup_root = makeCgroup(s.cgroup_root);
  if (!s.cgroup_root) console.log('classroom: no memory cgroup available here; each kernel gets a data-size limit of --memory-gb instead');
  fs.writeFileSync(p.settings, JSON.stringify(s, null, 2) + '\n', { mode: 0o600 });

  const log = fs.openSync(p.log, 'a', 0o600);
  const umask = process.umask(0o077); // the hub's database and secrets: root only
  // The hub and its proxy run at nice -5 (students at +5 relative to them, see jupyterhub_config.py): JupyterHub
  // gives up on a spawn when the proxy does not answer within 10 s, which a busy machine otherwise causes.
  const child = spawn('/usr/bin/nice', ['-n', '-5', '/usr/bin/python3', '-m', 'jupyterhub', '-f', path.join(p.runtime, 'jupyterhub_config.py')], {
    cwd: p.state,
    detached: !opts.foreground,
    stdio: ['ignore', log, log],
    env: {
      PATH: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin',
      LANG: process.env.LANG || 'C.UTF-8',
      FCNN_CLASSROOM_SETTINGS: p.settings,
      NODE_PATH: '/usr/share/nodejs', // Debian's configurable-http-proxy finds its modules there
    },
  });
  process.umask(umask);
  fs.writeFileSync(p.pid, `${child.pid}\n`);
  const stopChild = () => child.kill('SIGTERM');
  if (opts.foreground) {
    process.on('SIGINT', stopChild);
    process.on('SIGTERM', stopChild);
  }
  try {
    await waitForHub(s, child, p, 120000);
  } catch (err) {
    if (child.exitCode === null) child.kill('SIGTERM');
    fs.rmSync(p.pid, { force: true });
    throw err;
  }
  const u = urls(s);
  console.log([
    `classroom: JupyterHub is running (pid ${child.pid}); log: ${p.log}`,
    `  students open:   ${u.student}`,
    `  lecturer admin:  ${u.admin}   (log in as "${s.admin}")`,
    ...(issued.length ? [`  lecturer code:   ${issued[0].code}   (shown once; \`${command(p.state, `roster --reset ${s.admin}`)}\` makes a new one)`] : []),
    `  per student: ${s.memory_gb} GB memory, ${s.max_kernels} kernels; idle servers stop after ${s.idle_minutes} min`,
    `  add students:    ${command(p.state, 'roster 30')}   (or a CSV of names)`,
    `  solutions:       ${command(p.state, 'release-solutions 03')}   (when the class has done notebook 03)`,
    `  stop:            ${command(p.state, 'stop')}`,
  ].join('\n'));
  if (opts.foreground) {
    await new Promise((resolve) => child.on('exit', resolve));
    fs.rmSync(p.pid, { force: true });
  } else {
    child.unref();
  }
}

async function stop(opts) {
  const { p } = resolveSettings(opts);
  const pid = runningPid(p);
  if (!pid) {
    console.log(`classroom: not running (state ${p.state})`);
    return;
  }
  process.kill(pid, 'SIGTERM'); // JupyterHub stops every student server and its proxy on the way out
  const until = Date.now() + 60000;
  while (alive(pid) && Date.now() < until) await new Promise((r) => setTimeout(r, 250));
  if (alive(pid)) {
    process.kill(pid, 'SIGKILL');
    console.error(`classroom: JupyterHub (pid ${pid}) did not stop within 60 s; killed it`);
  }
  fs.rmSync(p.pid, { force: true });
  console.log('classroom: stopped (students\' files and the hub database are kept for the next start)');
}

/** The logins of the students on the roster (the lecturer left out). */
function studentLogins(p) {
  return Object.entries(roster.readRoster(p.roster).users).filter(([, e]) => !e.admin).map(([login]) => login);
}

/** Starts the server of every student on the roster who has none running, a few at a time; waits until ready. */
async function startAll(opts) {
  requireRoot('npm run classroom -- start-all');
  const { p } = resolveSettings(opts);
  if (!runningPid(p)) throw new ClassroomError(`the classroom is not running (state ${p.state}); start it first with \`${command(p.state, 'start')}\``);
  const s = readSettings(p);
  const students = studentLogins(p);
  if (students.length === 0) throw new ClassroomError(`nobody is on the roster yet; add students with \`${command(p.state, 'roster 30')}\``);
  const started = Date.now();
  const known = new Set(((await (await hubApi(s, '/users')).json()) || []).map((u) => u.name));
  const missing = students.filter((n) => !known.has(n));
  if (missing.length) {
    const res = await hubApi(s, '/users', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ usernames: missing }) });
    if (!res.ok) throw new ClassroomError(`the hub refused to add ${missing.join(', ')}: HTTP ${res.status} ${await res.text()}`);
  }
  const results = new Map();
  const timeoutMs = (s.start_timeout || 180) * 1000 + 30000;
  const one = async (name) => {
    const t = Date.now();
    const res = await hubApi(s, `/users/${encodeURIComponent(name)}/server`, { method: 'POST' });
    if (![201, 202, 400].includes(res.status)) return results.set(name, `failed: HTTP ${res.status} ${(await res.text()).slice(0, 200)}`);
    while (Date.now() - t < timeoutMs) {
      const u = await (await hubApi(s, `/users/${encodeURIComponent(name)}`)).json();
      const srv = u.servers && u.servers[''];
      if (srv && srv.ready) return results.set(name, `ready after ${((Date.now() - t) / 1000).toFixed(1)} s`);
      if (!srv || (!srv.pending && !srv.ready)) return results.set(name, 'failed: the server stopped while starting (see the hub log)');
      await new Promise((r) => setTimeout(r, 500));
    }
    return results.set(name, `failed: not ready after ${timeoutMs / 1000} s`);
  };
  // a few at a time: each start pulls the course and starts Python; all at once would slow the hub for everyone
  const queue = [...students];
  await Promise.all(Array.from({ length: Math.min(4, queue.length) }, async () => {
    while (queue.length) await one(queue.shift());
  }));
  const failed = students.filter((n) => !results.get(n).startsWith('ready'));
  for (const n of students) console.log(`  ${n.padEnd(22)} ${results.get(n)}`);
  console.log(`classroom: ${students.length - failed.length} of ${students.length} students' servers ready in ${((Date.now() - started) / 1000).toFixed(0)} s` +
    (failed.length ? `; ${failed.length} failed: ${failed.join(', ')} (see ${p.log})` : ''));
  if (failed.length) process.exitCode = 1;
}

/**
 * For the lecturer: in every student's copy, the notebooks where the latest course update that changed them did
 * not come in for some cells, because the student had changed those cells too (classroom/course_conflicts.py).
 */
function conflictsCommand(opts) {
  requireRoot('npm run classroom -- conflicts');
  const { p } = resolveSettings(opts);
  const s = readSettings(p);
  if (!s) throw new ClassroomError(`there is no classroom in ${p.state}; give its folder with --state DIR`);
  const logins = studentLogins(p);
  const repos = logins.map((login) => path.join('/home', s.prefix + login, s.course_dir));
  const r = spawnSync('/usr/bin/python3', [path.join(__dirname, 'course_conflicts.py'), ...repos], { encoding: 'utf8', maxBuffer: 1 << 26 });
  if (r.status !== 0) throw new ClassroomError(`course_conflicts.py failed: ${(r.stderr || '').trim().split('\n').slice(-3).join(' | ')}`);
  const found = r.stdout.trim().split('\n').filter(Boolean).map((l) => JSON.parse(l));
  let students = 0;
  let never = 0;
  for (const [i, x] of found.entries()) {
    if (x.notebooks === null) { never += 1; continue; }
    const nbs = Object.entries(x.notebooks);
    if (nbs.length === 0) continue;
    students += 1;
    console.log(`  ${logins[i]}`);
    for (const [rel, rep] of nbs) {
      const kept = rep.cells.filter((c) => c.kept).length;
      console.log(`    ${rel}: update ${rep.update}: cells ${rep.cells.map((c) => c.index).join(', ')} (${kept} kept the student's version, ${rep.cells.length - kept} combined)`);
    }
  }
  console.log(`classroom: ${students} of ${logins.length} students have cells that a course update did not bring in${never ? ` (${never} have no copy yet)` : ''}`);
  return { students };
}

/** End of term: stops the hub and removes the students' system users, homes, cgroups and the state folder. */
async function teardown(opts) {
  requireRoot('npm run classroom -- teardown');
  const { p } = resolveSettings(opts);
  if (!fs.existsSync(p.state)) throw new ClassroomError(`there is no classroom in ${p.state} (nothing to remove); give its folder with --state DIR`);
  const s = readSettings(p);
  const r = fs.existsSync(p.roster) ? roster.readRoster(p.roster) : { users: {} };
  const pl = teardownPlan.plan(p, s, r);
  const what = `${Object.keys(r.users).length} roster entries, ${pl.users.length} system users with their homes and files` +
    `${pl.cgroups ? ', the memory cgroups' : ''}, and the state folder ${p.state} (hub database, published course, runtime)`;
  if (!opts.yes) {
    if (!process.stdin.isTTY) throw new ClassroomError(`teardown removes ${what}. Run it in a terminal to confirm, or add --yes`);
    const rl = require('readline').createInterface({ input: process.stdin, output: process.stdout });
    const answer = await new Promise((resolve) => rl.question(`teardown removes ${what}.\nStudents' work is lost. Type "teardown" to go on: `, resolve));
    rl.close();
    if (answer.trim() !== 'teardown') {
      console.log('classroom: nothing removed');
      return;
    }
  }
  await stop(opts);
  const problems = teardownPlan.apply(pl, s, (line) => console.log(`  ${line}`));
  if (problems.length) throw new ClassroomError(`teardown left something behind:\n  ${problems.join('\n  ')}`);
  console.log(`classroom: removed ${what}`);
}

async function status(opts) {
  const { s, p } = resolveSettings(opts);
  const pid = runningPid(p);
  if (!pid) {
    console.log(`classroom: not running (state ${p.state})`);
    process.exitCode = 3;
    return;
  }
  const saved = readSettings(p);
  const u = urls(saved);
  console.log(`classroom: running (pid ${pid}); students open ${u.student}; admin ${u.admin}`);
  const res = await hubApi(saved, '/users');
  if (res.ok) {
    const users = await res.json();
    const active = users.filter((x) => x.servers && x.servers[''] && x.servers[''].ready);
    console.log(`  ${Object.keys(roster.readRoster(p.roster).users).length} on the roster, ${active.length} with a running server${active.length ? ': ' + active.map((x) => x.name).join(', ') : ''}`);
  }
  return s;
}

function rosterCommand(opts, rest) {
  requireRoot('npm run classroom -- roster');
  const { s, p } = resolveSettings(opts);
  fs.mkdirSync(p.state, { recursive: true });
  const r = roster.readRoster(p.roster);
  if (opts.list) {
    for (const [name, e] of Object.entries(r.users)) console.log(`${name}${e.admin ? ' (admin)' : ''}${e.display ? `   ${e.display}` : ''}`);
    return;
  }
  if (rest.length === 0) throw new ClassroomError('roster: give a number of students (e.g. 30) or a CSV file of names; --reset NAME gives someone a new code');
  let names;
  if (opts.reset && rest.every((x) => roster.NAME_PATTERN.test(x))) names = rest;
  else names = rest.flatMap((src) => roster.entriesFromSource(src));
  const unknown = opts.reset ? names.map((n) => n.name ?? n).filter((n) => !r.users[n]) : [];
  if (unknown.length) throw new ClassroomError(`roster --reset: not on the roster: ${unknown.join(', ')}`);
  const issued = roster.addUsers(r, names, { admin: false, reset: !!opts.reset });
  for (const it of issued) if (it.name === s.admin) r.users[it.name].admin = true;
  roster.writeRoster(p.roster, r);
  const skipped = names.length - issued.length;
  if (opts.json) {
    console.log(JSON.stringify({ issued, skipped }));
  } else {
    console.log(`classroom: ${issued.length} new code(s)${skipped ? `; ${skipped} name(s) already had one (keep theirs; --reset to replace)` : ''}. Hand each student their line — codes are stored only as hashes and shown only now:`);
    for (const line of roster.issuedLines(issued)) console.log(line);
  }
  if (opts.handout) {
    fs.writeFileSync(opts.handout, roster.handoutCsv(issued), { mode: 0o600 });
    console.error(`classroom: wrote ${issued.length} codes to ${opts.handout} (readable by you only; delete it after printing)`);
  }
}

const CHANGE = { A: 'added', M: 'changed', D: 'removed' };

function publishCommand(opts, { what = 'course update' } = {}) {
  requireRoot('npm run classroom -- publish');
  const { p } = resolveSettings(opts);
  fs.mkdirSync(p.state, { recursive: true });
  const pub = publishCourse(p.state, { message: opts.message });
  if (!pub.changed) {
    console.log(`classroom: nothing changed since the last publish (${pub.commit.slice(0, 8)})`);
    return pub;
  }
  console.log(`classroom: published ${what} ${pub.commit.slice(0, 8)}, ${pub.files.length} file(s):`);
  for (const line of pub.files) {
    const [status, ...rest] = line.split('\t');
    console.log(`  ${(CHANGE[status[0]] || status).padEnd(8)} ${rest.join(' → ')}`);
  }
  console.log('Students get it the next time they open the hub (their own edits are kept; nbgitpuller merges).');
  return pub;
}

function releaseSolutionsCommand(opts, rest) {
  requireRoot('npm run classroom -- release-solutions');
  const { p } = resolveSettings(opts);
  let numbers;
  try {
    numbers = edition.checkReleaseArgs(path.resolve(__dirname, '..'), rest);
  } catch (err) {
    if (err instanceof edition.EditionError) throw new ClassroomError(err.message);
    throw err;
  }
  fs.mkdirSync(p.state, { recursive: true });
  const before = edition.readReleased(p.state);
  const fresh = numbers.filter((n) => !before.includes(n));
  if (fresh.length === 0) {
    console.log(`classroom: the solutions of ${numbers.join(', ')} are already released (released: ${before.join(', ')})`);
    return;
  }
  edition.writeReleased(p.state, before.concat(fresh));
  try {
    publishCommand(opts, { what: `the solutions of ${fresh.join(', ')}` });
  } catch (err) {
    edition.writeReleased(p.state, before); // nothing half-applied: not published, not recorded
    throw err;
  }
}

async function main(argv) {
  const { opts, rest } = parseArgs(argv);
  const cmd = rest.shift() || 'start';
  if (opts.help) {
    const lines = fs.readFileSync(__filename, 'utf8').split('\n').slice(1);
    console.log(lines.slice(0, lines.findIndex((l) => !l.startsWith('//'))).map((l) => l.replace(/^\/\/ ?/, '')).join('\n'));
    return;
  }
  if (cmd === 'start') return start(opts);
  if (cmd === 'stop') return stop(opts);
  if (cmd === 'status') return status(opts);
  if (cmd === 'roster') return rosterCommand(opts, rest);
  if (cmd === 'publish') return publishCommand(opts);
  if (cmd === 'release-solutions') return releaseSolutionsCommand(opts, rest);
  if (cmd === 'start-all') return startAll(opts);
  if (cmd === 'teardown') return teardown(opts);
  if (cmd === 'conflicts') return conflictsCommand(opts);
  throw new ClassroomError(`unknown command "${cmd}"; expected start, stop, status, roster, publish, release-solutions, start-all, conflicts or teardown`);
}

module.exports = { main, parseArgs, resolveSettings, paths, runningPid, hubApi, urls, lanAddress };

if (require.main === module) {
  main(process.argv.slice(2)).catch((err) => {
    if (err instanceof ClassroomError || err instanceof roster.RosterError) console.error(`classroom: ${err.message}`);
    else console.error(err);
    process.exitCode = 1;
  });
}
