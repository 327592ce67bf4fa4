import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { lineFigure } from '../../lib/plots/line';
import { PALETTE } from '../../lib/plots/figure';

type T = Record<string, any>;

describe('lineFigure', () => {
  const x = [-1, 0, 1];
  const fig = lineFigure(
    [1, 2, 5].map((w) => ({ x, y: x.map((v) => w * v), name: `w = ${w}` })),
    { title: 'Neuron output', xLabel: 'x', yLabel: 'a', yUnit: 'V' },
  );

  it('draws one scatter line per series, in palette order', () => {
    assert.equal(fig.data.length, 3);
    fig.data.forEach((t: T, i) => {
      assert.equal(t.type, 'scatter');
      assert.equal(t.mode, 'lines');
      assert.equal(t.line.color, PALETTE[i]);
    });
    assert.deepEqual(fig.data.map((t) => t.name), ['w = 1', 'w = 2', 'w = 5']);
  });

  it('titles the axes as objects, with the unit', () => {
    const l = fig.layout as T;
    assert.deepEqual(l.xaxis.title.text, 'x');
    assert.deepEqual(l.yaxis.title.text, 'a (V)');
    assert.equal(l.title.text, 'Neuron output');
  });

  it('puts the unit in the hover text', () => {
    assert.match((fig.data[0] as T).hovertemplate, /%\{y:\.4g\} V/);
  });

  it('uses a log y axis when asked', () => {
    assert.equal((lineFigure({ x, y: [1, 2, 3] }, { logY: true }).layout as T).yaxis.type, 'log');
    assert.equal((lineFigure({ x, y: [1, 2, 3] }).layout as T).yaxis.type, undefined);
  });

  it('keeps a dash style', () => {
    assert.equal((lineFigure({ x, y: x, dash: 'dot' }).data[0] as T).line.dash, 'dot');
  });

  it('turns NaN into a gap (null)', () => {
    assert.deepEqual((lineFigure({ x, y: [1, NaN, 3] }).data[0] as T).y, [1, null, 3]);
  });

  describe('with bad arguments', () => {
    it('rejects x and y of different lengths, naming the series', () => {
      assert.throws(() => lineFigure([{ x, y: x }, { x, y: [1, 2] }]), /lineFigure: series\[1\]\.y has length 2, expected 3/);
    });
    it('rejects an empty list', () => {
      assert.throws(() => lineFigure([]), /lineFigure: series must contain at least one curve/);
    });
    it('rejects an unknown dash style', () => {
      assert.throws(() => lineFigure({ x, y: x, dash: 'wiggly' }), /lineFigure: series\[0\]\.dash must be one of/);
    });
    it('rejects non-numeric y values', () => {
      assert.throws(() => lineFigure({ x, y: [1, '2', 3] as unknown as number[] }), /lineFigure: series\[0\]\.y\[1\] must be a number/);
    });
  });
});
