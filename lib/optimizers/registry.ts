/**
 * Optimisers by name: getOptimizer('adam', { learningRate: 0.01 }). Unknown names list the valid ones.
 */
import { ArgumentError, describe } from '../errors';
import { adam } from './adam';
import { momentum } from './momentum';
import { rmsprop } from './rmsprop';
import { sgd } from './sgd';
import type { Optimizer } from './types';

const FACTORIES: Record<string, (o: Record<string, number | undefined>) => Optimizer> = { sgd, momentum, rmsprop, adam };

export function optimizerNames(): string[] {
  return Object.keys(FACTORIES);
}

export function isOptimizer(value: unknown): value is Optimizer {
  return typeof value === 'object' && value !== null && typeof (value as Optimizer).step === 'function';
}

export function getOptimizer(nameOrOptimizer: string | Optimizer, options: Record<string, number | undefined> = {}): Optimizer {
  if (isOptimizer(nameOrOptimizer)) return nameOrOptimizer;
  if (typeof nameOrOptimizer !== 'string' || !Object.prototype.hasOwnProperty.call(FACTORIES, nameOrOptimizer.toLowerCase())) {
    throw new ArgumentError(`getOptimizer: unknown optimizer ${describe(nameOrOptimizer)}; valid names are: ${optimizerNames().join(', ')}`);
  }
  return FACTORIES[nameOrOptimizer.toLowerCase()](options);
}
