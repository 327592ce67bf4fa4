/**
 * What a student reads when a cell fails, in the real kernel (scripts/tslab-kernel.js running tslab), as the
 * cell's error output (Jupyter's `error` message):
 * - an engine error shows its message and the student's cell, not Node's excerpt of compiled dist/ source and the
 *   frames of dist/ and tslab internals (lib/errors.ts, useStudentStack);
 * - after a kernel restart, `Cannot find name 'nn'` comes with the hint to run the import cell.
 * Plus the pure pieces (studentStack, hintFor) on recorded text.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'child_process';
import * as path from 'path';
import { ArgumentError, studentStack } from '../../lib/errors';

const ROOT = path.join(__dirname, '..', '..');
// eslint-disable-next-line @typescript-eslint/no-var-requires
const env = require('../../scripts/jupyter-env.js') as {
  jupyterEnv(): NodeJS.ProcessEnv;
  writeKernelSpec(): string;
  findJupyter(need?: string[]): { ok: boolean; python?: { command: string } };
};
type ErrorContent = { ename: string; evalue: string; traceback: string[] };
// eslint-disable-next-line @typescript-eslint/no-var-requires
const kernel = require('../../scripts/tslab-kernel.js') as {
  hintFor(text: string): string | undefined;
  errorContent(reports: unknown[][]): ErrorContent;
  resultText(value: unknown): string;
};
const { hintFor } = kernel;

/** Node's stack of an engine error thrown in a cell, as recorded in a tslab kernel (Node 20). */
const RECORDED = [
  '/home/s/course/dist/matrix.js:192',
  '        throw new errors_1.ArgumentError(`${fn}: ${arg} must be a Matrix, got ${(0, errors_1.describe)(m)}`);',
  '        ^',
  '',
  'ArgumentError: matmul: A must be a Matrix, got an array of length 2',
  '    at checkMatrix (/home/s/course/dist/matrix.js:192:15)',
  '    at Object.matmul (/home/s/course/dist/matrix.js:196:5)',
  '    at twice (evalmachine.<anonymous>:4:23)',
  '    at evalmachine.<anonymous>:7:33',
  '    at evalmachine.<anonymous>:9:3',
  '    at sigintHandlersWrap (node:vm:280:12)',
  '    at Script.runInThisContext (node:vm:135:14)',
  '    at Object.runInThisContext (node:vm:317:38)',
  '    at Object.execute (/home/s/course/node_modules/tslab/dist/executor.js:160:38)',
  '    at JupyterHandlerImpl.handleExecuteImpl (/home/s/course/node_modules/tslab/dist/jupyter.js:250:38)',
].join('\n');

describe('studentStack', () => {
  it('keeps the message and the cell frames, drops the source excerpt, dist/, tslab, Node and the cell wrapper', () => {
    assert.equal(
      studentStack(RECORDED, 'ArgumentError: matmul: A must be a Matrix, got an array of length 2'),
      ['ArgumentError: matmul: A must be a Matrix, got an array of length 2', '    at twice (your cell)', '    at your cell'].join('\n'),
    );
  });
  it('keeps a multi-line message whole', () => {
    const stack = 'ArgumentError: line one\nline two\n    at f (/x/dist/a.js:1:1)\n    at evalmachine.<anonymous>:3:1\n    at evalmachine.<anonymous>:5:3\n    at sigintHandlersWrap (node:vm:280:12)';
    assert.equal(studentStack(stack, 'ArgumentError: line one\nline two'), 'ArgumentError: line one\nline two\n    at your cell');
  });
  it("drops the course kernel wrapper's frames (scripts/tslab-kernel.js, also as the classroom's copy)", () => {
    const stack = [
      'ArgumentError: f: x must be a number',
      '    at f (/home/s/course/dist/a.js:1:1)',
      '    at evalmachine.<anonymous>:3:1',
      '    at evalmachine.<anonymous>:5:3',
      '    at sigintHandlersWrap (node:vm:280:12)',
      '    at Object.execute (/home/s/course/node_modules/tslab/dist/executor.js:160:38)',
      '    at H.handleExecuteImpl (/srv/runtime/scripts/tslab-kernel.js:183:32)',
      '    at async H.handleExecute (/srv/runtime/scripts/tslab-kernel.js:155:21)',
    ].join('\n');
    assert.equal(studentStack(stack, 'ArgumentError: f: x must be a number'), 'ArgumentError: f: x must be a number\n    at your cell');
  });
  it('outside a kernel leaves the stack of engine errors alone (the tests and scripts need the frames)', () => {
    const err = new ArgumentError('f: x must be a number, got "a"');
    assert.match(err.stack ?? '', /kernel-messages\.test\.ts/);
  });
});

describe('hintFor (scripts/tslab-kernel.js)', () => {
  it("tells the student to run the import cell when 'nn' is missing", () => {
    assert.match(hintFor("2:1 - Cannot find name 'nn'.") ?? '', /import \* as nn from '\.\.\/dist'.*Run All Above/);
  });
  it('names any other missing name and the cells above', () => {
    assert.match(hintFor("3:5 - Cannot find name 'net'.") ?? '', /'net' is not defined in this kernel session/);
  });
  it('says nothing for other compiler messages', () => {
    assert.equal(hintFor("1:1 - Type 'string' is not assignable to type 'number'."), undefined);
  });
});

