/**
 * An optimiser (优化器) applies one update rule to every parameter, given its gradient.
 * Plain gradient descent (梯度下降法) is w ← w − η·dL/dw; the others are "optimised gradient descent".
 */
import type { Parameter } from '../network';

export interface Optimizer {
  /** e.g. 'sgd' */
  readonly name: string;
  /** The step size η (学习率). */
  readonly learningRate: number;
  /** Updates every parameter's `value` in place from its `grad`. */
  step(params: Parameter[]): void;
  /** Forgets any internal state (velocities, moment estimates). */
  reset(): void;
}

export interface OptimizerOptions {
  /** Step size η > 0. */
  learningRate?: number;
}
