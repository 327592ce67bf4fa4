import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { imageGridFigure } from '../../lib/plots/image-grid';

type T = Record<string, any>;

const img = (v: number): number[][] => [
  [0, v],
  [v, 0],
];

describe('imageGridFigure', () => {
  const images = [1, 2, 3, 4, 5, 6, 7].map(img);
  const fig = imageGridFigure(images, { titles: images.map((_, k) => `image ${k}`), columns: 3, title: 'Digits' });

  it('draws one heat map per image, each on its own axes', () => {
    assert.equal(fig.data.length, 7);
    assert.deepEqual(fig.data.map((t) => t.xaxis), ['x', 'x2', 'x3', 'x4', 'x5', 'x6', 'x7']);
    assert.deepEqual(fig.data.map((t) => t.yaxis), ['y', 'y2', 'y3', 'y4', 'y5', 'y6', 'y7']);
    const l = fig.layout as T;
    for (const s of ['', '2', '7']) {
      assert.ok(l[`xaxis${s}`], `xaxis${s} exists`);
      assert.equal(l[`yaxis${s}`].anchor, `x${s}`);
    }
  });

  it('places images in rows of `columns`: the 4th image starts row 2 under the 1st', () => {
    const l = fig.layout as T;
    assert.deepEqual(l.xaxis4.domain, l.xaxis.domain);
    assert.ok(l.yaxis4.domain[1] < l.yaxis.domain[0], 'row 2 lies below row 1');
    assert.ok(l.xaxis2.domain[0] > l.xaxis.domain[1], 'columns do not overlap');
  });

  it('gives all images one colour range', () => {
    assert.ok(fig.data.every((t) => t.zmin === 0 && t.zmax === 7));
  });

  it('captions each image with its title', () => {
    const ann = (fig.layout as T).annotations as T[];
    assert.deepEqual(ann.map((a) => a.text), images.map((_, k) => `image ${k}`));
  });

  it('draws row 0 of each image at the top', () => {
    assert.deepEqual((fig.layout as T).yaxis.range, [1.5, -0.5]);
  });

  describe('with bad arguments', () => {
    it('rejects an empty list', () => {
      assert.throws(() => imageGridFigure([]), /imageGridFigure: images must be a non-empty array/);
    });
    it('rejects a ragged image, naming it', () => {
      assert.throws(() => imageGridFigure([img(1), [[1, 2], [3]]]), /imageGridFigure: images\[1\] must be rectangular/);
    });
    it('rejects the wrong number of titles', () => {
      assert.throws(() => imageGridFigure([img(1)], { titles: ['a', 'b'] }), /imageGridFigure: options.titles has length 2, expected 1/);
    });
  });
});
