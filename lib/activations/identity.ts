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
  latex: 'h(z) = z',
  latexDerivative: "h'(z) = 1",
  expression: 'x',
  range: '(-∞, ∞)',
  pros: ['Output can be any real number: the natural output for regression'],
  cons: ['Adds no non-linearity: stacked identity layers collapse into a single linear layer'],
});
