#!/usr/bin/env node
// The course's TypeScript kernel: tslab (node_modules/tslab), started exactly as its own `tslab kernel` command
// does, plus corrections and one addition for students. The kernel spec that `npm run setup` writes runs this file;
// the classroom copies this one file next to its own node_modules, so it needs only Node and tslab.
//
// Hints: after Kernel → Restart, every name defined by earlier cells is gone, and running an exercise cell prints
// only tslab's compiler message `2:1 - Cannot find name 'nn'.` This wrapper adds, right below such a message, what
// to do: run the import cell (for `nn`) or the cells above.
//
// Protocol: tslab 1.0.22 (the last release; its repository's head is the same on these points) answers some
// requests differently from what Jupyter front-ends and Jupyter's kernel test suite (npm run test:kernel) expect.
// Before tslab starts, this wrapper replaces the pieces of tslab's dist/jupyter.js that build those replies:
// - kernel_info_reply: has `status: "ok"`, and language_info.version is the TypeScript that tslab compiles with
//   (tslab says 3.7.2); the committed notebooks carry the same language_info (scripts/notebook.js), so opening
//   one does not mark it modified;
// - a failed cell: the error (a thrown value, or the compiler's messages with the hints) is one `error` message
//   (ename, evalue, traceback) instead of text on stderr, and the execute_reply carries ename/evalue/traceback;
// - the value of a cell's last expression is an `execute_result` (Out[n]) instead of console.log output;
// - is_complete_reply says "invalid" for code that cannot parse whatever follows (tslab says "complete");
// - comm_info_reply and shutdown_reply have their own msg_type and `status: "ok"`.
'use strict';

const { createRequire } = require('module');
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

const TSLAB = path.join(__dirname, '..', 'node_modules', 'tslab');
/** The format tslab's executor prints each compiler message with (file, line, column, text). */
const DIAGNOSTIC_FORMAT = '%s%d:%d - %s';

/** Whether one console.error call of tslab's executor is a compiler message (else it is a thrown value). */
function isDiagnostic(args) {
  return args.length === 5 && args[0] === DIAGNOSTIC_FORMAT;
}

/** The lines of compiler messages, each hint once, right below the first message it belongs to. */
function diagnosticLines(reports) {
  const lines = [];
  const hinted = new Set();
  for (const args of reports) {
    const text = util.format(...args);
    lines.push(...text.split('\n'));
    const hint = hintFor(text);
    if (hint !== undefined && !hinted.has(hint)) {
      hinted.add(hint);
      lines.push(hint);
    }
  }
  return lines;
}

/**
 * The `error` content (ename, evalue, traceback) of a failed cell, from what tslab's executor passed to its
 * console.error: the compiler's messages, or the value the cell threw (printed as tslab printed it, so the
 * course library's trimmed stack stays as it is).
 */
function errorContent(reports) {
  if (reports.length === 0) return { ename: 'Error', evalue: 'the cell failed', traceback: [] };
  if (reports.every(isDiagnostic)) {
    return { ename: 'CompileError', evalue: util.format(...reports[0]), traceback: diagnosticLines(reports) };
  }
  const args = reports.find((r) => !isDiagnostic(r));
  const value = args[0];
  const traceback = util.format(...args).split('\n');
  if (value instanceof Error || util.types.isNativeError(value)) {
    return { ename: String(value.name || 'Error'), evalue: String(value.message ?? ''), traceback };
  }
  return { ename: 'Uncaught', evalue: typeof value === 'string' ? value : util.inspect(value), traceback };
}

/** The text/plain of a cell's value, as tslab showed it with console.log (a string as it is). */
function resultText(value) {
  return typeof value === 'string' ? value : util.inspect(value);
}

/**
 * is_complete_reply: tslab's answer ("incomplete" when the code ends where more is expected), and "invalid"
 * instead of "complete" when the code has a syntax error that no further text can fix.
 */
function isComplete(code, isCompleteCode, ts, isJs = false) {
  const res = isCompleteCode(code);
  if (!res.completed) return { status: 'incomplete', indent: res.indent };
  const kind = isJs ? ts.ScriptKind.JS : ts.ScriptKind.TS;
  const src = ts.createSourceFile(isJs ? 'cell.js' : 'cell.ts', code, ts.ScriptTarget.Latest, false, kind);
  return src.parseDiagnostics && src.parseDiagnostics.length > 0 ? { status: 'invalid' } : { status: 'complete' };
}

/** A failed cell, thrown through tslab's task queue (which then aborts the requests queued behind it). */
class CellFailure extends Error {
  constructor(count, content) {
    super(content.evalue);
    this.count = count;
    this.content = content;
  }
}

/**
 * Replaces the pieces of tslab's dist/jupyter.js (and the console its executor reports to) that build the
 * replies listed at the top of this file. Returns false, changing nothing, when tslab does not look as expected.
 */
