import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { makeWindows } from '../../lib/data/window';

// Day d has features [d, 100 + d] and target 1000 + d, so every number tells which day it came from.
const days = (n: number): number[][] => Array.from({ length: n }, (_, d) => [d, 100 + d]);
const target = (n: number): number[] => Array.from({ length: n }, (_, d) => 1000 + d);

describe('makeWindows', () => {
  it('concatenates the previous `window` days, oldest first, and predicts the next day', () => {
    const w = makeWindows(days(5), target(5), { window: 3 });
    assert.deepEqual(w.x, [
      [0, 100, 1, 101, 2, 102],
      [1, 101, 2, 102, 3, 103],
    ]);
    assert.deepEqual(w.y, [[1003], [1004]]);
    assert.deepEqual(w.targetIndex, [3, 4]);
  });

  it('with horizon h, predicts the day h days after the last day of the window', () => {
    const w = makeWindows(days(6), target(6), { window: 2, horizon: 3 });
    assert.deepEqual(w.x, [[0, 100, 1, 101], [1, 101, 2, 102]]);
    assert.deepEqual(w.y, [[1004], [1005]]);
  });

  it('gives n − window − horizon + 1 rows, and no target is inside its own window', () => {
    for (const [n, window, horizon] of [[10, 1, 1], [10, 4, 2], [30, 7, 1], [8, 7, 1]]) {
      const w = makeWindows(days(n), target(n), { window, horizon });
      assert.equal(w.x.length, n - window - horizon + 1);
      w.x.forEach((row, k) => {
        const lastDay = row[row.length - 2];
        assert.equal(w.targetIndex[k], lastDay + horizon);
        assert.equal(w.y[k][0], 1000 + w.targetIndex[k]);
        assert.equal(row.length, 2 * window);
      });
    }
  });

  it('rejects a series too short for the window and horizon', () => {
    assert.throws(() => makeWindows(days(3), target(3), { window: 3 }), /makeWindows: series has 3 rows, but window 3 \+ horizon 1 needs at least 4/);
  });
  it('rejects a target of another length than the series', () => {
    assert.throws(() => makeWindows(days(5), target(4), { window: 2 }), /makeWindows: target has 4 values but series has 5 rows/);
  });
  it('rejects a window or horizon that is not a positive integer', () => {
    assert.throws(() => makeWindows(days(5), target(5), { window: 0 }), /options.window must be an integer ≥ 1, got 0/);
    assert.throws(() => makeWindows(days(5), target(5), { window: 2, horizon: 0.5 }), /options.horizon must be an integer ≥ 1, got 0.5/);
  });
  it('rejects non-finite values, naming where they are', () => {
    assert.throws(() => makeWindows([[1], [NaN], [3]], [1, 2, 3], { window: 1 }), /makeWindows: series\[1\]\[0\] must be a finite number, got NaN/);
    assert.throws(() => makeWindows([[1], [2], [3]], [1, Infinity, 3], { window: 1 }), /makeWindows: target\[1\] must be a finite number, got Infinity/);
  });
});
