import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { heatmapFigure } from '../../lib/plots/heatmap';

type T = Record<string, any>;

describe('heatmapFigure', () => {
  const digit = Array.from({ length: 8 }, (_, i) => Array.from({ length: 8 }, (_, j) => (i + j) % 16));

  it('draws the array as one heat map, row by row', () => {
    const fig = heatmapFigure(digit, { title: 'A digit', colorscale: 'Greys', reverseY: true });
    const h = fig.data[0] as T;
    assert.equal(fig.data.length, 1);
    assert.equal(h.type, 'heatmap');
    assert.deepEqual(h.z, digit);
    assert.equal(h.colorscale, 'Greys');
    assert.equal((fig.layout as T).yaxis.autorange, 'reversed');
    assert.equal((fig.layout as T).title.text, 'A digit');
  });

  it('keeps cells square by default', () => {
    const l = heatmapFigure(digit).layout as T;
    assert.equal(l.yaxis.scaleanchor, 'x');
    assert.equal((heatmapFigure(digit, { equalAspect: false }).layout as T).yaxis.scaleanchor, undefined);
  });

  it('passes zmin, zmax and showScale through', () => {
    const h = heatmapFigure(digit, { zmin: 0, zmax: 16, showScale: false }).data[0] as T;
    assert.equal(h.zmin, 0);
    assert.equal(h.zmax, 16);
    assert.equal(h.showscale, false);
  });

  it('uses given coordinates and axis titles (e.g. a neuron output over the plane)', () => {
    const fig = heatmapFigure([[0, 1], [1, 2]], { x: [-1, 1], y: [-1, 1], xLabel: 'x₁', yLabel: 'x₂', zLabel: 'a' });
    const h = fig.data[0] as T;
    assert.deepEqual(h.x, [-1, 1]);
    assert.equal((fig.layout as T).xaxis.title.text, 'x₁');
    assert.equal(h.colorbar.title.text, 'a');
  });

  it('turns NaN cells into gaps', () => {
    assert.deepEqual((heatmapFigure([[NaN, 1]]).data[0] as T).z, [[null, 1]]);
  });

  describe('with bad arguments', () => {
    it('rejects a ragged array', () => {
      assert.throws(() => heatmapFigure([[1, 2], [3]]), /heatmapFigure: z must be rectangular, but row 1 has length 1/);
    });
    it('rejects zmin ≥ zmax', () => {
      assert.throws(() => heatmapFigure([[1]], { zmin: 2, zmax: 1 }), /heatmapFigure: options.zmin \(2\) must be less than options.zmax \(1\)/);
    });
    it('rejects coordinates of the wrong length', () => {
      assert.throws(() => heatmapFigure([[1, 2]], { x: [1, 2, 3] }), /heatmapFigure: options.x has length 3, expected 2/);
    });
    it('rejects a malformed colourscale', () => {
      assert.throws(() => heatmapFigure([[1]], { colorscale: [[0, 'red']] }), /heatmapFigure: options.colorscale must be a colourscale name/);
    });
  });
});
