import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  ArgumentError, Matrix, ShapeError, binaryCrossEntropy, getLoss, lossNames, meanSquaredError, mse, softmax,
  softmaxCrossEntropy, softmaxRow,
} from '../lib/index';
import type { Loss } from '../lib/index';

function finiteDifference(loss: Loss, Y: Matrix, T: Matrix, h = 1e-6): number[] {
  return Array.from(Y.data, (_, i) => {
    const p = Y.clone(), m = Y.clone();
    p.data[i] += h;
    m.data[i] -= h;
    return (loss.value(p, T) - loss.value(m, T)) / (2 * h);
  });
}

function assertClose(a: ArrayLike<number>, b: ArrayLike<number>, tol: number): void {
  assert.equal(a.length, b.length);
  for (let i = 0; i < a.length; i++) assert.ok(Math.abs(a[i] - b[i]) <= tol * Math.max(1, Math.abs(b[i])), `[${i}] ${a[i]} vs ${b[i]}`);
}

describe('mse', () => {
  it('is the mean of squared differences: ((2−1)² + (4−1)²) / 2 = 5', () => {
    assert.equal(mse.value(Matrix.from([[2], [4]]), Matrix.from([[1], [1]])), 5);
    assert.equal(meanSquaredError([2, 4], [1, 1]), 5);
  });
  it('averages over every sample and output', () => {
    assert.equal(mse.value(Matrix.from([[1, 2], [3, 4]]), Matrix.from([[0, 0], [0, 0]])), (1 + 4 + 9 + 16) / 4);
  });
  it('has gradient 2(y − t)/N, equal to finite differences', () => {
    const Y = Matrix.from([[0.3, -1], [2, 0.5], [1, 1]]), T = Matrix.from([[0, 0], [1, 1], [1, -1]]);
    assertClose(mse.gradient(Y, T).data, finiteDifference(mse, Y, T), 1e-8);
  });
  it('rejects targets of a different shape, naming both shapes', () => {
    assert.throws(() => mse.value(new Matrix(3, 1), new Matrix(2, 1)),
      (e: Error) => e instanceof ShapeError && /mse.value: targets T have shape \[2, 1\], expected \[3, 1\]/.test(e.message));
  });
  it('rejects an empty batch', () => {
    assert.throws(() => mse.value(new Matrix(0, 1), new Matrix(0, 1)), /batch is empty/);
  });
  it('meanSquaredError rejects arrays of different lengths', () => {
    assert.throws(() => meanSquaredError([1, 2], [1]), /meanSquaredError: actual has length 1, expected 2/);
  });
  it('lets NaN propagate', () => {
    assert.ok(Number.isNaN(mse.value(Matrix.from([[NaN]]), Matrix.from([[1]]))));
  });
});

describe('binaryCrossEntropy', () => {
  it('equals −mean(t log p + (1 − t) log(1 − p))', () => {
    const v = binaryCrossEntropy.value(Matrix.from([[0.9], [0.2]]), Matrix.from([[1], [0]]));
    assert.ok(Math.abs(v - -(Math.log(0.9) + Math.log(0.8)) / 2) < 1e-15);
  });
  it('has a gradient equal to finite differences', () => {
    const Y = Matrix.from([[0.9, 0.3], [0.2, 0.6]]), T = Matrix.from([[1, 0], [0, 1]]);
    assertClose(binaryCrossEntropy.gradient(Y, T).data, finiteDifference(binaryCrossEntropy, Y, T, 1e-7), 1e-6);
  });
  it('guards log(0): a confidently wrong p = 0 gives a large finite loss, not Infinity', () => {
    const v = binaryCrossEntropy.value(Matrix.from([[0]]), Matrix.from([[1]]));
    assert.ok(Number.isFinite(v) && v > 20, String(v));
    assert.ok(binaryCrossEntropy.gradient(Matrix.from([[1]]), Matrix.from([[0]])).data.every(Number.isFinite));
  });
});

describe('softmaxCrossEntropy', () => {
  it('reads logits and equals −log softmax(z)[class]', () => {
    const z = [1, 2, 0.5];
    const v = softmaxCrossEntropy.value(Matrix.from([z]), Matrix.from([[0, 1, 0]]));
    assert.ok(Math.abs(v - -Math.log(softmaxRow(z)[1])) < 1e-15);
    assert.equal(softmaxCrossEntropy.input, 'logits');
  });
  it('has gradient dL/dz = softmax(z) − t (divided by the batch size): the y − t identity', () => {
    const Z = Matrix.from([[1, 2, 0.5], [-1, 0, 3]]), T = Matrix.from([[0, 1, 0], [1, 0, 0]]);
    const G = softmaxCrossEntropy.gradient(Z, T);
    const expected = [0, 1].flatMap((r) => softmaxRow(Z.row(r)).map((p, j) => (p - T.get(r, j)) / 2));
    assertClose(G.data, expected, 1e-15);
    assertClose(G.data, finiteDifference(softmaxCrossEntropy, Z, T), 1e-8);
  });
  it('equals the chain rule through softmax then cross-entropy on its outputs', () => {
    const Z = Matrix.from([[0.2, -0.4, 1.1]]), T = Matrix.from([[0, 0, 1]]);
    const A = new Matrix(1, 3);
    softmax.forward(Z, A);
    const dL_dA = Matrix.from([A.row(0).map((a, j) => -T.get(0, j) / a)]);
    const dL_dZ = new Matrix(1, 3);
    softmax.backward(Z, A, dL_dA, dL_dZ);
    assertClose(dL_dZ.data, softmaxCrossEntropy.gradient(Z, T).data, 1e-14);
  });
  it('stays finite for logits like 1e4', () => {
    const Z = Matrix.from([[1e4, -1e4, 0]]), T = Matrix.from([[0, 1, 0]]);
    const v = softmaxCrossEntropy.value(Z, T);
    assert.equal(v, 2e4);
    assert.ok(softmaxCrossEntropy.gradient(Z, T).data.every(Number.isFinite));
  });
  it('explains one-hot encoding when given class labels as one column', () => {
    assert.throws(() => softmaxCrossEntropy.value(new Matrix(4, 3), new Matrix(4, 1)), /one-hot/);
  });
});

describe('getLoss', () => {
  it('finds losses by name', () => {
    assert.equal(getLoss('mse'), mse);
    assert.equal(getLoss('softmax-cross-entropy'), softmaxCrossEntropy);
    assert.equal(getLoss('binary-cross-entropy'), binaryCrossEntropy);
  });
  it('throws on an unknown name listing the valid names', () => {
    assert.throws(() => getLoss('hinge'), (e: Error) => e instanceof ArgumentError && e.message.includes(lossNames().join(', ')));
  });
});
