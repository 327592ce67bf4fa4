/**
 * One neuron (神经元): a = h(w·x + b).
 *   w (weights, 权重): how important each input signal is;
 *   b (bias, 偏置): how easily the neuron activates (it shifts the threshold);
 *   h: the activation function.
 *
 * Example:
 *   const n = new Neuron({ weights: [0.5, -1], bias: 0.2, activation: 'sigmoid' });
 *   n.z([1, 2]);      // 0.5·1 − 1·2 + 0.2 = −1.3
 *   n.output([1, 2]); // σ(−1.3) ≈ 0.214
 */
import { getActivation } from './activations/registry';
import type { Activation } from './activations/types';
import { ArgumentError, checkNumber, checkNumberArray } from './errors';

export interface NeuronSpec {
  weights: number[];
  bias: number;
  /** Activation name or object (default 'sigmoid'); must be element-wise. */
  activation?: string | Activation;
}

export class Neuron {
  /** One weight per input. */
  readonly weights: number[];
  /** The bias. */
  readonly bias: number;
  /** The activation h. */
  readonly activation: Activation;

  constructor(spec: NeuronSpec) {
    checkNumberArray('Neuron', 'weights', spec?.weights);
    if (spec.weights.length === 0) throw new ArgumentError('Neuron: weights must have at least one value');
    checkNumber('Neuron', 'bias', spec.bias);
    this.weights = [...spec.weights];
    this.bias = spec.bias;
    this.activation = getActivation(spec.activation ?? 'sigmoid');
    if (!this.activation.elementwise) {
      throw new ArgumentError(`Neuron: activation "${this.activation.name}" is not element-wise; a single neuron needs one like sigmoid, tanh or relu`);
    }
  }

  /** The weighted sum z = w·x + b (the pre-activation). */
  z(x: number[]): number {
    checkNumberArray('Neuron.z', 'x', x, this.weights.length);
    let s = this.bias;
    for (let i = 0; i < x.length; i++) s += this.weights[i] * x[i];
    return s;
  }

  /** The output a = h(z). */
  output(x: number[]): number {
    return this.activation.output(this.z(x));
  }
}
