/**
 * Softmax cross-entropy (交叉熵), fused with the softmax and computed from the logits z (the last layer's
 * pre-activation):
 *   L = (1/N) Σ_n [ log Σ_k e^(z_nk) − Σ_k t_nk z_nk ]      (t one-hot, or any probability rows: entries in [0, 1]
 *                                                             summing to 1; other targets are refused)
 *   dL/dz_nk = (softmax(z_n)_k − t_nk) / N                  — the famous "y − t".
 * Working from logits with log-sum-exp (subtract the row max first) never takes log(0) and never overflows,
 * even for logits like 1e4.
 */
import type { Matrix } from '../matrix';
import { checkDistributionTargets, checkLossArgs } from './check';
import type { Loss } from './types';

export const softmaxCrossEntropy: Loss = Object.freeze({
  name: 'softmax-cross-entropy',
  label: 'Softmax cross-entropy',
  input: 'logits' as const,
  fusedWith: 'softmax',
  checkTargets(fn: string, T: Matrix, arg?: string): void {
    checkDistributionTargets(fn, T, arg);
  },
  value(Z: Matrix, T: Matrix): number {
    checkLossArgs('softmaxCrossEntropy.value', Z, T, undefined);
    checkDistributionTargets('softmaxCrossEntropy.value', T);
    const c = Z.cols, z = Z.data, t = T.data;
    let total = 0;
    for (let r = 0; r < Z.rows; r++) {
      const o = r * c;
      let m = -Infinity;
      for (let j = 0; j < c; j++) if (z[o + j] > m || Number.isNaN(z[o + j])) m = z[o + j];
      let s = 0;
      for (let j = 0; j < c; j++) s += Math.exp(z[o + j] - m);
      const logSumExp = m + Math.log(s);
      let tz = 0, tsum = 0;
      for (let j = 0; j < c; j++) {
        if (t[o + j] !== 0) tz += t[o + j] * z[o + j];
        tsum += t[o + j];
      }
      total += tsum * logSumExp - tz;
    }
    return total / Z.rows;
  },
  gradient(Z: Matrix, T: Matrix, out?: Matrix): Matrix {
    const G = checkLossArgs('softmaxCrossEntropy.gradient', Z, T, out);
    checkDistributionTargets('softmaxCrossEntropy.gradient', T);
    const c = Z.cols, z = Z.data, t = T.data, g = G.data, n = Z.rows;
    for (let r = 0; r < n; r++) {
      const o = r * c;
      let m = -Infinity;
      for (let j = 0; j < c; j++) if (z[o + j] > m || Number.isNaN(z[o + j])) m = z[o + j];
      let s = 0, tsum = 0;
      for (let j = 0; j < c; j++) {
        g[o + j] = Math.exp(z[o + j] - m);
        s += g[o + j];
        tsum += t[o + j];
      }
      for (let j = 0; j < c; j++) g[o + j] = ((g[o + j] / s) * tsum - t[o + j]) / n;
    }
    return G;
  },
  latex: 'L = -\\frac{1}{N}\\sum_{n}\\sum_{k} t_{nk} \\log \\mathrm{softmax}(\\mathbf{z}_n)_k',
});
