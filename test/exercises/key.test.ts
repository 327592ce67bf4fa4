/**
 * The answer key and the notebooks agree: every exercise id a notebook checks exists in the key, every key entry is
 * checked by its notebook, and each notebook shows its progress. The expected values never appear in a notebook's
 * exercise cell (they live in the key).
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { ANSWER_KEY } from '../../lib/index';

const NOTEBOOKS = join(__dirname, '..', '..', 'notebooks');
const notebooks = readdirSync(NOTEBOOKS).filter((f) => /^\d\d-.*\.ipynb$/.test(f)).sort();
const code = (file: string): string[] =>
  (JSON.parse(readFileSync(join(NOTEBOOKS, file), 'utf8')).cells as { cell_type: string; source: string[] | string }[])
    .filter((c) => c.cell_type === 'code')
    .map((c) => (Array.isArray(c.source) ? c.source.join('') : c.source));

describe('the answer key', () => {
  const used = new Map<string, string>();
  for (const file of notebooks) for (const cell of code(file)) for (const m of cell.matchAll(/nn\.exercise\('([^']+)'\)/g)) used.set(m[1], file);
  const keyed = ANSWER_KEY.flatMap((nb) => nb.exercises.map((e) => e.id));

  it('has unique ids, each starting with its notebook number', () => {
    assert.equal(new Set(keyed).size, keyed.length);
    for (const nb of ANSWER_KEY) for (const e of nb.exercises) assert.ok(e.id.startsWith(nb.notebook + '.'), e.id);
  });
  it('holds every exercise id used in a notebook', () => {
    assert.ok(used.size > 0, 'no nn.exercise calls found in the notebooks');
    for (const [id, file] of used) assert.ok(keyed.includes(id), `${file} checks exercise '${id}', which is not in the key`);
  });
  it('has no exercise that its notebook does not check', () => {
    for (const id of keyed) assert.ok(used.has(id), `the key has exercise '${id}', but no notebook checks it`);
  });
  it('is used by the notebook of the same number', () => {
    for (const [id, file] of used) assert.equal(file.slice(0, 2), id.slice(0, 2), `${file} checks '${id}'`);
  });
  it('names a solutions notebook that exists for every notebook', () => {
    for (const nb of ANSWER_KEY) assert.ok(readdirSync(join(NOTEBOOKS, 'solutions')).includes(nb.solutions.replace('solutions/', '')), nb.solutions);
  });
  it('each notebook with exercises shows its progress with nn.exerciseProgress', () => {
    for (const nb of ANSWER_KEY) {
      const file = notebooks.find((f) => f.startsWith(nb.notebook + '-'))!;
      assert.ok(code(file).some((c) => c.includes(`nn.exerciseProgress('${nb.notebook}')`)), file);
    }
  });
  it('every nudge and hint is a sentence of its own (no empty feedback)', () => {
    for (const nb of ANSWER_KEY) for (const e of nb.exercises) {
      assert.ok(e.nudge.length > 10 && e.hint.length > 5, e.id);
      assert.notEqual(e.nudge, e.hint, e.id);
    }
  });
  it('no exercise cell calls checkAnswer/checkFunction with the expected value in view', () => {
    for (const file of notebooks) for (const cell of code(file)) {
      if (cell.includes('nn.exercise(')) assert.doesNotMatch(cell, /nn\.check(Answer|Function)\(/, `${file}: ${cell.slice(0, 80)}`);
    }
  });
});

describe('the answer key\'s own settings', () => {
  it('every tolerance is a finite number ≥ 0', () => {
    for (const nb of ANSWER_KEY) for (const e of nb.exercises) {
      if (e.tolerance !== undefined) assert.ok(Number.isFinite(e.tolerance) && e.tolerance >= 0, `${e.id}: tolerance ${e.tolerance}`);
    }
  });
  it('every exercise that needs notebook results names them, and its notebook cell passes them', () => {
    for (const nb of ANSWER_KEY) for (const e of nb.exercises) {
      if (!e.needs) continue;
      const file = notebooks.find((f) => f.startsWith(nb.notebook + '-'))!;
      const cell = code(file).find((c) => c.includes(`nn.exercise('${e.id}')`))!;
      for (const name of Object.keys(e.needs)) assert.match(cell, new RegExp(`\\b${name}: `), `${file} does not pass ${name} to ${e.id}`);
    }
  });
});
