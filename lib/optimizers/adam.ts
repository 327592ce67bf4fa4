/**
 * Adam (Kingma & Ba, 2015): momentum on the gradient plus RMSProp-style per-parameter step sizes,
 * with bias correction for the first steps.
 *   m ← β₁·m + (1 − β₁)·g          v ← β₂·v + (1 − β₂)·g²
 *   m̂ = m / (1 − β₁ᵗ)              v̂ = v / (1 − β₂ᵗ)
 *   w ← w − η·m̂ / (√v̂ + ε)
 *
 * Example: adam({ learningRate: 0.01 })
 */
import { checkInRange, checkPositive } from '../errors';
import type { Parameter } from '../network';
import type { Optimizer, OptimizerOptions } from './types';

export function adam(options: OptimizerOptions & { beta1?: number; beta2?: number; epsilon?: number } = {}): Optimizer {
  const learningRate = options.learningRate ?? 0.001;
  const beta1 = options.beta1 ?? 0.9;
  const beta2 = options.beta2 ?? 0.999;
  const epsilon = options.epsilon ?? 1e-8;
  checkPositive('adam', 'learningRate', learningRate);
  checkInRange('adam', 'beta1', beta1, 0, 0.999999);
  checkInRange('adam', 'beta2', beta2, 0, 0.999999999);
  checkPositive('adam', 'epsilon', epsilon);
  /** First-moment (mean) estimate per parameter array. */
  let firstMoment = new WeakMap<Float64Array, Float64Array>();
  /** Second-moment (uncentred variance) estimate per parameter array. */
  let secondMoment = new WeakMap<Float64Array, Float64Array>();
  /** Number of steps taken (t). */
  let t = 0;
  return {
    name: 'adam',
    learningRate,
    step(params: Parameter[]): void {
      t++;
      const c1 = 1 - beta1 ** t, c2 = 1 - beta2 ** t;
      for (const p of params) {
        let m = firstMoment.get(p.value), v = secondMoment.get(p.value);
        if (!m) firstMoment.set(p.value, (m = new Float64Array(p.value.length)));
        if (!v) secondMoment.set(p.value, (v = new Float64Array(p.value.length)));
        const w = p.value, g = p.grad;
        for (let i = 0; i < w.length; i++) {
          m[i] = beta1 * m[i] + (1 - beta1) * g[i];
          v[i] = beta2 * v[i] + (1 - beta2) * g[i] * g[i];
          w[i] -= (learningRate * (m[i] / c1)) / (Math.sqrt(v[i] / c2) + epsilon);
        }
      }
    },
    reset(): void {
      firstMoment = new WeakMap();
      secondMoment = new WeakMap();
      t = 0;
    },
  };
}
