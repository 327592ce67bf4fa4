/**
 * The loss registry: getLoss('mse') | getLoss('binary-cross-entropy') | getLoss('softmax-cross-entropy').
 * An unknown name gives an error listing the valid names.
 */
import { ArgumentError, describe } from '../errors';
import { binaryCrossEntropy, sigmoidBinaryCrossEntropy } from './binary-cross-entropy';
import { mse } from './mse';
import { softmaxCrossEntropy } from './softmax-cross-entropy';
import type { Loss } from './types';

const LOSSES: Record<string, Loss> = {
  mse,
  'mean-squared-error': mse,
  'binary-cross-entropy': binaryCrossEntropy,
  bce: binaryCrossEntropy,
  'sigmoid-binary-cross-entropy': sigmoidBinaryCrossEntropy,
  'softmax-cross-entropy': softmaxCrossEntropy,
  'cross-entropy': softmaxCrossEntropy,
};

export function lossNames(): string[] {
  return Object.keys(LOSSES);
}

export function isLoss(value: unknown): value is Loss {
  return typeof value === 'object' && value !== null && typeof (value as Loss).value === 'function' &&
    typeof (value as Loss).gradient === 'function' && typeof (value as Loss).name === 'string';
}

export function getLoss(nameOrLoss: string | Loss): Loss {
  if (isLoss(nameOrLoss)) return nameOrLoss;
  if (typeof nameOrLoss !== 'string') {
    throw new ArgumentError(`getLoss: expected a loss name (${lossNames().join(', ')}) or a Loss object, got ${describe(nameOrLoss)}`);
  }
  const key = nameOrLoss.toLowerCase().replace(/[_\s]/g, '-');
  if (!Object.prototype.hasOwnProperty.call(LOSSES, key)) {
    throw new ArgumentError(`getLoss: unknown loss "${nameOrLoss}"; valid names are: ${lossNames().join(', ')}`);
  }
  return LOSSES[key];
}
