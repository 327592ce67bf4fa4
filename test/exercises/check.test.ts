import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ArgumentError, checkAnswer, checkFunction, Matrix } from '../../lib/index';

const collect = () => {
  const lines: string[] = [];
  return { lines, print: (l: string) => lines.push(l) };
};

describe('checkAnswer', () => {
  describe('when the tolerance is not a finite number ≥ 0', () => {
    for (const tolerance of [-1, NaN, Infinity, '1e-3' as unknown as number]) {
      it(`throws a clear error for tolerance ${String(tolerance)} instead of marking the exact answer wrong`, () => {
        const { print } = collect();
        assert.throws(() => checkAnswer('x', 0.5, 0.5, { tolerance, print }), (err: Error) => {
          assert.ok(err instanceof ArgumentError);
          assert.match(err.message, /^checkAnswer: options\.tolerance must be a finite number ≥ 0 \(e\.g\. 1e-6\), got /);
          return true;
        });
      });
    }
    it('checkFunction validates the tolerance the same way', () => {
      assert.throws(() => checkFunction('f', (x: number) => x, (x: number) => x, [[1]], { tolerance: -1 }), /checkFunction: options\.tolerance must be a finite number ≥ 0/);
    });
    it('accepts a tolerance of 0 (exact comparison)', () => {
      const { print } = collect();
      assert.equal(checkAnswer('x', 0.5, 0.5, { tolerance: 0, print }), true);
      assert.equal(checkAnswer('x', 0.5 + 1e-12, 0.5, { tolerance: 0, print }), false);
    });
  });

  describe('when the answer is a Matrix and the expected value number[][] (or the other way round)', () => {
    it('compares them by value', () => {
      const { print } = collect();
      assert.equal(checkAnswer('M', Matrix.from([[1, 2], [3, 4]]), [[1, 2], [3, 4]], { print }), true);
      assert.equal(checkAnswer('M', [[1, 2], [3, 4]], Matrix.from([[1, 2], [3, 4 + 1e-9]]), { print }), true);
      assert.equal(checkAnswer('M', Matrix.from([[1, 2], [3, 5]]), [[1, 2], [3, 4]], { print }), false);
    });
    it('marks a different shape wrong', () => {
      const { print } = collect();
      assert.equal(checkAnswer('M', Matrix.from([[1, 2, 3, 4]]), [[1, 2], [3, 4]], { print }), false);
    });
    it('prints a wrong Matrix answer as its numbers', () => {
      const { lines, print } = collect();
      checkAnswer('M', Matrix.from([[1, 2]]), [[1, 3]], { print });
      assert.match(lines[0], /got \[\[1,2\]\]/);
    });
  });

  it('prints no hint before an attempt, only after a wrong answer', () => {
    const { lines, print } = collect();
    checkAnswer('σ(0)', undefined, 0.5, { print, hint: 'e^0 = 1' });
    assert.equal(lines[0], '… σ(0): not answered yet');
    checkAnswer('σ(0)', 0.4, 0.5, { print, hint: 'e^0 = 1' });
    assert.match(lines[1], /hint: e\^0 = 1/);
  });
});
