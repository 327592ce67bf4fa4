#!/usr/bin/env node
// `npm run classroom:loadtest -- --students N`: a room of N students against a real classroom hub on 127.0.0.1.
//
// It starts the hub exactly as `npm run classroom` does (own state folder, port and system-user prefix), makes a
// roster of N students, and lets them arrive at random over --window seconds (60). Each student, with a real
// Jupyter client (@jupyterlab/services, the one JupyterLab uses): logs in through the hub's login form, gets an
// API token, spawns their server, opens their own copy of notebooks/01-the-neuron.ipynb (delivered by
// nbgitpuller), starts a tslab kernel, runs every code cell top to bottom and counts the figures it displays.
// --browsers K of them (default 3, leaving at least two API students for the bad cases) are real browser windows
// instead (classroom/browser-student.js): they log in on the hub's page, open notebook 01 from their file list,
// choose Cell → Run All and count the plots actually drawn (an SVG in each plot box) and any notice in place of one.
// Then the bad cases, each of which must be refused: wrong code, unknown user, student A asking for B's server
// (through the hub and directly on its port), files, kernel (REST and websocket) and home folder, a fourth kernel
// over the cap, and a kernel allocating past its memory limit (which must say so, while B's kernel keeps working).
// Then the lecturer checks: a course update reaches a student without overwriting their edit, starting twice
// is refused, a used port is refused, and a hub restart keeps the student's work.
// Everything it created (servers, kernels, system users and their homes, cgroups, the hub, its state folder) is
// removed at the end, also on failure and on Ctrl+C. Last line:
//   CLASSROOM students=N ok=N failed=0 p50_first_plot_s=… p95_first_plot_s=… peak_rss_gb=… denied=K/K browsers=B
//             p50_first_drawn_s=… p95_first_drawn_s=… drawn=D/D
// Exit status is non-zero if a student failed, a bad case was not denied or a lecturer check failed.
'use strict';

const { spawnSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');
const WebSocket = require('ws');
const { ServerConnection, SessionAPI, KernelConnection } = require('@jupyterlab/services');
const env = require('../scripts/jupyter-env');
const { PLOTLY_MIME: PLOTLY } = require('../scripts/notebook-page');
const { launchBrowser, runBrowserStudent, updateWhileOpen, conflictAfterUpdate } = require('./browser-student');
const { stringifyNotebook } = require('../scripts/notebook');
const { removeSystemUser, removeCgroups } = require('./teardown');

const CLI = path.join(__dirname, 'cli.js');
console.debug = () => {}; // @jupyterlab/services narrates every websocket it opens
const NOTEBOOK = 'notebooks/01-the-neuron.ipynb';

function parse(argv) {
  const o = { students: 30, window: 60, port: 18600, memoryGb: 1.5, maxKernels: 3, keep: false, seed: Date.now() % 100000, badOnly: false };
  let studentsGiven = false;
  let windowGiven = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const v = () => {
      const x = Number(argv[++i]);
      if (!Number.isFinite(x) || x <= 0) throw new Error(`loadtest: ${a} needs a positive number, got "${argv[i]}"`);
      return x;
    };
    if (a === '--students') { o.students = Math.floor(v()); studentsGiven = true; }
    else if (a === '--window') { o.window = v(); windowGiven = true; }
    else if (a === '--bad-cases-only') o.badOnly = true;
    else if (a === '--idle-check') o.idleCheck = true;
    else if (a === '--idle-minutes') o.idleMinutes = v();
    else if (a === '--hub-log') { o.hubLog = argv[++i]; if (!o.hubLog) throw new Error('loadtest: --hub-log needs a file name'); }
    else if (a === '--port') o.port = Math.floor(v());
    else if (a === '--browsers') { const x = Number(argv[++i]); if (!Number.isInteger(x) || x < 0) throw new Error(`loadtest: --browsers needs a whole number ≥ 0, got "${argv[i]}"`); o.browsers = x; }
    else if (a === '--memory-gb') o.memoryGb = v();
    else if (a === '--seed') o.seed = Math.floor(v());
    else throw new Error(`loadtest: unknown option ${a}; expected --students N, --window SECONDS, --port N, --memory-gb G, --seed S, --browsers K, --bad-cases-only, --idle-check, --idle-minutes M, --hub-log FILE`);
  }
  if (o.badOnly && o.idleCheck) throw new Error('loadtest: --bad-cases-only and --idle-check are separate runs; give one');
  if (o.idleCheck) {
    // Two students, one who walks away and one who keeps working, under a short idle time.
    if (!studentsGiven) o.students = 2;
    if (!windowGiven) o.window = 1;
    if (o.idleMinutes === undefined) o.idleMinutes = 0.5;
    if (o.students !== 2) throw new Error('loadtest: --idle-check uses exactly two students');
  }
  if (o.idleMinutes === undefined) o.idleMinutes = 30; // long enough that nobody is culled during a load test
  // browser students: all of them would be best, but each window costs about as much as a student's kernel; the
  // bad cases need two API students (A and B)
  if (o.badOnly || o.idleCheck) o.browsers = 0;
  else if (o.browsers === undefined) o.browsers = Math.max(0, Math.min(3, o.students - 2));
  if (o.browsers > o.students) throw new Error(`loadtest: --browsers ${o.browsers} is more than --students ${o.students}`);
  if (o.badOnly) {
    // A quick run of the bad cases alone: two students who only open a kernel (no notebook), no lecturer checks.
    if (!studentsGiven) o.students = 2;
    if (!windowGiven) o.window = 1;
    if (o.students < 2) throw new Error('loadtest: --bad-cases-only needs --students 2 or more (A and B)');
  }
  return o;
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
/** A file in artifacts/ (screenshots of the browser students). */
function artifactFile(name) {
  const dir = path.join(env.ROOT, 'artifacts');
  fs.mkdirSync(dir, { recursive: true });
  return path.join(dir, name);
}
const log = (...a) => console.log(`[${new Date().toISOString().slice(11, 19)}]`, ...a);

function cli(args, { allowFail = false } = {}) {
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8' });
  if (!allowFail && r.status !== 0) throw new Error(`classroom ${args.join(' ')} failed:\n${r.stdout}${r.stderr}`);
  return r;
}

/** Figures a notebook produces: display_data / execute_result outputs with Plotly JSON or the course's HTML plot box
 * (large figures are sent as HTML only), as scripts/notebook-page.js counts them on the page. */
const isPlotData = (data) => !!data && (PLOTLY in data || String(data['text/html'] || '').includes('class="fcnn-plot"'));
const isPlot = (msgType, content) => (msgType === 'display_data' || msgType === 'execute_result') && content && isPlotData(content.data);

/** The same notebook executed by nbclient (as `npm test` does) — the number every student must match. */
function nbclientPlotCount(file) {
  const py = [
    'import sys, nbformat, nbclient',
    'nb = nbformat.read(sys.argv[1], as_version=4)',
    'nbclient.NotebookClient(nb, timeout=600, kernel_name="tslab", resources={"metadata": {"path": sys.argv[2]}}).execute()',
    'def plot(d): return "' + PLOTLY + '" in d or \'class="fcnn-plot"\' in "".join(d.get("text/html", ""))',
    'print(sum(1 for c in nb.cells if c.cell_type == "code" for o in c.get("outputs", []) if o.output_type in ("display_data", "execute_result") and plot(o.get("data", {}))))',
  ].join('\n');
  env.writeKernelSpec();
  const r = spawnSync('/usr/bin/python3', ['-c', py, file, path.dirname(file)], { encoding: 'utf8', env: env.jupyterEnv(), cwd: env.ROOT });
  if (r.status !== 0) throw new Error(`nbclient could not run ${file}:\n${r.stderr.slice(-2000)}`);
  return Number(r.stdout.trim().split('\n').pop());
}

class Hub {
  constructor(o, state, prefix) {
    this.o = o;
    this.state = state;
    this.prefix = prefix;
    this.base = `http://127.0.0.1:${o.port}`;
  }
  startArgs() {
    return ['start', '--state', this.state, '--ip', '127.0.0.1', '--port', String(this.o.port), '--prefix', this.prefix,
      '--memory-gb', String(this.o.memoryGb), '--max-kernels', String(this.o.maxKernels), '--idle-minutes', String(this.o.idleMinutes)];
  }
  settings() {
    return JSON.parse(fs.readFileSync(path.join(this.state, 'settings.json'), 'utf8'));
  }
  pid() {
    try {
      return Number(fs.readFileSync(path.join(this.state, 'classroom.pid'), 'utf8'));
    } catch {
      return undefined;
    }
  }
  async admin(route, init = {}) {
    const s = this.settings();
    return fetch(`${this.base}/hub/api${route}`, { ...init, headers: { Authorization: `token ${s.api_token}`, 'Content-Type': 'application/json', ...(init.headers || {}) } });
  }
}

/** Logs in through the hub's form. Returns the cookie header on success, undefined when refused. */
async function login(base, name, code) {
  const res = await fetch(`${base}/hub/login`, {
    method: 'POST', redirect: 'manual',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ username: name, password: code }).toString(),
  });
  const cookies = res.headers.getSetCookie().map((c) => c.split(';')[0]);
  if (res.status !== 302 || !cookies.some((c) => c.startsWith('jupyterhub-hub-login='))) return undefined;
  return cookies.join('; ');
}

