import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { oneHot } from '../../lib/data/one-hot';

/** Index of the largest entry of a row (the inverse of one-hot). */
const argmax = (row: number[]): number => row.indexOf(Math.max(...row));

describe('oneHot', () => {
  it('puts a single 1 at the label position', () => {
    assert.deepEqual(oneHot([0, 2, 1]), [
      [1, 0, 0],
      [0, 0, 1],
      [0, 1, 0],
    ]);
  });
  it('uses numClasses for the width when given', () => {
    assert.deepEqual(oneHot([1], 4), [[0, 1, 0, 0]]);
  });
  it('round-trips with argmax for any labels', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 8 }).chain((k) => fc.tuple(fc.constant(k), fc.array(fc.integer({ min: 0, max: k - 1 }), { minLength: 1, maxLength: 30 }))), ([k, labels]) => {
        const encoded = oneHot(labels, k);
        assert.equal(encoded.length, labels.length);
        for (const row of encoded) {
          assert.equal(row.length, k);
          assert.equal(row.reduce((s, v) => s + v, 0), 1);
        }
        assert.deepEqual(encoded.map(argmax), labels);
      }),
    );
  });
  it('names the index of a label out of range', () => {
    assert.throws(() => oneHot([0, 1, 3], 3), /oneHot: labels\[2\] must be an integer in \[0, 2\] \(numClasses = 3\), got 3/);
  });
  it('names the index of a non-integer or negative label', () => {
    assert.throws(() => oneHot([0, 1.5]), /oneHot: labels\[1\] must be an integer ≥ 0 \(a class index\), got 1.5/);
    assert.throws(() => oneHot([-1]), /labels\[0\] must be an integer ≥ 0/);
    assert.throws(() => oneHot([0, NaN]), /labels\[1\] must be an integer ≥ 0 \(a class index\), got NaN/);
  });
  it('rejects an empty label list and a bad numClasses', () => {
    assert.throws(() => oneHot([]), /labels must be a non-empty array/);
    assert.throws(() => oneHot([0], 0), /numClasses must be an integer ≥ 1, got 0/);
  });
});
