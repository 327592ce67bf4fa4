/** Answer key of notebook 06 (backpropagation). */
import { tanh } from '../../activations';
import { Network } from '../../network';
import type { NotebookKey } from './types';

export const key06: NotebookKey = {
  notebook: '06',
  title: 'Backpropagation',
  solutions: 'solutions/06-backpropagation.ipynb',
  exercises: [
    {
      id: '06.1', title: '∂L/∂w with t = 0', kind: 'value', tolerance: 1e-3,
      expected: () => {
        const net = Network.fromWeights({ layers: [{ weights: [[0.8]], biases: [-0.2], activation: 'sigmoid' }] });
        net.computeGradients([[1.5]], [[0]], 'mse');
        return net.gradients()[0].weights[0][0];
      },
      nudge: 'Chain rule: ∂L/∂w = ∂L/∂a · ∂a/∂z · ∂z/∂w; compute z and a first.',
      hint: '2(a − t) · a(1 − a) · x with a = σ(1)',
    },
    {
      id: '06.2a', title: 'shape of ∂L/∂W', kind: 'value',
      expected: () => [10, 5],
      nudge: 'A gradient has the shape of the thing it is the gradient of.',
      hint: 'the same shape as W, which is [inputs, units]',
    },
    {
      id: '06.2b', title: 'shape of ∂L/∂X', kind: 'value',
      expected: () => [32, 10],
      nudge: 'A gradient has the shape of the thing it is the gradient of.',
      hint: 'the same shape as X, which is [batch, inputs]',
    },
    {
      id: '06.3', title: 'derivative of tanh', kind: 'function', example: '(z) => …',
      reference: (z: number) => tanh.derivative(z),
      cases: () => [[-2], [-0.5], [0], [0.7], [3]],
      nudge: 'The derivative of tanh can be written with tanh itself (compare the sigmoid\'s).',
      hint: 'd/dz tanh(z) = 1 − tanh(z)²',
    },
    {
      id: '06.4', title: '∂L/∂b² of the 2-2-1 network', kind: 'value', tolerance: 1e-4,
      needs: { net221: 'the 2-2-1 network `net221` of section 2, after its backward pass' },
      expected: (c) => (c.net221 as Network).gradients()[1].biases[0],
      nudge: 'z² = a¹·W² + b²: what is ∂z²/∂b²? Then look for the matching row of the table.',
      hint: '∂z²/∂b² = 1, so it equals ∂L/∂z²',
    },
  ],
};