/** An API token for the logged-in student, requested with their session cookie (as the hub's token page does). */
async function tokenFor(base, name, cookie) {
  const res = await fetch(`${base}/hub/api/users/${name}/tokens`, {
    method: 'POST',
    headers: { Cookie: cookie, Referer: `${base}/hub/token`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ note: 'classroom load test', expires_in: 3600 }),
  });
  if (!res.ok) throw new Error(`token request for ${name}: HTTP ${res.status} ${await res.text()}`);
  return (await res.json()).token;
}

async function spawnServer(base, name, token, timeoutMs = 300000) {
  const h = { Authorization: `token ${token}` };
  const res = await fetch(`${base}/hub/api/users/${name}/server`, { method: 'POST', headers: h });
  if (![201, 202, 400].includes(res.status)) throw new Error(`spawn ${name}: HTTP ${res.status} ${await res.text()}`);
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    const u = await (await fetch(`${base}/hub/api/users/${name}`, { headers: h })).json();
    const srv = u.servers && u.servers[''];
    if (srv && srv.ready) return srv;
    if (!srv || (!srv.pending && !srv.ready)) throw new Error(`spawn ${name}: the server stopped while starting (see the hub log)`);
    await sleep(500);
  }
  throw new Error(`spawn ${name}: not ready after ${timeoutMs / 1000} s`);
}

function serverSettings(base, name, token) {
  return ServerConnection.makeSettings({
    baseUrl: `${base}/user/${name}/`,
    wsUrl: `${base.replace(/^http/, 'ws')}/user/${name}/`,
    token,
    appendToken: true,
    WebSocket,
    fetch: globalThis.fetch, Request: globalThis.Request, Headers: globalThis.Headers,
  });
}

/** Starts a notebook session (kernel cwd = the notebook's folder, as in the browser) and connects to its kernel. */
async function openKernel(settings, nbPath) {
  const model = await SessionAPI.startSession({ path: nbPath, type: 'notebook', name: path.basename(nbPath), kernel: { name: 'tslab' } }, settings);
  const kernel = new KernelConnection({ model: model.kernel, serverSettings: settings, handleComms: false });
  return { session: model, kernel };
}

/**
 * Runs code; returns { status, outputs: [{msgType, content}], error }. Bounded: no reply within `timeoutMs`, or
 * the kernel's websocket down for `disconnectMs` (the client would otherwise print "Connection lost,
 * reconnecting" for as long as we wait), gives status 'dead' with the reason.
 */
