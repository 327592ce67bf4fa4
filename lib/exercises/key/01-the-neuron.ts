/** Answer key of notebook 01 (the neuron). A student who opens this file sees the answers, as in a solutions file. */
import { Network } from '../../network';
import { Neuron } from '../../neuron';
import type { NotebookKey } from './types';

const neuron1 = () => new Neuron({ weights: [1, -2], bias: 0.5, activation: 'sigmoid' });
const collapsed = () =>
  Network.fromWeights({
    layers: [
      { weights: [[2]], biases: [1], activation: 'identity' },
      { weights: [[-3]], biases: [4], activation: 'identity' },
    ],
  });

export const key01: NotebookKey = {
  notebook: '01',
  title: 'The neuron',
  solutions: 'solutions/01-the-neuron.ipynb',
  exercises: [
    {
      id: '01.1a', title: 'z of the neuron', kind: 'value', tolerance: 1e-3,
      expected: () => neuron1().z([3, 1]),
      nudge: 'z is the weighted sum before the activation: multiply each input by its weight, add them, add the bias.',
      hint: 'z = 1·3 + (−2)·1 + 0.5',
    },
    {
      id: '01.1b', title: 'output a of the neuron', kind: 'value', tolerance: 1e-3,
      expected: () => neuron1().output([3, 1]),
      nudge: 'a is the sigmoid applied to z (use your z from the line above); Math.exp computes e^x.',
      hint: 'σ(z) = 1 / (1 + e^(−z))',
    },
    {
      id: '01.2', title: 'where the neuron switches', kind: 'value',
      expected: () => -(-3) / 2,
      nudge: 'Which value of z gives σ(z) = 0.5? Then find the x that makes z = 2x − 3 equal to it.',
      hint: 'σ(z) = 0.5 exactly when z = w·x + b = 0',
    },
    {
      id: '01.3', title: 'parameter count of a 4 → 5 → 3 network', kind: 'value',
      expected: () => Network.create({ inputSize: 4, layers: [{ units: 5 }, { units: 3 }] }).parameterCount,
      nudge: 'Count the weights and the biases of each layer separately, then add them up.',
      hint: 'each layer has (inputs × units) weights and one bias per unit',
    },
    {
      id: '01.4', title: 'collapsed layer [w, b]', kind: 'value',
      expected: () => {
        const net = collapsed();
        const b = net.predict([[0]])[0][0];
        return [net.predict([[1]])[0][0] - b, b];
      },
      nudge: 'Write the second layer\'s output as a formula of x, put the first layer\'s formula inside, and multiply out.',
      hint: 'W = W1·W2 and b = b1·W2 + b2',
    },
    {
      id: '01.5', title: 'does depth help a linear network?', kind: 'value',
      expected: () => true,
      nudge: 'Look at the best accuracy your deeper linear network printed: is it above 75 %?',
      hint: 'section 6: any stack of linear layers equals one linear layer, which draws one straight line',
    },
  ],
};
