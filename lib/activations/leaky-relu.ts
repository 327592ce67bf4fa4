/**
 * Leaky ReLU: h(z) = z for z > 0, α·z otherwise (default α = 0.01); h'(z) = 1 for z > 0, α otherwise.
 * The small slope on the negative side keeps a gradient flowing: a neuron with z ≤ 0 for every sample is switched
 * off but not dead, and can come back (slowly when α is small).
 *
 * Example: leakyRelu(0.1).output(-2) === -0.2
 */
import { checkInRange } from '../errors';
import { elementwise } from './elementwise';
import type { Activation } from './types';

export function leakyRelu(alpha = 0.01): Activation {
  checkInRange('leakyRelu', 'alpha', alpha, 0, 1);
  return elementwise({
    name: 'leaky-relu',
    label: alpha === 0.01 ? 'Leaky ReLU' : `Leaky ReLU (α = ${alpha})`,
    output: (z) => (z > 0 ? z : alpha * z),
    derivative: (z) => (z > 0 ? 1 : z === z ? alpha : z),
    // The batch loops: the same formulas written inline.
    forwardLoop(z, a) {
      for (let i = 0; i < z.length; i++) a[i] = z[i] > 0 ? z[i] : alpha * z[i];
    },
    backwardLoop(z, _a, g, out) {
      for (let i = 0; i < z.length; i++) out[i] = g[i] * (z[i] > 0 ? 1 : z[i] === z[i] ? alpha : z[i]);
    },
    latex: `\\mathrm{LeakyReLU}(z) = \\begin{cases} z & z > 0 \\\\ ${alpha}\\,z & z \\le 0 \\end{cases}`,
    latexDerivative: `\\mathrm{LeakyReLU}'(z) = \\begin{cases} 1 & z > 0 \\\\ ${alpha} & z \\le 0 \\end{cases}`,
    expression: `x > 0 ? x : ${alpha} * x`,
    range: '(-∞, ∞)',
    pros: [
      'Keeps a gradient α for z ≤ 0, so no neuron is dead: a switched-off neuron still learns and can come back (slowly when α is small)',
      'As cheap as ReLU',
    ],
    cons: [
      'Defined differently on the two sides of 0 (a kink at 0)',
      'One more hyper-parameter (α); a large α makes the network less non-linear and may need a smaller learning rate',
    ],
  });
}
