/** Answer key of notebook 04 (the MSE loss). */
import { meanSquaredError } from '../../losses';
import { Network } from '../../network';
import type { NotebookKey } from './types';

/** dL/dz of a sigmoid output neuron at z with label t = 1, from the library's backward pass. */
const dLdz = (loss: string, z: number) => {
  const net = Network.fromWeights({ layers: [{ weights: [[0]], biases: [z], activation: 'sigmoid' }] });
  net.computeGradients([[0]], [[1]], loss);
  return net.gradients()[0].biases[0];
};

/** Least-squares line through points (x, y): [w, b]. */
const leastSquares = (x: number[], y: number[]) => {
  const mx = x.reduce((s, v) => s + v, 0) / x.length;
  const my = y.reduce((s, v) => s + v, 0) / y.length;
  const w = x.reduce((s, v, i) => s + (v - mx) * (y[i] - my), 0) / x.reduce((s, v) => s + (v - mx) ** 2, 0);
  return [w, my - w * mx];
};

export const key04: NotebookKey = {
  notebook: '04',
  title: 'The MSE loss',
  solutions: 'solutions/04-loss-mse.ipynb',
  exercises: [
    {
      id: '04.1', title: 'MSE of (1, 2, 3) vs (2, 2, 5)', kind: 'value', tolerance: 1e-4,
      expected: () => meanSquaredError([1, 2, 3], [2, 2, 5]),
      nudge: 'Mean squared error: the errors first, then square, then the mean.',
      hint: 'errors 1, 0, 2; square them, then take the mean',
    },
    {
      id: '04.2', title: 'my MSE', kind: 'function', example: '(predicted, actual) => …',
      reference: (p: number[], a: number[]) => meanSquaredError(p, a),
      cases: () => [[[1, 2, 3], [2, 2, 5]], [[0.5], [0.5]], [[-1, 4, 2.5, 0], [1, 1, 1, 1]]],
      nudge: 'Does your function divide by the number of entries?',
      hint: 'sum of (a − p)² over all entries, divided by the number of entries',
    },
    {
      id: '04.3', title: 'least-squares [w, b]', kind: 'value', tolerance: 1e-3,
      expected: () => leastSquares([0, 1, 2], [1, 2, 4]),
      nudge: 'Section 4 gives w and b in closed form; start with the means x̄ and ȳ.',
      hint: 'x̄ = 1, ȳ = 7/3; w = Σ(x − x̄)(y − ȳ) / Σ(x − x̄)²',
    },
    {
      id: '04.4', title: '[dL/dz MSE, dL/dz BCE] at z = 0, t = 1', kind: 'value',
      expected: () => [dLdz('mse', 0), dLdz('binary-cross-entropy', 0)],
      nudge: 'Section 6 writes both gradients with p = σ(z); put in p = 0.5 and t = 1.',
      hint: 'MSE: 2(p − t)·σ′(z); BCE: p − t',
    },
  ],
};
