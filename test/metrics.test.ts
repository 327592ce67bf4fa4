import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { accuracy, argmaxRows, checkAnswer, checkFunction, checkThat, confusionMatrix, detectConvergence, mae, r2, rmse } from '../lib/index';

describe('metrics', () => {
  it('accuracy compares argmax of probability rows with one-hot or label targets', () => {
    assert.equal(accuracy([[0.1, 0.9], [0.8, 0.2], [0.3, 0.7]], [1, 0, 0]), 2 / 3);
    assert.equal(accuracy([[0.1, 0.9]], [[0, 1]]), 1);
  });
  it('accuracy thresholds a single probability column at 0.5', () => {
    assert.equal(accuracy([[0.7], [0.2]], [[1], [1]]), 0.5);
  });
  it('accuracy rejects different sample counts', () => {
    assert.throws(() => accuracy([1, 0], [1]), /accuracy: predictions have 2 samples but targets have 1/);
  });
  it('confusionMatrix counts [true][predicted]', () => {
    assert.deepEqual(confusionMatrix([0, 1, 1, 2], [0, 1, 2, 2], 3), [[1, 0, 0], [0, 1, 0], [0, 1, 1]]);
  });
  it('confusionMatrix rejects labels out of range, naming the index', () => {
    assert.throws(() => confusionMatrix([0, 5], [0, 1], 3), /confusionMatrix: predicted\[1\] = 5 is not a class label in 0…2/);
  });
  it('mae, rmse and r2 on a known example', () => {
    const p = [2, 4, 6], a = [1, 4, 8];
    assert.equal(mae(p, a), 1);
    assert.equal(rmse(p, a), Math.sqrt(5 / 3));
    assert.ok(Math.abs(r2(p, a) - (1 - 5 / (((1 - 13 / 3) ** 2) + ((4 - 13 / 3) ** 2) + ((8 - 13 / 3) ** 2)))) < 1e-15);
    assert.equal(r2(a, a), 1);
  });
  it('r2 refuses constant targets instead of returning NaN silently', () => {
    assert.throws(() => r2([1, 2], [3, 3]), /R² is undefined/);
  });
  it('argmaxRows picks the first maximum', () => assert.deepEqual(argmaxRows([[1, 3, 3], [5, 0, 1]]), [1, 0]));
});

describe('detectConvergence', () => {
  it('returns the epoch where the loss flattened', () => {
    const losses = [1, 0.5, 0.3, 0.2, ...Array(10).fill(0.2)];
    assert.equal(detectConvergence(losses, { patience: 5 }), 4);
  });
  it('returns null while the loss keeps improving', () => {
    assert.equal(detectConvergence(Array.from({ length: 50 }, (_, i) => 1 / (i + 1)), { patience: 5 }), null);
  });
  it('rejects a bad patience', () => assert.throws(() => detectConvergence([1], { patience: 0 }), /patience must be an integer ≥ 1/));
});

describe('exercise checks', () => {
  const lines: string[] = [];
  const print = (l: string) => lines.push(l);
  it('prints ✓ for a right answer and ✗ with the hint for a wrong one', () => {
    assert.equal(checkAnswer('σ(0)', 0.5, 0.5, { print }), true);
    assert.equal(checkAnswer('σ(0)', 0.4, 0.5, { print, hint: 'e^0 = 1' }), false);
    assert.match(lines[0], /^✓ σ\(0\)/);
    assert.match(lines[1], /^✗ σ\(0\): got 0.4.*hint: e\^0 = 1/);
  });
  it('says "not answered yet" for undefined and never throws', () => {
    assert.equal(checkAnswer('x', undefined, 1, { print }), false);
    assert.match(lines[lines.length - 1], /not answered yet/);
  });
  it('checkFunction compares with the reference on every case and reports the failing input', () => {
    assert.equal(checkFunction('double', (x: number) => 2 * x, (x: number) => x + x, [[1], [2]], { print }), true);
    assert.equal(checkFunction('double', (x: number) => x * x, (x: number) => x + x, [[2], [3]], { print }), false);
    assert.match(lines[lines.length - 1], /for input \[3\] got 9, expected 6/);
    assert.equal(checkFunction('thrower', () => { throw new Error('boom'); }, () => 1, [[]], { print }), false);
    assert.match(lines[lines.length - 1], /threw "boom"/);
  });
  it('checkThat prints the condition', () => {
    assert.equal(checkThat('accuracy ≥ 0.9', true, { print }), true);
    assert.equal(checkThat('accuracy ≥ 0.9', false, { print }), false);
  });
});
