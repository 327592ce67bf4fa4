/**
 * The activation registry: look an activation up by name.
 *
 *   getActivation('tanh');                       // the tanh object
 *   getActivation('leaky-relu', { alpha: 0.1 }); // Leaky ReLU with slope 0.1 for z < 0
 *   getActivation('swish');                      // → ArgumentError listing the valid names
 */
import { ArgumentError, describe } from '../errors';
import { identity } from './identity';
import { leakyRelu } from './leaky-relu';
import { relu } from './relu';
import { sigmoid } from './sigmoid';
import { softmax } from './softmax';
import { tanh } from './tanh';
import type { Activation } from './types';

export interface ActivationOptions {
  /** Slope for z < 0 of 'leaky-relu' (default 0.01). */
  alpha?: number;
}

const FACTORIES: Record<string, (o: ActivationOptions) => Activation> = {
  identity: () => identity,
  linear: () => identity,
  sigmoid: () => sigmoid,
  tanh: () => tanh,
  relu: () => relu,
  'leaky-relu': (o) => leakyRelu(o.alpha ?? 0.01),
  softmax: () => softmax,
};

/** The names `getActivation` accepts. */
export function activationNames(): string[] {
  return Object.keys(FACTORIES);
}

/** True if `value` looks like an Activation object. */
export function isActivation(value: unknown): value is Activation {
  return (
    typeof value === 'object' && value !== null &&
    typeof (value as Activation).forward === 'function' && typeof (value as Activation).backward === 'function' &&
    typeof (value as Activation).name === 'string'
  );
}

/** Looks an activation up by name (an Activation object is returned as it is). */
export function getActivation(nameOrActivation: string | Activation, options: ActivationOptions = {}): Activation {
  if (isActivation(nameOrActivation)) return nameOrActivation;
  if (typeof nameOrActivation !== 'string') {
    throw new ArgumentError(
      `getActivation: expected an activation name (${activationNames().join(', ')}) or an Activation object, got ${describe(nameOrActivation)}`,
    );
  }
  const key = nameOrActivation.toLowerCase().replace(/[_\s]/g, '-').replace(/^leakyrelu$/, 'leaky-relu');
  const make = Object.prototype.hasOwnProperty.call(FACTORIES, key) ? FACTORIES[key] : undefined;
  if (!make) {
    throw new ArgumentError(
      `getActivation: unknown activation "${nameOrActivation}"; valid names are: ${activationNames().join(', ')} ` +
        `(or define your own with activationFromFormula('…'))`,
    );
  }
  return make(options);
}
