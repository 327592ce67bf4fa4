// Prepares what every student's processes read, in the classroom's state folder (never in the repository, which
// may live under a root-only home): a copy of the course's runtime packages (tslab, mathjs, Plotly …), the
// student runtime that `npm start` installs too (scripts/student-runtime.js: Plotly.js and the course's notebook
// extension, the Notebook server's settings), the course's kernel (scripts/tslab-kernel.js, under the memory
// launcher), the launcher scripts, and the course's git repository that nbgitpuller pulls from (the student
// edition, classroom/edition.js).
'use strict';

const { spawnSync } = require('child_process');
const crypto = require('crypto');
const fs = require('fs');
const path = require('path');
const env = require('../scripts/jupyter-env');
const studentRuntime = require('../scripts/student-runtime');
const edition = require('./edition');

const ROOT = env.ROOT;
const HERE = __dirname;
const RUNTIME_FILES = ['jupyterhub_config.py', 'kernel_launcher.py', 'singleuser.sh'];

class ClassroomError extends Error {}

function run(cmd, args, options = {}) {
  const r = spawnSync(cmd, args, { encoding: 'utf8', ...options });
  if (r.error || r.status !== 0) {
    const why = r.error ? r.error.message : (r.stderr || r.stdout || '').trim().split('\n').slice(-5).join('\n');
    throw new ClassroomError(`${cmd} ${args.join(' ')} failed: ${why}`);
  }
  return r.stdout;
}

/** True when every directory on the way to `file` can be entered, and the file read/run, by any user. */
function worldReachable(file) {
  let p = path.resolve(file);
  if ((fs.statSync(p).mode & 0o005) !== 0o005) return false;
  while (p !== path.dirname(p)) {
    p = path.dirname(p);
    if ((fs.statSync(p).mode & 0o001) === 0) return false;
  }
  return true;
}

/** The package folders the course needs at run time (production dependencies and theirs). */
function runtimePackages() {
  const out = run('npm', ['ls', '--omit=dev', '--all', '--parseable'], { cwd: ROOT, maxBuffer: 1 << 26 });
  const nm = path.join(ROOT, 'node_modules') + path.sep;
  const dirs = out.split('\n').filter((l) => l.startsWith(nm)).map((l) => path.relative(nm, l)).sort();
  const top = [];
  for (const d of dirs) if (!top.some((t) => d === t || d.startsWith(t + path.sep))) top.push(d);
  return top;
}

/** Where a classroom runtime keeps the student runtime: { dataDir (JUPYTER_PATH), configDir (JUPYTER_CONFIG_PATH) }. */
function studentRuntimeDirs(runtimeDir) {
  return { dataDir: path.join(runtimeDir, 'share', 'jupyter'), configDir: path.join(runtimeDir, 'config') };
}

/** Copies the runtime packages, the node binary if students could not run it, and the launcher files. */
function prepareRuntime(runtimeDir, settings) {
  fs.mkdirSync(runtimeDir, { recursive: true, mode: 0o755 });
  const lock = fs.readFileSync(path.join(ROOT, 'package-lock.json'));
  const stamp = crypto.createHash('sha256').update(lock).update(process.version).digest('hex');
  const stampFile = path.join(runtimeDir, 'node_modules.stamp');
  const nmDir = path.join(runtimeDir, 'node_modules');
  if (!fs.existsSync(stampFile) || fs.readFileSync(stampFile, 'utf8') !== stamp || !fs.existsSync(nmDir)) {
    if (!fs.existsSync(env.tslabBin())) throw new ClassroomError('tslab is not installed in node_modules: run `npm ci` first');
    fs.rmSync(nmDir, { recursive: true, force: true });
    for (const pkg of runtimePackages()) {
      const src = path.join(ROOT, 'node_modules', pkg);
      const dst = path.join(nmDir, pkg);
      fs.mkdirSync(path.dirname(dst), { recursive: true });
      // Hard links when on the same file system: instant, and `npm ci` later replaces files rather than editing
      // them, so the runtime keeps the versions it was made with. Otherwise a copy.
      const linked = spawnSync('cp', ['-al', src, dst]);
      if (linked.status !== 0) {
        fs.rmSync(dst, { recursive: true, force: true });
        fs.cpSync(src, dst, { recursive: true });
      }
    }
    fs.writeFileSync(stampFile, stamp);
  }
  let node = process.execPath;
  if (!worldReachable(node)) {
    node = path.join(runtimeDir, 'bin', 'node');
    fs.mkdirSync(path.dirname(node), { recursive: true });
    fs.copyFileSync(process.execPath, node);
  }
  for (const f of RUNTIME_FILES) fs.copyFileSync(path.join(HERE, f), path.join(runtimeDir, f));
  fs.mkdirSync(path.join(runtimeDir, 'python'), { recursive: true });
  for (const f of ['capped_kernels.py', 'course_contents.py', 'course_conflicts.py']) fs.copyFileSync(path.join(HERE, f), path.join(runtimeDir, 'python', f));
  fs.chmodSync(path.join(runtimeDir, 'singleuser.sh'), 0o755);
  // the same student runtime as `npm start`: the hub gives each student's server these folders (jupyterhub_config.py)
  studentRuntime.install(studentRuntimeDirs(runtimeDir));
  // the course's kernel wrapper, beside the packages it loads (<runtime>/node_modules/tslab)
  const kernelScript = path.join(runtimeDir, 'scripts', path.basename(env.kernelScript()));
  fs.mkdirSync(path.dirname(kernelScript), { recursive: true });
  fs.copyFileSync(env.kernelScript(), kernelScript);

  const kernelDir = path.join(runtimeDir, 'share', 'jupyter', 'kernels', env.KERNEL_NAME);
  fs.mkdirSync(kernelDir, { recursive: true });
  const heapMb = Math.max(256, Math.floor(settings.memory_gb * 1024 * 0.75));
  const spec = {
    argv: [
      '/usr/bin/python3', path.join(runtimeDir, 'kernel_launcher.py'), '{connection_file}', '--',
      node, `--max-old-space-size=${heapMb}`, kernelScript, 'kernel', '--config-path', '{cf}',
    ],
    display_name: 'TypeScript',
    language: 'typescript',
    env: { FCNN_MEMORY_GB: String(settings.memory_gb) },
    metadata: { fcnn_course: true, classroom: true },
  };
  fs.writeFileSync(path.join(kernelDir, 'kernel.json'), JSON.stringify(spec, null, 2) + '\n');
  run('chmod', ['-R', 'a+rX', runtimeDir]);
  return { node, kernelSpec: path.join(kernelDir, 'kernel.json') };
}

