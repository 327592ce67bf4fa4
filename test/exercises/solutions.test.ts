/**
 * Every worked solution (notebooks/solutions/NN-*.ipynb) passes the answer key: each solution notebook's code cells
 * run against the library in a fresh exercise session, and afterwards every exercise of that notebook must be solved.
 * A wrong key, or a solution that no longer matches it, fails here.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import ts from 'typescript';
import * as lib from '../../lib/index';

const DIR = join(__dirname, '..', '..', 'notebooks', 'solutions');
const files = readdirSync(DIR).filter((f) => f.endsWith('.ipynb')).sort();

function cellsOf(file: string): string[] {
  const nb = JSON.parse(readFileSync(join(DIR, file), 'utf8'));
  return (nb.cells as { cell_type: string; source: string[] | string }[])
    .filter((c) => c.cell_type === 'code')
    .map((c) => (Array.isArray(c.source) ? c.source.join('') : c.source));
}

/** Runs the code cells (each in its own block, with `nn` bound to a fresh session) in the solutions folder. */
function runSolutions(file: string, session: lib.ExerciseSession): void {
  const body = cellsOf(file)
    .filter((c) => !/^import \* as nn from '\.\.\/\.\.\/dist';\s*$/.test(c))
    .map((c) => `{\n${c}\n}`)
    .join('\n');
  const js = ts.transpileModule(body, { compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.CommonJS } }).outputText;
  const nn = { ...lib, exercise: (id: string) => session.exercise(id), exerciseProgress: (n: string) => void session.progress(n) };
  const cwd = process.cwd();
  const log = console.log;
  process.chdir(DIR);   // the kernel runs a solution notebook in its own folder (CSV paths are relative to it)
  console.log = () => {};
  try {
    new Function('nn', js)(nn);
  } finally {
    console.log = log;
    process.chdir(cwd);
  }
}

/** Type errors of the solutions' code (the kernel refuses a cell that does not compile), one line each. */
function typeErrors(): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'fcnn-solutions-'));
  try {
    const libIndex = join(__dirname, '..', '..', 'lib', 'index').replace(/\\/g, '/');
    const roots = files.map((file) => {
      const body = cellsOf(file)
        .filter((c) => !/^import \* as nn from '\.\.\/\.\.\/dist';\s*$/.test(c))
        .map((c) => `{\n${c}\n}`)
        .join('\n');
      const path = join(dir, file.replace('.ipynb', '.ts'));
      writeFileSync(path, `import * as nn from '${libIndex}';\nexport {};\n${body}\n`);
      return path;
    });
    const program = ts.createProgram(roots, {
      target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.CommonJS, strict: true, noEmit: true, esModuleInterop: true,
      skipLibCheck: true, types: ['node'], lib: ['lib.es2022.d.ts'],
    });
    return roots.flatMap((root) =>
      ts.getPreEmitDiagnostics(program, program.getSourceFile(root)).map((d) => {
        const where = d.file && d.start !== undefined ? d.file.getLineAndCharacterOfPosition(d.start) : undefined;
        return `${root.split(/[\\/]/).pop()}${where ? `:${where.line + 1}` : ''}: ${ts.flattenDiagnosticMessageText(d.messageText, ' ')}`;
      }),
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('worked solutions', () => {
  it('compile without type errors, as the kernel requires', () => {
    assert.deepEqual(typeErrors(), []);
  });
  it('there is one solution notebook per notebook of the answer key, and no leftover markdown solutions', () => {
    assert.deepEqual(files, lib.ANSWER_KEY.map((k) => k.solutions.replace('solutions/', '')));
    assert.deepEqual(readdirSync(DIR).filter((f) => f.endsWith('.md')), []);
  });
  for (const file of files) {
    it(`${file}: every answer passes the key`, () => {
      const lines: string[] = [];
      const session = new lib.ExerciseSession(lib.ANSWER_KEY, (l) => lines.push(l));
      runSolutions(file, session);
      const rows = session.progress(file.slice(0, 2));
      const wrong = lines.filter((l) => l.startsWith('✗') || l.startsWith('…'));
      assert.deepEqual(wrong, []);
      assert.deepEqual(rows.filter((r) => r.status !== 'solved').map((r) => r.id), [], lines.join('\n'));
    });
  }
  it('a wrong answer in a solution would fail this test (the check is not a formality)', () => {
    const lines: string[] = [];
    const session = new lib.ExerciseSession(lib.ANSWER_KEY, (l) => lines.push(l));
    const key = lib.ANSWER_KEY.map((nb) => ({ ...nb, exercises: nb.exercises.map((e) => (e.id === '04.1' && e.kind === 'value' ? { ...e, expected: () => 2 } : e)) }));
    const tampered = new lib.ExerciseSession(key, (l) => lines.push(l));
    runSolutions('04-loss-mse.ipynb', tampered);
    assert.equal(tampered.progress('04').find((r) => r.id === '04.1')!.status, 'tried');
    runSolutions('04-loss-mse.ipynb', session);
    assert.equal(session.progress('04').find((r) => r.id === '04.1')!.status, 'solved');
  });
});
