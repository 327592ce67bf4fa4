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
  if (Y.rows === 0) throw new ArgumentError(`${fn}: the batch is empty (0 rows)`);
  if (out === undefined) return new Matrix(Y.rows, Y.cols);
  if (out.rows !== Y.rows || out.cols !== Y.cols) {
    throw new ShapeError(`${fn}: out has shape ${formatShape(out.shape)}, expected ${formatShape(Y.shape)}`, Y.shape, out.shape);
  }
  return out;
}