/**
 * Publishes the student edition (classroom/edition.js: notebooks without outputs or lecturer notes, the released
 * solutions, data, lib, README and the built dist/) as a new commit on the classroom's own git repository (bare,
 * in the state folder), which students' nbgitpuller pulls from. Returns { commit, changed, files: ['A\tpath', …] }.
 * Throws (publishing nothing) when a notebook is not tracked by git or the lib does not build.
 */
function publishCourse(stateDir, { branch = 'main', message, root = ROOT } = {}) {
  if (root === ROOT && (!env.buildStatus().ok || !fs.existsSync(path.join(ROOT, 'dist', 'index.js')))) {
    if (!env.buildLib('pipe')) throw new ClassroomError('`npm run build` failed; fix the lib before publishing the course');
  }
  let files;
  try {
    files = edition.editionFiles(root, edition.readReleased(stateDir));
  } catch (err) {
    if (err instanceof edition.EditionError) throw new ClassroomError(err.message);
    throw err;
  }
  const bare = path.join(stateDir, 'course.git');
  if (!fs.existsSync(bare)) run('git', ['init', '--quiet', '--bare', `--initial-branch=${branch}`, bare]);
  const stage = fs.mkdtempSync(path.join(stateDir, 'publish-'));
  try {
    for (const f of files) {
      fs.mkdirSync(path.join(stage, path.dirname(f.rel)), { recursive: true });
      if (f.text !== undefined) fs.writeFileSync(path.join(stage, f.rel), f.text);
      else fs.copyFileSync(f.source, path.join(stage, f.rel));
    }
    const git = (...args) => run('git', ['--git-dir', bare, '--work-tree', stage, ...args], {
      env: { ...process.env, GIT_AUTHOR_NAME: 'classroom', GIT_AUTHOR_EMAIL: 'classroom@localhost', GIT_COMMITTER_NAME: 'classroom', GIT_COMMITTER_EMAIL: 'classroom@localhost' },
    });
    const hasHead = spawnSync('git', ['--git-dir', bare, 'rev-parse', '--verify', '--quiet', branch]).status === 0;
    if (hasHead) git('read-tree', branch);
    git('add', '-A', '.');
    const changes = (hasHead ? git('diff', '--cached', '--name-status', branch) : git('diff', '--cached', '--name-status', '--root', '4b825dc642cb6eb9a060e54bf8d69288fbee4904'))
      .split('\n').filter(Boolean);
    if (hasHead && changes.length === 0) return { commit: git('rev-parse', branch).trim(), changed: false, files: [] };
    const msg = message || `Course update ${new Date().toISOString()}`;
    git('commit', '--quiet', '-m', msg);
    run('chmod', ['-R', 'a+rX', bare]);
    return { commit: git('rev-parse', branch).trim(), changed: true, files: changes };
  } finally {
    fs.rmSync(stage, { recursive: true, force: true });
  }
}

module.exports = { ClassroomError, run, worldReachable, studentRuntimeDirs, prepareRuntime, publishCourse };
