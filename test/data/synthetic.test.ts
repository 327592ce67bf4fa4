import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { blobs, circles, moons, regressionCurve, spirals, xor, type ClassificationSet } from '../../lib/data/synthetic';

const counts = (labels: number[], k: number): number[] => Array.from({ length: k }, (_, c) => labels.filter((l) => l === c).length);
const meanOf = (rows: number[][]): number[] => rows[0].map((_, j) => rows.reduce((s, r) => s + r[j], 0) / rows.length);

const generators: [string, (n: number, seed: number) => ClassificationSet, number][] = [
  ['xor', (n, seed) => xor(n, { seed }), 2],
  ['circles', (n, seed) => circles(n, { seed }), 2],
  ['moons', (n, seed) => moons(n, { seed }), 2],
  ['spirals (2 classes)', (n, seed) => spirals(n, { seed }), 2],
  ['spirals (3 classes)', (n, seed) => spirals(n, { classes: 3, seed }), 3],
  ['blobs', (n, seed) => blobs(n, { seed }), 3],
];

for (const [name, make, k] of generators) {
  describe(name, () => {
    it('returns n two-dimensional points and n labels', () => {
      const { x, labels } = make(101, 1);
      assert.equal(x.length, 101);
      assert.equal(labels.length, 101);
      for (const p of x) {
        assert.equal(p.length, 2);
        assert.ok(p.every(Number.isFinite));
      }
    });
    it(`has ${k} balanced classes (sizes differ by at most one)`, () => {
      const c = counts(make(101, 1).labels, k);
      assert.equal(c.reduce((s, v) => s + v, 0), 101);
      assert.ok(Math.max(...c) - Math.min(...c) <= 1, `class sizes ${c}`);
    });
    it('is identical for the same seed and different for another seed', () => {
      assert.deepEqual(make(50, 7), make(50, 7));
      assert.notDeepEqual(make(50, 7).x, make(50, 8).x);
    });
    it('shuffles the rows instead of grouping them by class', () => {
      const { labels } = make(100, 1);
      assert.notDeepEqual(labels, [...labels].sort((a, b) => a - b));
    });
  });
}

describe('shapes of the sets', () => {
  it('xor without noise: class 1 exactly where the coordinates have different signs', () => {
    const { x, labels } = xor(200, { noise: 0, seed: 2 });
    x.forEach((p, i) => assert.equal(labels[i], p[0] > 0 !== p[1] > 0 ? 1 : 0));
  });
  it('circles without noise: class 0 on radius 1, class 1 on radius factor', () => {
    const { x, labels } = circles(100, { noise: 0, factor: 0.3, seed: 2 });
    x.forEach((p, i) => assert.ok(Math.abs(Math.hypot(p[0], p[1]) - (labels[i] === 0 ? 1 : 0.3)) < 1e-12));
  });
  it('moons without noise: class 0 on the upper unit half-circle, class 1 on the shifted lower one', () => {
    const { x, labels } = moons(100, { noise: 0, seed: 2 });
    x.forEach((p, i) => {
      const [cx, cy] = labels[i] === 0 ? [0, 0] : [1, 0.5];
      assert.ok(Math.abs(Math.hypot(p[0] - cx, p[1] - cy) - 1) < 1e-12);
      assert.ok(labels[i] === 0 ? p[1] >= 0 : p[1] <= 0.5);
    });
  });
  it('spirals without noise: every point lies on its class arm θ = 3π r + 2πk/K', () => {
    const { x, labels } = spirals(90, { classes: 3, noise: 0, seed: 2 });
    x.forEach((p, i) => {
      const r = Math.hypot(p[0], p[1]);
      const theta = 3 * Math.PI * r + (2 * Math.PI * labels[i]) / 3;
      assert.ok(Math.hypot(p[0] - r * Math.cos(theta), p[1] - r * Math.sin(theta)) < 1e-9);
    });
  });
  it('blobs: each class is centred near its centre, in the centres’ dimension', () => {
    const centers = [[0, 0, 0], [5, 5, 5]];
    const { x, labels } = blobs(400, { centers, std: 0.5, seed: 3 });
    assert.equal(x[0].length, 3);
    for (let c = 0; c < 2; c++) {
      const m = meanOf(x.filter((_, i) => labels[i] === c));
      m.forEach((v, j) => assert.ok(Math.abs(v - centers[c][j]) < 0.15, `class ${c} mean ${m}`));
    }
  });
  it('noise spreads the points: larger noise, larger distance from the noise-free shape', () => {
    const spread = (noise: number): number => {
      const { x, labels } = circles(400, { noise, seed: 1 });
      return x.reduce((s, p, i) => s + Math.abs(Math.hypot(p[0], p[1]) - (labels[i] === 0 ? 1 : 0.5)), 0) / x.length;
    };
    assert.ok(spread(0.2) > 2 * spread(0.05));
  });
});

