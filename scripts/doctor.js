#!/usr/bin/env node
// `npm run doctor`: checks that this machine can run the course, one line per check, with the fix for each
// problem. Meant for a student's first day and for a lecturer preparing a room of laptops.
//
// Two groups:
//   needed to study      Node, the npm packages, Jupyter Notebook, the kernel spec (registered, and pointing at
//                        THIS checkout's tslab), the lib build, Plotly.js for the Notebook server, and a real kernel
//                        start that runs one cell importing the lib. A failure here → FAIL, exit code 1.
//   needed for the tests nbclient/nbconvert (notebook tests, the site), Chromium (browser tests), scikit-learn's
//                        digits file (a data test). Missing → WARN, exit code 0: studying does not need them.
'use strict';

const { spawnSync } = require('child_process');
const fs = require('fs');
const path = require('path');
const env = require('./jupyter-env');

const results = [];
let group = '';
function section(title) {
  group = title;
  console.log(`\n${title}`);
}

/** Runs one check; `fn` returns { ok, detail, fix?, warn? } or { skip: reason }. A check that throws fails. */
function check(name, fn, { optional = false } = {}) {
  let r;
  try {
    r = fn();
  } catch (err) {
    r = { ok: false, detail: err && err.message ? err.message : String(err) };
  }
  const status = r.skip ? 'skip' : r.ok ? 'ok' : optional ? 'WARN' : 'FAIL';
  results.push({ group, name, status, ...r });
  const detail = r.skip ? `skipped: ${r.skip}` : r.detail;
  console.log(`  ${status.padEnd(4)} ${name}: ${detail}${!r.ok && !r.skip && r.fix ? `\n         fix: ${r.fix}` : ''}`);
  return r;
}

const jupyter = env.findJupyter(['notebook', 'nbclient', 'nbconvert', 'nbformat', 'jupyter_client']);
const py = jupyter.ok ? jupyter.python : jupyter.best;

section('Needed to study (npm start):');

check('Node.js', () => {
  const major = Number(process.versions.node.split('.')[0]);
  return major >= 20
    ? { ok: true, detail: process.version }
    : { ok: false, detail: `${process.version} is too old (need 20 or newer)`, fix: 'install Node.js 20 LTS or newer (https://nodejs.org)' };
});

const packages = check('npm packages', () => {
  const missing = ['tslab', 'plotly.js-dist-min', 'typescript', 'mathjs'].filter((p) => !fs.existsSync(path.join(env.ROOT, 'node_modules', p, 'package.json')));
  return missing.length === 0
    ? { ok: true, detail: 'tslab, plotly.js-dist-min, typescript, mathjs installed' }
    : { ok: false, detail: `missing: ${missing.join(', ')}`, fix: 'npm install' };
});

const notebook = check('Jupyter Notebook', () => {
  if (py && py.notebook && py.jupyter_client) return { ok: true, detail: `notebook ${py.notebook} (${py.command}, Python ${py.python})` };
  return {
    ok: false,
    detail: py && py.notebook ? `${py.command} lacks jupyter_client` : `not found (looked in: ${(jupyter.tried || []).join(', ')})`,
    fix: 'Debian/Ubuntu: sudo apt-get install jupyter-notebook; elsewhere: python3 -m pip install notebook; or set FCNN_PYTHON=/path/to/python',
  };
});

/** The tslab kernel spec as Jupyter sees it with the project's folders: { spec, resource_dir } or a check result. */
function findKernelSpec() {
  const code =
    'import json; from jupyter_client.kernelspec import KernelSpecManager; ' +
    'print(json.dumps({"kernelspecs": KernelSpecManager().get_all_specs()}))';
  const r = spawnSync(py.command, ['-c', code], { encoding: 'utf8', env: env.jupyterEnv(), timeout: 60000 });
  if (r.status !== 0) return { error: `listing kernels failed: ${(r.stderr || r.error?.message || '').trim().split('\n').pop()}` };
  const specs = JSON.parse(r.stdout).kernelspecs || {};
  return { specs, found: specs[env.KERNEL_NAME] };
}

