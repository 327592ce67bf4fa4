/**
 * Metrics: how good are the predictions? (The loss is what training minimises; metrics are what people read.)
 *   accuracy          fraction of samples whose predicted class is the true class
 *   confusionMatrix   counts[true class][predicted class]
 *   mae               mean absolute error  (1/N) Σ |y − ŷ|
 *   rmse              root mean squared error  √((1/N) Σ (y − ŷ)²), in the units of y
 *   r2                coefficient of determination 1 − Σ(y − ŷ)² / Σ(y − ȳ)²  (1 = perfect, 0 = as good as predicting the mean)
 */
import { ArgumentError, ShapeError, checkInteger, describe } from './errors';
import { Matrix } from './matrix';

type Rows = Matrix | ReadonlyArray<ReadonlyArray<number>> | ReadonlyArray<number>;

function toRows(v: Rows, fn: string, arg: string): number[][] {
  if (v instanceof Matrix) return v.toArray();
  if (!Array.isArray(v)) throw new ArgumentError(`${fn}: ${arg} must be an array or a Matrix, got ${describe(v)}`);
  return (v as ReadonlyArray<unknown>).map((r, i) => {
    if (Array.isArray(r)) return r as number[];
    if (typeof r === 'number') return [r];
    throw new ArgumentError(`${fn}: ${arg}[${i}] must be a number or an array of numbers, got ${describe(r)}`);
  });
}

/** Index of the largest value of each row. */
export function argmaxRows(m: Rows): number[] {
  return toRows(m, 'argmaxRows', 'm').map((r) => {
    let best = 0;
    for (let j = 1; j < r.length; j++) if (r[j] > r[best]) best = j;
    return best;
  });
}

/**
 * Class labels from predictions: argmax of each row, or (one column) 1 if p ≥ threshold else 0.
 * A flat array of integers is taken as labels already.
 */
export function toLabels(predictions: Rows, threshold = 0.5): number[] {
  if (Array.isArray(predictions) && predictions.every((v) => typeof v === 'number' && Number.isInteger(v))) {
    return [...(predictions as number[])];
  }
  const rows = toRows(predictions, 'toLabels', 'predictions');
  if (rows.length > 0 && rows[0].length === 1) return rows.map((r) => (r[0] >= threshold ? 1 : 0));
  return argmaxRows(rows);
}

/** Fraction of correct predictions. Accepts probabilities/one-hot rows or class labels for either argument. */
export function accuracy(predictions: Rows, targets: Rows): number {
  const p = toLabels(predictions), t = toLabels(targets);
  if (p.length !== t.length) {
    throw new ShapeError(`accuracy: predictions have ${p.length} samples but targets have ${t.length}`, [p.length], [t.length]);
  }
  if (p.length === 0) throw new ArgumentError('accuracy: no samples');
  let correct = 0;
  for (let i = 0; i < p.length; i++) if (p[i] === t[i]) correct++;
  return correct / p.length;
}

/** counts[i][j] = number of samples of true class i predicted as class j. */
export function confusionMatrix(predicted: Rows, actual: Rows, numClasses?: number): number[][] {
  const p = toLabels(predicted), a = toLabels(actual);
  if (p.length !== a.length) {
    throw new ShapeError(`confusionMatrix: predicted has ${p.length} samples but actual has ${a.length}`, [a.length], [p.length]);
  }
  const k = numClasses ?? Math.max(0, ...p, ...a) + 1;
  checkInteger('confusionMatrix', 'numClasses', k);
  const m = Array.from({ length: k }, () => new Array<number>(k).fill(0));
  for (let i = 0; i < p.length; i++) {
    for (const [arg, v] of [['predicted', p[i]], ['actual', a[i]]] as const) {
      if (!Number.isInteger(v) || v < 0 || v >= k) {
        throw new ArgumentError(`confusionMatrix: ${arg}[${i}] = ${describe(v)} is not a class label in 0…${k - 1}`);
      }
    }
    m[a[i]][p[i]]++;
  }
  return m;
}

function flatPair(fn: string, predicted: Rows, actual: Rows): [number[], number[]] {
  const p = toRows(predicted, fn, 'predicted').flat();
  const a = toRows(actual, fn, 'actual').flat();
  if (p.length !== a.length) throw new ShapeError(`${fn}: predicted has ${p.length} values but actual has ${a.length}`, [a.length], [p.length]);
  if (p.length === 0) throw new ArgumentError(`${fn}: no values`);
  return [p, a];
}

/** Mean absolute error. */
export function mae(predicted: Rows, actual: Rows): number {
  const [p, a] = flatPair('mae', predicted, actual);
  let s = 0;
  for (let i = 0; i < p.length; i++) s += Math.abs(p[i] - a[i]);
  return s / p.length;
}

/** Root mean squared error. */
export function rmse(predicted: Rows, actual: Rows): number {
  const [p, a] = flatPair('rmse', predicted, actual);
  let s = 0;
  for (let i = 0; i < p.length; i++) s += (p[i] - a[i]) ** 2;
  return Math.sqrt(s / p.length);
}

/** Coefficient of determination R². */
export function r2(predicted: Rows, actual: Rows): number {
  const [p, a] = flatPair('r2', predicted, actual);
  const mean = a.reduce((x, y) => x + y, 0) / a.length;
  let ssRes = 0, ssTot = 0;
  for (let i = 0; i < p.length; i++) {
    ssRes += (a[i] - p[i]) ** 2;
    ssTot += (a[i] - mean) ** 2;
  }
  if (ssTot === 0) throw new ArgumentError('r2: actual values are all equal, so R² is undefined');
  return 1 - ssRes / ssTot;
}

/** Metric functions by name, as `train` uses them. */
export const METRICS: Record<string, (predicted: Matrix, actual: Matrix) => number> = { accuracy, mae, rmse, r2 };
