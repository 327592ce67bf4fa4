import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { histogramFigure } from '../../lib/plots/histogram';

type T = Record<string, any>;

describe('histogramFigure', () => {
  it('draws one histogram trace from a plain array', () => {
    const fig = histogramFigure([1, 2, 2, 3], { xLabel: 'w', title: 'weights' });
    assert.equal(fig.data.length, 1);
    assert.equal((fig.data[0] as T).type, 'histogram');
    assert.equal((fig.layout as T).xaxis.title.text, 'w');
    assert.equal((fig.layout as T).yaxis.title.text, 'count');
  });

  it('gives all series the same bins: `bins` equal bins from the smallest to the largest value', () => {
    const fig = histogramFigure([{ values: [0, 1], name: 'a' }, { values: [3, 4], name: 'b' }], { bins: 4 });
    const [a, b] = fig.data as T[];
    assert.deepEqual(a.xbins, b.xbins);
    assert.equal(a.xbins.start, 0);
    assert.ok(Math.abs(a.xbins.size - 1) < 1e-6);
    assert.ok(a.xbins.start + 4 * a.xbins.size > 4, 'the largest value lies inside the last bin');
    assert.equal((fig.layout as T).barmode, 'overlay');
    assert.deepEqual(fig.data.map((t) => t.name), ['a', 'b']);
  });

  it('leaves non-finite values out and says so in the hover text', () => {
    const t = histogramFigure([1, NaN, Infinity, 2]).data[0] as T;
    assert.deepEqual(t.x, [1, 2]);
    assert.match(t.hovertemplate, /2 non-finite values left out/);
  });

  it('handles all-equal values with a bin of width > 0', () => {
    const t = histogramFigure([5, 5, 5], { bins: 2 }).data[0] as T;
    assert.ok(t.xbins.size > 0);
    assert.ok(t.xbins.start < 5 && t.xbins.end > 5);
  });

  it('shows shares instead of counts with normalize', () => {
    const fig = histogramFigure([1, 2], { normalize: true });
    assert.equal((fig.data[0] as T).histnorm, 'probability');
    assert.equal((fig.layout as T).yaxis.title.text, 'share of values');
  });

  describe('with bad arguments', () => {
    it('rejects data with no finite value', () => {
      assert.throws(() => histogramFigure([NaN]), /histogramFigure: there are no finite values to count/);
    });
    it('rejects a bin count that is not a positive integer', () => {
      assert.throws(() => histogramFigure([1, 2], { bins: 0 }), /histogramFigure: options.bins must be an integer ≥ 1, got 0/);
    });
    it('rejects a series without values', () => {
      assert.throws(() => histogramFigure([{ name: 'x' } as never]), /histogramFigure: series\[0\]\.values must be an array of numbers, got undefined/);
    });
  });
});
