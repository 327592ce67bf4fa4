// The classroom's student edition (classroom/edition.js): what `publish` gives students.
import { describe, it, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const edition = require('../../classroom/edition.js');

const temps: string[] = [];
after(() => {
  for (const d of temps) fs.rmSync(d, { recursive: true, force: true });
});

const cell = (cell_type: string, source: string, tags: string[] = []) => ({
  cell_type, source, metadata: tags.length ? { tags } : {}, ...(cell_type === 'code' ? { outputs: [{ output_type: 'stream', name: 'stdout', text: 'run' }], execution_count: 3 } : {}),
});
const notebook = (cells: unknown[]) => JSON.stringify({ nbformat: 4, nbformat_minor: 5, metadata: {}, cells });

/** A tiny course checkout in git: two notebooks (one with lecturer notes), two solutions, a zh translation file. */
function course(): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'fcnn-edition-'));
  temps.push(root);
  const write = (rel: string, text: string) => {
    fs.mkdirSync(path.join(root, path.dirname(rel)), { recursive: true });
    fs.writeFileSync(path.join(root, rel), text);
  };
  write('notebooks/01-a.ipynb', notebook([cell('markdown', '# One'), cell('markdown', '**Say:** the answer is 43', ['lecture-notes']), cell('code', '1 + 1')]));
  write('notebooks/02-b.ipynb', notebook([cell('markdown', '# Two')]));
  write('notebooks/solutions/01-a.ipynb', notebook([cell('markdown', '# Solution one')]));
  write('notebooks/zh/solutions/02-b.ipynb', notebook([cell('markdown', '# 解答二')]));
  write('notebooks/zh/translations/01-a.json', '{}');
  write('data/x.csv', 'a\n1\n');
  const git = (...a: string[]) => spawnSync('git', a, { cwd: root, encoding: 'utf8' });
  git('init', '--quiet');
  git('add', '-A');
  return root;
}

describe('classroom student edition', () => {
  it('gives notebooks without outputs and without the cells tagged lecture-notes', () => {
    const files = edition.editionFiles(course(), []);
    const nb = JSON.parse(files.find((f: { rel: string }) => f.rel === 'notebooks/01-a.ipynb').text);
    assert.deepEqual(nb.cells.map((c: { source: string | string[] }) => [].concat(c.source as never).join('')), ['# One', '1 + 1']);
    assert.deepEqual(nb.cells[1].outputs, []);
    assert.equal(nb.cells[1].execution_count, null);
  });

  it('leaves out every solution until it is released, then gives both editions of that one', () => {
    const root = course();
    const rels = (released: string[]) => edition.editionFiles(root, released).map((f: { rel: string }) => f.rel).filter((r: string) => r.includes('solutions'));
    assert.deepEqual(rels([]), []);
    assert.deepEqual(rels(['01']), ['notebooks/solutions/01-a.ipynb']);
    assert.deepEqual(rels(['01', '02']), ['notebooks/solutions/01-a.ipynb', 'notebooks/zh/solutions/02-b.ipynb']);
  });

  it("never gives the translators' files (they hold the notes and solutions in Chinese)", () => {
    const rels = edition.editionFiles(course(), ['01', '02']).map((f: { rel: string }) => f.rel);
    assert.ok(!rels.some((r: string) => r.includes('translations')), rels.join(', '));
    assert.ok(rels.includes('data/x.csv'));
  });

  it('refuses, naming it, a notebook git does not track, instead of leaving it out', () => {
    const root = course();
    fs.writeFileSync(path.join(root, 'notebooks', '09-new.ipynb'), notebook([]));
    assert.throws(() => edition.editionFiles(root, []), (err: Error) => {
      assert.ok(err instanceof edition.EditionError);
      assert.match(err.message, /not tracked by git[\s\S]*notebooks\/09-new\.ipynb[\s\S]*Nothing was published/);
      return true;
    });
  });

  it('release-solutions takes 3, 03 or 03-name and refuses a notebook without a solution, listing the ones there are', () => {
    const root = course();
    assert.deepEqual(edition.checkReleaseArgs(root, ['1', '01-a', '02']), ['01', '01', '02']);
    assert.throws(() => edition.checkReleaseArgs(root, ['07']), /"07" is not a notebook with a solution; expected one of 01, 02/);
    assert.throws(() => edition.checkReleaseArgs(root, []), /give the notebook numbers to release/);
  });

  it('remembers released solutions in the state folder', () => {
    const state = fs.mkdtempSync(path.join(os.tmpdir(), 'fcnn-edition-state-'));
    temps.push(state);
    assert.deepEqual(edition.readReleased(state), []);
    edition.writeReleased(state, ['03', '01', '03']);
    assert.deepEqual(edition.readReleased(state), ['01', '03']);
  });
});