const kernelSpec = check('TypeScript kernel registered for this checkout', () => {
  if (!notebook.ok) return { skip: 'Jupyter Notebook is missing' };
  const { error, specs, found } = findKernelSpec();
  if (error) return { ok: false, detail: error, fix: 'npm run setup' };
  if (!found) return { ok: false, detail: `Jupyter lists: ${Object.keys(specs).join(', ') || 'no kernels'}`, fix: 'npm run setup' };
  const argv = found.spec.argv || [];
  const missing = argv.slice(0, 2).filter((p) => !fs.existsSync(p));
  if (missing.length > 0) return { ok: false, detail: `kernel spec points to missing ${missing.join(', ')}`, fix: 'npm run setup (after npm install)' };
  const here = env.kernelScript();
  if (path.resolve(argv[1]) !== path.resolve(here)) {
    return {
      ok: false,
      detail: `the kernel spec (${found.resource_dir}) runs ${argv[1]}, not this checkout's ${here} (another checkout's tslab? was this folder copied or moved?)`,
      fix: 'npm run setup (registers the kernel for this folder)',
    };
  }
  return { ok: true, detail: `'${env.KERNEL_NAME}' at ${path.relative(env.ROOT, found.resource_dir)}, runs ${argv[0]} ${path.relative(env.ROOT, argv[1])}` };
});

const build = check('course library build (dist/ current)', () => {
  if (!fs.existsSync(path.join(env.ROOT, 'dist', 'index.js'))) return { ok: false, detail: 'dist/ is missing', fix: 'npm run build' };
  const status = env.buildStatus();
  return status.ok
    ? { ok: true, detail: 'dist/ is newer than every lib/**/*.ts' }
    : { ok: false, detail: `older than ${status.stale.length} lib file(s), e.g. ${status.stale.slice(0, 3).join(', ')}`, fix: 'npm run build (or keep npm run watch running)' };
});

check('Plotly.js for offline plots', () => {
  const file = env.plotlyAsset();
  if (!fs.existsSync(file)) return { ok: false, detail: `${path.relative(env.ROOT, file)} is missing`, fix: 'npm install' };
  const version = JSON.parse(fs.readFileSync(path.join(path.dirname(file), 'package.json'), 'utf8')).version;
  const assets = env.notebookAssetsStatus();
  if (!assets.ok) return { ok: false, detail: `plotly.js ${version} installed, but ${assets.detail}`, fix: 'npm run setup' };
  return { ok: true, detail: `plotly.js ${version}, served to the Notebook as ${path.relative(env.ROOT, env.nbextensionDir)}/plotly.min.js` };
});

/** Starts the kernel the way the Notebook does and runs one cell that imports the lib. */
const KERNEL_PROBE = `
import json, sys
from jupyter_client.manager import start_new_kernel
code, cwd, timeout = sys.argv[1], sys.argv[2], float(sys.argv[3])
out = {"stdout": "", "stderr": "", "error": None}
km = kc = None
try:
    km, kc = start_new_kernel(kernel_name="${env.KERNEL_NAME}", startup_timeout=timeout, cwd=cwd)
    def hook(msg):
        t, c = msg["msg_type"], msg["content"]
        if t == "stream":
            out[c["name"]] += c["text"]
        elif t == "error":
            out["error"] = c["ename"] + ": " + c["evalue"]
    reply = kc.execute_interactive(code, timeout=timeout, output_hook=hook)
    out["status"] = reply["content"]["status"]
except Exception as e:
    out["error"] = out["error"] or (type(e).__name__ + ": " + str(e))
finally:
    try:
        if kc is not None: kc.stop_channels()
        if km is not None: km.shutdown_kernel(now=True)
    except Exception:
        pass
print(json.dumps(out))
`;

