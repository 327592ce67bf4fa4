import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { fitStandardizer } from '../../lib/data/standardize';
import { Random } from '../../lib/random';

const columnMean = (x: number[][], j: number): number => x.reduce((s, r) => s + r[j], 0) / x.length;
const columnStd = (x: number[][], j: number): number => {
  const m = columnMean(x, j);
  return Math.sqrt(x.reduce((s, r) => s + (r[j] - m) ** 2, 0) / x.length);
};

describe('fitStandardizer', () => {
  const rng = new Random(4);
  const train = Array.from({ length: 200 }, () => [rng.normal(4000, 800), rng.normal(17, 2), rng.uniform(-1, 1)]);
  const scaler = fitStandardizer(train);

  it('gives every column mean ≈ 0 and std ≈ 1 on the training data', () => {
    const z = scaler.transform(train);
    for (let j = 0; j < 3; j++) {
      assert.ok(Math.abs(columnMean(z, j)) < 1e-12, `mean of column ${j}`);
      assert.ok(Math.abs(columnStd(z, j) - 1) < 1e-12, `std of column ${j}`);
    }
  });

  it('stores the training mean and the population std (divide by n)', () => {
    assert.deepEqual(fitStandardizer([[1], [3]]).mean, [2]);
    assert.deepEqual(fitStandardizer([[1], [3]]).std, [1]);
  });

  it('transforms other data with the training statistics, not their own', () => {
    const test = [[5000, 20, 0]];
    const z = scaler.transform(test)[0];
    for (let j = 0; j < 3; j++) assert.equal(z[j], (test[0][j] - scaler.mean[j]) / scaler.std[j]);
    // Its own mean would give 0 for a single row; the training statistics do not.
    assert.notEqual(z[0], 0);
  });

  it('inverseTransform undoes transform', () => {
    const back = scaler.inverseTransform(scaler.transform(train));
    back.forEach((row, i) => row.forEach((v, j) => assert.ok(Math.abs(v - train[i][j]) < 1e-9)));
  });

  it('gives a constant column std 1, so it becomes all zeros instead of NaN', () => {
    const s = fitStandardizer([[5, 1], [5, 2], [5, 3]]);
    assert.equal(s.std[0], 1);
    assert.deepEqual(s.transform([[5, 2]]), [[0, 0]]);
  });

  it('rejects data with a different number of columns, naming the function', () => {
    assert.throws(() => scaler.transform([[1, 2]]), /Standardizer.transform: x\[0\] has 2 columns, expected 3/);
  });

  it('rejects empty data, ragged rows and non-finite values', () => {
    assert.throws(() => fitStandardizer([]), /fitStandardizer: x is empty/);
    assert.throws(() => fitStandardizer([[1, 2], [3]]), /x\[1\] has 1 columns, expected 2/);
    assert.throws(() => fitStandardizer([[1], [NaN]]), /x\[1\]\[0\] must be a finite number, got NaN/);
  });
});
