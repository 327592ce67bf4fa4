/**
 * What an activation function (激活函数) is in this engine: the function h, its derivative, and what a
 * student needs to know about it, in one object (as in TensorFlow Playground's `{output, der}`).
 */
import type { Matrix } from '../matrix';

export interface Activation {
  /** Registry name, e.g. 'leaky-relu'. */
  readonly name: string;
  /** Display name, e.g. 'Leaky ReLU'. */
  readonly label: string;
  /** True when h acts on each number separately; false for softmax, which mixes a whole row. */
  readonly elementwise: boolean;
  /** a = h(z) for one number. (Softmax has no scalar form and throws.) */
  output(z: number): number;
  /** h'(z) = da/dz for one number. Takes the PRE-activation z, not the output a. (Softmax throws.) */
  derivative(z: number): number;
  /** A = h(Z) for a whole batch, row by row. Writes into A (same shape as Z). */
  forward(Z: Matrix, A: Matrix): void;
  /**
   * Chain rule through the activation: dL/dZ = dL/dA ⊙ h'(Z) for element-wise ones, the Jacobian–vector
   * product Jᵀ·(dL/dA) row by row for softmax. Receives both Z and A = h(Z) so each can use the cheaper one.
   */
  backward(Z: Matrix, A: Matrix, dLoss_dA: Matrix, dLoss_dZ: Matrix): void;
  /** The formula in LaTeX, e.g. `\sigma(z) = \frac{1}{1 + e^{-z}}`. */
  readonly latex: string;
  /** The derivative in LaTeX. */
  readonly latexDerivative: string;
  /** The formula as a mathjs expression in the variable x, e.g. '1 / (1 + exp(-x))' (empty for softmax). */
  readonly expression: string;
  /** Output range in interval notation, e.g. '(0, 1)'. */
  readonly range: string;
  /** Short advantages. */
  readonly pros: readonly string[];
  /** Short drawbacks. */
  readonly cons: readonly string[];
}

/** The description part of an element-wise activation; `elementwise()` adds the batch loops. */
export interface ElementwiseSpec {
  name: string;
  label: string;
  output(z: number): number;
  derivative(z: number): number;
  /**
   * Optional faster derivative from both z and a = h(z) (e.g. sigmoid: a(1 − a)). Must equal derivative(z).
   */
  derivativeFromOutput?(z: number, a: number): number;
  /**
   * Optional hand-written batch loop a[i] = h(z[i]). Must give exactly the numbers `output` gives; it is faster
   * than the generic loop because the formula is written inline instead of called once per element.
   */
  forwardLoop?(z: Float64Array, a: Float64Array): void;
  /**
   * Optional hand-written batch loop out[i] = g[i]·h'(z[i]) (g = dL/dA, out = dL/dZ; a = h(z) may be used).
   * Must give exactly the numbers of the generic loop.
   */
  backwardLoop?(z: Float64Array, a: Float64Array, g: Float64Array, out: Float64Array): void;
  latex: string;
  latexDerivative: string;
  expression: string;
  range: string;
  pros: string[];
  cons: string[];
}
