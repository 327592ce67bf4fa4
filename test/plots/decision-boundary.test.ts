import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { decisionBoundaryFigure } from '../../lib/plots/decision-boundary';
import { PALETTE } from '../../lib/plots/figure';
import { xorData } from './sample-figures';

type T = Record<string, any>;

/** p(class 1) of a simple XOR rule, counting calls. */
function xorModel() {
  const calls: number[][][] = [];
  const predict = (pts: number[][]): number[][] => {
    calls.push(pts);
    return pts.map(([a, b]) => [a * b < 0 ? 0.9 : 0.1]);
  };
  return { predict, calls };
}

describe('decisionBoundaryFigure', () => {
  describe('with one output column (a probability)', () => {
    const { predict, calls } = xorModel();
    const fig = decisionBoundaryFigure(predict, xorData, { resolution: 30, classNames: ['same sign', 'opposite sign'] });

    it('calls predict exactly once, with all resolution² grid points', () => {
      assert.equal(calls.length, 1);
      assert.equal(calls[0].length, 30 * 30);
      assert.ok(calls[0].every((p) => p.length === 2));
    });

    it('draws a resolution × resolution heat map of p, a p = 0.5 contour and one scatter per class', () => {
      assert.deepEqual(fig.data.map((t) => t.type), ['heatmap', 'contour', 'scatter', 'scatter']);
      const heat = fig.data[0] as T;
      assert.equal(heat.z.length, 30);
      assert.ok(heat.z.every((row: unknown[]) => row.length === 30));
      assert.equal(heat.x.length, 30);
      assert.equal(heat.zmin, 0);
      assert.equal(heat.zmax, 1);
      const contour = fig.data[1] as T;
      assert.equal(contour.contours.start, 0.5);
      assert.equal(contour.contours.end, 0.5);
    });

    it('puts grid point (i, j) at z[j][i], so the probabilities line up with the axes', () => {
      const heat = fig.data[0] as T;
      // bottom-left corner: x₁ < 0, x₂ < 0 → same sign → 0.1; bottom-right: opposite sign → 0.9
      assert.equal(heat.z[0][0], 0.1);
      assert.equal(heat.z[0][29], 0.9);
      assert.equal(heat.z[29][0], 0.9);
    });

    it('covers the data plus the padding (0.5 by default)', () => {
      const heat = fig.data[0] as T;
      assert.equal(heat.x[0], -1.5);
      assert.equal(heat.x[29], 1.5);
      assert.equal(heat.y[0], -1.5);
      assert.equal(heat.y[29], 1.5);
    });

    it('colours the data points by label and names them after the classes', () => {
      const [, , c0, c1] = fig.data as T[];
      assert.equal(c0.name, 'same sign');
      assert.equal(c1.name, 'opposite sign');
      assert.deepEqual(c0.x, [-1, 1]);
      assert.deepEqual(c0.y, [-1, 1]);
      assert.equal(c0.marker.color, PALETTE[0]);
      assert.equal(c1.marker.color, PALETTE[1]);
    });

    it('keeps the geometry: equal scale on both axes, titled as objects', () => {
      const l = fig.layout as T;
      assert.equal(l.yaxis.scaleanchor, 'x');
      assert.equal(l.yaxis.scaleratio, 1);
      assert.equal(l.xaxis.title.text, 'x₁');
      assert.equal(l.yaxis.title.text, 'x₂');
    });

    it("shows the thresholded class (p > 0.5) with show: 'class'", () => {
      const f = decisionBoundaryFigure(xorModel().predict, xorData, { resolution: 4, show: 'class' });
      const heat = f.data[0] as T;
      assert.equal(heat.z[0][0], 0);
      assert.equal(heat.z[0][3], 1);
      assert.equal(heat.text[0][3], 'class 1');
    });
  });

  describe('with several output columns', () => {
    it('shows the argmax class in a discrete heat map', () => {
      const data = { x: [[0, 0], [1, 0], [2, 0]], labels: [0, 1, 2] };
      // class = the column with the largest score: x₁ < 0.5 → 0, 0.5..1.5 → 1, else 2
      const predict = (pts: number[][]): number[][] => pts.map(([a]) => [-Math.abs(a), -Math.abs(a - 1), -Math.abs(a - 2)]);
      const fig = decisionBoundaryFigure(predict, data, { resolution: 5, padding: 0 });
      const heat = fig.data[0] as T;
      assert.equal(heat.type, 'heatmap');
      assert.deepEqual(heat.x, [0, 0.5, 1, 1.5, 2]);
      assert.deepEqual(heat.z[0], [0, 0, 1, 1, 2]);
      assert.equal(heat.zmin, -0.5);
      assert.equal(heat.zmax, 2.5);
      assert.equal(fig.data.filter((t) => t.type === 'scatter').length, 3);
    });
  });

  describe('with bad arguments', () => {
    it('rejects data that is not 2-D', () => {
      assert.throws(
        () => decisionBoundaryFigure(xorModel().predict, { x: [[1, 2, 3]], labels: [0] }),
        /decisionBoundaryFigure: data.x has shape \[1, 3\], expected \[n, 2\]/,
      );
    });
    it('rejects labels of the wrong length or type', () => {
      assert.throws(() => decisionBoundaryFigure(xorModel().predict, { x: [[1, 2]], labels: [0, 1] }), /data.labels has length 2, expected 1/);
      assert.throws(() => decisionBoundaryFigure(xorModel().predict, { x: [[1, 2]], labels: [0.5] }), /data.labels\[0\] must be a class index/);
    });
    it('rejects a predict that returns the wrong number of rows', () => {
      assert.throws(
        () => decisionBoundaryFigure(() => [[1]], xorData, { resolution: 3 }),
        /decisionBoundaryFigure: predict returned 1 rows for 9 grid points/,
      );
    });
    it('rejects a predict that is not a function', () => {
      assert.throws(() => decisionBoundaryFigure(42 as never, xorData), /decisionBoundaryFigure: predict must be a function, got 42/);
    });
    it('rejects too few class names', () => {
      assert.throws(
        () => decisionBoundaryFigure(xorModel().predict, xorData, { classNames: ['only one'] }),
        /options.classNames has 1 names, expected 2/,
      );
    });
    it('rejects a resolution below 2', () => {
      assert.throws(() => decisionBoundaryFigure(xorModel().predict, xorData, { resolution: 1 }), /options.resolution must be an integer ≥ 2, got 1/);
    });
  });
});
