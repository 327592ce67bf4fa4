// Shared by the course scripts (setup, start, doctor, notebook runner, site builder):
// finds a Python that has Jupyter, and the project-local Jupyter folders and environment.
//
// Plain CommonJS without dependencies, because it runs during `npm install` (before tsx exists).
//
// Where Jupyter is looked for, first match wins:
//   1. $FCNN_PYTHON (or $JUPYTER_PYTHON): the Python to use, e.g. /usr/bin/python3 or ~/venv/bin/python
//   2. the Python named in the first line of the `jupyter` command on PATH
//   3. `python3` on PATH, then /usr/bin/python3, then `python` on PATH
'use strict';

const { spawnSync } = require('child_process');
const fs = require('fs');
const path = require('path');
const studentRuntime = require('./student-runtime');

const ROOT = path.resolve(__dirname, '..');
const JUPYTER_HOME = path.join(ROOT, '.jupyter');
const KERNEL_NAME = 'tslab';

/** Project-local Jupyter folders: nothing is written to the user's home. */
const dirs = {
  path: path.join(JUPYTER_HOME, 'share', 'jupyter'),
  config: path.join(JUPYTER_HOME, 'config'),
  data: path.join(JUPYTER_HOME, 'data'),
  runtime: path.join(JUPYTER_HOME, 'runtime'),
};
const kernelDir = path.join(dirs.path, 'kernels', KERNEL_NAME);

const INSTALL_HINT = [
  'Jupyter (Notebook 6+ with nbclient and nbconvert) was not found.',
  'Install it, then run `npm run setup`:',
  '  Debian/Ubuntu:  sudo apt-get install jupyter-notebook python3-nbclient python3-nbconvert',
  '  elsewhere:      python3 -m pip install notebook nbclient nbconvert',
  'If Jupyter lives in a Python that is not found automatically, name it:',
  '  FCNN_PYTHON=/path/to/python npm run doctor',
].join('\n');

/** Environment for every Jupyter process we start. */
function jupyterEnv(base = process.env) {
  const env = { ...base };
  env.JUPYTER_PATH = dirs.path;
  env.JUPYTER_CONFIG_DIR = dirs.config;
  env.JUPYTER_DATA_DIR = dirs.data;
  env.JUPYTER_RUNTIME_DIR = dirs.runtime;
  return env;
}

function ensureDirs() {
  for (const d of Object.values(dirs)) fs.mkdirSync(d, { recursive: true });
}

/** Finds `name` on PATH; returns the absolute path or undefined. */
function which(name) {
  for (const dir of (process.env.PATH || '').split(path.delimiter)) {
    if (!dir) continue;
    const file = path.join(dir, name);
    try {
      fs.accessSync(file, fs.constants.X_OK);
      if (fs.statSync(file).isFile()) return file;
    } catch {
      // not here
    }
  }
  return undefined;
}

/** The interpreter in the `#!` line of the `jupyter` command on PATH, if it is a Python. */
function pythonOfJupyterCommand() {
  const jupyter = which('jupyter');
  if (!jupyter) return undefined;
  try {
    const first = fs.readFileSync(jupyter, 'utf8').split('\n', 1)[0];
    const m = /^#!\s*(\S+)(?:\s+(\S+))?/.exec(first);
    if (!m) return undefined;
    if (path.basename(m[1]) === 'env' && m[2]) return which(m[2]) ?? m[2];
    return m[1];
  } catch {
    return undefined;
  }
}

const PROBE = [
  'import json, sys',
  'out = {"python": sys.version.split()[0], "executable": sys.executable}',
  'for name in ("notebook", "nbclient", "nbconvert", "nbformat", "jupyter_client"):',
  '    try:',
  '        mod = __import__(name)',
  '        out[name] = getattr(mod, "__version__", "?")',
  '    except Exception:',
  '        out[name] = None',
  'print(json.dumps(out))',
].join('\n');

/** Asks one Python which Jupyter packages it has; undefined if it does not run. */
function probe(python) {
  const r = spawnSync(python, ['-c', PROBE], { encoding: 'utf8', timeout: 30000, env: jupyterEnv() });
  if (r.error || r.status !== 0) return undefined;
  try {
    return { ...JSON.parse(r.stdout.trim().split('\n').pop()), command: python };
  } catch {
    return undefined;
  }
}

/** The candidate interpreters in search order (see the top of this file). */
function candidates() {
  const override = process.env.FCNN_PYTHON || process.env.JUPYTER_PYTHON;
  if (override) return [override];
  const list = [pythonOfJupyterCommand(), which('python3'), '/usr/bin/python3', which('python')];
  return [...new Set(list.filter(Boolean))];
}

let cached;
/**
 * The first Python that has the Jupyter packages `need` (default: notebook, nbclient, nbconvert, nbformat).
 * Returns { ok: true, python: {command, versions…} } or { ok: false, tried: [...], best }.
 */
function findJupyter(need = ['notebook', 'nbclient', 'nbconvert', 'nbformat', 'jupyter_client']) {
  if (!cached) cached = candidates().map((c) => ({ command: c, info: probe(c) }));
  for (const c of cached) {
    if (c.info && need.every((n) => c.info[n])) return { ok: true, python: c.info };
  }
  const best = cached.map((c) => c.info).filter(Boolean).sort((a, b) => score(b) - score(a))[0];
  return { ok: false, tried: cached.map((c) => c.command), best };
}

function score(info) {
  return ['notebook', 'nbclient', 'nbconvert', 'nbformat', 'jupyter_client'].filter((n) => info[n]).length;
}

