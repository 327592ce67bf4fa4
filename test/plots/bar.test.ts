import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { barFigure } from '../../lib/plots/bar';

type T = Record<string, any>;

describe('barFigure', () => {
  it('draws one bar trace for a single list of values', () => {
    const fig = barFigure(['layer 1', 'layer 2'], [0.01, 0.5], { yLabel: 'gradient norm', title: 'Gradients' });
    assert.equal(fig.data.length, 1);
    const b = fig.data[0] as T;
    assert.equal(b.type, 'bar');
    assert.deepEqual(b.x, ['layer 1', 'layer 2']);
    assert.deepEqual(b.y, [0.01, 0.5]);
    assert.equal((fig.layout as T).yaxis.title.text, 'gradient norm');
  });

  it('groups several named series, one colour each', () => {
    const fig = barFigure(['forward', 'backward'], [{ name: 'loops', values: [12, 30] }, { name: 'matmul', values: [2, 5] }], { unit: 'ms', yLabel: 'time' });
    assert.deepEqual(fig.data.map((t) => t.name), ['loops', 'matmul']);
    assert.notEqual((fig.data[0] as T).marker.color, (fig.data[1] as T).marker.color);
    assert.equal((fig.layout as T).barmode, 'group');
    assert.equal((fig.layout as T).yaxis.title.text, 'time (ms)');
    assert.match((fig.data[0] as T).hovertemplate, / ms/);
  });

  it('swaps the axes for horizontal bars', () => {
    const fig = barFigure(['a', 'b'], [1, 2], { orientation: 'h' });
    const b = fig.data[0] as T;
    assert.deepEqual(b.y, ['a', 'b']);
    assert.deepEqual(b.x, [1, 2]);
    assert.equal((fig.layout as T).yaxis.type, 'category');
  });

  it('uses a log value axis on request', () => {
    assert.equal((barFigure(['a'], [1], { logY: true }).layout as T).yaxis.type, 'log');
  });

  describe('with bad arguments', () => {
    it('rejects values of the wrong length', () => {
      assert.throws(() => barFigure(['a', 'b'], [1]), /barFigure: values has length 1, expected 2 \(one value per category\)/);
      assert.throws(() => barFigure(['a'], [{ name: 's', values: [1, 2] }]), /barFigure: values\[0\]\.values has length 2, expected 1/);
    });
    it('rejects duplicate categories', () => {
      assert.throws(() => barFigure(['a', 'a'], [1, 2]), /barFigure: categories must be distinct/);
    });
    it('rejects categories that are not strings', () => {
      assert.throws(() => barFigure([1, 2] as never, [1, 2]), /barFigure: categories\[0\] must be a string, got 1/);
    });
  });
});
