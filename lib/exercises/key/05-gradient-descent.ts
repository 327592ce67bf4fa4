/** Answer key of notebook 05 (gradient descent). */
import type { Parameter } from '../../network';
import { sgd } from '../../optimizers';
import type { NotebookKey } from './types';

type Fn = (w: number[]) => number;
type Grad = (w: number[]) => number[];

/** Losses along `steps` plain gradient-descent steps from `start` (index 0 = the start). */
function descend(rate: number, f: Fn, gradient: Grad, start: number[], steps: number): number[] {
  const optimizer = sgd({ learningRate: rate });
  const param: Parameter = { name: 'w', value: Float64Array.from(start), grad: new Float64Array(start.length) };
  const losses = [f(start)];
  for (let s = 0; s < steps; s++) {
    param.grad.set(gradient(Array.from(param.value)));
    optimizer.step([param]);
    losses.push(f(Array.from(param.value)));
  }
  return losses;
}

export const key05: NotebookKey = {
  notebook: '05',
  title: 'Gradient descent',
  solutions: 'solutions/05-gradient-descent.ipynb',
  exercises: [
    {
      id: '05.1', title: 'w after two steps', kind: 'value', tolerance: 1e-9,
      expected: () => {
        let w = 0;
        for (let s = 0; s < 2; s++) w -= 0.1 * 2 * (w - 3);
        return w;
      },
      nudge: 'One step is w ← w − η·f′(w) with f′(w) = 2(w − 3); do it twice.',
      hint: 'each step multiplies (w − 3) by (1 − 2η) = 0.8',
    },
    {
      id: '05.2', title: 'the border between oscillating and diverging', kind: 'value', tolerance: 1e-9,
      expected: () => 1,
      nudge: 'Write one step as (w_new − 3) = factor · (w − 3): for which η does the factor have size exactly 1?',
      hint: 'when is |1 − 2η| = 1 with η > 0?',
    },
    {
      id: '05.3', title: 'gradient of 3a² + (b + 1)²', kind: 'function', example: '(a, b) => [..., ...]',
      reference: (a: number, b: number) => [6 * a, 2 * (b + 1)],
      cases: () => [[0, 0], [1, 2], [-2, -1], [0.5, -3]],
      nudge: 'The answer is an array of two partial derivatives: [∂L/∂a, ∂L/∂b].',
      hint: 'differentiate each term with respect to one variable, treating the other as a constant',
    },
    {
      id: '05.4', title: 'nn.sgd reaches L < 1e-4 within 500 steps', kind: 'condition',
      needs: { valley: 'the loss `valley` of section 6', valleySlope: 'its gradient `valleySlope`', valleyStart: 'the start `valleyStart`' },
      accepts: (rate, c) => {
        if (typeof rate !== 'number' || !(rate > 0)) throw new Error('a learning rate is a number > 0');
        const losses = descend(rate, c.valley as Fn, c.valleySlope as Grad, c.valleyStart as number[], 500);
        return losses.some((l) => l < 1e-4);
      },
      nudge: 'Try a few rates, from small to large, and watch the loss of section 6 for each.',
      hint: 'b limits η to below 0.01; a needs η as large as possible',
    },
  ],
};
