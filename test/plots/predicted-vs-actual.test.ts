import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { predictedVsActualFigure } from '../../lib/plots/predicted-vs-actual';
import { ShapeError } from '../../lib/errors';

type T = Record<string, any>;

describe('predictedVsActualFigure', () => {
  const actual = [10, 12, 15, 20];
  const predicted = [11, 12, 14, 22];

  describe("in 'scatter' mode (the default)", () => {
    const fig = predictedVsActualFigure(predicted, actual, { units: '°C', quantity: 'temperature' });

    it('draws the diagonal y = x and one point per sample', () => {
      assert.equal(fig.data.length, 2);
      const [diag, pts] = fig.data as T[];
      assert.deepEqual(diag.x, diag.y);
      assert.ok(diag.x[0] <= 10 && diag.x[1] >= 22, 'the diagonal spans all values');
      assert.equal(pts.mode, 'markers');
      assert.deepEqual(pts.x, actual);
      assert.deepEqual(pts.y, predicted);
    });

    it('titles the axes with the unit and keeps the scale equal', () => {
      const l = fig.layout as T;
      assert.equal(l.xaxis.title.text, 'actual temperature (°C)');
      assert.equal(l.yaxis.title.text, 'predicted temperature (°C)');
      assert.equal(l.yaxis.scaleanchor, 'x');
      assert.deepEqual(l.xaxis.range, l.yaxis.range);
    });

    it('puts the unit in the hover text', () => {
      assert.match((fig.data[1] as T).hovertemplate, /%\{y:\.4g\} °C/);
    });
  });

  describe("in 'series' mode", () => {
    it('draws actual and predicted as two lines over the sample number', () => {
      const fig = predictedVsActualFigure(predicted, actual, { mode: 'series' });
      assert.deepEqual(fig.data.map((t) => t.name), ['actual', 'predicted']);
      assert.deepEqual((fig.data[0] as T).x, [1, 2, 3, 4]);
      assert.deepEqual((fig.data[1] as T).y, predicted);
    });
    it('uses the given x values, such as dates', () => {
      const x = ['d1', 'd2', 'd3', 'd4'];
      const fig = predictedVsActualFigure(predicted, actual, { mode: 'series', x, xLabel: 'day' });
      assert.deepEqual((fig.data[0] as T).x, x);
      assert.equal((fig.layout as T).xaxis.title.text, 'day');
    });
  });

  describe('with bad arguments', () => {
    it('rejects predicted and actual of different lengths with a ShapeError naming both', () => {
      assert.throws(
        () => predictedVsActualFigure([1, 2, 3], [1, 2]),
        (e: unknown) => e instanceof ShapeError && /predictedVsActualFigure: predicted has length 3 but actual has length 2/.test(e.message),
      );
    });
    it('rejects x of the wrong length in series mode', () => {
      assert.throws(() => predictedVsActualFigure([1], [1], { mode: 'series', x: [1, 2] }), /predictedVsActualFigure: options.x has length 2, expected 1/);
    });
    it('rejects an unknown mode', () => {
      assert.throws(() => predictedVsActualFigure([1], [1], { mode: 'bars' as never }), /options.mode must be one of 'scatter', 'series'/);
    });
  });
});
