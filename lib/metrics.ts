/**
 * Metrics: how good are the predictions? (The loss is what training minimises; metrics are what people read.)
 *   accuracy          fraction of samples whose predicted class is the true class
 *   confusionMatrix   counts[true class][predicted class]
 *   mae               mean absolute error  (1/N) Σ |y − ŷ|
 *   rmse              root mean squared error  √((1/N) Σ (y − ŷ)²), in the units of y
 *   r2                coefficient of determination 1 − Σ(y − ŷ)² / Σ(y − ȳ)²  (1 = perfect, 0 = as good as predicting the mean)
 */
import { ArgumentError, ShapeError, checkInteger, describe } from './errors';
import { checkElements, plainRowsCost } from './limits';
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

/** Index of the largest value of each row (a NaN in a row is an error: it has no largest value). */
export function argmaxRows(m: Rows): number[] {
  return argmaxOf(toRows(m, 'argmaxRows', 'm'), 'argmaxRows', 'm');
}

function argmaxOf(rows: number[][], fn: string, arg: string): number[] {
  return rows.map((r, i) => {
    if (r.length === 0) throw new ArgumentError(`${fn}: ${arg}[${i}] is an empty row`);
    let best = 0;
    for (let j = 0; j < r.length; j++) {
      if (typeof r[j] !== 'number' || Number.isNaN(r[j])) {
        throw new ArgumentError(`${fn}: ${arg}[${i}][${j}] is ${describe(r[j])}, expected a number (a NaN prediction has no class)`);
      }
      if (r[j] > r[best]) best = j;
    }
    return best;
  });
}

/** The label of one value in a single column: a class index (integer ≥ 0) as is, a probability in [0, 1] thresholded. */
function scalarLabel(v: unknown, threshold: number, fn: string, where: string): number {
  if (typeof v === 'number' && Number.isInteger(v) && v >= 0) return v;
  if (typeof v === 'number' && v >= 0 && v <= 1) return v >= threshold ? 1 : 0;
  throw new ArgumentError(
    `${fn}: ${where} = ${describe(v)} is neither a class label (an integer ≥ 0) nor a probability in [0, 1]`,
  );
}

/**
 * Class labels from predictions: argmax of each row; with one column (or a flat array) each value is a class
 * label if it is an integer ≥ 0, or a probability in [0, 1] that becomes 1 if p ≥ threshold else 0.
 * NaN, negative numbers and fractions above 1 (1.5, −1) are errors, not labels.
 */
export function toLabels(predictions: Rows, threshold = 0.5, fn = 'toLabels', arg = 'predictions'): number[] {
  if (typeof threshold !== 'number' || !(threshold >= 0 && threshold <= 1)) {
    throw new ArgumentError(`${fn}: threshold must be a number in [0, 1], got ${describe(threshold)}`);
  }
  if (Array.isArray(predictions) && (predictions.length === 0 || !Array.isArray(predictions[0]))) {
    return (predictions as ReadonlyArray<unknown>).map((v, i) => scalarLabel(v, threshold, fn, `${arg}[${i}]`));
  }
  const rows = toRows(predictions, fn, arg);
  if (rows.length > 0 && rows[0].length === 1) {
    return rows.map((r, i) => {
      if (r.length !== 1) throw new ShapeError(`${fn}: ${arg}[${i}] has ${r.length} values, expected 1 like row 0`, [1], [r.length]);
      return scalarLabel(r[0], threshold, fn, `${arg}[${i}][0]`);
    });
  }
  rows.forEach((r, i) => {
    if (r.length !== rows[0].length) {
      throw new ShapeError(`${fn}: ${arg}[${i}] has ${r.length} values, expected ${rows[0].length} like row 0`, [rows[0].length], [r.length]);
    }
  });
  return argmaxOf(rows, fn, arg);
}

/** Fraction of correct predictions. Accepts probabilities/one-hot rows or class labels for either argument. */
export function accuracy(predictions: Rows, targets: Rows): number {
  const p = toLabels(predictions, 0.5, 'accuracy', 'predictions'), t = toLabels(targets, 0.5, 'accuracy', 'targets');
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
  const p = toLabels(predicted, 0.5, 'confusionMatrix', 'predicted'), a = toLabels(actual, 0.5, 'confusionMatrix', 'actual');
  if (p.length !== a.length) {
    throw new ShapeError(`confusionMatrix: predicted has ${p.length} samples but actual has ${a.length}`, [a.length], [p.length]);
  }
  let largest = 0; // a loop, not Math.max(...labels): spreading 150 000 labels overflows the call stack
  for (let i = 0; i < p.length; i++) {
    if (p[i] > largest) largest = p[i];
    if (a[i] > largest) largest = a[i];
  }
  const k = numClasses ?? largest + 1;
  checkInteger('confusionMatrix', 'numClasses', k);
  checkElements('confusionMatrix', `a ${k}×${k} matrix of counts (numClasses ${k})`, plainRowsCost(k, k));
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
  for (const [arg, v] of [['predicted', p], ['actual', a]] as const) {
    for (let i = 0; i < v.length; i++) {
      if (typeof v[i] !== 'number' || !Number.isFinite(v[i])) {
        throw new ArgumentError(`${fn}: ${arg} value ${i} is ${describe(v[i])}, expected a finite number`);
      }
    }
  }
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
