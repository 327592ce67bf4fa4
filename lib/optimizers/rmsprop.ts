/**
 * RMSProp: divides each step by a running root-mean-square of recent gradients, so every parameter gets its
 * own effective step size.
 *   s ← ρ·s + (1 − ρ)·g²
 *   w ← w − η·g / (√s + ε)
 *
 * Example: rmsprop({ learningRate: 0.01 })
 */
import { checkOptionNames, checkInRange, checkPositive } from '../errors';
import type { Parameter } from '../network';
import type { Optimizer, OptimizerOptions } from './types';

export function rmsprop(options: OptimizerOptions & { rho?: number; epsilon?: number } = {}): Optimizer {
  checkOptionNames('rmsprop', 'options', options, ['learningRate', 'rho', 'epsilon']);
  const learningRate = options.learningRate ?? 0.001;
  const rho = options.rho ?? 0.9;
  const epsilon = options.epsilon ?? 1e-8;
  checkPositive('rmsprop', 'learningRate', learningRate);
  checkInRange('rmsprop', 'rho', rho, 0, 0.999999);
  checkPositive('rmsprop', 'epsilon', epsilon);
  /** Running mean of squared gradients per parameter array. */
  let meanSquare = new WeakMap<Float64Array, Float64Array>();
  return {
    name: 'rmsprop',
    learningRate,
    step(params: Parameter[]): void {
      for (const p of params) {
        let s = meanSquare.get(p.value);
        if (!s) meanSquare.set(p.value, (s = new Float64Array(p.value.length)));
        const w = p.value, g = p.grad;
        for (let i = 0; i < w.length; i++) {
          s[i] = rho * s[i] + (1 - rho) * g[i] * g[i];
          w[i] -= (learningRate * g[i]) / (Math.sqrt(s[i]) + epsilon);
        }
      }
    },
    reset(): void {
      meanSquare = new WeakMap();
    },
  };
}
