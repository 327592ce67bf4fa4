/**
 * Every code line of every notebook (English, 中文, solutions) fits a code cell: at most 100 characters, so nothing
 * runs off the right edge in the live Notebook or on the site (the review counted lines of up to 249).
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';

const ROOT = path.join(__dirname, '..', '..');
const LIMIT = 100;

function notebooks(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    if (e.name.startsWith('.')) return []; // notebooks/.backup: a student's own files (npm run reset)
    const p = path.join(dir, e.name);
    return e.isDirectory() ? notebooks(p) : /^\d\d-.*\.ipynb$/.test(e.name) ? [p] : [];
  });
}

/** The code lines of a notebook longer than `limit` characters (code points), as "cell id, line n (length): …". */
export function longLines(nb: { cells: { cell_type: string; id?: string; source: string | string[] }[] }, limit = LIMIT): string[] {
  const out: string[] = [];
  nb.cells.forEach((cell, index) => {
    if (cell.cell_type !== 'code') return;
    const lines = (Array.isArray(cell.source) ? cell.source.join('') : cell.source).split('\n');
    lines.forEach((line, i) => {
      const length = [...line].length;
      if (length > limit) out.push(`cell ${cell.id ?? index}, line ${i + 1} (${length}): ${line.trim().slice(0, 60)}…`);
    });
  });
  return out;
}

describe('code lines in the notebooks', () => {
  const files = notebooks(path.join(ROOT, 'notebooks'));

  it('finds the English, zh and solution notebooks', () => {
    const rel = files.map((f) => path.relative(ROOT, f).split(path.sep).join('/'));
    for (const folder of ['notebooks', 'notebooks/zh', 'notebooks/solutions', 'notebooks/zh/solutions']) {
      assert.ok(rel.filter((f) => path.posix.dirname(f) === folder).length >= 8, `${folder}: too few notebooks`);
    }
  });

  it('counts characters, not bytes, and only code cells', () => {
    const nb = {
      cells: [
        { cell_type: 'markdown', source: 'x'.repeat(300) },
        { cell_type: 'code', id: 'a', source: ['σ'.repeat(100) + '\n', 'y'.repeat(101)] },
      ],
    };
    assert.deepEqual(longLines(nb).map((l) => l.split(':')[0]), ['cell a, line 2 (101)']);
  });

  for (const file of files) {
    const rel = path.relative(ROOT, file).split(path.sep).join('/');
    it(`${rel}: no code line over ${LIMIT} characters`, () => {
      assert.deepEqual(longLines(JSON.parse(fs.readFileSync(file, 'utf8'))), []);
    });
  }
});
