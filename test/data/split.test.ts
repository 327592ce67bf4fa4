import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { trainTestSplit } from '../../lib/data/split';

const rows = (n: number): number[][] => Array.from({ length: n }, (_, i) => [i, 10 * i]);
const targets = (n: number): number[] => Array.from({ length: n }, (_, i) => i);

describe('trainTestSplit', () => {
  it('gives round(n · fraction) test and validation rows and the rest to train', () => {
    const s = trainTestSplit(rows(103), targets(103), { testFraction: 0.2, validationFraction: 0.1, seed: 1 });
    assert.equal(s.test.x.length, 21);
    assert.equal(s.validation!.x.length, 10);
    assert.equal(s.train.x.length, 72);
  });

  it('has no validation part unless validationFraction is given', () => {
    const s = trainTestSplit(rows(10), targets(10), { testFraction: 0.3, seed: 1 });
    assert.equal(s.validation, undefined);
  });

  it('keeps row i of x with row i of y', () => {
    const s = trainTestSplit(rows(50), targets(50), { testFraction: 0.2, validationFraction: 0.2, seed: 3 });
    for (const part of [s.train, s.validation!, s.test]) {
      part.x.forEach((row, k) => {
        assert.equal(row[0], part.y[k]);
        assert.equal(part.indices[k], part.y[k]);
      });
    }
  });

  it('loses and duplicates no row, for any size, fractions and seed', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 10, max: 200 }),
        fc.double({ min: 0.05, max: 0.45, noNaN: true }),
        fc.double({ min: 0.05, max: 0.45, noNaN: true }),
        fc.integer(),
        fc.boolean(),
        (n, tf, vf, seed, chronological) => {
          const s = trainTestSplit(rows(n), targets(n), { testFraction: tf, validationFraction: vf, seed, chronological });
          const all = [...s.train.y, ...s.validation!.y, ...s.test.y].sort((a, b) => a - b);
          assert.deepEqual(all, targets(n));
          assert.equal(s.test.y.length, Math.round(n * tf));
        },
      ),
    );
  });

  it('is reproducible: the same seed gives the same split, another seed another split', () => {
    const a = trainTestSplit(rows(40), targets(40), { testFraction: 0.25, seed: 7 });
    const b = trainTestSplit(rows(40), targets(40), { testFraction: 0.25, seed: 7 });
    const c = trainTestSplit(rows(40), targets(40), { testFraction: 0.25, seed: 8 });
    assert.deepEqual(a.test.indices, b.test.indices);
    assert.notDeepEqual(a.test.indices, c.test.indices);
  });

  it('shuffles by default (the test part is not simply the last rows)', () => {
    const s = trainTestSplit(rows(100), targets(100), { testFraction: 0.2, seed: 1 });
    assert.notDeepEqual(s.test.indices, targets(100).slice(80));
  });

  describe('with chronological: true', () => {
    it('keeps the order: earliest rows train, then validation, last rows test', () => {
      const s = trainTestSplit(rows(10), targets(10), { testFraction: 0.2, validationFraction: 0.2, chronological: true });
      assert.deepEqual(s.train.y, [0, 1, 2, 3, 4, 5]);
      assert.deepEqual(s.validation!.y, [6, 7]);
      assert.deepEqual(s.test.y, [8, 9]);
    });
    it('refuses shuffle: true at the same time', () => {
      assert.throws(() => trainTestSplit(rows(10), targets(10), { testFraction: 0.2, chronological: true, shuffle: true }), /chronological: true keeps the order/);
    });
  });

  describe('with stratify', () => {
    it('keeps each class share in train and test', () => {
      const n = 200;
      const labels = Array.from({ length: n }, (_, i) => (i < 150 ? 'a' : 'b')); // 75 % a, 25 % b
      const s = trainTestSplit(rows(n), labels, { testFraction: 0.2, seed: 5, stratify: labels });
      assert.equal(s.test.y.length, 40);
      assert.equal(s.test.y.filter((c) => c === 'b').length, 10);
      assert.equal(s.train.y.filter((c) => c === 'b').length, 40);
    });
    it('has the same part sizes as an unstratified split and loses no row', () => {
      const labels = [0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2];
      const s = trainTestSplit(rows(11), targets(11), { testFraction: 0.3, validationFraction: 0.2, seed: 2, stratify: labels });
      assert.deepEqual([s.train.y.length, s.validation!.y.length, s.test.y.length], [6, 2, 3]);
      assert.deepEqual([...s.train.y, ...s.validation!.y, ...s.test.y].sort((a, b) => a - b), targets(11));
    });
    it('rejects stratify of the wrong length', () => {
      assert.throws(() => trainTestSplit(rows(5), targets(5), { testFraction: 0.2, stratify: [0, 1] }), /stratify must be an array with one class per row \(5\)/);
    });
  });

  describe('errors', () => {
    it('rejects x and y of different lengths', () => {
      assert.throws(() => trainTestSplit(rows(5), targets(4), { testFraction: 0.2 }), /trainTestSplit: x has 5 rows but y has 4/);
    });
    it('rejects empty data', () => {
      assert.throws(() => trainTestSplit([], [], { testFraction: 0.2 }), /x and y are empty/);
    });
    it('rejects fractions outside (0, 1)', () => {
      for (const f of [0, 1, -0.1, 1.5, NaN]) {
        assert.throws(() => trainTestSplit(rows(10), targets(10), { testFraction: f }), /options.testFraction must be a number in \(0, 1\)/);
      }
      assert.throws(() => trainTestSplit(rows(10), targets(10), { testFraction: 0.2, validationFraction: 0 }), /options.validationFraction must be a number in \(0, 1\)/);
    });
    it('rejects fractions that sum to 1 or more', () => {
      assert.throws(() => trainTestSplit(rows(10), targets(10), { testFraction: 0.5, validationFraction: 0.5 }), /must be < 1 .* got 0.5 \+ 0.5/);
    });
    it('rejects a split that leaves a part empty', () => {
      assert.throws(() => trainTestSplit(rows(4), targets(4), { testFraction: 0.1 }), /every part needs at least one row, but 4 rows give 4 train, 0 test/);
    });
  });
});
