import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { activationFigure } from '../../lib/plots/activation';
import { relu, sigmoid } from './sample-figures';

type T = Record<string, any>;

describe('activationFigure', () => {
  const fig = activationFigure([sigmoid, relu]);

  it('draws each activation and its derivative: two traces per activation', () => {
    assert.equal(fig.data.length, 4);
    assert.deepEqual(fig.data.map((t) => t.name), ['Sigmoid', 'Sigmoid: derivative', 'ReLU', 'ReLU: derivative']);
  });

  it('draws the derivative dashed, in the same colour as its function', () => {
    const [s, ds, r, dr] = fig.data as T[];
    assert.equal(ds.line.dash, 'dash');
    assert.equal(s.line.color, ds.line.color);
    assert.equal(r.line.color, dr.line.color);
    assert.notEqual(s.line.color, r.line.color);
    assert.equal(s.legendgroup, ds.legendgroup);
  });

  it('samples 241 points on [-6, 6] by default', () => {
    const t = fig.data[0] as T;
    assert.equal(t.x.length, 241);
    assert.equal(t.x[0], -6);
    assert.equal(t.x[240], 6);
  });

  it('evaluates output and derivative at each z', () => {
    const f = activationFigure(sigmoid, { range: [-2, 2], points: 5 });
    const [s, ds] = f.data as T[];
    assert.deepEqual(s.x, [-2, -1, 0, 1, 2]);
    assert.equal(s.y[2], 0.5);
    assert.equal(ds.y[2], 0.25);
  });

  it('leaves out derivatives when derivative is false', () => {
    assert.equal(activationFigure([sigmoid, relu], { derivative: false }).data.length, 2);
  });

  it('titles the axes as objects', () => {
    const l = fig.layout as T;
    assert.equal(l.xaxis.title.text, 'pre-activation z');
    assert.match(l.yaxis.title.text, /h′\(z\)/);
  });

  describe('with bad arguments', () => {
    it('rejects a softmax-like activation that is not element-wise', () => {
      assert.throws(
        () => activationFigure({ ...sigmoid, name: 'softmax', elementwise: false }),
        /activationFigure: activations\[0\] \('softmax'\) is not element-wise/,
      );
    });
    it('rejects a missing derivative function', () => {
      assert.throws(
        () => activationFigure({ name: 'x', output: (z: number) => z } as never),
        /activationFigure: activations\[0\]\.derivative must be a function, got undefined/,
      );
    });
    it('rejects a reversed range and too few points', () => {
      assert.throws(() => activationFigure(sigmoid, { range: [1, -1] }), /activationFigure: options.range must have lo < hi/);
      assert.throws(() => activationFigure(sigmoid, { points: 1 }), /activationFigure: options.points must be an integer ≥ 2, got 1/);
    });
  });
});
