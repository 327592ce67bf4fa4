/** Answer key of notebook 03 (forward propagation). */
import { Network } from '../../network';
import type { NotebookKey } from './types';

const layerZ = (x: number[], W: number[][], b: number[]) =>
  Network.fromWeights({ layers: [{ weights: W, biases: b, activation: 'identity' }] }).predict([x])[0];

export const key03: NotebookKey = {
  notebook: '03',
  title: 'Forward propagation',
  solutions: 'solutions/03-forward-propagation.ipynb',
  exercises: [
    {
      id: '03.1', title: 'z of hidden neuron 3 for x = (0, 1)', kind: 'value',
      needs: { net: 'the 2-3-2 network `net` of the notebook' },
      expected: (c) => {
        const first = (c.net as Network).parameters()[0];
        return layerZ([0, 1], first.weights, first.biases)[2];
      },
      nudge: 'Neuron 3 uses column 3 of W1 and the third bias; with x₁ = 0 one of the products drops out.',
      hint: 'z = 0·w₁₃ + 1·w₂₃ + b₃: only the second row of W1 matters',
    },
    {
      id: '03.2', title: 'shape of Z in layer 1', kind: 'value',
      expected: () => [10, 8],
      nudge: 'Z has one row per sample in the batch; how many columns does it have?',
      hint: '[batch, inputs] · [inputs, units] → [batch, units]',
    },
    {
      id: '03.3', title: 'number of parameters of the 2-3-2 network', kind: 'value',
      expected: () => Network.create({ inputSize: 2, layers: [{ units: 3 }, { units: 2 }] }).parameterCount,
      nudge: 'Count weights and biases layer by layer.',
      hint: 'each layer has inputs × units weights plus one bias per unit',
    },
    {
      id: '03.4', title: 'weighted sums of one layer', kind: 'function', example: '(x, W, b) => …',
      reference: layerZ,
      cases: () => [
        [[1, 2], [[0.2, -0.5, 1], [0.7, 0.1, -0.3]], [0.1, 0, -0.2]],
        [[0.5, 0.25, -1], [[1, -1], [0.5, 2], [-0.3, 0.4]], [0.3, -0.1]],
        [[3, -2], [[1, 0, 2, -1], [0.5, 1, 0, 3]], [0, 1, -1, 0.5]],
      ],
      nudge: 'The result has one entry per neuron j (one per column of W).',
      hint: 'loop over the neurons j, and inside over the inputs i',
    },
  ],
};
