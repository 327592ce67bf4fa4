/**
 * Softmax: turns a row of scores (logits) z₁…z_K into probabilities
 *   softmax(z)_i = e^(z_i − m) / Σ_j e^(z_j − m),  m = max_j z_j.
 * Subtracting the maximum changes nothing mathematically (it cancels) but keeps every exponent ≤ 0,
 * so e^(1e4) never overflows to Infinity.
 *
 * Its Jacobian is ∂a_i/∂z_j = a_i(δ_ij − a_j), so the backward pass (a Jacobian–vector product) is
 *   dL/dz_i = a_i · (dL/da_i − Σ_j a_j · dL/da_j).
 * Example: softmaxRow([1, 2, 3]) ≈ [0.090, 0.245, 0.665].
 */
import { ArgumentError, checkNumberArray } from '../errors';
import type { Matrix } from '../matrix';
import { checkSameShape } from './elementwise';
import type { Activation } from './types';

/** Softmax of one vector (plain arrays, for teaching and tests). */
export function softmaxRow(z: ArrayLike<number>): number[] {
  checkNumberArray('softmaxRow', 'z', z);
  if (z.length === 0) throw new ArgumentError('softmaxRow: z is empty');
  let m = -Infinity;
  for (let i = 0; i < z.length; i++) if (z[i] > m || Number.isNaN(z[i])) m = z[i];
  const e = Array.from(z, (v) => Math.exp(v - m));
  const s = e.reduce((a, b) => a + b, 0);
  return e.map((v) => v / s);
}

/** Jacobian–vector product of softmax at output a: returns Jᵀv where J_ij = a_i(δ_ij − a_j). */
export function softmaxJvp(a: ArrayLike<number>, v: ArrayLike<number>): number[] {
  checkNumberArray('softmaxJvp', 'a', a);
  checkNumberArray('softmaxJvp', 'v', v, a.length);
  let dot = 0;
  for (let j = 0; j < a.length; j++) dot += a[j] * v[j];
  return Array.from(a, (ai, i) => ai * (v[i] - dot));
}

function noScalar(): never {
  throw new ArgumentError('softmax: has no scalar form (it normalises a whole row); use softmaxRow(z) or forward(Z, A)');
}

export const softmax: Activation = Object.freeze({
  name: 'softmax',
  label: 'Softmax',
  elementwise: false,
  output: noScalar,
  derivative: noScalar,
  forward(Z: Matrix, A: Matrix): void {
    checkSameShape('softmax.forward', ['Z', 'A'], [Z, A]);
    const c = Z.cols, z = Z.data, a = A.data;
    for (let r = 0; r < Z.rows; r++) {
      const o = r * c;
      let m = -Infinity;
      for (let j = 0; j < c; j++) if (z[o + j] > m || Number.isNaN(z[o + j])) m = z[o + j];
      let s = 0;
      for (let j = 0; j < c; j++) {
        const e = Math.exp(z[o + j] - m);
        a[o + j] = e;
        s += e;
      }
      for (let j = 0; j < c; j++) a[o + j] /= s;
    }
  },
  backward(Z: Matrix, A: Matrix, dLoss_dA: Matrix, dLoss_dZ: Matrix): void {
    checkSameShape('softmax.backward', ['Z', 'A', 'dLoss_dA', 'dLoss_dZ'], [Z, A, dLoss_dA, dLoss_dZ]);
    const c = A.cols, a = A.data, g = dLoss_dA.data, out = dLoss_dZ.data;
    for (let r = 0; r < A.rows; r++) {
      const o = r * c;
      let dot = 0;
      for (let j = 0; j < c; j++) dot += a[o + j] * g[o + j];
      for (let j = 0; j < c; j++) out[o + j] = a[o + j] * (g[o + j] - dot);
    }
  },
  latex: '\\mathrm{softmax}(\\mathbf{z})_i = \\frac{e^{z_i}}{\\sum_{j=1}^{K} e^{z_j}}',
  latexDerivative: '\\frac{\\partial a_i}{\\partial z_j} = a_i\\,(\\delta_{ij} - a_j)',
  expression: '',
  range: '(0, 1), each row sums to 1',
  pros: ['Turns K scores into K probabilities that sum to 1: the standard output layer for multi-class classification'],
  cons: ['Not element-wise: every output depends on every input of its row', 'Needs the max-subtraction trick to avoid overflow'],
});
