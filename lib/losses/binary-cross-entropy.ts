/**
 * Binary cross-entropy (二元交叉熵), averaged over every sample n and output k (N·K terms):
 *   L = −(1 / (N·K)) Σ_n Σ_k [t·log p + (1 − t)·log(1 − p)]
 * Targets t must lie in [0, 1] (0 or 1 for class labels); anything else is refused.
 *
 * Two forms of the same loss:
 * - `binaryCrossEntropy` reads probabilities p (any output layer whose output is in (0, 1)):
 *     dL/dp = (p − t) / (p (1 − p)) / (N·K).
 *   log(0) is guarded by clipping p to [ε, 1 − ε] with ε = 1e-12, so a confidently wrong p = 0 gives a large but
 *   finite loss (≈ 27.6).
 * - `sigmoidBinaryCrossEntropy` reads the logits z of a sigmoid output layer (p = σ(z)), as softmax cross-entropy
 *   does for softmax:
 *     L = (1 / (N·K)) Σ [max(z, 0) − t·z + log(1 + e^(−|z|))],      dL/dz = (σ(z) − t) / (N·K)   at any z.
 *   No clipping, no log(0), and the gradient does not vanish where the sigmoid saturates: with z = −30 and t = 1
 *   dL/dz ≈ −1 (the clipped form gives ≈ −0.09, and exactly 0 at z = 40, t = 0).
 *   A network whose output layer is a sigmoid uses this form automatically when given 'binary-cross-entropy'.
 */
import type { Matrix } from '../matrix';
import { sigmoidOf } from '../activations/sigmoid';
import { checkLossArgs, checkProbabilityTargets } from './check';
import type { Loss } from './types';

/** Clipping bound that guards log(0) in the form that reads probabilities. */
export const PROBABILITY_EPSILON = 1e-12;

function clip(p: number): number {
  return p < PROBABILITY_EPSILON ? PROBABILITY_EPSILON : p > 1 - PROBABILITY_EPSILON ? 1 - PROBABILITY_EPSILON : p;
}

const LATEX = 'L = -\\frac{1}{NK}\\sum_{n=1}^{N}\\sum_{k=1}^{K} \\left[t_{nk} \\log p_{nk} + (1 - t_{nk}) \\log(1 - p_{nk})\\right]';

/** Binary cross-entropy computed from the logits z of a sigmoid output layer (p = σ(z)). */
export const sigmoidBinaryCrossEntropy: Loss = Object.freeze({
  name: 'sigmoid-binary-cross-entropy',
  label: 'Binary cross-entropy (from the logits of a sigmoid)',
  input: 'logits' as const,
  fusedWith: 'sigmoid',
  checkTargets(fn: string, T: Matrix, arg?: string): void {
    checkProbabilityTargets(fn, T, arg);
  },
  value(Z: Matrix, T: Matrix): number {
    checkLossArgs('sigmoidBinaryCrossEntropy.value', Z, T, undefined);
    checkProbabilityTargets('sigmoidBinaryCrossEntropy.value', T);
    const z = Z.data, t = T.data;
    let s = 0;
    for (let i = 0; i < z.length; i++) {
      const zi = z[i];
      // −[t log σ(z) + (1 − t) log(1 − σ(z))] = max(z, 0) − t·z + log(1 + e^(−|z|)), never log(0), never overflow
      s += (zi > 0 ? zi : 0) - t[i] * zi + Math.log1p(Math.exp(-Math.abs(zi)));
    }
    return s / z.length;
  },
  gradient(Z: Matrix, T: Matrix, out?: Matrix): Matrix {
    const G = checkLossArgs('sigmoidBinaryCrossEntropy.gradient', Z, T, out);
    checkProbabilityTargets('sigmoidBinaryCrossEntropy.gradient', T);
    const z = Z.data, t = T.data, g = G.data, n = z.length;
    for (let i = 0; i < n; i++) g[i] = (sigmoidOf(z[i]) - t[i]) / n;
    return G;
  },
  latex: LATEX + ',\\quad p = \\sigma(z)',
});

/** Binary cross-entropy computed from probabilities p (clipped to [1e-12, 1 − 1e-12]). */
export const binaryCrossEntropy: Loss = Object.freeze({
  name: 'binary-cross-entropy',
  label: 'Binary cross-entropy',
  input: 'output' as const,
  logitForm: sigmoidBinaryCrossEntropy,
  checkTargets(fn: string, T: Matrix, arg?: string): void {
    checkProbabilityTargets(fn, T, arg);
  },
  value(Y: Matrix, T: Matrix): number {
    checkLossArgs('binaryCrossEntropy.value', Y, T, undefined);
    checkProbabilityTargets('binaryCrossEntropy.value', T);
    let s = 0;
    for (let i = 0; i < Y.data.length; i++) {
      const p = clip(Y.data[i]), t = T.data[i];
      s -= t * Math.log(p) + (1 - t) * Math.log(1 - p);
    }
    return s / Y.data.length;
  },
  gradient(Y: Matrix, T: Matrix, out?: Matrix): Matrix {
    const G = checkLossArgs('binaryCrossEntropy.gradient', Y, T, out);
    checkProbabilityTargets('binaryCrossEntropy.gradient', T);
    const n = Y.data.length;
    for (let i = 0; i < n; i++) {
      const p = clip(Y.data[i]);
      G.data[i] = (p - T.data[i]) / (p * (1 - p)) / n;
    }
    return G;
  },
  latex: LATEX,
});
