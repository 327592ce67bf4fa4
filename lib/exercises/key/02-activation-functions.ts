/** Answer key of notebook 02 (activation functions). */
import { leakyRelu, relu, sigmoid, softmaxRow } from '../../activations';
import type { NotebookKey } from './types';

export const key02: NotebookKey = {
  notebook: '02',
  title: 'Activation functions',
  solutions: 'solutions/02-activation-functions.ipynb',
  exercises: [
    {
      id: '02.1', title: "σ'(0)", kind: 'value',
      expected: () => sigmoid.derivative(0),
      nudge: 'The introduction of section 2 writes the derivative with σ itself; what is σ(0)?',
      hint: "σ'(z) = σ(z)(1 − σ(z)) and σ(0) = 0.5",
    },
    {
      id: '02.2', title: 'ReLU derivative', kind: 'function', example: '(z) => …',
      reference: (z: number) => relu.derivative(z),
      cases: () => [[-3], [-0.5], [0.25], [4], [100]],
      nudge: 'Draw max(0, z): what is its slope left of 0, and right of 0?',
      hint: 'the slope of max(0, z) is 1 on the right and 0 on the left',
    },
    {
      id: '02.3', title: 'tanh from sigmoid', kind: 'function', example: '(z) => …', tolerance: 1e-9,
      reference: (z: number) => Math.tanh(z),
      cases: () => [[-3], [-0.7], [0], [0.4], [2.5]],
      nudge: 'Section 3.1 shows how the tanh curve is the sigmoid curve rescaled and shifted.',
      hint: 'section 3.1: squeeze horizontally to half the width (σ(2z)), stretch vertically by 2, then shift down by 1',
    },
    {
      id: '02.4', title: 'softmax of (0, ln 3)', kind: 'value',
      expected: () => softmaxRow([0, Math.log(3)]),
      nudge: 'Softmax exponentiates each score and divides by the sum of the exponentials.',
      hint: 'e^0 = 1 and e^(ln 3) = 3',
    },
    {
      id: '02.5', title: 'Leaky ReLU at z = −4', kind: 'value',
      expected: () => [leakyRelu(0.1).output(-4), leakyRelu(0.1).derivative(-4)],
      nudge: 'z = −4 is on the left side of 0: which of the two formulas of section 5 applies?',
      hint: 'on the left side, h(z) = α·z and h′(z) = α',
    },
    {
      id: '02.6', title: "softsign'(1)", kind: 'value',
      expected: () => 1 / (1 + Math.abs(1)) ** 2,
      nudge: 'nn.activationFromFormula builds the activation and its derivative from the formula (section 7).',
      hint: "use nn.activationFromFormula('x / (1 + abs(x))').derivative(1), or derive 1/(1 + |x|)²",
    },
  ],
};
