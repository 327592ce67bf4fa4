/**
 * Stochastic gradient descent (随机梯度下降): w ← w − η · dL/dw.
 * "Stochastic" because in training each step uses the gradient of one mini-batch, not of the whole data set.
 *
 * Example: sgd({ learningRate: 0.1 })
 */
import { checkOptionNames, checkPositive } from '../errors';
import type { Parameter } from '../network';
import type { Optimizer, OptimizerOptions } from './types';

export function sgd(options: OptimizerOptions = {}): Optimizer {
  checkOptionNames('sgd', 'options', options, ['learningRate']);
  const learningRate = options.learningRate ?? 0.01;
  checkPositive('sgd', 'learningRate', learningRate);
  return {
    name: 'sgd',
    learningRate,
    step(params: Parameter[]): void {
      for (const p of params) {
        const w = p.value, g = p.grad;
        for (let i = 0; i < w.length; i++) w[i] -= learningRate * g[i];
      }
    },
    reset(): void {},
  };
}
