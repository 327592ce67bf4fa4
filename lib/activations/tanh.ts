/**
 * Hyperbolic tangent: tanh(z) = (e^z − e^(−z)) / (e^z + e^(−z)) = 2σ(2z) − 1, tanh'(z) = 1 − tanh²(z).
 * A rescaled sigmoid with range (−1, 1), centred on 0.
 */
import { elementwise } from './elementwise';

export const tanh = elementwise({
  name: 'tanh',
  label: 'Tanh',
  output: (z) => Math.tanh(z),
  derivative: (z) => {
    const t = Math.tanh(z);
    return 1 - t * t;
  },
  derivativeFromOutput: (_z, a) => 1 - a * a,
  // The batch loops: the same formulas written inline (tanh' from the output: 1 − a², no second tanh).
  forwardLoop(z, a) {
    for (let i = 0; i < z.length; i++) a[i] = Math.tanh(z[i]);
  },
  backwardLoop(_z, a, g, out) {
    for (let i = 0; i < a.length; i++) out[i] = g[i] * (1 - a[i] * a[i]);
  },
  latex: '\\tanh(z) = \\frac{e^{z} - e^{-z}}{e^{z} + e^{-z}} = 2\\sigma(2z) - 1',
  latexDerivative: "\\tanh'(z) = 1 - \\tanh^2(z)",
  expression: '(exp(x) - exp(-x)) / (exp(x) + exp(-x))',
  range: '(-1, 1)',
  pros: ['Output centred on 0, so training usually converges faster than with sigmoid', 'Derivative up to 1 (sigmoid: 0.25)'],
  cons: ['Still saturates: vanishing gradients for large |z|', 'Needs exponentials'],
});
