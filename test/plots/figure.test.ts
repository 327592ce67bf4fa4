import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { cleanArray, finiteOrNull, lighten, linspace, paletteColor, PALETTE, withAlpha, axis, baseLayout } from '../../lib/plots/figure';

describe('figure helpers', () => {
  describe('finiteOrNull', () => {
    it('keeps finite numbers and maps NaN and ±Infinity to null', () => {
      assert.deepEqual([1.5, NaN, Infinity, -Infinity].map(finiteOrNull), [1.5, null, null, null]);
    });
    it('turns −0 into 0, since JSON has no −0', () => {
      assert.ok(Object.is(finiteOrNull(-0), 0));
    });
  });

  it('cleanArray turns a typed array into a plain array with gaps for non-finite values', () => {
    const out = cleanArray(new Float64Array([1, NaN, 3]));
    assert.ok(Array.isArray(out));
    assert.deepEqual(out, [1, null, 3]);
  });

  it('linspace gives n evenly spaced values ending exactly at hi', () => {
    assert.deepEqual(linspace(0, 1, 5), [0, 0.25, 0.5, 0.75, 1]);
    const v = linspace(-6, 6, 241);
    assert.equal(v.length, 241);
    assert.equal(v[240], 6);
    assert.ok(Math.abs(v[1] - v[0] - 0.05) < 1e-12);
  });

  it('paletteColor wraps around the palette', () => {
    assert.equal(paletteColor(0), PALETTE[0]);
    assert.equal(paletteColor(PALETTE.length + 2), PALETTE[2]);
  });

  it('withAlpha and lighten convert hex colours', () => {
    assert.equal(withAlpha('#1f77b4', 0.5), 'rgba(31,119,180,0.5)');
    assert.equal(lighten('#000000', 1), 'rgb(255,255,255)');
    assert.equal(lighten('#102030', 0), 'rgb(16,32,48)');
  });

  it('axis titles and the layout title are objects with a text field', () => {
    assert.deepEqual((axis('epoch').title as { text: string }).text, 'epoch');
    assert.equal((baseLayout({ title: 'Loss' }).title as { text: string }).text, 'Loss');
  });

  it('baseLayout uses a font of at least 14 px, readable on a projector', () => {
    assert.ok(((baseLayout({}).font as { size: number }).size) >= 14);
  });
});