/** Prints the install hint (and what was tried) to stderr. */
function printInstallHint(result, prefix = 'fcnn-course') {
  const lines = [`${prefix}: ${INSTALL_HINT.split('\n')[0]}`, ...INSTALL_HINT.split('\n').slice(1)];
  if (result && result.tried) lines.push(`(looked in: ${result.tried.join(', ') || 'nothing found'})`);
  if (result && result.best) {
    const missing = ['notebook', 'nbclient', 'nbconvert', 'nbformat', 'jupyter_client'].filter((n) => !result.best[n]);
    lines.push(`(${result.best.command} has Python ${result.best.python} but lacks: ${missing.join(', ')})`);
  }
  console.error(lines.join('\n'));
}

/** The node interpreter and tslab entry point the kernel spec uses. */
function tslabBin() {
  return path.join(ROOT, 'node_modules', 'tslab', 'bin', 'tslab');
}

/** The script the kernel spec runs: tslab with the course's hints (scripts/tslab-kernel.js). */
function kernelScript() {
  return path.join(ROOT, 'scripts', 'tslab-kernel.js');
}

/** Writes the project-local kernel spec for tslab (absolute paths, so tslab need not be on PATH). */
function writeKernelSpec() {
  ensureDirs();
  fs.mkdirSync(kernelDir, { recursive: true });
  const spec = {
    argv: [process.execPath, kernelScript(), 'kernel', '--config-path', '{connection_file}'],
    display_name: 'TypeScript',
    language: 'typescript',
    metadata: { fcnn_course: true },
  };
  fs.writeFileSync(path.join(kernelDir, 'kernel.json'), JSON.stringify(spec, null, 2) + '\n');
  return path.join(kernelDir, 'kernel.json');
}

/** The student runtime in the project-local folders (scripts/student-runtime.js; the classroom installs the same). */
const studentRuntimeDirs = { dataDir: dirs.path, configDir: dirs.config };
/** Folder of the course's notebook extension (served by the Notebook server at /nbextensions/fcnn-course/). */
const nbextensionDir = path.dirname(studentRuntime.files(studentRuntimeDirs).plotly);
/** The custom.js that earlier versions of the course wrote; main.js in the extension does its job now. */
const legacyCustomJs = path.join(dirs.config, 'custom', 'custom.js');

/** The installed Plotly.js bundle (node_modules/plotly.js-dist-min/plotly.min.js). */
function plotlyAsset() {
  return studentRuntime.plotlySource();
}

/**
 * Installs the student runtime (Plotly.js and the course's notebook extension, the Notebook server's settings) into
 * the project-local Jupyter folders. Returns its files, or throws when Plotly.js is not installed.
 */
function installNotebookAssets() {
  ensureDirs();
  const f = studentRuntime.install(studentRuntimeDirs);
  // the old custom.js did what main.js does; both would load Plotly.js twice
  if (fs.existsSync(legacyCustomJs) && /^\/\/ Written by fcnn-course/.test(fs.readFileSync(legacyCustomJs, 'utf8'))) fs.rmSync(legacyCustomJs);
  return f;
}

/** Whether the student runtime in .jupyter/ is installed and current: { ok, detail }. */
function notebookAssetsStatus() {
  return studentRuntime.status(studentRuntimeDirs);
}

/**
 * In a git checkout, configures the clean filter that .gitattributes names for notebooks/*.ipynb: git then stores
 * (and diffs, and compares on `git pull`) each notebook without outputs, so running a notebook does not make it
 * "modified" and a course update pulls over it; the working file keeps its outputs. Returns a line for the log,
 * or undefined outside git.
 */
function configureGitFilter(root = ROOT) {
  const inside = spawnSync('git', ['rev-parse', '--is-inside-work-tree'], { cwd: root, encoding: 'utf8' });
  if (inside.status !== 0 || inside.stdout.trim() !== 'true') return undefined;
  const set = (key, value) => spawnSync('git', ['config', '--local', key, value], { cwd: root, encoding: 'utf8' }).status === 0;
  const ok = set('filter.fcnn-notebook.clean', 'node scripts/clear-outputs.js --stdin %f') && set('filter.fcnn-notebook.smudge', 'cat');
  return ok ? 'git stores notebooks without outputs (clean filter fcnn-notebook, see .gitattributes)' : 'could not configure the git filter for notebooks';
}

/**
 * Whether dist/ is current: every lib/**\/*.ts has a dist .js at least as new.
 * Returns { ok, stale: [relative lib paths] }.
 */
function buildStatus() {
  const stale = [];
  const walk = (dir) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts')) {
        const rel = path.relative(path.join(ROOT, 'lib'), full);
        const js = path.join(ROOT, 'dist', rel.replace(/\.ts$/, '.js'));
        let ok = false;
        try {
          ok = fs.statSync(js).mtimeMs >= fs.statSync(full).mtimeMs;
        } catch {
          ok = false;
        }
        if (!ok) stale.push(path.join('lib', rel));
      }
    }
  };
  walk(path.join(ROOT, 'lib'));
  return { ok: stale.length === 0, stale };
}

/** Runs tsc -p tsconfig.json; returns true on success. */
function buildLib(stdio = 'inherit') {
  const tsc = path.join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
  if (!fs.existsSync(tsc)) return false;
  const r = spawnSync(process.execPath, [tsc, '-p', path.join(ROOT, 'tsconfig.json')], { cwd: ROOT, stdio });
  return r.status === 0;
}

module.exports = {
  ROOT,
  JUPYTER_HOME,
  KERNEL_NAME,
  INSTALL_HINT,
  dirs,
  kernelDir,
  jupyterEnv,
  ensureDirs,
  which,
  findJupyter,
  printInstallHint,
  tslabBin,
  kernelScript,
  writeKernelSpec,
  nbextensionDir,
  plotlyAsset,
  installNotebookAssets,
  notebookAssetsStatus,
  configureGitFilter,
  buildStatus,
  buildLib,
};
