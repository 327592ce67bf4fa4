/**
 * Gradient descent with momentum (动量): a heavy ball rolling downhill keeps part of its velocity.
 *   v ← β·v + dL/dw
 *   w ← w − η·v
 * Along a narrow valley the zig-zag components cancel out in v while the steady downhill component adds up.
 * (Same convention as tf.train.momentum and PyTorch's SGD with momentum.)
 *
 * Example: momentum({ learningRate: 0.05, beta: 0.9 })
 */
import { checkOptionNames, checkInRange, checkPositive } from '../errors';
import type { Parameter } from '../network';
import type { Optimizer, OptimizerOptions } from './types';

export function momentum(options: OptimizerOptions & { beta?: number } = {}): Optimizer {
  checkOptionNames('momentum', 'options', options, ['learningRate', 'beta']);
  const learningRate = options.learningRate ?? 0.01;
  const beta = options.beta ?? 0.9;
  checkPositive('momentum', 'learningRate', learningRate);
  checkInRange('momentum', 'beta', beta, 0, 0.999999);
  /** Velocity per parameter array. */
  let velocity = new WeakMap<Float64Array, Float64Array>();
  return {
    name: 'momentum',
    learningRate,
    step(params: Parameter[]): void {
      for (const p of params) {
        let v = velocity.get(p.value);
        if (!v) velocity.set(p.value, (v = new Float64Array(p.value.length)));
        const w = p.value, g = p.grad;
        for (let i = 0; i < w.length; i++) {
          v[i] = beta * v[i] + g[i];
          w[i] -= learningRate * v[i];
        }
      }
    },
    reset(): void {
      velocity = new WeakMap();
    },
  };
}
