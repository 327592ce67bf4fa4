/**
 * Mean squared error (均方误差): the mean, over every sample and output, of the squared difference
 *   L = (1 / (N·K)) Σ_n Σ_k (y_nk − t_nk)²,   dL/dy_nk = 2 (y_nk − t_nk) / (N·K).
 * With one output (K = 1) this is exactly linear regression's loss. (Same convention as tf.losses.meanSquaredError.)
 *
 * Example: meanSquaredError([2, 4], [1, 1]) === (1 + 9) / 2 === 5
 */
import { checkNumberArray, ArgumentError } from '../errors';
import type { Matrix } from '../matrix';
import { checkLossArgs } from './check';
import type { Loss } from './types';

export const mse: Loss = Object.freeze({
  name: 'mse',
  label: 'Mean squared error',
  input: 'output' as const,
  value(Y: Matrix, T: Matrix): number {
    checkLossArgs('mse.value', Y, T, undefined);
    let s = 0;
    for (let i = 0; i < Y.data.length; i++) {
      const d = Y.data[i] - T.data[i];
      s += d * d;
    }
    return s / Y.data.length;
  },
  gradient(Y: Matrix, T: Matrix, out?: Matrix): Matrix {
    const G = checkLossArgs('mse.gradient', Y, T, out);
    const k = 2 / Y.data.length;
    for (let i = 0; i < Y.data.length; i++) G.data[i] = k * (Y.data[i] - T.data[i]);
    return G;
  },
  // Divided by N·K (every sample and output), exactly as value() does.
  latex: '\\mathrm{MSE} = \\frac{1}{NK}\\sum_{n=1}^{N}\\sum_{k=1}^{K} \\left(y_{nk} - t_{nk}\\right)^2',
});

/** MSE of two plain arrays of numbers (predictions and true values). */
export function meanSquaredError(predicted: ArrayLike<number>, actual: ArrayLike<number>): number {
  checkNumberArray('meanSquaredError', 'predicted', predicted);
  checkNumberArray('meanSquaredError', 'actual', actual, predicted.length);
  if (predicted.length === 0) throw new ArgumentError('meanSquaredError: predicted is empty');
  let s = 0;
  for (let i = 0; i < predicted.length; i++) s += (predicted[i] - actual[i]) ** 2;
  return s / predicted.length;
}
