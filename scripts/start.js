#!/usr/bin/env node
// `npm start`: opens the course in Jupyter Notebook on localhost, in notebooks/, with the project's
// TypeScript kernel. Extra arguments go to Jupyter, e.g. `npm start -- --port 8899 --no-browser`.
'use strict';

const { spawn } = require('child_process');
const fs = require('fs');
const path = require('path');
const env = require('./jupyter-env');

function main() {
  const found = env.findJupyter(['notebook']);
  if (!found.ok) {
    env.printInstallHint(found, 'npm start');
    return 1;
  }
  if (!fs.existsSync(env.tslabBin())) {
    console.error('npm start: tslab is not installed; run `npm install` first.');
    return 1;
  }
  env.writeKernelSpec();
  env.installNotebookAssets();
  if (!env.buildStatus().ok) {
    console.log('npm start: building the course library (lib/ → dist/) ...');
    if (!env.buildLib()) {
      console.error('npm start: the build failed (see above); notebooks that import ../dist may fail.');
    }
  }
  const notebooks = path.join(env.ROOT, 'notebooks');
  const args = ['-m', 'notebook', '--ip=127.0.0.1', ...(process.getuid && process.getuid() === 0 ? ['--allow-root'] : []), ...process.argv.slice(2)];
  console.log(`npm start: Jupyter Notebook ${found.python.notebook} in ${path.relative(process.cwd(), notebooks) || '.'} (stop with Ctrl+C twice)`);
  const child = spawn(found.python.command, args, { cwd: notebooks, env: env.jupyterEnv(), stdio: 'inherit' });
  child.on('error', (err) => {
    console.error(`npm start: could not start ${found.python.command}: ${err.message}`);
    process.exitCode = 1;
  });
  child.on('exit', (code, signal) => {
    process.exitCode = code ?? (signal ? 1 : 0);
  });
  for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
  return undefined;
}

const code = main();
if (code !== undefined) process.exitCode = code;
