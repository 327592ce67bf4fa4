/**
 * Adam (Kingma & Ba, 2015): momentum on the gradient plus RMSProp-style per-parameter step sizes,
 * with bias correction for the first steps. t counts the steps of each parameter array separately (see `state`).
 *   m ← β₁·m + (1 − β₁)·g          v ← β₂·v + (1 − β₂)·g²
 *   m̂ = m / (1 − β₁ᵗ)              v̂ = v / (1 − β₂ᵗ)
 *   w ← w − η·m̂ / (√v̂ + ε)
 *
 * Example: adam({ learningRate: 0.01 })
 */
import { checkOptionNames, checkInRange, checkPositive } from '../errors';
import type { Parameter } from '../network';
import type { Optimizer, OptimizerOptions } from './types';

export function adam(options: OptimizerOptions & { beta1?: number; beta2?: number; epsilon?: number } = {}): Optimizer {
  checkOptionNames('adam', 'options', options, ['learningRate', 'beta1', 'beta2', 'epsilon']);
  const learningRate = options.learningRate ?? 0.001;
  const beta1 = options.beta1 ?? 0.9;
  const beta2 = options.beta2 ?? 0.999;
  const epsilon = options.epsilon ?? 1e-8;
  checkPositive('adam', 'learningRate', learningRate);
  checkInRange('adam', 'beta1', beta1, 0, 0.999999);
  checkInRange('adam', 'beta2', beta2, 0, 0.999999999);
  checkPositive('adam', 'epsilon', epsilon);
  /**
   * The state of each parameter array it has updated: first moment m (mean), second moment v (uncentred variance)
   * and its own step count t. The bias correction 1 − βᵗ uses that array's t, so one optimizer object used on a
   * second network (or on a new layer) starts the new arrays' correction at t = 1, exactly as a fresh adam() would;
   * arrays it has seen before continue where they stopped (calling train twice continues the run).
   */
  let state = new WeakMap<Float64Array, { m: Float64Array; v: Float64Array; t: number }>();
  return {
    name: 'adam',
    learningRate,
    step(params: Parameter[]): void {
      for (const p of params) {
        let st = state.get(p.value);
        if (!st) state.set(p.value, (st = { m: new Float64Array(p.value.length), v: new Float64Array(p.value.length), t: 0 }));
        const t = ++st.t;
        const c1 = 1 - beta1 ** t, c2 = 1 - beta2 ** t;
        const w = p.value, g = p.grad, m = st.m, v = st.v;
        for (let i = 0; i < w.length; i++) {
          m[i] = beta1 * m[i] + (1 - beta1) * g[i];
          v[i] = beta2 * v[i] + (1 - beta2) * g[i] * g[i];
          w[i] -= (learningRate * (m[i] / c1)) / (Math.sqrt(v[i] / c2) + epsilon);
        }
      }
    },
    reset(): void {
      state = new WeakMap();
    },
  };
}
