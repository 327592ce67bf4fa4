/**
 * Identity (linear) activation: h(z) = z, h'(z) = 1.
 * Used on the output of a regression network. A network with only identity activations is one linear map.
 */
import { elementwise } from './elementwise';

export const identity = elementwise({
  name: 'identity',
  label: 'Identity (linear)',
  output: (z) => z,
  derivative: (z) => (z === z ? 1 : z), // 1, but NaN stays NaN
  // The batch loops: the same formulas written inline.
  forwardLoop(z, a) {
    a.set(z);
  },
  backwardLoop(z, _a, g, out) {
    for (let i = 0; i < z.length; i++) out[i] = g[i] * (z[i] === z[i] ? 1 : z[i]);
  },
  latex: 'h(z) = z',
  latexDerivative: "h'(z) = 1",
  expression: 'x',
  range: '(-∞, ∞)',
  pros: ['Output can be any real number: the natural output for regression'],
  cons: ['Adds no non-linearity: stacked identity layers collapse into a single linear layer'],
});
