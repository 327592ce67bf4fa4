import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ArgumentError, ShapeError } from '../../lib/errors';
import { checkInterval, checkMatrix, checkOneOf, checkOptions } from '../../lib/plots/checks';

describe('plot argument checks', () => {
  describe('checkOptions', () => {
    it('accepts undefined as no options', () => {
      assert.deepEqual(checkOptions('f', undefined, []), {});
    });
    it('rejects a misspelt option and lists the valid ones', () => {
      assert.throws(
        () => checkOptions('decisionBoundaryFigure', { resoluton: 50 } as object, ['resolution']),
        (e: unknown) => e instanceof ArgumentError && /decisionBoundaryFigure: unknown option 'resoluton'.*resolution/.test(e.message),
      );
    });
    it('rejects a title that is not a string', () => {
      assert.throws(() => checkOptions('f', { title: 3 } as object, []), /f: options.title must be a string, got 3/);
    });
  });

  it('checkInterval rejects lo ≥ hi', () => {
    assert.throws(() => checkInterval('f', 'options.range', [2, 1]), /f: options.range must have lo < hi, got \[2, 1\]/);
    assert.throws(() => checkInterval('f', 'options.range', [0, NaN]), /pair \[lo, hi\] of finite numbers/);
  });

  it('checkMatrix returns the shape and rejects ragged rows with a ShapeError', () => {
    assert.deepEqual(checkMatrix('f', 'z', [[1, 2, 3], [4, 5, 6]]), [2, 3]);
    assert.throws(() => checkMatrix('f', 'z', [[1, 2], [3]]), (e: unknown) => e instanceof ShapeError && /row 1 has length 1/.test(e.message));
    assert.throws(() => checkMatrix('f', 'z', [[1, 'a']]), /f: z\[0\]\[1\] must be a number, got "a"/);
  });

  it('checkOneOf lists the allowed values', () => {
    assert.throws(() => checkOneOf('f', 'options.kind', '3d', ['contour', 'surface']), /'contour', 'surface', got "3d"/);
  });
});
