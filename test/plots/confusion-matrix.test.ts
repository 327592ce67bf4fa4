import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { confusionMatrixFigure } from '../../lib/plots/confusion-matrix';

type T = Record<string, any>;

describe('confusionMatrixFigure', () => {
  const cm = [
    [8, 2, 0],
    [1, 6, 3],
    [0, 0, 5],
  ];
  const names = ['cat', 'dog', 'bird'];
  const fig = confusionMatrixFigure(cm, { classNames: names });

  it('draws one heat map with rows = true class (top to bottom) and columns = predicted class', () => {
    assert.equal(fig.data.length, 1);
    const h = fig.data[0] as T;
    assert.equal(h.type, 'heatmap');
    assert.deepEqual(h.z, cm);
    assert.deepEqual(h.x, names);
    assert.deepEqual(h.y, names);
    const l = fig.layout as T;
    assert.equal(l.yaxis.title.text, 'true class');
    assert.equal(l.xaxis.title.text, 'predicted class');
    assert.equal(l.yaxis.autorange, 'reversed');
  });

  it('writes the count in every cell, at (predicted, true)', () => {
    const ann = (fig.layout as T).annotations as T[];
    assert.equal(ann.length, 9);
    const cell = ann.find((a) => a.y === 'dog' && a.x === 'bird');
    assert.equal(cell?.text, '3');
    assert.equal(ann.find((a) => a.y === 'cat' && a.x === 'cat')?.text, '<b>8</b>', 'the diagonal is bold');
  });

  it('writes dark cells in white so the numbers stay readable', () => {
    const ann = (fig.layout as T).annotations as T[];
    assert.equal(ann.find((a) => a.y === 'cat' && a.x === 'cat')?.font.color, 'white');
    assert.notEqual(ann.find((a) => a.y === 'cat' && a.x === 'bird')?.font.color, 'white');
  });

  it('with normalize, divides each row by its sum and shows percentages', () => {
    const f = confusionMatrixFigure(cm, { normalize: true });
    const h = f.data[0] as T;
    assert.deepEqual(h.z[0], [0.8, 0.2, 0]);
    assert.equal(h.zmax, 1);
    const ann = (f.layout as T).annotations as T[];
    assert.equal(ann[1].text, '20.0%');
  });

  it('with normalize, leaves an empty row (no samples of that class) blank rather than NaN', () => {
    const f = confusionMatrixFigure([[1, 1], [0, 0]], { normalize: true });
    assert.deepEqual((f.data[0] as T).z[1], [null, null]);
    assert.equal(((f.layout as T).annotations as T[])[2].text, '–');
  });

  it("names classes '0', '1', … on category axes by default", () => {
    const f = confusionMatrixFigure([[1, 0], [0, 1]]);
    assert.deepEqual((f.data[0] as T).x, ['0', '1']);
    assert.equal((f.layout as T).xaxis.type, 'category');
  });

  describe('with bad arguments', () => {
    it('rejects a non-square matrix', () => {
      assert.throws(() => confusionMatrixFigure([[1, 2, 3], [4, 5, 6]]), /confusionMatrixFigure: matrix has shape \[2, 3\], expected a square/);
    });
    it('rejects negative counts', () => {
      assert.throws(() => confusionMatrixFigure([[1, -2], [0, 1]]), /confusionMatrixFigure: matrix\[0\]\[1\] must be a count ≥ 0, got -2/);
    });
    it('rejects the wrong number of class names, and duplicates', () => {
      assert.throws(() => confusionMatrixFigure([[1]], { classNames: ['a', 'b'] }), /options.classNames has length 2, expected 1/);
      assert.throws(() => confusionMatrixFigure([[1, 0], [0, 1]], { classNames: ['a', 'a'] }), /options.classNames must be distinct/);
    });
  });
});
