/**
 * Small synthetic data sets for experiments whose answer we know: 2-D classification sets (XOR,
 * circles, moons, spirals, blobs) and 1-D regression curves.
 *
 * Every generator draws all its randomness from `Random(seed)` (default seed 42), so the same seed
 * gives exactly the same points on every machine, and another seed gives other points.
 * Classification sets are balanced: with K classes, class k gets ⌊n/K⌋ points, plus one more for the
 * first n mod K classes. The rows come back in a shuffled order (not grouped by class).
 * `noise` is the standard deviation of Gaussian noise added to each coordinate (to y for curves);
 * a noisy point keeps the label of the shape it was drawn from, so noise can push points across
 * the class boundary — that is what makes a set hard.
 *
 * Example:
 *   const { x, labels } = moons(200, { noise: 0.1, seed: 1 });   // x: [200][2], labels ∈ {0, 1}
 *   const curve = regressionCurve(100, { kind: 'sine', seed: 1 }); // curve.x: [100][1], curve.y: [100][1]
 */
import { ArgumentError, checkInteger, checkNonNegative, checkPositive, describe } from '../errors';
import { checkElements, plainRowsCost } from '../limits';
import { Random, toRandom } from '../random';

/** A labelled classification set: x[i] is a point, labels[i] ∈ {0, …, K−1} its class. */
export interface ClassificationSet {
  x: number[][];
  labels: number[];
}

/** Options shared by the 2-D generators. */
export interface NoiseOptions {
  /** Standard deviation of the Gaussian noise added to each coordinate (≥ 0). */
  noise?: number;
  /** Seed or generator; default 42. */
  seed?: number | Random;
}

/** Throws unless `options` is an object (a null or a number would otherwise fail as "Cannot read properties"). */
function checkOptionsObject(fn: string, options: unknown): void {
  if (typeof options !== 'object' || options === null || Array.isArray(options)) {
    throw new ArgumentError(`${fn}: options must be an object, got ${describe(options)}`);
  }
}

/** Class sizes for n points in k balanced classes. */
function classSizes(fn: string, n: number, k: number): number[] {
  checkInteger(fn, 'n', n, k);
  return Array.from({ length: k }, (_, c) => Math.floor(n / k) + (c < n % k ? 1 : 0));
}

/** Draws `sizes[c]` points of each class c with `point(c, rng)`, adds noise and shuffles the rows. */
function generate(
  fn: string,
  n: number,
  k: number,
  options: NoiseOptions,
  defaultNoise: number,
  point: (c: number, rng: Random) => number[],
  dims = 2,
): ClassificationSet {
  checkOptionsObject(fn, options);
  checkInteger(fn, 'n', n, k);
  checkElements(fn, `${n} points`, plainRowsCost(n, dims) + plainRowsCost(1, n));
  const sizes = classSizes(fn, n, k);
  const noise = options.noise ?? defaultNoise;
  checkNonNegative(fn, 'options.noise', noise);
  const rng = toRandom(options.seed, 42, fn);
  const x: number[][] = [];
  const labels: number[] = [];
  sizes.forEach((size, c) => {
    for (let i = 0; i < size; i++) {
      x.push(point(c, rng).map((v) => (noise > 0 ? v + rng.normal(0, noise) : v)));
      labels.push(c);
    }
  });
  const order = rng.permutation(n);
  return { x: Array.from(order, (i) => x[i]), labels: Array.from(order, (i) => labels[i]) };
}

/**
 * XOR: points in the square [−1, 1]²; class 1 where the two coordinates have different signs
 * (x₁ > 0 XOR x₂ > 0), class 0 where they have the same sign. Not linearly separable: a network
 * needs a hidden layer for it. Each coordinate's size is uniform in [0.05, 1] (a small gap along
 * the axes). Default noise 0.1.
 */
export function xor(n: number, options: NoiseOptions = {}): ClassificationSet {
  return generate('xor', n, 2, options, 0.1, (c, rng) => {
    const sign = rng.int(2) === 0 ? 1 : -1;
    const a = rng.uniform(0.05, 1);
    const b = rng.uniform(0.05, 1);
    return c === 0 ? [sign * a, sign * b] : [sign * a, -sign * b];
  });
}

/**
 * Two concentric circles: class 0 on the circle of radius 1, class 1 on the circle of radius
 * `factor` (default 0.5), at uniform random angles. Default noise 0.1.
 */
export function circles(n: number, options: NoiseOptions & { factor?: number } = {}): ClassificationSet {
  checkOptionsObject('circles', options);
  const factor = options.factor ?? 0.5;
  checkPositive('circles', 'options.factor', factor);
  if (factor >= 1) throw new ArgumentError(`circles: options.factor must be < 1 (the inner radius), got ${factor}`);
  return generate('circles', n, 2, options, 0.1, (c, rng) => {
    const angle = rng.uniform(0, 2 * Math.PI);
    const r = c === 0 ? 1 : factor;
    return [r * Math.cos(angle), r * Math.sin(angle)];
  });
}

/**
 * Two interleaving half-moons: class 0 = (cos t, sin t), class 1 = (1 − cos t, 0.5 − sin t),
 * t uniform in [0, π]. Default noise 0.1.
 */
