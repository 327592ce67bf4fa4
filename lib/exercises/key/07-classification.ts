/** Answer key of notebook 07 (classification). */
import { argmaxRows } from '../../metrics';
import type { NotebookKey } from './types';

export const key07: NotebookKey = {
  notebook: '07',
  title: 'Classification',
  solutions: 'solutions/07-classification.ipynb',
  exercises: [
    {
      id: '07.1', title: 'cross-entropy of p = 0.25', kind: 'value', tolerance: 1e-3,
      expected: () => -Math.log(0.25),
      nudge: 'Only the probability of the true class enters the loss of one image.',
      hint: 'the loss of one image is −ln(probability of its true class)',
    },
    {
      id: '07.2', title: 'predictedClass', kind: 'function', example: '(p) => …',
      reference: (p: number[]) => argmaxRows([p])[0],
      cases: () => [
        [[0.1, 0.7, 0.2]], [[0.9, 0.05, 0.05]], [[0.2, 0.2, 0.6]],
        [[0.02, 0.03, 0.05, 0.1, 0.4, 0.1, 0.05, 0.1, 0.1, 0.05]], [[0.05, 0.1, 0.05, 0.05, 0.05, 0.05, 0.05, 0.05, 0.05, 0.5]],
      ],
      nudge: 'The function returns a position (an index), not a probability.',
      hint: 'loop over the entries and keep the index of the largest so far',
    },
    {
      id: '07.3', title: 'recall of digit 4', kind: 'value', tolerance: 1e-9,
      needs: { cm: 'the confusion matrix `cm` of the notebook' },
      expected: (c) => {
        const cm = c.cm as number[][];
        return cm[4][4] / cm[4].reduce((s, v) => s + v, 0);
      },
      nudge: 'Recall asks: of all images that really are a 4, which share did the network call 4? Rows of cm are the true digits.',
      hint: 'row 4 holds every true 4; the diagonal cell holds the correctly classified ones',
    },
    {
      id: '07.4', title: '4 measurements: test accuracy ≥ 0.97', kind: 'condition',
      accepts: (acc) => {
        if (typeof acc !== 'number' || !(acc >= 0 && acc <= 1)) throw new Error('an accuracy is a number between 0 and 1');
        return acc >= 0.97;
      },
      nudge: 'Train the network of section 11 on all four measurements and measure its test accuracy.',
      hint: 'selectColumns with the four names, then repeat section 11 with inputSize: 4',
    },
  ],
};