check('TypeScript kernel starts and runs a cell', () => {
  const blockers = [
    [packages, 'npm packages are missing'],
    [notebook, 'Jupyter Notebook is missing'],
    [kernelSpec, 'the kernel spec is not this checkout’s'],
    [build, 'dist/ is not built'],
  ].filter(([r]) => !r.ok);
  if (blockers.length > 0) return { skip: blockers.map(([, why]) => why).join('; ') };
  const code = "import * as nn from '../dist';\nconsole.log('fcnn-doctor:' + typeof nn.Network + ':' + nn.relu.output(2));";
  const timeout = Number(process.env.FCNN_DOCTOR_KERNEL_TIMEOUT || 90);
  const r = spawnSync(py.command, ['-c', KERNEL_PROBE, code, path.join(env.ROOT, 'notebooks'), String(timeout)], {
    encoding: 'utf8',
    env: env.jupyterEnv(),
    timeout: (3 * timeout + 30) * 1000, // only if Python itself hangs; the probe has its own timeouts
  });
  let out;
  try {
    out = JSON.parse(r.stdout.trim().split('\n').pop());
  } catch {
    return { ok: false, detail: `the kernel probe did not finish: ${(r.stderr || r.error?.message || '').trim().split('\n').slice(-3).join(' | ')}`, fix: 'npm run setup; then FCNN_DOCTOR_KERNEL_TIMEOUT=300 npm run doctor on a slow machine' };
  }
  if (out.stdout.includes('fcnn-doctor:function:2')) return { ok: true, detail: "started tslab, ran `import * as nn from '../dist'` and a lib call in notebooks/" };
  const why = out.error || out.stderr.trim().split('\n').slice(0, 3).join(' | ') || `unexpected output ${JSON.stringify(out.stdout.slice(0, 200))}`;
  return { ok: false, detail: `the kernel did not run the cell: ${why}`, fix: 'npm install && npm run setup; if it persists, run `npm start` and read the kernel log in that terminal' };
});

section('Needed only to run the tests (npm test):');

check('nbclient and nbconvert (notebook tests, npm run site)', () => {
  if (py && py.nbclient && py.nbconvert) return { ok: true, detail: `nbclient ${py.nbclient}, nbconvert ${py.nbconvert}` };
  return {
    ok: false,
    detail: py ? `${py.command} lacks ${['nbclient', 'nbconvert'].filter((n) => !py[n]).join(' and ')}` : 'no Jupyter Python found',
    fix: 'Debian/Ubuntu: sudo apt-get install python3-nbclient python3-nbconvert; elsewhere: python3 -m pip install nbclient nbconvert',
  };
}, { optional: true });

check('Chromium (browser tests)', () => {
  const exe = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
  return fs.existsSync(exe)
    ? { ok: true, detail: exe }
    : { ok: false, detail: `${exe} not found`, fix: 'Debian/Ubuntu: sudo apt-get install chromium; macOS: brew install --cask chromium; or set CHROMIUM_PATH to a Chromium/Chrome executable' };
}, { optional: true });

check("scikit-learn's digits (the data test that rebuilds data/digits.csv)", () => {
  const file = '/usr/lib/python3/dist-packages/sklearn/datasets/data/digits.csv.gz';
  return fs.existsSync(file)
    ? { ok: true, detail: file }
    : { ok: false, detail: `${file} not found; that one test is skipped`, fix: 'Debian/Ubuntu: sudo apt-get install python3-sklearn' };
}, { optional: true });

const failed = results.filter((r) => r.status === 'FAIL');
const warned = results.filter((r) => r.status === 'WARN');
console.log('');
if (failed.length === 0) {
  console.log(`Ready to study: run \`npm start\`.${warned.length > 0 ? ` (${warned.length} warning(s): only \`npm test\` needs those.)` : ''}`);
} else {
  console.log(`${failed.length} check(s) needed to study failed: ${failed.map((r) => r.name).join('; ')}.`);
}
process.exitCode = failed.length === 0 ? 0 : 1;
