/** Answer key of notebook 08 (regression). */
import { rmse } from '../../metrics';
import type { NotebookKey } from './types';

export const key08: NotebookKey = {
  notebook: '08',
  title: 'Regression',
  solutions: 'solutions/08-regression.ipynb',
  exercises: [
    {
      id: '08.1', title: 'RMSE of (20, 22, 25) vs (21, 22, 22)', kind: 'value', tolerance: 1e-3,
      expected: () => rmse([20, 22, 25], [21, 22, 22]),
      nudge: 'RMSE is the square root of the mean squared error.',
      hint: 'square the three errors, average them, take the square root',
    },
    {
      id: '08.2', title: 'season', kind: 'function', example: '(day) => [ … , … ]',
      reference: (day: number) => [Math.sin((2 * Math.PI * day) / 365.25), Math.cos((2 * Math.PI * day) / 365.25)],
      cases: () => [[1], [32], [100], [182], [365]],
      nudge: 'Turn the day into an angle (one full turn per year of 365.25 days), then return two numbers.',
      hint: 'Math.sin and Math.cos of 2 * Math.PI * day / 365.25',
    },
    {
      id: '08.3', title: '2-day persistence RMSE over 2015', kind: 'value',
      needs: { tempMax: 'the column `tempMax`', testDays: 'the test days `bestPrep.days.test`', actual: 'their actual maxima `actualTest`' },
      expected: (c) => rmse((c.testDays as number[]).map((t) => (c.tempMax as number[])[t - 2]), c.actual as number[]),
      nudge: 'Two-day persistence predicts the maximum of the day before yesterday for every test day.',
      hint: 'nn.rmse(predictions, actual) with prediction tempMax[t − 2] for every test day t',
    },
  ],
};
