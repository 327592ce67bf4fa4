#!/usr/bin/env node
// npm run test:kernel: Jupyter's kernel test suite (jupyter_kernel_test) against the course kernel, i.e. the
// kernel spec `npm run setup` writes (scripts/tslab-kernel.js running tslab), with the project-local Jupyter
// folders. Fails, never skips, when Jupyter or jupyter_kernel_test is missing.
'use strict';

const { spawnSync } = require('child_process');
const path = require('path');
const env = require('../../scripts/jupyter-env');

const HINT = [
  'test:kernel: jupyter_kernel_test (Jupyter\'s kernel test suite) is not installed in %s.',
  '  Debian/Ubuntu:  sudo apt-get install python3-jupyter-kernel-test',
  '  elsewhere:      %s -m pip install jupyter_kernel_test',
].join('\n');

function main() {
  const found = env.findJupyter(['jupyter_client']);
  if (!found.ok) {
    env.printInstallHint(found, 'test:kernel');
    return 1;
  }
  const python = found.python.command;
  const probe = spawnSync(python, ['-c', 'import jupyter_kernel_test'], { encoding: 'utf8', env: env.jupyterEnv() });
  if (probe.status !== 0) {
    console.error(HINT.replace(/%s/g, python));
    return 1;
  }
  env.writeKernelSpec();
  const r = spawnSync(python, [path.join(__dirname, 'test_kernel_protocol.py')], {
    stdio: 'inherit',
    env: env.jupyterEnv(),
    cwd: env.ROOT,
    timeout: 10 * 60 * 1000,
  });
  if (r.error) {
    console.error(`test:kernel: could not run ${python}: ${r.error.message}`);
    return 1;
  }
  return r.status ?? 1;
}

process.exitCode = main();