async function execute(kernel, code, onOutput, timeoutMs = 600000, disconnectMs = 60000) {
  const outputs = [];
  let timer;
  let watch;
  const future = kernel.requestExecute({ code, stop_on_error: true });
  future.onIOPub = (msg) => {
    const t = msg.header.msg_type;
    if (['display_data', 'execute_result', 'stream', 'error'].includes(t)) {
      outputs.push({ msgType: t, content: msg.content });
      if (onOutput) onOutput(t, msg.content);
    }
  };
  try {
    const reply = await Promise.race([future.done, new Promise((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no reply from the kernel after ${timeoutMs / 1000} s`)), timeoutMs);
      let lostSince;
      watch = setInterval(() => {
        if (kernel.connectionStatus === 'connected') lostSince = undefined;
        else if ((lostSince ??= Date.now()) < Date.now() - disconnectMs) {
          reject(new Error(`the connection to the kernel was lost for ${disconnectMs / 1000} s (${kernel.connectionStatus})`));
        }
      }, 1000);
    })]);
    // the course kernel (scripts/tslab-kernel.js) replies with ename/evalue; a plain tslab only writes to stderr
    const stderr = outputs.filter((x) => x.msgType === 'stream' && x.content.name === 'stderr').map((x) => x.content.text).join('');
    // the message, not the bottom of the stack: the lines that are not "    at …" frames
    const said = stderr.split('\n').filter((l) => l.trim() && !/^\s+at /.test(l)).slice(0, 4).join(' | ');
    const error = reply.content.status === 'error' ? (reply.content.ename ? `${reply.content.ename}: ${reply.content.evalue}` : said || stderr.trim().split('\n').slice(-3).join(' | ')) : undefined;
    return { status: reply.content.status, outputs, error };
  } catch (err) {
    return { status: 'dead', outputs, error: String(err && err.message ? err.message : err) };
  } finally {
    clearTimeout(timer);
    clearInterval(watch);
    future.dispose();
  }
}

/**
 * Processes under the hub (hub, proxy, single-user servers, kernels): { pid, uid, rss (bytes), cpu (seconds of
 * user + system time, with that of their finished children) }.
 */
function processTree(rootPid) {
  const children = new Map();
  const rss = new Map();
  const info = new Map();
  for (const d of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${d}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const ppid = Number(fields[1]);
      const rssPages = Number(fs.readFileSync(`/proc/${d}/statm`, 'utf8').split(' ')[1]);
      rss.set(Number(d), rssPages * 4096);
      // utime, stime, cutime, cstime are fields 14-17 of stat (11-14 after the command), in clock ticks (100/s)
      const cpu = (Number(fields[11]) + Number(fields[12]) + Number(fields[13]) + Number(fields[14])) / 100;
      info.set(Number(d), { uid: fs.statSync(`/proc/${d}`).uid, cpu });
      if (!children.has(ppid)) children.set(ppid, []);
      children.get(ppid).push(Number(d));
    } catch {
      // process ended while we looked
    }
  }
  const out = [];
  const stack = [rootPid];
  while (stack.length) {
    const p = stack.pop();
    if (rss.has(p)) out.push({ pid: p, rss: rss.get(p), ...info.get(p) });
    for (const c of children.get(p) || []) stack.push(c);
  }
  return out;
}

function percentile(xs, q) {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)];
}

function shuffle(rng, xs) {
  for (let i = xs.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    [xs[i], xs[j]] = [xs[j], xs[i]];
  }
  return xs;
}

function mulberry32(a) {
  return () => {
    a |= 0; a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

async function runStudent(hub, st, cells, t0, badOnly = false) {
  const r = { name: st.name, ok: false };
  const arrived = Date.now();
  try {
    const cookie = await login(hub.base, st.name, st.code);
    if (!cookie) throw new Error('login refused with the right code');
    st.token = await tokenFor(hub.base, st.name, cookie);
    await spawnServer(hub.base, st.name, st.token);
    r.spawn_s = (Date.now() - arrived) / 1000;
    st.settings = serverSettings(hub.base, st.name, st.token);
    const nbPath = `fcnn-course/${NOTEBOOK}`;
    const res = await ServerConnection.makeRequest(`${st.settings.baseUrl}api/contents/${nbPath}?content=1`, {}, st.settings);
    if (!res.ok) throw new Error(`their copy of ${NOTEBOOK} is missing (nbgitpuller): HTTP ${res.status}`);
    const nb = (await res.json()).content;
    const code = nb.cells.filter((c) => c.cell_type === 'code').map((c) => (Array.isArray(c.source) ? c.source.join('') : c.source));
    if (code.join('\n') !== cells.join('\n')) throw new Error(`their copy of ${NOTEBOOK} differs from the published one`);
    const tKernel = Date.now();
    const { session, kernel } = await openKernel(st.settings, nbPath);
    await kernel.info;
    r.kernel_s = (Date.now() - tKernel) / 1000;
    st.kernel = kernel;
    st.sessionId = session.id;
    st.kernelId = session.kernel.id;
    r.plots = 0;
    for (let i = 0; i < (badOnly ? 0 : code.length); i++) {
      const out = await execute(kernel, code[i], (t, content) => {
        if (isPlot(t, content)) {
          r.plots += 1;
          if (r.first_plot_s === undefined) r.first_plot_s = (Date.now() - arrived) / 1000;
        }
      });
      if (out.status !== 'ok') throw new Error(`cell ${i + 1} of ${code.length}: ${out.error}`);
    }
    r.total_s = (Date.now() - arrived) / 1000;
    r.ok = true;
  } catch (err) {
    r.error = err.message;
  }
  log(`${st.name} (arrived at ${((arrived - t0) / 1000).toFixed(0)} s): ${r.ok ? `ok, ${r.plots} plots; server after ${r.spawn_s.toFixed(1)} s, kernel start ${r.kernel_s.toFixed(1)} s, first plot after ${r.first_plot_s?.toFixed(1)} s, done after ${r.total_s.toFixed(1)} s` : `FAILED: ${r.error}`}`);
  return r;
}

/** The bad cases. Each returns true when the attempt was refused as it must be. */
async function badCases(hub, A, B, o) {
  const cases = [];
  const check = async (name, fn) => {
    let denied = false;
    let detail = '';
    try {
      [denied, detail] = await fn();
    } catch (err) {
      denied = false;
      detail = `error while trying: ${err.message}`;
    }
    cases.push({ name, denied });
    log(`${denied ? 'DENIED ' : 'ALLOWED'} ${name}${detail ? ` — ${detail}` : ''}`);
  };
  const aH = { Authorization: `token ${A.token}` };
  await check('wrong code for a student on the roster', async () => [!(await login(hub.base, B.name, 'aaaa-bbbb-cccc')), '']);
  await check('unknown user', async () => [!(await login(hub.base, 'mallory', A.code)), '']);
  await check('A lists B\'s files through the hub', async () => {
    const res = await fetch(`${hub.base}/user/${B.name}/api/contents/fcnn-course`, { headers: aH, redirect: 'manual' });
    return [res.status === 403, `HTTP ${res.status}`];
  });
  await check('A downloads B\'s notebook', async () => {
    const res = await fetch(`${hub.base}/user/${B.name}/files/fcnn-course/${NOTEBOOK}`, { headers: aH, redirect: 'manual' });
    return [res.status === 403, `HTTP ${res.status}`];
  });
  await check('A stops B\'s server through the hub API', async () => {
    const res = await fetch(`${hub.base}/hub/api/users/${B.name}/server`, { method: 'DELETE', headers: aH });
    return [res.status === 403 || res.status === 404, `HTTP ${res.status}`];
  });
  await check('A reads B\'s kernel through the hub', async () => {
    const res = await fetch(`${hub.base}/user/${B.name}/api/kernels/${B.kernelId}`, { headers: aH, redirect: 'manual' });
    return [res.status === 403, `HTTP ${res.status}`];
  });
  await check('A opens a websocket to B\'s kernel', async () => {
    const url = `${hub.base.replace(/^http/, 'ws')}/user/${B.name}/api/kernels/${B.kernelId}/channels?token=${A.token}`;
    const outcome = await new Promise((resolve) => {
      const ws = new WebSocket(url);
      const timer = setTimeout(() => { ws.terminate(); resolve('timeout'); }, 15000);
      ws.on('open', () => { clearTimeout(timer); ws.close(); resolve('open'); });
      ws.on('unexpected-response', (_req, res) => { clearTimeout(timer); resolve(`HTTP ${res.statusCode}`); ws.terminate(); });
      ws.on('error', (err) => { clearTimeout(timer); resolve(`error ${err.message}`); });
    });
    return [outcome !== 'open', outcome];
  });
  await check('A goes around the proxy to B\'s server port', async () => {
    const u = await (await hub.admin(`/users/${B.name}`)).json();
    const url = new URL(u.servers[''].url, hub.base);
    const routes = await (await hub.admin('/proxy')).json();
    const route = Object.values(routes).find((r) => r.routespec === url.pathname || r.routespec === `/${url.pathname.replace(/^\//, '')}`);
    const target = route ? route.target : undefined;
    if (!target) return [false, 'could not find B\'s server address in the proxy table'];
    if (!/^http:\/\/127\.0\.0\.1:\d+$/.test(target.replace(/\/$/, ''))) return [false, `B's server is not on 127.0.0.1 (${target})`];
    const res = await fetch(`${target.replace(/\/$/, '')}${url.pathname}api/contents/fcnn-course`, { headers: aH, redirect: 'manual' });
    return [res.status === 403, `HTTP ${res.status} from ${target}`];
  });
  await check('A\'s kernel reads B\'s home folder', async () => {
    const out = await execute(A.kernel, `import * as fs from 'fs';\nfs.readdirSync('/home/${o.prefix}${B.name}').length`);
    const text = out.outputs.map((x) => x.content.evalue || x.content.text || JSON.stringify(x.content.data || {})).join(' ');
    const line = (text.match(/[^\n]*EACCES[^\n]*/) || [text])[0];
    return [out.status === 'error' && /EACCES|permission denied/i.test(text), line.trim().slice(0, 160)];
  });
  await check(`a kernel beyond the cap of ${o.maxKernels} per student`, async () => {
    const extra = [];
    let refused;
    try {
      for (let k = 1; k <= o.maxKernels; k++) {
        try {
          extra.push(await openKernel(A.settings, `cap-test-${k}.ipynb`));
        } catch (err) {
          refused = err;
          break;
        }
      }
    } finally {
      for (const e of extra) {
        e.kernel.dispose();
        await SessionAPI.shutdownSession(e.session.id, A.settings).catch(() => {});
      }
    }
    const msg = refused ? String(refused.message) : '';
    return [!!refused && /kernels running/.test(msg), refused ? msg.slice(0, 140) : `${extra.length} extra kernels started`];
  });
  await check(`a kernel allocating past its ${o.memoryGb} GB limit`, async () => {
    const out = await execute(A.kernel, 'const hog: Float64Array[] = [];\nfor (let i = 0; i < 100000; i++) hog.push(new Float64Array(2 ** 24).fill(i));\nhog.length');
    const text = out.outputs.map((x) => `${x.content.text || ''} ${x.content.evalue || ''}`).join(' ');
    const said = new RegExp(`ran out of its ${o.memoryGb} GB memory limit`).test(text);
    const how = /and was stopped/.test(text) ? 'kernel stopped' : /allocation was refused/.test(text) ? 'allocation refused, kernel kept' : 'unclear';
    const textOf = (r) => r.outputs.map((x) => (x.content.data ? x.content.data['text/plain'] : x.content.text || x.content.evalue || '')).join(' ');
    const bOk = await execute(B.kernel, '6 * 7');
    const bText = textOf(bOk);
    const bAlive = bOk.status === 'ok' && /\b42\b/.test(bText);
    // A's kernel is back by itself (restarted by the notebook server, or never stopped): A can go on working.
    let aBack = false;
    let aDetail = '';
    const until = Date.now() + 90000;
    while (!aBack && Date.now() < until) {
      if (['idle', 'busy'].includes(A.kernel.status) && A.kernel.connectionStatus === 'connected') {
        const aOk = await execute(A.kernel, '2 * 3');
        aBack = aOk.status === 'ok' && /\b6\b/.test(textOf(aOk));
        aDetail = aBack ? 'computes 2 * 3 = 6' : `${aOk.status}: ${aOk.error || textOf(aOk)}`;
      } else aDetail = `status ${A.kernel.status}, ${A.kernel.connectionStatus}`;
      if (!aBack) await sleep(1000);
    }
    return [said && bAlive && aBack, `A was told (${how}): ${said ? `"${(text.match(/Your kernel ran out of its [0-9.]+ GB memory limit/) || [''])[0]}"` : `nothing clear (${out.status}: ${(out.error || text).slice(0, 160)})`}; A's kernel afterwards: ${aBack ? aDetail : `not back after 90 s (${aDetail})`}; B's kernel afterwards: ${bAlive ? 'computes 6 * 7 = 42' : `broken (${bOk.status}: ${bOk.error || bText})`}`];
  });
  return cases;
}

/** The processes a student's system user runs (their server, kernel launchers, kernels). */
function processesOf(sysUser) {
  const id = spawnSync('id', ['-u', sysUser], { encoding: 'utf8' });
  if (id.status !== 0) return [];
  const uid = Number(id.stdout.trim());
  const out = [];
  for (const d of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      if (fs.statSync(`/proc/${d}`).uid !== uid) continue;
      out.push({ pid: Number(d), cmd: fs.readFileSync(`/proc/${d}/cmdline`, 'utf8').replace(/\0/g, ' ') });
    } catch {
      // ended while we looked
    }
  }
  return out;
}

/**
 * Idle culling, observed: A runs one cell and then leaves (the notebook's websocket stays open, as a forgotten
 * browser tab does); B keeps running a cell every 10 s. A's kernel must be shut down after the idle time, then A's
 * server must stop and the hub must show it stopped; B must keep both. Watched from outside (the hub's API and the
 * process table), never by asking A's server, since a request would count as activity.
 */
async function idleCheck(hub, A, B, o) {
  const idleS = Math.max(1, Math.round(o.idleMinutes * 60));
  const cullInterval = Math.max(5, Math.min(60, Math.floor(idleS / 3)));
  const checks = [];
  const record = (name, ok, detail) => {
    checks.push({ name, ok });
    log(`${ok ? 'OK    ' : 'FAILED'} ${name} — ${detail}`);
  };
  const warm = await execute(A.kernel, '1 + 1');
  if (warm.status !== 'ok') throw new Error(`idle check: A's first cell failed: ${warm.error}`);
  const tIdle = Date.now();
  const since = () => ((Date.now() - tIdle) / 1000).toFixed(0);
  let stopBusy = false;
  let busyFailures = 0;
  let busyRuns = 0;
  const busy = (async () => {
    while (!stopBusy) {
      const r = await execute(B.kernel, 'Date.now()');
      busyRuns += 1;
      if (r.status !== 'ok') busyFailures += 1;
      await sleep(10000);
    }
  })();
  const sysA = `${hub.prefix}${A.name}`;
  const kernelOf = (procs) => procs.filter((p) => /tslab/.test(p.cmd));
  // Kernel: culled within idle time + one cull interval (+ slack for a loaded machine).
  const kernelDeadline = tIdle + (idleS + cullInterval + 60) * 1000;
  let kernelGoneAt;
  while (Date.now() < kernelDeadline) {
    if (kernelOf(processesOf(sysA)).length === 0) { kernelGoneAt = Date.now(); break; }
    await sleep(2000);
  }
  record(`A's idle kernel is shut down after ${o.idleMinutes} min`, kernelGoneAt !== undefined,
    kernelGoneAt ? `gone ${((kernelGoneAt - tIdle) / 1000).toFixed(0)} s after A's last cell (idle time ${idleS} s, checked every ${cullInterval} s)` : `still running ${since()} s after A's last cell`);
  // Server: stops once it has had no kernel and no request for the idle time (checked once a minute by Notebook),
  // and the hub notices within its 10 s poll.
  let serverGoneAt;
  if (kernelGoneAt) {
    const serverDeadline = kernelGoneAt + (idleS + 60 + 10 + 60) * 1000;
    while (Date.now() < serverDeadline) {
      const u = await (await hub.admin(`/users/${A.name}`)).json();
      if (!u.servers || !u.servers['']) { serverGoneAt = Date.now(); break; }
      await sleep(2000);
    }
  }
  const leftover = processesOf(sysA);
  record(`A's idle server stops and the hub shows it stopped`, serverGoneAt !== undefined && leftover.length === 0,
    serverGoneAt ? `stopped ${((serverGoneAt - tIdle) / 1000).toFixed(0)} s after A's last cell; ${leftover.length} of A's processes left${leftover.length ? `: ${leftover.map((p) => p.cmd.slice(0, 60)).join('; ')}` : ''}` : `still running ${since()} s after A's last cell`);
  stopBusy = true;
  await busy;
  const bUser = await (await hub.admin(`/users/${B.name}`)).json();
  const bServer = !!(bUser.servers && bUser.servers[''] && bUser.servers[''].ready);
  const bKernel = kernelOf(processesOf(`${hub.prefix}${B.name}`)).length > 0;
  const bLast = await execute(B.kernel, '6 * 7');
  record('B, who kept working, keeps their kernel and server', bServer && bKernel && busyFailures === 0 && bLast.status === 'ok',
    `server ${bServer ? 'running' : 'STOPPED'}, kernel ${bKernel ? 'running' : 'GONE'}, ${busyRuns - busyFailures}/${busyRuns} cells ok, last cell ${bLast.status}`);
  // A comes back: logging in starts their server again.
  let back = false;
  let backDetail = '';
  try {
    const cookie = await login(hub.base, A.name, A.code);
    A.token = await tokenFor(hub.base, A.name, cookie);
    await spawnServer(hub.base, A.name, A.token, 120000);
    back = true;
    backDetail = 'server running again after a new login';
  } catch (err) {
    backDetail = err.message;
  }
  record('A, coming back, gets a server again', back, backDetail);
  return { checks, kernelS: kernelGoneAt && (kernelGoneAt - tIdle) / 1000, serverS: serverGoneAt && (serverGoneAt - tIdle) / 1000 };
}

/** The lecturer's side: update without losing edits, start twice, port in use, restart keeps work. */
async function lecturerChecks(hub, A, o) {
  const checks = [];
  const record = (name, ok, detail) => {
    checks.push({ name, ok });
    log(`${ok ? 'OK    ' : 'FAILED'} ${name} — ${detail}`);
  };
  // A edits their notebook; the lecturer publishes an update (a new file); A's next pull keeps the edit.
  const nbPath = `fcnn-course/${NOTEBOOK}`;
  const get = async (p) => (await ServerConnection.makeRequest(`${A.settings.baseUrl}api/contents/${p}?content=1`, {}, A.settings)).json();
  const nb = (await get(nbPath)).content;
  const marker = `// my own note, ${Date.now()}`;
  nb.cells.push({ cell_type: 'code', source: marker, metadata: {}, outputs: [], execution_count: null });
  const put = await ServerConnection.makeRequest(`${A.settings.baseUrl}api/contents/${nbPath}`, { method: 'PUT', body: JSON.stringify({ type: 'notebook', format: 'json', content: nb }) }, A.settings);
  if (!put.ok) throw new Error(`saving A's edit failed: HTTP ${put.status}`);
  const pubR = spawnSync('git', ['--git-dir', path.join(hub.state, 'course.git'), 'log', '--oneline'], { encoding: 'utf8' });
  // Publish an update: a copy of the course repo's tree plus one new file (the lecturer's real repo is not touched).
  const update = changeCourse(hub.state, 'Announcement for next week', (work) => {
    fs.writeFileSync(path.join(work, 'notebooks/99-announcement.md'), '# Next week\nBring your questions about backpropagation.\n');
  });
  const s = hub.settings();
  const pull = await ServerConnection.makeRequest(`${A.settings.baseUrl}git-pull/api?repo=${encodeURIComponent(s.course_repo_url)}&branch=${s.course_branch}&targetpath=${s.course_dir}`, {}, A.settings);
  const pullText = await pull.text();
  const after = await get(nbPath);
  const newFile = await ServerConnection.makeRequest(`${A.settings.baseUrl}api/contents/fcnn-course/notebooks/99-announcement.md`, {}, A.settings);
  const kept = JSON.stringify(after.content).includes(marker);
  record('a course update arrives without overwriting the student\'s edit', kept && newFile.ok && pubR.status === 0,
    `update ${update.slice(0, 8)}; pull ${pull.status}${/"phase": "error"|error/i.test(pullText) && !newFile.ok ? ' with errors' : ''}; new file ${newFile.ok ? 'arrived' : 'missing'}; edit ${kept ? 'kept' : 'LOST'}`);

  const twice = cli(hub.startArgs(), { allowFail: true });
  record('starting twice is refused', twice.status !== 0 && /already running/.test(twice.stderr), twice.stderr.trim().split('\n')[0]);

  // A port in use: a listener of ours on another port, and a second classroom state asking for that port.
  const net = require('net');
  const blocker = net.createServer();
  await new Promise((r) => blocker.listen(o.port + 10, '127.0.0.1', r));
  const other = fs.mkdtempSync(path.join(os.tmpdir(), 'fcnn-classroom-porttest-'));
  try {
    const busy = cli(['start', '--state', other, '--ip', '127.0.0.1', '--port', String(o.port + 10)], { allowFail: true });
    record('a port in use is refused with a clear error', busy.status !== 0 && /already in use/.test(busy.stderr), busy.stderr.trim().split('\n')[0]);
  } finally {
    blocker.close();
    fs.rmSync(other, { recursive: true, force: true });
  }

  // Restart the hub; A logs in again and finds their edit.
  A.kernel.dispose();
  cli(['stop', '--state', hub.state]);
  cli(hub.startArgs());
  const cookie = await login(hub.base, A.name, A.code);
  A.token = await tokenFor(hub.base, A.name, cookie);
  await spawnServer(hub.base, A.name, A.token);
  A.settings = serverSettings(hub.base, A.name, A.token);
  const again = await get(nbPath);
  record('a hub restart keeps the student\'s work', JSON.stringify(again.content).includes(marker), 'A\'s edited notebook after stop + start');
  return checks;
}

/** Commits one new file on top of the published course (as `npm run classroom -- publish` would). */
/** The lecturer's side of the hub: the admin page instead of a server, and no user without a login code. */
async function lecturerToolChecks(hub, lecturerCode, users) {
  const checks = [];
  const record = (name, ok, detail) => {
    checks.push({ name, ok });
    log(`${ok ? 'OK    ' : 'FAILED'} ${name} — ${detail}`);
  };
  // Two late students with real names, from a CSV as a registrar exports it; start-all warms every server.
  const csv = path.join(hub.state, 'late.csv');
  fs.writeFileSync(csv, 'name,email\n"Warm, Up",w@example.edu\nZoë Late,z@example.edu\n');
  const added = JSON.parse(cli(['roster', csv, '--state', hub.state, '--json']).stdout).issued;
  users.push(...added.map((x) => x.name));
  const warm = cli(['start-all', '--state', hub.state], { allowFail: true });
  const ready = [];
  for (const x of added) {
    const u = await (await hub.admin(`/users/${x.name}`)).json();
    if (u.servers && u.servers[''] && u.servers[''].ready) ready.push(x.name);
  }
  record('roster takes real names from a CSV ("Warm, Up", "Zoë Late") and start-all starts their servers before they log in',
    warm.status === 0 && ready.length === added.length && added.map((x) => x.name).join(' ') === 'warm-up zoe-late',
    `logins ${added.map((x) => `${x.display} → ${x.name}`).join(', ')}; ${(warm.stdout.trim().split('\n').pop() || warm.stderr.trim())}`);
  const zoe = added.find((x) => x.name === 'zoe-late');
  const asTyped = zoe && (await login(hub.base, 'Zoë Late', zoe.code));
  record('a student logs in with their name as the roster shows it', !!asTyped, asTyped ? 'logged in as "Zoë Late"' : 'refused');
  const res = await fetch(`${hub.base}/hub/login`, {
    method: 'POST', redirect: 'manual', headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ username: 'lecturer', password: lecturerCode || '' }).toString(),
  });
  const where = res.headers.get('location') || '';
  record('the lecturer lands on the admin page after logging in, not on a server of their own', res.status === 302 && /\/hub\/admin$/.test(where), `HTTP ${res.status} → ${where || '(no redirect)'}`);
  const spawn = await hub.admin('/users/lecturer/server', { method: 'POST' });
  const spawnText = await spawn.text();
  const lecturer = await (await hub.admin('/users/lecturer')).json();
  record('the lecturer gets no notebook server (and no system user)', spawn.status >= 400 && !(lecturer.servers && lecturer.servers['']) && spawnSync('id', [`${hub.prefix}lecturer`]).status !== 0,
    `HTTP ${spawn.status}: ${spawnText.slice(0, 140)}`);
  const add = await hub.admin('/users', { method: 'POST', body: JSON.stringify({ usernames: ['walkin'] }) });
  const addText = await add.text();
  const exists = (await hub.admin('/users/walkin')).status === 200;
  record('the admin page\'s "Add Users" refuses a name without a login code, and says how to add one', add.status === 400 && /roster/.test(addText) && !exists,
    `HTTP ${add.status}: ${addText.slice(0, 160)}${exists ? ' (but the user was created)' : ''}`);
  return checks;
}

/**
 * A browser student has notebook 01 open (run and saved) when the lecturer publishes an update that changes it:
 * the student must be told before saving, and after Reload see a trusted notebook with the update and their plots.
 */
async function updateCheck(hub, browser, st) {
  const name = 'a course update to an open notebook: the student is told, and after Reload it is trusted, updated and drawn';
  const marker = `Updated for this week: ${Date.now()}`;
  try {
    const r = await updateWhileOpen(browser, {
      base: hub.base, st, courseDir: hub.settings().course_dir, notebook: NOTEBOOK, screenshot: artifactFile(`classroom-update-${st.name}.png`),
      publishUpdate: () => {
        changeCourse(hub.state, 'Notebook 01: this week\'s note', (work) => {
          const file = path.join(work, NOTEBOOK);
          const nb = JSON.parse(fs.readFileSync(file, 'utf8'));
          const first = nb.cells.find((c) => c.cell_type === 'markdown');
          first.source = [].concat(first.source, [`\n\n*${marker}*`]);
          fs.writeFileSync(file, stringifyNotebook(nb));
        });
        return marker;
      },
    });
    log(`${r.ok ? 'OK    ' : 'FAILED'} ${name} — ${st.name}: ${r.detail}`);
    if (!r.ok) return [{ name, ok: false }];
  } catch (err) {
    log(`FAILED ${name} — ${st.name}: ${String(err.message).split('\n')[0]}`);
    return [{ name, ok: false }];
  }
  // the same line changed by the student and by the next update: the student's line wins (nbgitpuller's -Xours),
  // and both the student and the lecturer are told
  const name2 = 'an update to a line the student changed too: the student is told which cell kept their version, and `conflicts` lists it';
  try {
    const line = `*${marker}*`;
    const r = await conflictAfterUpdate(browser, {
      base: hub.base, st, courseDir: hub.settings().course_dir, notebook: NOTEBOOK, line, screenshot: artifactFile(`classroom-conflict-${st.name}.png`),
      publishUpdate: () => changeCourse(hub.state, 'Notebook 01: this week\'s note, corrected', (work) => {
        const file = path.join(work, NOTEBOOK);
        fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace(line, `*${marker} (corrected)*`));
      }),
    });
    const summary = cli(['conflicts', '--state', hub.state], { allowFail: true });
    const listed = summary.status === 0 && summary.stdout.includes(st.name) && summary.stdout.includes(NOTEBOOK);
    log(`${r.ok && listed ? 'OK    ' : 'FAILED'} ${name2} — ${st.name}: ${r.detail}; lecturer: ${summary.stdout.trim().split('\n').pop() || summary.stderr.trim()}`);
    return [{ name, ok: true }, { name: name2, ok: r.ok && listed }];
  } catch (err) {
    log(`FAILED ${name2} — ${st.name}: ${String(err.message).split('\n')[0]}`);
    return [{ name, ok: true }, { name: name2, ok: false }];
  }
}

/**
 * A course update as a lecturer makes one, on a clone of the classroom's course repository (the lecturer's real
 * checkout is not touched): `edit(workTree)` changes files, then it is committed and pushed. Returns the commit.
 */
function changeCourse(state, message, edit) {
  const bare = path.join(state, 'course.git');
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'fcnn-classroom-update-'));
  const gitEnv = { ...process.env, GIT_AUTHOR_NAME: 'lecturer', GIT_AUTHOR_EMAIL: 'l@localhost', GIT_COMMITTER_NAME: 'lecturer', GIT_COMMITTER_EMAIL: 'l@localhost' };
  const git = (...a) => {
    const r = spawnSync('git', a, { cwd: work, encoding: 'utf8', env: gitEnv });
    if (r.status !== 0) throw new Error(`git ${a.join(' ')}: ${r.stderr}`);
    return r.stdout;
  };
  try {
    git('clone', '--quiet', bare, '.');
    edit(work);
    git('add', '-A', '.');
    git('commit', '--quiet', '-m', message);
    git('push', '--quiet', 'origin', 'HEAD');
    spawnSync('chmod', ['-R', 'a+rX', bare]);
    return git('rev-parse', 'HEAD').trim();
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

/**
 * Leftovers of earlier load tests that were killed before they could clean up (SIGKILL, a power cut): their
 * system users (fcnnlt<pid>-*), processes, homes, hubs, state folders and cgroups, when the load test that made
 * them is no longer running. A load test still running (another session's) is left alone.
 */
function sweepStale() {
  const alive = (pid) => {
    try {
      return /loadtest\.js/.test(fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8'));
    } catch {
      return false;
    }
  };
  // Which load tests are running: their prefixes (pid % 10000).
  const running = new Set();
  for (const d of fs.readdirSync('/proc')) if (/^\d+$/.test(d) && Number(d) !== process.pid && alive(d)) running.add(Number(d) % 10000);
  for (const dir of fs.readdirSync(os.tmpdir())) {
    if (!dir.startsWith('fcnn-classroom-loadtest-')) continue;
    const state = path.join(os.tmpdir(), dir);
    let prefix;
    try {
      prefix = JSON.parse(fs.readFileSync(path.join(state, 'settings.json'), 'utf8')).prefix;
    } catch {
      // no settings yet: only remove it when it is old
    }
    const m = prefix && /^fcnnlt(\d+)-$/.exec(prefix);
    const old = Date.now() - fs.statSync(state).mtimeMs > 6 * 3600 * 1000;
    if (m ? running.has(Number(m[1])) : !old) continue;
    log(`sweeping a stale load test: ${state}`);
    spawnSync(process.execPath, [CLI, 'stop', '--state', state], { stdio: 'ignore' });
    try {
      removeCgroups(JSON.parse(fs.readFileSync(path.join(state, 'settings.json'), 'utf8')));
    } catch (err) {
      if (err.code !== 'ENOENT') console.error(`loadtest: removing the memory cgroups of ${state}: ${err.message}`);
    }
    fs.rmSync(state, { recursive: true, force: true });
  }
  for (const line of fs.readFileSync('/etc/passwd', 'utf8').split('\n')) {
    const m = /^(fcnnlt(\d+)-[^:]+):/.exec(line);
    if (!m || running.has(Number(m[2]))) continue;
    log(`sweeping a stale load-test user: ${m[1]}`);
    removeSystemUser(m[1]);
  }
}

/**
 * Removes everything the run created, with the classroom's own `teardown --yes` (so every run tests it), then
 * checks that nothing is left: a system user, a cgroup or the state folder that teardown missed is removed here
 * and counted in `cleanup.leftovers`, which fails the run. Safe to call twice.
 */
function cleanup(hub, users) {
  if (cleanup.done) return cleanup.leftovers;
  cleanup.done = true;
  log('cleaning up with `classroom teardown`: hub, servers, kernels, system users, cgroups, state folder');
  if (hub.o.hubLog) {
    try {
      fs.copyFileSync(path.join(hub.state, 'hub.log'), hub.o.hubLog);
      log(`the hub's log (hub, servers, kernels) is kept in ${hub.o.hubLog}`);
    } catch (err) {
      console.error(`loadtest: keeping the hub log: ${err.message}`);
    }
  }
  let settings;
  try {
    settings = hub.settings();
  } catch {
    // the hub never started
  }
  const r = spawnSync(process.execPath, [CLI, 'teardown', '--yes', '--state', hub.state], { encoding: 'utf8' });
  if (r.status !== 0 && fs.existsSync(path.join(hub.state, 'settings.json'))) log(`teardown failed: ${(r.stderr || r.stdout).trim().split('\n').slice(-3).join(' | ')}`);
  const left = [];
  spawnSync(process.execPath, [CLI, 'stop', '--state', hub.state], { stdio: 'ignore' });
  for (const u of users) if (removeSystemUser(`${hub.prefix}${u}`)) left.push(`system user ${hub.prefix}${u}`);
  if (settings && settings.cgroup_root && fs.existsSync(settings.cgroup_root)) {
    left.push(`cgroup ${settings.cgroup_root}`);
    try {
      removeCgroups(settings);
    } catch (err) {
      console.error(`loadtest: removing the memory cgroups: ${err.message}`);
    }
  }
  if (fs.existsSync(hub.state) && settings) left.push(`state folder ${hub.state}`);
  fs.rmSync(hub.state, { recursive: true, force: true });
  if (left.length) log(`FAILED teardown left behind: ${left.join(', ')}`);
  cleanup.leftovers = left.length;
  return cleanup.leftovers;
}

async function main() {
  const o = parse(process.argv.slice(2));
  if (process.getuid() !== 0) {
    // It creates one system user per student, as the classroom does: that needs root.
    const sudo = spawnSync('sudo', ['-n', '-E', process.execPath, __filename, ...process.argv.slice(2)], { stdio: 'inherit' });
    if (sudo.error || sudo.status === 1 && sudo.signal === null && !fs.existsSync('/usr/bin/sudo')) {
      throw new Error('loadtest: must run as root (it creates one system user per student); sudo is not available');
    }
    process.exit(sudo.status ?? 1);
  }
  o.prefix = `fcnnlt${process.pid % 10000}-`;
  const rng = mulberry32(o.seed);
  const state = fs.mkdtempSync(path.join(os.tmpdir(), 'fcnn-classroom-loadtest-'));
  const hub = new Hub(o, state, o.prefix);
  const names = Array.from({ length: o.students }, (_, i) => `student${String(i + 1).padStart(2, '0')}`);
  const users = [...names, 'lecturer'];
  let interrupted = false;
  const onSignal = (sig) => {
    if (interrupted) return;
    interrupted = true;
    console.error(`loadtest: ${sig}: cleaning up before exit`);
    cleanup(hub, users);
    process.exit(130);
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  process.on('SIGHUP', onSignal);
  // Nothing hangs: past this time the run gives up, says so, and cleans up.
  const limitMin = o.badOnly || o.idleCheck ? 15 : 20 + o.students;
  const watchdog = setTimeout(() => {
    console.error(`loadtest: gave up after ${limitMin} min (a student, a bad case or a check did not finish); cleaning up`);
    cleanup(hub, users);
    console.log(`CLASSROOM students=${o.students} ok=0 failed=${o.students} timed_out_after_min=${limitMin}`);
    process.exit(1);
  }, limitMin * 60000);
  watchdog.unref();
  sweepStale();

  let exit = 1;
  try {
    const nbFile = path.join(env.ROOT, NOTEBOOK);
    const cells = JSON.parse(fs.readFileSync(nbFile, 'utf8')).cells.filter((c) => c.cell_type === 'code').map((c) => (Array.isArray(c.source) ? c.source.join('') : c.source));
    let expectedPlots = 0;
    if (!o.badOnly && !o.idleCheck) {
      log(`reference: running ${NOTEBOOK} once with nbclient to count its figures`);
      expectedPlots = nbclientPlotCount(nbFile);
      log(`reference: ${expectedPlots} Plotly figures`);
    }

    const rosterOut = cli(['roster', String(o.students), '--state', state, '--json']);
    const codes = new Map(JSON.parse(rosterOut.stdout).issued.map((x) => [x.name, x.code]));
    log(`starting the hub on ${hub.base} (state ${state}, system users ${o.prefix}*)`);
    const started = cli(hub.startArgs());
    process.stdout.write(started.stdout);
    const lecturerCode = (/lecturer code:\s+(\S+)/.exec(started.stdout) || [])[1];
    const hubPid = hub.pid();

    let peak = 0;
    const peakByUid = new Map(); // a student's processes (server, kernel launcher, kernel): the most at once
    const sampler = setInterval(() => {
      const tree = processTree(hubPid);
      const total = tree.reduce((a, p) => a + p.rss, 0);
      if (total > peak) peak = total;
      const byUid = new Map();
      for (const p of tree) byUid.set(p.uid, (byUid.get(p.uid) || 0) + p.rss);
      for (const [uid, rss] of byUid) if (rss > (peakByUid.get(uid) || 0)) peakByUid.set(uid, rss);
    }, 1000);

    const browser = o.browsers > 0 ? await launchBrowser() : undefined;
    const inBrowser = new Set(names.slice(0, o.browsers));
    const t0 = Date.now();
    const arrivals = shuffle(rng, names.map((n) => ({ name: n, code: codes.get(n), at: rng() * o.window * 1000 })));
    log(`${o.students} students arrive at random over ${o.window} s${o.browsers ? `; ${o.browsers} of them in browser windows (${[...inBrowser].join(', ')})` : ''}`);
    const students = arrivals.map((st) => st);
    const results = await Promise.all(students.map(async (st) => {
      await sleep(st.at);
      if (!inBrowser.has(st.name)) return runStudent(hub, st, cells, t0, o.badOnly || o.idleCheck);
      const r = await runBrowserStudent(browser, {
        base: hub.base, st, courseDir: hub.settings().course_dir, notebook: NOTEBOOK, screenshot: artifactFile(`classroom-${st.name}.png`),
      });
      log(`${st.name} (browser, arrived at ${(st.at / 1000).toFixed(0)} s): ${r.ok ? `ok, ${r.drawn}/${r.plots} plots drawn; file list after ${r.spawn_s.toFixed(1)} s, first plot drawn after ${r.first_plot_s?.toFixed(1)} s, done after ${r.total_s.toFixed(1)} s` : `FAILED: ${r.error}`}`);
      return r;
    }));
    const rssWhileRunning = processTree(hubPid);
    const peakNotebooks = peak;
    // per student, from their own processes: peak memory, and CPU time so far (login, pull, server, Run All)
    const perStudent = names.map((n) => {
      const id = spawnSync('id', ['-u', `${o.prefix}${n}`], { encoding: 'utf8' });
      if (id.status !== 0) return undefined;
      const uid = Number(id.stdout.trim());
      return { mb: (peakByUid.get(uid) || 0) / 2 ** 20, cpu: rssWhileRunning.filter((p) => p.uid === uid).reduce((a, p) => a + p.cpu, 0) };
    }).filter(Boolean);
    const median = (xs) => percentile(xs, 0.5);
    const perStudentLine = perStudent.length
      ? `mem_per_student_mb=${median(perStudent.map((x) => x.mb)).toFixed(0)} cpu_s_per_student=${median(perStudent.map((x) => x.cpu)).toFixed(1)}`
      : 'mem_per_student_mb=NaN cpu_s_per_student=NaN';
    if (perStudent.length) {
      log(`per student (their own processes: server, kernel launcher, kernel): peak memory median ${median(perStudent.map((x) => x.mb)).toFixed(0)} MB, max ${Math.max(...perStudent.map((x) => x.mb)).toFixed(0)} MB; ` +
        `CPU for login, pull and Run All of ${NOTEBOOK}: median ${median(perStudent.map((x) => x.cpu)).toFixed(1)} s, max ${Math.max(...perStudent.map((x) => x.cpu)).toFixed(1)} s`);
    }
    const ok = results.filter((r) => r.ok && (o.badOnly || o.idleCheck || (r.plots === expectedPlots && expectedPlots > 0)));
    for (const r of results) if (r.ok && !o.badOnly && !o.idleCheck && r.plots !== expectedPlots) log(`${r.name}: FAILED: ${r.plots} plots, expected ${expectedPlots} (nbclient)`);
    const firstPlots = ok.map((r) => r.first_plot_s);
    const inBrowsers = results.filter((r) => r.browser);
    const firstDrawn = inBrowsers.filter((r) => r.ok).map((r) => r.first_plot_s);
    const drawn = `drawn=${inBrowsers.reduce((a, r) => a + r.drawn, 0)}/${inBrowsers.length * expectedPlots}`;

    let cases = [];
    let checks = [];
    const ready = students.filter((st) => st.kernel);
    if (o.idleCheck) {
      if (ready.length < 2) throw new Error('idle check: fewer than two students got a kernel');
      const [A, B] = ready;
      log(`idle check: A = ${A.name} leaves after one cell, B = ${B.name} keeps working; idle time ${o.idleMinutes} min`);
      const r = await idleCheck(hub, A, B, o);
      clearInterval(sampler);
      for (const st of students) if (st.kernel && !st.kernel.isDisposed) st.kernel.dispose();
      const good = r.checks.every((c) => c.ok);
      if (cleanup(hub, users)) r.checks.push({ ok: false });
      console.log(`CLASSROOM idle-check idle_minutes=${o.idleMinutes} kernel_culled_s=${r.kernelS?.toFixed(0) ?? 'never'} server_stopped_s=${r.serverS?.toFixed(0) ?? 'never'} checks=${r.checks.filter((c) => c.ok).length}/${r.checks.length}`);
      process.exit(good && !cleanup.leftovers ? 0 : 1);
    }
    if (ready.length >= 2) {
      const [A, B] = ready;
      log(`bad cases: A = ${A.name}, B = ${B.name}`);
      cases = await badCases(hub, A, B, o);
      if (!o.badOnly) checks = (await lecturerChecks(hub, A, o)).concat(await lecturerToolChecks(hub, lecturerCode, users));
      const bst = students.find((st) => inBrowser.has(st.name) && results.some((r) => r.name === st.name && r.ok));
      if (bst) checks.push(...(await updateCheck(hub, browser, bst)));
    } else {
      log('bad cases: skipped, fewer than two students got a kernel');
      cases = [{ name: 'bad cases need two running students', denied: false }];
    }
    clearInterval(sampler);
    await browser?.close().catch(() => undefined);
    for (const st of students) if (st.kernel && !st.kernel.isDisposed) st.kernel.dispose();
    const denied = cases.filter((c) => c.denied).length;
    const failedChecks = checks.filter((c) => !c.ok).length;
    const kernels = rssWhileRunning.length;
    log(`memory: peak ${(peakNotebooks / 2 ** 30).toFixed(2)} GB while ${o.students} students ran the notebook (${(peakNotebooks / 2 ** 20 / o.students).toFixed(0)} MB per student, hub and proxy included; ${kernels} processes under the hub afterwards); peak ${(peak / 2 ** 30).toFixed(2)} GB including the bad cases (one kernel filling its ${o.memoryGb} GB)`);
    if (failedChecks) log(`${failedChecks} lecturer check(s) failed`);
    exit = ok.length === o.students && denied === cases.length && failedChecks === 0 ? 0 : 1;
    if (cleanup(hub, users)) exit = 1;
    if (o.badOnly) {
      console.log(`CLASSROOM bad-cases-only students=${o.students} kernels=${ok.length} denied=${denied}/${cases.length}`);
    } else {
      console.log(`CLASSROOM students=${o.students} ok=${ok.length} failed=${o.students - ok.length} p50_first_plot_s=${percentile(firstPlots, 0.5).toFixed(1)} p95_first_plot_s=${percentile(firstPlots, 0.95).toFixed(1)} peak_rss_gb=${(peakNotebooks / 2 ** 30).toFixed(2)} denied=${denied}/${cases.length} browsers=${inBrowsers.length} p50_first_drawn_s=${percentile(firstDrawn, 0.5).toFixed(1)} p95_first_drawn_s=${percentile(firstDrawn, 0.95).toFixed(1)} ${drawn} ${perStudentLine}`);
    }
  } catch (err) {
    console.error(`loadtest: ${err.stack || err.message}`);
    exit = 1;
  } finally {
    cleanup(hub, users);
  }
  process.exit(exit);
}

main();
