import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ArgumentError, Matrix, ShapeError, addRowVector, map, matmul, matmulTransA, matmulTransB, sumRows } from '../lib/index';

describe('Matrix', () => {
  it('stores rows row-major and round-trips through arrays', () => {
    const m = Matrix.from([[1, 2, 3], [4, 5, 6]]);
    assert.deepEqual(m.shape, [2, 3]);
    assert.deepEqual(Array.from(m.data), [1, 2, 3, 4, 5, 6]);
    assert.deepEqual(m.toArray(), [[1, 2, 3], [4, 5, 6]]);
    assert.deepEqual(m.transpose().toArray(), [[1, 4], [2, 5], [3, 6]]);
  });
  it('turns a flat array into one column', () => assert.deepEqual(Matrix.from([1, 2]).shape, [2, 1]));
  it('rejects ragged rows and non-numbers naming the position', () => {
    assert.throws(() => Matrix.from([[1, 2], [3]]), /Matrix.from: values\[1\] has 1 values, expected 2 like row 0/);
    assert.throws(() => Matrix.from([[1, 'a' as unknown as number]]), /values\[0\]\[1\] must be a number, got "a"/);
  });
  it('matmul computes [[1,2],[3,4]]·[[5],[6]] = [[17],[39]]', () => {
    assert.deepEqual(matmul(Matrix.from([[1, 2], [3, 4]]), Matrix.from([[5], [6]])).toArray(), [[17], [39]]);
  });
  it('matmul names both shapes when inner dimensions differ', () => {
    assert.throws(() => matmul(new Matrix(2, 3), new Matrix(4, 1)),
      (e: Error) => e instanceof ShapeError && e.message === 'matmul: inner dimensions must match: A has shape [2, 3] and B has shape [4, 1]; expected B to have 3 rows');
  });
  it('transposed products equal the products with explicit transposes', () => {
    const A = Matrix.from([[1, 2, 3], [4, 5, 6]]), B = Matrix.from([[7, 8, 9], [1, 0, -1]]);
    assert.deepEqual(matmulTransB(A, B).toArray(), matmul(A, B.transpose()).toArray());
    assert.deepEqual(matmulTransA(A, B).toArray(), matmul(A.transpose(), B).toArray());
  });
  it('bias broadcast adds the vector to every row; sumRows sums every column', () => {
    const M = addRowVector(Matrix.from([[1, 2], [3, 4]]), [10, 20]);
    assert.deepEqual(M.toArray(), [[11, 22], [13, 24]]);
    assert.deepEqual(Array.from(sumRows(M)), [24, 46]);
    assert.throws(() => addRowVector(M, [1]), /addRowVector: bias has length 1, expected 2/);
  });
  it('map applies a function element-wise and rejects a non-matrix', () => {
    assert.deepEqual(map(Matrix.from([[1, -2]]), (v) => v * v).toArray(), [[1, 4]]);
    assert.throws(() => map([[1]] as unknown as Matrix, (v) => v), (e: Error) => e instanceof ArgumentError && /map: M must be a Matrix/.test(e.message));
  });
  it('selectRows picks rows in order and rejects an out-of-range index', () => {
    const M = Matrix.from([[1], [2], [3]]);
    assert.deepEqual(M.selectRows([2, 0]).toArray(), [[3], [1]]);
    assert.throws(() => M.selectRows([3]), /index 3 at position 0 is outside 0…2/);
  });
});
