/**
 * Temp clones of the course for the study tests: `git clone` of this checkout's HEAD (the committed course), with
 * node_modules symlinked and the notebook clean filter configured as `npm install` does. Removed after the tests.
 */
import { after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

export const ROOT = path.join(__dirname, '..', '..');
// eslint-disable-next-line @typescript-eslint/no-var-requires
const env = require('../../scripts/jupyter-env.js') as { configureGitFilter(root: string): string | undefined };
const temps: string[] = [];
after(() => temps.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

/** git as a student runs it: no global or system configuration, no identity. */
export function gitRun(cwd: string, ...args: string[]) {
  return spawnSync('git', args, {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null', GIT_TERMINAL_PROMPT: '0' },
    maxBuffer: 64 * 1024 * 1024,
  });
}

export function git(cwd: string, ...args: string[]): string {
  const r = gitRun(cwd, ...args);
  assert.equal(r.status, 0, `git ${args.join(' ')} in ${cwd}: ${r.stderr}`);
  return r.stdout;
}

export function tempDir(prefix: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  temps.push(dir);
  return dir;
}

/** A clone of `from` (default: this checkout) set up as `npm install` would: clean filter, node_modules. */
export function cloneCourse(from: string = ROOT, prefix = 'fcnn-study-'): string {
  const dir = path.join(tempDir(prefix), 'course');
  git(path.dirname(dir), 'clone', '-q', from, dir);
  assert.match(env.configureGitFilter(dir) ?? '', /clean filter fcnn-notebook/);
  fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(dir, 'node_modules'));
  // .gitignore's `node_modules/` matches a folder, not this symlink
  fs.appendFileSync(path.join(dir, '.git', 'info', 'exclude'), '/node_modules\n');
  return dir;
}

export type Notebook = { cells: { cell_type: string; id?: string; source: string[] | string; outputs?: unknown[]; execution_count?: number | null; metadata?: object }[]; metadata: object };

export function readNotebook(file: string): Notebook {
  return JSON.parse(fs.readFileSync(file, 'utf8'));
}

/** Writes a notebook the way Jupyter saves one (indent 1, trailing newline). */
export function saveNotebook(file: string, nb: Notebook): void {
  fs.writeFileSync(file, JSON.stringify(nb, null, 1) + '\n');
}

export const sourceOf = (c: { source: string[] | string }) => (Array.isArray(c.source) ? c.source.join('') : c.source);

/** "Only ran" the notebook: every code cell gets an execution count and an output, as Run All + Save leaves it. */
export function runIn(file: string): void {
  const nb = readNotebook(file);
  let n = 0;
  for (const c of nb.cells) {
    if (c.cell_type !== 'code') continue;
    c.execution_count = ++n;
    c.outputs = [{ output_type: 'stream', name: 'stdout', text: [`ran cell ${n}\n`] }];
  }
  saveNotebook(file, nb);
}

/** Studied the notebook: answered its first exercise (`= undefined` → a number with a marker), as a student does. */
export function answerIn(file: string, marker = 'MY-ANSWER'): void {
  const nb = readNotebook(file);
  const cell = nb.cells.find((c) => c.cell_type === 'code' && /= undefined/.test(sourceOf(c)));
  if (cell) cell.source = sourceOf(cell).replace(/= undefined/, `= 2.5 /* ${marker} */`);
  else nb.cells.push({ cell_type: 'code', execution_count: null, metadata: {}, outputs: [], source: [`// ${marker}`] });
  saveNotebook(file, nb);
}

/** What Shift+Enter on the last cell leaves: one more, empty, code cell at the end. */
export function addEmptyCell(file: string): void {
  const nb = readNotebook(file);
  nb.cells.push({ cell_type: 'code', execution_count: null, id: 'e0e0e0e0', metadata: {}, outputs: [], source: [] });
  saveNotebook(file, nb);
}
