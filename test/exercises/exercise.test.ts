import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ArgumentError, ExerciseSession, type NotebookKey } from '../../lib/index';

/** A small key of its own, so these tests do not depend on the course's exercises. */
const KEY: NotebookKey[] = [
  {
    notebook: '99', title: 'Test notebook', solutions: 'solutions/99-test.ipynb',
    exercises: [
      { id: '99.1', title: 'σ(0)', kind: 'value', expected: () => 0.5, nudge: 'NUDGE-1', hint: 'HINT-1' },
      { id: '99.2', title: 'double', kind: 'function', reference: (x: number) => 2 * x, cases: () => [[1], [3]], nudge: 'NUDGE-2', hint: 'HINT-2' },
      {
        id: '99.3', title: 'recall', kind: 'value', needs: { cm: 'the confusion matrix `cm`' },
        expected: (c) => (c.cm as number[][])[1][1] / 4, nudge: 'NUDGE-3', hint: 'HINT-3',
      },
      { id: '99.4', title: 'rate', kind: 'condition', accepts: (r) => (r as number) > 1, nudge: 'NUDGE-4', hint: 'HINT-4' },
      { id: '99.5', title: 'matrix', kind: 'value', expected: () => [[1, 2], [3, 4]], nudge: 'NUDGE-5', hint: 'HINT-5' },
    ],
  },
];

const session = () => {
  const lines: string[] = [];
  return { lines, s: new ExerciseSession(KEY, (l) => lines.push(l)) };
};

describe('exercise(id).check', () => {
  describe('before any attempt (answer undefined)', () => {
    it('says "not answered yet" and shows neither nudge nor hint nor the expected value', () => {
      const { lines, s } = session();
      assert.equal(s.exercise('99.1').check(undefined), false);
      assert.equal(lines.length, 1);
      assert.match(lines[0], /^… 99\.1 σ\(0\): not answered yet/);
      assert.doesNotMatch(lines[0], /NUDGE|HINT|0\.5/);
      assert.equal(s.record('99.1').attempts, 0);
    });
  });

  describe('after wrong answers', () => {
    it('gives the nudge first, the hint from the second try, and the solution file from the third', () => {
      const { lines, s } = session();
      const ex = s.exercise('99.1');
      assert.equal(ex.check(0.4), false);
      assert.match(lines[0], /^✗ 99\.1 σ\(0\): got 0\.4, which is not right\. NUDGE-1/);
      assert.doesNotMatch(lines[0], /HINT-1|0\.5/);
      ex.check(0.3);
      assert.match(lines[1], /Hint: HINT-1/);
      assert.doesNotMatch(lines[1], /NUDGE-1|solutions\//);
      ex.check(0.2);
      assert.match(lines[2], /Hint: HINT-1 Worked solution: solutions\/99-test\.ipynb/);
    });
    it('names the expected type when the answer has the wrong type', () => {
      const { lines, s } = session();
      s.exercise('99.1').check('0.5');
      assert.match(lines[0], /expected a number, got "0\.5"/);
      s.exercise('99.2').check(4);
      assert.match(lines[1], /expected a function/);
    });
  });

  it('marks a right answer ✓ and counts the solved exercises of the notebook', () => {
    const { lines, s } = session();
    assert.equal(s.exercise('99.1').check(0.5), true);
    assert.match(lines[0], /^✓ 99\.1 σ\(0\): correct — 1 of 5 exercises of notebook 99 solved/);
  });

  it('checks a function against the reference and reports the failing input', () => {
    const { lines, s } = session();
    assert.equal(s.exercise('99.2').check((x: number) => x * x), false);
    assert.match(lines[0], /for input \[1\] got 1, expected 2\. NUDGE-2/);
    assert.equal(s.exercise('99.2').check((x: number) => x + x), true);
  });

  it('computes the expected value from the context the notebook passes', () => {
    const { s } = session();
    const cm = [[5, 1], [0, 3]];
    assert.equal(s.exercise('99.3').check(0.75, { cm }), true);
    assert.equal(s.exercise('99.3').check(0.5, { cm }), false);
  });

  it('throws a clear error when the context it needs is missing', () => {
    const { s } = session();
    assert.throws(() => s.exercise('99.3').check(0.75), (err: Error) => {
      assert.ok(err instanceof ArgumentError);
      assert.match(err.message, /^exercise\('99\.3'\)\.check: this exercise needs the confusion matrix `cm` as \{ cm \} in the second argument, e\.g\. \.check\(answer, \{ cm: cm \}\); got \{  \}/);
      return true;
    });
  });

  it('accepts a condition exercise when its test holds', () => {
    const { s } = session();
    assert.equal(s.exercise('99.4').check(0.5), false);
    assert.equal(s.exercise('99.4').check(2), true);
  });

  it('compares a Matrix answer with a number[][] key by value', async () => {
    const { Matrix } = await import('../../lib/index');
    const { s } = session();
    assert.equal(s.exercise('99.5').check(Matrix.from([[1, 2], [3, 4]])), true);
  });

  it('throws for an unknown id, listing the notebook\'s ids', () => {
    const { s } = session();
    assert.throws(() => s.exercise('99.9'), /exercise: unknown exercise id "99\.9"; expected one of '99\.1', '99\.2', '99\.3', '99\.4', '99\.5'/);
  });
});

describe('exerciseProgress', () => {
  it('prints ✓ solved, ✗ tried and … not tried per exercise, and returns the rows', () => {
    const { lines, s } = session();
    s.exercise('99.1').check(0.5);
    s.exercise('99.2').check((x: number) => x);
    s.exercise('99.2').check((x: number) => x + 1);
    s.exercise('99.4').check(undefined);
    lines.length = 0;
    const rows = s.progress('99');
    assert.deepEqual(rows.map((r) => r.status), ['solved', 'tried', 'not tried', 'not tried', 'not tried']);
    assert.equal(lines[0], 'Notebook 99 (Test notebook): 1 of 5 exercises solved in this kernel session');
    assert.match(lines[1], /^  ✓ 99\.1  σ\(0\)$/);
    assert.match(lines[2], /^  ✗ 99\.2  double \(2 tries, not solved yet\)$/);
    assert.match(lines[3], /^  … 99\.3  recall \(not tried yet\)$/);
  });
  it('shows the latest result: a solved exercise answered wrongly again is no longer ✓', () => {
    const { s } = session();
    s.exercise('99.1').check(0.5);
    s.exercise('99.1').check(0.1);
    assert.equal(s.progress('99')[0].status, 'tried');
  });
  it('is kept for the session and forgotten by reset (as by a kernel restart)', () => {
    const { s } = session();
    s.exercise('99.1').check(0.5);
    assert.equal(s.count('99').solved, 1);
    s.reset();
    assert.equal(s.count('99').solved, 0);
  });
  it('throws for an unknown notebook, listing the known ones', () => {
    const { s } = session();
    assert.throws(() => s.progress('42'), /exerciseProgress: unknown notebook "42"; expected one of '99'/);
  });
});
