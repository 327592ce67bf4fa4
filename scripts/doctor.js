#!/usr/bin/env node
// `npm run doctor`: checks that this machine can run the course, one line per check, with the fix for each
// failure. Exit code 1 if any check fails. Meant for preparing many laptops.
'use strict';

const { spawnSync } = require('child_process');
const fs = require('fs');
const path = require('path');
const env = require('./jupyter-env');

const results = [];
function check(name, fn) {
  let r;
  try {
    r = fn();
  } catch (err) {
    r = { ok: false, detail: err && err.message ? err.message : String(err) };
  }
  results.push({ name, ...r });
  const mark = r.ok ? 'ok  ' : 'FAIL';
  console.log(`${mark} ${name}: ${r.detail}${!r.ok && r.fix ? `\n       fix: ${r.fix}` : ''}`);
}

check('Node.js', () => {
  const major = Number(process.versions.node.split('.')[0]);
  return major >= 20
    ? { ok: true, detail: process.version }
    : { ok: false, detail: `${process.version} is too old (need 20 or newer)`, fix: 'install Node.js 20 LTS or newer (https://nodejs.org)' };
});

check('npm packages', () => {
  const missing = ['tslab', 'plotly.js-dist-min', 'typescript', 'mathjs'].filter((p) => !fs.existsSync(path.join(env.ROOT, 'node_modules', p, 'package.json')));
  return missing.length === 0
    ? { ok: true, detail: 'tslab, plotly.js-dist-min, typescript, mathjs installed' }
    : { ok: false, detail: `missing: ${missing.join(', ')}`, fix: 'npm install' };
});

const jupyter = env.findJupyter(['notebook', 'nbclient', 'nbconvert', 'nbformat', 'jupyter_client']);
const py = jupyter.ok ? jupyter.python : jupyter.best;

check('Jupyter Notebook', () => {
  if (py && py.notebook) return { ok: true, detail: `notebook ${py.notebook} (${py.command}, Python ${py.python})` };
  return {
    ok: false,
    detail: `not found (looked in: ${(jupyter.tried || []).join(', ')})`,
    fix: 'Debian/Ubuntu: sudo apt-get install jupyter-notebook python3-nbclient python3-nbconvert; elsewhere: python3 -m pip install notebook nbclient nbconvert; or set FCNN_PYTHON=/path/to/python',
  };
});

check('nbclient and nbconvert (notebook tests, npm run site)', () => {
  if (py && py.nbclient && py.nbconvert) return { ok: true, detail: `nbclient ${py.nbclient}, nbconvert ${py.nbconvert}` };
  return {
    ok: false,
    detail: py ? `${py.command} lacks ${['nbclient', 'nbconvert'].filter((n) => !py[n]).join(' and ')}` : 'no Jupyter Python found',
    fix: 'Debian/Ubuntu: sudo apt-get install python3-nbclient python3-nbconvert; elsewhere: python3 -m pip install nbclient nbconvert',
  };
});

check('TypeScript kernel (tslab) visible to Jupyter', () => {
  if (!py || !py.jupyter_client) return { ok: false, detail: 'cannot ask Jupyter (not installed)', fix: 'install Jupyter first (see above)' };
  // the same lookup `jupyter kernelspec list --json` does, without needing `jupyter-kernelspec` on PATH
  const code = 'import json; from jupyter_client.kernelspec import KernelSpecManager; print(json.dumps({"kernelspecs": KernelSpecManager().get_all_specs()}))';
  const r = spawnSync(py.command, ['-c', code], { encoding: 'utf8', env: env.jupyterEnv(), timeout: 60000 });
  if (r.status !== 0) return { ok: false, detail: `listing kernels failed: ${(r.stderr || '').trim().split('\n').pop()}`, fix: 'npm run setup' };
  const specs = JSON.parse(r.stdout).kernelspecs || {};
  const spec = specs[env.KERNEL_NAME];
  if (!spec) return { ok: false, detail: `Jupyter lists: ${Object.keys(specs).join(', ') || 'no kernels'}`, fix: 'npm run setup' };
  const argv = spec.spec.argv;
  const missing = argv.slice(0, 2).filter((p) => !fs.existsSync(p));
  if (missing.length > 0) return { ok: false, detail: `kernel spec points to missing ${missing.join(', ')}`, fix: 'npm run setup (after npm install)' };
  return { ok: true, detail: `'${env.KERNEL_NAME}' at ${path.relative(env.ROOT, spec.resource_dir)}, runs ${argv[0]} ${path.relative(env.ROOT, argv[1])}` };
});

check('course library build (dist/ current)', () => {
  const status = env.buildStatus();
  if (!fs.existsSync(path.join(env.ROOT, 'dist', 'index.js'))) return { ok: false, detail: 'dist/ is missing', fix: 'npm run build' };
  return status.ok
    ? { ok: true, detail: 'dist/ is newer than every lib/**/*.ts' }
    : { ok: false, detail: `older than ${status.stale.length} lib file(s), e.g. ${status.stale.slice(0, 3).join(', ')}`, fix: 'npm run build (or keep npm run watch running)' };
});

check('Plotly.js asset (offline plots)', () => {
  const file = path.join(env.ROOT, 'node_modules', 'plotly.js-dist-min', 'plotly.min.js');
  if (!fs.existsSync(file)) return { ok: false, detail: `${path.relative(env.ROOT, file)} is missing`, fix: 'npm install' };
  const version = JSON.parse(fs.readFileSync(path.join(path.dirname(file), 'package.json'), 'utf8')).version;
  const mb = (fs.statSync(file).size / 1e6).toFixed(1);
  return { ok: true, detail: `plotly.js ${version} (${mb} MB)` };
});

check('Chromium (browser test only)', () => {
  const exe = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
  return fs.existsSync(exe)
    ? { ok: true, detail: exe }
    : { ok: false, detail: `${exe} not found (needed by npm test, not by the course itself)`, fix: 'Debian/Ubuntu: sudo apt-get install chromium; or set CHROMIUM_PATH' };
});

const failed = results.filter((r) => !r.ok);
console.log(failed.length === 0 ? 'All checks passed: run `npm start`.' : `${failed.length} check(s) failed.`);
process.exitCode = failed.length === 0 ? 0 : 1;
