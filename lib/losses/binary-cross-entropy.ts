/**
 * Binary cross-entropy (二元交叉熵) for outputs that are probabilities p ∈ (0, 1) (a sigmoid output):
 *   L = −(1 / (N·K)) Σ [t·log p + (1 − t)·log(1 − p)],
 *   dL/dp = (p − t) / (p (1 − p)) / (N·K).
 * log(0) is guarded: p is clipped to [ε, 1 − ε] with ε = 1e-12, so a confidently wrong prediction gives a large
 * but finite loss (≈ 27.6) instead of Infinity. (With a sigmoid output, the chain rule turns the gradient into
 * the simple (p − t) / (N·K) with respect to z.)
 */
import type { Matrix } from '../matrix';
import { checkLossArgs } from './check';
import type { Loss } from './types';

/** Clipping bound that guards log(0). */
export const PROBABILITY_EPSILON = 1e-12;

function clip(p: number): number {
  return p < PROBABILITY_EPSILON ? PROBABILITY_EPSILON : p > 1 - PROBABILITY_EPSILON ? 1 - PROBABILITY_EPSILON : p;
}

export const binaryCrossEntropy: Loss = Object.freeze({
  name: 'binary-cross-entropy',
  label: 'Binary cross-entropy',
  input: 'output' as const,
  value(Y: Matrix, T: Matrix): number {
    checkLossArgs('binaryCrossEntropy.value', Y, T, undefined);
    let s = 0;
    for (let i = 0; i < Y.data.length; i++) {
      const p = clip(Y.data[i]), t = T.data[i];
      s -= t * Math.log(p) + (1 - t) * Math.log(1 - p);
    }
    return s / Y.data.length;
  },
  gradient(Y: Matrix, T: Matrix, out?: Matrix): Matrix {
    const G = checkLossArgs('binaryCrossEntropy.gradient', Y, T, out);
    const n = Y.data.length;
    for (let i = 0; i < n; i++) {
      const p = clip(Y.data[i]);
      G.data[i] = (p - T.data[i]) / (p * (1 - p)) / n;
    }
    return G;
  },
  latex: 'L = -\\frac{1}{N}\\sum_{n} \\left[t_n \\log p_n + (1 - t_n) \\log(1 - p_n)\\right]',
});
