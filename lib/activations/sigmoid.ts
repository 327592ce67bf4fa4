/**
 * Sigmoid (logistic) activation: σ(z) = 1 / (1 + e^(−z)), σ'(z) = σ(z)·(1 − σ(z)) ≤ 0.25.
 *
 * Numerically stable for large |z|: for z < 0 it uses e^z / (1 + e^z), so e^(−z) never overflows.
 * Example: sigmoid.output(0) === 0.5; sigmoid.derivative(0) === 0.25.
 */
import { ArgumentError, describe } from '../errors';
import { elementwise } from './elementwise';

/** σ(z) for one number (checked: a non-number is an error). The batch loops use the unchecked sigmoidOf. */
export function sigmoidValue(z: number): number {
  if (typeof z !== 'number') throw new ArgumentError(`sigmoidValue: z must be a number, got ${describe(z)}`);
  return sigmoidOf(z);
}

/** σ(z), unchecked, for loops over Float64Arrays. */
export function sigmoidOf(z: number): number {
  if (z >= 0) return 1 / (1 + Math.exp(-z));
  const e = Math.exp(z);
  return e / (1 + e);
}

export const sigmoid = elementwise({
  name: 'sigmoid',
  label: 'Sigmoid',
  output: sigmoidOf,
  derivative: (z) => {
    const s = sigmoidOf(z);
    return s * (1 - s);
  },
  derivativeFromOutput: (_z, a) => a * (1 - a),
  // The batch loops: the same formulas written inline (σ' from the output: a(1 − a), no second exponential).
  forwardLoop(z, a) {
    for (let i = 0; i < z.length; i++) a[i] = sigmoidOf(z[i]);
  },
  backwardLoop(_z, a, g, out) {
    for (let i = 0; i < a.length; i++) out[i] = g[i] * (a[i] * (1 - a[i]));
  },
  latex: '\\sigma(z) = \\frac{1}{1 + e^{-z}}',
  latexDerivative: "\\sigma'(z) = \\sigma(z)\\,\\bigl(1 - \\sigma(z)\\bigr)",
  expression: '1 / (1 + exp(-x))',
  range: '(0, 1)',
  pros: [
    'Output in (0, 1) can be read as a probability: the classic output for binary classification',
    'Smooth and simple; comes from logistic regression',
  ],
  cons: [
    'Vanishing gradients: the derivative is at most 0.25 and nearly 0 for large |z|',
    'Output is not centred on 0 (always positive), so weight updates zig-zag',
    'Needs an exponential, slower than ReLU',
  ],
});