describe('regressionCurve', () => {
  it('returns x and y as [n][1], x sorted inside the range', () => {
    const { x, y } = regressionCurve(64, { range: [2, 5], seed: 1 });
    assert.equal(x.length, 64);
    assert.equal(y.length, 64);
    assert.ok(x.every((r) => r.length === 1 && r[0] >= 2 && r[0] < 5));
    assert.ok(y.every((r) => r.length === 1));
    assert.deepEqual(x.map((r) => r[0]), x.map((r) => r[0]).sort((a, b) => a - b));
  });
  it('without noise, y is exactly the documented curve', () => {
    const expected = { sine: (v: number) => Math.sin(Math.PI * v), linear: (v: number) => 0.5 * v + 0.5, cubic: (v: number) => 4 * v ** 3 - 3 * v };
    for (const kind of ['sine', 'linear', 'cubic'] as const) {
      const { x, y, f } = regressionCurve(30, { kind, noise: 0, seed: 1 });
      x.forEach((r, i) => {
        assert.equal(y[i][0], expected[kind](r[0]));
        assert.equal(f(r[0]), expected[kind](r[0]));
      });
    }
  });
  it('adds noise with the requested standard deviation', () => {
    const { x, y, f } = regressionCurve(4000, { noise: 0.3, seed: 2 });
    const residuals = x.map((r, i) => y[i][0] - f(r[0]));
    const std = Math.sqrt(residuals.reduce((s, v) => s + v * v, 0) / residuals.length);
    assert.ok(Math.abs(std - 0.3) < 0.02, `std ${std}`);
  });
  it('is identical for the same seed and different for another seed', () => {
    assert.deepEqual(regressionCurve(20, { seed: 5 }).y, regressionCurve(20, { seed: 5 }).y);
    assert.notDeepEqual(regressionCurve(20, { seed: 5 }).y, regressionCurve(20, { seed: 6 }).y);
  });
  it('lists the valid kinds for an unknown kind', () => {
    assert.throws(() => regressionCurve(10, { kind: 'quartic' as never }), /regressionCurve: unknown options.kind "quartic"; valid kinds: 'sine', 'linear', 'cubic'/);
  });
  it('rejects a bad range', () => {
    assert.throws(() => regressionCurve(10, { range: [1, 1] }), /options.range must be \[lo, hi\] with finite lo < hi/);
  });
});

describe('argument errors', () => {
  it('reject a non-integer or too small n, naming the function', () => {
    assert.throws(() => xor(10.5), /xor: n must be an integer ≥ 2, got 10.5/);
    assert.throws(() => spirals(2, { classes: 3 }), /spirals: n must be an integer ≥ 3, got 2/);
    assert.throws(() => regressionCurve(0), /regressionCurve: n must be an integer ≥ 1, got 0/);
  });
  it('reject negative noise and bad class counts', () => {
    assert.throws(() => moons(10, { noise: -1 }), /moons: options.noise must be a finite number ≥ 0, got -1/);
    assert.throws(() => spirals(10, { classes: 1 }), /spirals: options.classes must be an integer ≥ 2, got 1/);
    assert.throws(() => circles(10, { factor: 1.5 }), /circles: options.factor must be < 1/);
    assert.throws(() => blobs(10, { centers: [[0, 0], [1]] }), /blobs: options.centers must be a count ≥ 1 or a non-empty list of points of equal dimension/);
  });
});