function patchTslab(tslabDir = TSLAB) {
  let jupyter, executorModule, TaskCanceledError, isCompleteCode, ts;
  try {
    jupyter = require(path.join(tslabDir, 'dist', 'jupyter.js'));
    executorModule = require(path.join(tslabDir, 'dist', 'executor.js'));
    ({ TaskCanceledError } = require(path.join(tslabDir, 'dist', 'util.js')));
    ({ isCompleteCode } = require(path.join(tslabDir, 'dist', 'converter.js')));
    // the TypeScript that tslab compiles with, resolved as tslab's converter resolves it
    ts = createRequire(path.join(tslabDir, 'dist', 'converter.js'))('@tslab/typescript-for-tslab');
  } catch {
    return false;
  }
  const H = jupyter.JupyterHandlerImpl && jupyter.JupyterHandlerImpl.prototype;
  const Z = jupyter.ZmqServer && jupyter.ZmqServer.prototype;
  const expected = [
    H && H.handleKernel, H && H.handleExecute, H && H.handleExecuteImpl, H && H.createWriteToIopub,
    H && H.handleIsComplete, H && H.handleShutdown, Z && Z.handleExecute, Z && Z.handleCommInfoRequest,
    executorModule.createExecutor, TaskCanceledError, isCompleteCode, ts && ts.createSourceFile,
  ];
  if (expected.some((f) => typeof f !== 'function') || typeof (ts && ts.version) !== 'string') return false;
  if (H.__fcnnPatched) return true;
  H.__fcnnPatched = true;

  // The cell being executed (tslab runs one at a time): where the executor's result and error reports go.
  let cell = null;
  const createExecutor = executorModule.createExecutor;
  executorModule.createExecutor = (rootDir, convs, console) =>
    createExecutor(rootDir, convs, {
      // tslab's executor calls log(value) for the value of the cell's last expression, error(...) for compiler
      // messages and thrown values; nothing else
      log: (value) => (cell ? cell.result(value) : console.log(value)),
      error: (...args) => (cell ? cell.reports.push(args) : console.error(...args)),
    });

  const handleKernel = H.handleKernel;
  H.handleKernel = function () {
    const reply = { status: 'ok', ...handleKernel.call(this) };
    if (!this.isJs) reply.language_info.version = ts.version;
    return reply;
  };

  H.handleExecute = async function (req, writeStream, writeDisplayData, publish) {
    try {
      const count = await this.execQueue.add(() => this.handleExecuteImpl(req, writeStream, writeDisplayData, publish));
      return { status: 'ok', execution_count: count, payload: [], user_expressions: {} };
    } catch (e) {
      if (e instanceof TaskCanceledError) return { status: 'abort' }; // behind a failed cell, as in tslab
      let failure = e;
      if (!(e instanceof CellFailure)) {
        failure = new CellFailure(this.execCount, { ename: 'InternalError', evalue: `tslab: ${e && e.message ? e.message : e}`, traceback: util.inspect(e).split('\n') });
        publish('error', failure.content);
      }
      // as tslab: abort the requests that arrive within 200 ms (https://github.com/yunabe/tslab/issues/19)
      this.execQueue.reset(200);
      return { status: 'error', execution_count: failure.count, ...failure.content };
    }
  };

  H.handleExecuteImpl = async function (req, writeStream, writeDisplayData, publish) {
    // as tslab: output goes to the cell that ran last, also after it finished
    process.stdout.write = this.createWriteToIopub('stdout', writeStream);
    process.stderr.write = this.createWriteToIopub('stderr', writeStream);
    jupyter.lastWriteDisplayData = writeDisplayData;
    const count = ++this.execCount;
    const current = {
      reports: [],
      result: (value) => publish('execute_result', { execution_count: count, data: { 'text/plain': resultText(value) }, metadata: {} }),
    };
    cell = current;
    let ok;
    try {
      ok = await this.executor.execute(req.code);
    } finally {
      if (cell === current) cell = null;
    }
    if (ok) {
      // compiler messages of a `//@module` cell, which tslab registers anyway: on stderr, as tslab shows them
      if (current.reports.length > 0) writeStream('stderr', diagnosticLines(current.reports).join('\n') + '\n');
      return count;
    }
    const content = errorContent(current.reports);
    publish('error', content);
    throw new CellFailure(count, content);
  };

  H.handleIsComplete = function (req) {
    return isComplete(req.code, isCompleteCode, ts, this.isJs);
  };

  H.handleShutdown = function (req) {
    return { status: 'ok', restart: Boolean(req && req.restart) };
  };

  Z.handleExecute = async function (sock, msg) {
    const publish = (msgType, content) => {
      const out = msg.createReply();
      out.header.msg_type = msgType;
      out.content = content;
      out.signAndSend(this.connInfo.key, this.iopub);
    };
    const writeStream = (name, text) => publish('stream', { name, text });
    const writeDisplayData = (data, update) => publish(update ? 'update_display_data' : 'display_data', data);
    const content = await this.handler.handleExecute(msg.content, writeStream, writeDisplayData, publish);
    const reply = msg.createReply();
    reply.header.msg_type = 'execute_reply';
    reply.content = content;
    reply.signAndSend(this.connInfo.key, sock);
  };

  Z.handleCommInfoRequest = function (sock, msg) {
    // tslab has no comms; it sent this reply as a complete_reply without status
    const reply = msg.createReply();
    reply.header.msg_type = 'comm_info_reply';
    reply.content = { status: 'ok', comms: {} };
    reply.signAndSend(this.connInfo.key, sock);
  };
  return true;
}

/**
 * Fallback when tslab's code has changed so that patchTslab does not apply: the hints are added to everything
 * printed with console.error, which tslab's executor captures when the kernel starts (so this runs first).
 */
function installConsoleHints() {
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
}

module.exports = { hintFor, errorContent, resultText, isComplete, patchTslab };

if (require.main === module) {
  if (!patchTslab()) {
    process.stderr.write('tslab-kernel: tslab is not the version this wrapper corrects; starting it unchanged\n');
    installConsoleHints();
  }
  require(path.join(TSLAB, 'dist', 'main.js')).main();
}
