/**
 * `npm run doctor` (scripts/doctor.js), run as a student would, with the machine changed around it:
 * - without Chromium it warns and exits 0 (studying needs no Chromium; only `npm test` does);
 * - without Jupyter it fails with the install command;
 * - in a copied checkout whose kernel spec still runs the original checkout's tslab, it fails and says so;
 * - with a kernel that cannot start, it fails (it starts the kernel and runs one cell, not just reads the spec).
 * The copies are temporary folders that link to this checkout's node_modules, lib, dist and notebooks.
 */
import { describe, it, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const ROOT = path.join(__dirname, '..', '..');
const temps: string[] = [];

function runDoctor(root: string, extraEnv: Record<string, string>): { status: number | null; output: string } {
  const r = spawnSync(process.execPath, [path.join(root, 'scripts', 'doctor.js')], {
    cwd: root,
    env: { ...process.env, ...extraEnv },
    encoding: 'utf8',
    timeout: 600_000,
  });
  return { status: r.status, output: r.stdout + r.stderr };
}

/** A copy of the checkout's scripts in a temp folder, with links to the rest. `nodeModules` overrides the link. */
function tempCheckout(options: { nodeModules?: string } = {}): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fcnn-doctor-'));
  temps.push(dir);
  fs.cpSync(path.join(ROOT, 'scripts'), path.join(dir, 'scripts'), { recursive: true });
  for (const name of ['lib', 'dist', 'notebooks', 'data', 'package.json', 'tsconfig.json']) {
    fs.symlinkSync(path.join(ROOT, name), path.join(dir, name));
  }
  fs.symlinkSync(options.nodeModules ?? path.join(ROOT, 'node_modules'), path.join(dir, 'node_modules'));
  return dir;
}

function writeKernelSpec(root: string, argv: string[]): void {
  const kernelDir = path.join(root, '.jupyter', 'share', 'jupyter', 'kernels', 'tslab');
  fs.mkdirSync(kernelDir, { recursive: true });
  fs.writeFileSync(path.join(kernelDir, 'kernel.json'), JSON.stringify({ argv, display_name: 'TypeScript', language: 'typescript' }));
}

after(() => {
  for (const dir of temps) fs.rmSync(dir, { recursive: true, force: true });
});

describe('npm run doctor', () => {
  it('without Chromium warns, names it as needed only for the tests, and exits 0', { timeout: 600_000 }, () => {
    const r = runDoctor(ROOT, { CHROMIUM_PATH: path.join(os.tmpdir(), 'no-such-chromium') });
    assert.match(r.output, /Needed only to run the tests[\s\S]*WARN Chromium \(browser tests\)/);
    assert.match(r.output, /ok {3}TypeScript kernel starts and runs a cell/);
    assert.match(r.output, /Ready to study: run `npm start`/);
    assert.equal(r.status, 0, r.output);
  });

  it('without Jupyter fails and prints how to install it', { timeout: 120_000 }, () => {
    const r = runDoctor(ROOT, { FCNN_PYTHON: path.join(os.tmpdir(), 'no-such-python') });
    assert.match(r.output, /FAIL Jupyter Notebook: not found/);
    assert.match(r.output, /fix: Debian\/Ubuntu: sudo apt-get install jupyter-notebook/);
    assert.match(r.output, /skip TypeScript kernel starts and runs a cell/);
    assert.equal(r.status, 1);
  });

  it("in a copied folder whose kernel spec runs the original checkout's tslab, fails and says so", { timeout: 300_000 }, () => {
    const copy = tempCheckout();
    // what a copied folder carries along: the spec `npm install` wrote for the original
    writeKernelSpec(copy, [process.execPath, path.join(ROOT, 'scripts', 'tslab-kernel.js'), 'kernel', '--config-path', '{connection_file}']);
    const r = runDoctor(copy, {});
    assert.match(r.output, /FAIL TypeScript kernel registered for this checkout: .*not this checkout's .*another checkout's tslab/);
    assert.match(r.output, /fix: npm run setup/);
    assert.equal(r.status, 1);
  });

  it('fails when the kernel cannot start, although its spec looks right', { timeout: 600_000 }, () => {
    // node_modules with every package linked except tslab, which is replaced by one that crashes on start
    const modules = fs.mkdtempSync(path.join(os.tmpdir(), 'fcnn-doctor-modules-'));
    temps.push(modules);
    for (const name of fs.readdirSync(path.join(ROOT, 'node_modules'))) {
      if (name !== 'tslab') fs.symlinkSync(path.join(ROOT, 'node_modules', name), path.join(modules, name));
    }
    fs.mkdirSync(path.join(modules, 'tslab', 'bin'), { recursive: true });
    fs.mkdirSync(path.join(modules, 'tslab', 'dist'), { recursive: true });
    fs.writeFileSync(path.join(modules, 'tslab', 'package.json'), '{"name":"tslab","version":"0.0.0"}');
    fs.writeFileSync(path.join(modules, 'tslab', 'bin', 'tslab'), "require('../dist/main.js').main();\n");
    fs.writeFileSync(path.join(modules, 'tslab', 'dist', 'main.js'), "exports.main = () => { console.error('simulated broken tslab'); process.exit(1); };\n");
    const copy = tempCheckout({ nodeModules: modules });
    writeKernelSpec(copy, [process.execPath, path.join(copy, 'scripts', 'tslab-kernel.js'), 'kernel', '--config-path', '{connection_file}']);
    // the assets setup would have installed, so only the kernel is wrong
    const setup = spawnSync(process.execPath, ['-e', "require('./scripts/jupyter-env').installNotebookAssets()"], { cwd: copy, encoding: 'utf8' });
    assert.equal(setup.status, 0, setup.stderr);
    const r = runDoctor(copy, { FCNN_DOCTOR_KERNEL_TIMEOUT: '60' });
    assert.match(r.output, /ok {3}TypeScript kernel registered for this checkout/);
    assert.match(r.output, /FAIL TypeScript kernel starts and runs a cell: the kernel did not run the cell/);
    assert.equal(r.status, 1);
  });
});
