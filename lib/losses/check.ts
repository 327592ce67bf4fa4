import { ArgumentError, ShapeError, describe, formatShape } from '../errors';
import { Matrix } from '../matrix';

/** Shared argument check of every loss: Y and T are matrices of the same, non-empty shape. */
export function checkLossArgs(fn: string, Y: Matrix, T: Matrix, out?: Matrix): Matrix {
  if (!(Y instanceof Matrix)) throw new ArgumentError(`${fn}: predictions Y must be a Matrix, got ${describe(Y)}`);
  if (!(T instanceof Matrix)) throw new ArgumentError(`${fn}: targets T must be a Matrix, got ${describe(T)}`);
  if (Y.rows !== T.rows || Y.cols !== T.cols) {
    throw new ShapeError(
      `${fn}: targets T have shape ${formatShape(T.shape)}, expected ${formatShape(Y.shape)} like the predictions Y` +
        (T.cols === 1 && Y.cols > 1 ? ' (class labels must be one-hot encoded: use oneHot(labels))' : ''),
      Y.shape,
      T.shape,
    );
  }
  if (Y.rows === 0 || Y.cols === 0) throw new ArgumentError(`${fn}: the batch is empty (shape ${formatShape(Y.shape)})`);
  if (out === undefined) return new Matrix(Y.rows, Y.cols);
  if (!(out instanceof Matrix) || out.rows !== Y.rows || out.cols !== Y.cols) {
    throw new ShapeError(`${fn}: out has shape ${out instanceof Matrix ? formatShape(out.shape) : describe(out)}, expected ${formatShape(Y.shape)}`, Y.shape, out instanceof Matrix ? out.shape : undefined);
  }
  return out;
}

/**
 * Throws unless every target is a probability in [0, 1] (binary cross-entropy: 0 or 1 for class labels, or a soft
 * label in between). Names the first bad element as T[row][col].
 */
export function checkProbabilityTargets(fn: string, T: Matrix, arg = 'T'): void {
  const t = T.data;
  for (let i = 0; i < t.length; i++) {
    const v = t[i];
    if (!(v >= 0 && v <= 1)) {
      const r = Math.floor(i / T.cols), c = i - r * T.cols;
      throw new ArgumentError(
        `${fn}: targets ${arg}[${r}][${c}] = ${describe(v)} is not in [0, 1]; binary cross-entropy needs targets that are probabilities (0 or 1 for class labels)`,
      );
    }
  }
}

/**
 * Throws unless every row of T is a probability distribution: entries in [0, 1] summing to 1 (within 1e-6), as
 * one-hot rows are. Softmax cross-entropy compares a softmax output (which sums to 1) with these rows.
 */
export function checkDistributionTargets(fn: string, T: Matrix, arg = 'T'): void {
  const t = T.data, c = T.cols;
  for (let r = 0; r < T.rows; r++) {
    let s = 0;
    for (let j = 0; j < c; j++) {
      const v = t[r * c + j];
      if (!(v >= 0 && v <= 1)) {
        throw new ArgumentError(
          `${fn}: targets ${arg}[${r}][${j}] = ${describe(v)} is not in [0, 1]; softmax cross-entropy needs each target row to be a probability distribution (one-hot: use oneHot(labels))`,
        );
      }
      s += v;
    }
    if (!(Math.abs(s - 1) <= 1e-6)) {
      throw new ArgumentError(
        `${fn}: target row ${arg}[${r}] sums to ${s}, expected 1; softmax cross-entropy needs each target row to be a probability distribution (one-hot: use oneHot(labels))`,
      );
    }
  }
}
