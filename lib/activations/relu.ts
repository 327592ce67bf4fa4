/**
 * Rectified linear unit: ReLU(z) = max(0, z); ReLU'(z) = 1 for z > 0, 0 for z < 0 (we use 0 at z = 0).
 */
import { elementwise } from './elementwise';

export const relu = elementwise({
  name: 'relu',
  label: 'ReLU',
  output: (z) => (z > 0 ? z : z === z ? 0 : z), // NaN passes through
  derivative: (z) => (z > 0 ? 1 : z === z ? 0 : z),
  // The batch loops: the same formulas written inline.
  forwardLoop(z, a) {
    for (let i = 0; i < z.length; i++) a[i] = z[i] > 0 ? z[i] : z[i] === z[i] ? 0 : z[i];
  },
  backwardLoop(z, _a, g, out) {
    for (let i = 0; i < z.length; i++) out[i] = g[i] * (z[i] > 0 ? 1 : z[i] === z[i] ? 0 : z[i]);
  },
  latex: '\\mathrm{ReLU}(z) = \\max(0, z)',
  latexDerivative: "\\mathrm{ReLU}'(z) = \\begin{cases} 1 & z > 0 \\\\ 0 & z < 0 \\end{cases}",
  expression: 'x > 0 ? x : 0',
  range: '[0, ∞)',
  pros: ['No vanishing gradient for z > 0 (derivative exactly 1)', 'Very cheap: a comparison, no exponential', 'The most popular hidden-layer activation'],
  cons: [
    'Neurons can "die": if z ≤ 0 for every training sample, the neuron outputs 0 and its weights get no gradient. A dead ' +
      'first-layer neuron stays dead (its inputs are the fixed data); a deeper one can come back when the layers before it change',
    'Output not centred on 0',
  ],
});