describe('the error and result contents (scripts/tslab-kernel.js)', () => {
  it('makes compiler messages a CompileError whose traceback has each hint once', () => {
    const f = '%s%d:%d - %s';
    const c = kernel.errorContent([[f, '', 1, 11, "Cannot find name 'nn'."], [f, '', 2, 1, "Cannot find name 'nn'."]]);
    assert.equal(c.ename, 'CompileError');
    assert.equal(c.evalue, "1:11 - Cannot find name 'nn'.");
    assert.deepEqual(c.traceback.slice(0, 2), ["1:11 - Cannot find name 'nn'.", hintFor("Cannot find name 'nn'")]);
    assert.equal(c.traceback.length, 3);
  });
  it('names a thrown error by its name and message; the traceback is what tslab printed', () => {
    const err = new RangeError('too far');
    const c = kernel.errorContent([[err]]);
    assert.equal(c.ename, 'RangeError');
    assert.equal(c.evalue, 'too far');
    assert.equal(c.traceback.join('\n'), require('util').inspect(err));
  });
  it('describes a thrown value that is not an Error', () => {
    assert.deepEqual(kernel.errorContent([['boom']]), { ename: 'Uncaught', evalue: 'boom', traceback: ['boom'] });
    assert.equal(kernel.errorContent([[{ code: 3 }]]).evalue, '{ code: 3 }');
  });
  it('shows a result as console.log did: a string as it is, anything else inspected', () => {
    assert.equal(kernel.resultText('two\nlines'), 'two\nlines');
    assert.equal(kernel.resultText([1, 2]), '[ 1, 2 ]');
    assert.equal(kernel.resultText(3), '3');
  });
});

const PROBE = `
import json, sys, time
from jupyter_client.manager import start_new_kernel
cells, cwd = json.loads(sys.argv[1]), sys.argv[2]
results = []
km, kc = start_new_kernel(kernel_name="tslab", startup_timeout=180, cwd=cwd)
try:
    for code in cells:
        out = {"stdout": "", "stderr": "", "error": ""}
        def hook(msg):
            if msg["msg_type"] == "stream":
                out[msg["content"]["name"]] += msg["content"]["text"]
            elif msg["msg_type"] == "error":
                out["error"] += "\\n".join(msg["content"]["traceback"])
        reply = kc.execute_interactive(code, timeout=180, output_hook=hook)
        out["status"] = reply["content"]["status"]
        out["ename"] = reply["content"].get("ename")
        results.append(out)
        time.sleep(0.5)  # tslab aborts requests that arrive within 200 ms of an error
finally:
    kc.stop_channels()
    km.shutdown_kernel(now=True)
print(json.dumps(results))
`;

describe('in the course kernel', () => {
  const jupyter = env.findJupyter(['jupyter_client']);

  it('shows an engine error as the message and the cell, and hints at the import cell after a restart', { timeout: 600_000 }, (t) => {
    if (!jupyter.ok || !jupyter.python) {
      assert.fail('Jupyter (jupyter_client) is needed for this test; see `npm run doctor`');
    }
    env.writeKernelSpec();
    const cells = [
      // a fresh kernel, as after Kernel → Restart: the exercise cell runs before the import cell
      "const s = nn.sigmoid.output(0);",
      "import * as nn from '../dist';",
      'function twice(m: any) {\n  return nn.matmul(m, m);\n}\ntwice([[1, 2]]);',
    ];
    const r = spawnSync(jupyter.python.command, ['-c', PROBE, JSON.stringify(cells), path.join(ROOT, 'notebooks')], {
      encoding: 'utf8',
      env: env.jupyterEnv(),
      timeout: 590_000,
    });
    assert.equal(r.status, 0, r.stderr);
    type Cell = { stdout: string; stderr: string; error: string; status: string; ename: string | null };
    const [missing, imported, failed] = JSON.parse(r.stdout.trim().split('\n').pop()!) as Cell[];
    t.diagnostic(`cell 1 error: ${missing.error}`);
    t.diagnostic(`cell 3 error: ${failed.error}`);

    // a failed cell is one Jupyter `error` output (the kernel wrapper turns tslab's stderr text into it)
    assert.equal(missing.status, 'error');
    assert.equal(missing.ename, 'CompileError');
    assert.equal(missing.stderr, '');
    assert.match(missing.error, /Cannot find name 'nn'/);
    assert.match(missing.error, /hint: 'nn' is the course library.*Run All Above/);

    assert.equal(imported.status, 'ok');

    assert.equal(failed.status, 'error');
    assert.equal(failed.ename, 'ArgumentError');
    assert.equal(failed.stderr, '');
    assert.match(failed.error, /^ArgumentError: matmul: A must be a Matrix, got an array of length 1\n {4}at twice \(your cell\)\n {4}at your cell\n?$/);
    assert.doesNotMatch(failed.error, /dist[\\/]|tslab|node:vm|\^/);
  });
});
