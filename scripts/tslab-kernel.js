#!/usr/bin/env node
// The course's TypeScript kernel: tslab (node_modules/tslab), started exactly as its own `tslab kernel` command
// does, plus one addition for students. The kernel spec that `npm run setup` writes runs this file.
//
// After Kernel → Restart, every name defined by earlier cells is gone, and running an exercise cell prints only
// tslab's compiler message `2:1 - Cannot find name 'nn'.` This wrapper adds, right below such a message, what to
// do: run the import cell (for `nn`) or the cells above. tslab prints compiler messages with console.error, which
// it captures when the kernel starts, so the hint is installed before tslab is loaded.
'use strict';

const path = require('path');
const util = require('util');

/** The hint for a compiler message, or undefined when the message is not about a missing name. */
function hintFor(text) {
  const m = /Cannot find name '([^']+)'/.exec(text);
  if (!m) return undefined;
  if (m[1] === 'nn') {
    return (
      "hint: 'nn' is the course library, imported by the notebook's first code cell " +
      "(import * as nn from '../dist'). After a kernel restart, run that cell again, or Cell → Run All Above."
    );
  }
  return (
    `hint: '${m[1]}' is not defined in this kernel session. If an earlier cell defines it, run that cell ` +
    '(after a kernel restart: Cell → Run All Above); otherwise check the spelling.'
  );
}

const originalError = console.error;
let hinted = new Set();
console.error = function (...args) {
  originalError.apply(console, args);
  const hint = hintFor(util.format(...args));
  if (hint === undefined || hinted.has(hint)) return;
  // one hint per name per cell: the messages of one cell are printed in one synchronous loop
  if (hinted.size === 0) setImmediate(() => (hinted = new Set()));
  hinted.add(hint);
  originalError.call(console, hint);
};

module.exports = { hintFor };

if (require.main === module) {
  require(path.join(__dirname, '..', 'node_modules', 'tslab', 'dist', 'main.js')).main();
}