export function moons(n: number, options: NoiseOptions = {}): ClassificationSet {
  return generate('moons', n, 2, options, 0.1, (c, rng) => {
    const t = rng.uniform(0, Math.PI);
    return c === 0 ? [Math.cos(t), Math.sin(t)] : [1 - Math.cos(t), 0.5 - Math.sin(t)];
  });
}

/**
 * Interleaved spirals, one arm per class (options.classes, default 2): for class k,
 * radius r uniform in [0, 1] and angle θ = 3π·r + 2πk/K, point = (r cos θ, r sin θ)
 * (each arm makes 1.5 turns). Default noise 0.05 (the arms are close together).
 */
export function spirals(n: number, options: NoiseOptions & { classes?: number } = {}): ClassificationSet {
  checkOptionsObject('spirals', options);
  const k = options.classes ?? 2;
  checkInteger('spirals', 'options.classes', k, 2);
  return generate('spirals', n, k, options, 0.05, (c, rng) => {
    const r = rng.uniform(0, 1);
    const theta = 3 * Math.PI * r + (2 * Math.PI * c) / k;
    return [r * Math.cos(theta), r * Math.sin(theta)];
  });
}

/**
 * Gaussian blobs: class k is drawn from a normal distribution around centre k with standard
 * deviation `std` (default 0.3) in every coordinate.
 * `centers` is either a list of centre points (any dimension; the points have that dimension)
 * or a count K (default 3): K centres evenly spaced on the circle of radius 1, centre k at angle 2πk/K.
 */
export function blobs(
  n: number,
  options: { centers?: number | number[][]; std?: number; seed?: number | Random } = {},
): ClassificationSet {
  const fn = 'blobs';
  checkOptionsObject(fn, options);
  const spec = options.centers ?? 3;
  let centers: number[][];
  if (typeof spec === 'number') {
    checkInteger(fn, 'options.centers', spec, 1);
    checkElements(fn, `${spec} centres`, plainRowsCost(spec, 2));
    centers = Array.from({ length: spec }, (_, k) => [
      Math.cos((2 * Math.PI * k) / spec),
      Math.sin((2 * Math.PI * k) / spec),
    ]);
  } else if (Array.isArray(spec) && spec.length > 0 && spec.every((c) => Array.isArray(c) && c.length === spec[0].length && c.length > 0 && c.every(Number.isFinite))) {
    centers = spec;
  } else {
    throw new ArgumentError(
      `${fn}: options.centers must be a count ≥ 1 or a non-empty list of points of equal dimension, got ${describe(spec)}`,
    );
  }
  const std = options.std ?? 0.3;
  checkNonNegative(fn, 'options.std', std);
  return generate(fn, n, centers.length, { seed: options.seed, noise: std }, std, (c) => [...centers[c]], centers[0].length);
}

/** The noise-free curves of `regressionCurve`. */
export type CurveKind = 'sine' | 'linear' | 'cubic';

const CURVES: Record<CurveKind, (x: number) => number> = {
  sine: (x) => Math.sin(Math.PI * x),
  linear: (x) => 0.5 * x + 0.5,
  cubic: (x) => 4 * x ** 3 - 3 * x,
};

/** A 1-D regression set: x and y as one-column matrices, and the noise-free function behind them. */
export interface RegressionSet {
  /** Inputs, [n][1], sorted ascending. */
  x: number[][];
  /** Targets, [n][1]: y = f(x) + noise. */
  y: number[][];
  /** The true curve f (without noise), e.g. to draw it beside the network's prediction. */
  f: (x: number) => number;
}

/**
 * Samples n points of a curve with Gaussian noise: x uniform in `range` (default [−1, 1]), sorted
 * ascending; y = f(x) + N(0, noise²) (default noise 0.1). The curves:
 *   sine:   f(x) = sin(π x)
 *   linear: f(x) = 0.5 x + 0.5
 *   cubic:  f(x) = 4x³ − 3x
 * Example: `regressionCurve(50, { kind: 'cubic', noise: 0.05, seed: 3 })`
 */
export function regressionCurve(
  n: number,
  options: { kind?: CurveKind; noise?: number; seed?: number | Random; range?: [number, number] } = {},
): RegressionSet {
  const fn = 'regressionCurve';
  checkOptionsObject(fn, options);
  checkInteger(fn, 'n', n, 1);
  checkElements(fn, `${n} samples`, 2 * plainRowsCost(n, 1) + n);
  const kind = options.kind ?? 'sine';
  if (!Object.prototype.hasOwnProperty.call(CURVES, kind)) {
    throw new ArgumentError(`${fn}: unknown options.kind ${describe(kind)}; valid kinds: ${Object.keys(CURVES).map((k) => `'${k}'`).join(', ')}`);
  }
  const f = CURVES[kind];
  const noise = options.noise ?? 0.1;
  checkNonNegative(fn, 'options.noise', noise);
  const range = options.range ?? [-1, 1];
  if (!Array.isArray(range) || range.length !== 2 || !range.every(Number.isFinite) || !(range[0] < range[1])) {
    throw new ArgumentError(`${fn}: options.range must be [lo, hi] with finite lo < hi, got ${describe(range)}`);
  }
  const rng = toRandom(options.seed, 42, fn);
  const xs = Array.from({ length: n }, () => rng.uniform(range[0], range[1])).sort((a, b) => a - b);
  const x = xs.map((v) => [v]);
  const y = xs.map((v) => [f(v) + (noise > 0 ? rng.normal(0, noise) : 0)]);
  return { x, y, f };
}
