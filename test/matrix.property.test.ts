/**
 * Property-based tests (fast-check) for lib/matrix.ts: algebraic identities that must hold for every shape and
 * every value, the shape errors, and the NaN policy. Shapes stay ≤ 12 so the whole file runs in about a second;
 * sizes 1…12 cover the fast kernels' 4×4 register tiles and every fringe (m, n mod 4 = 0, 1, 2, 3).
 *
 * Tolerance for products: a float64 dot product of length k is off by at most about k·2⁻⁵³·Σ|a_p·b_p|, so
 * entry (i, j) of two computations of a product may differ by up to a small multiple of (|A|·|B|)_ij. We allow
 * 1e-12·(|A|·|B|)_ij + 1e-300 (and 1e-12·(|A|·|B|·|C|)_ij + 1e-300 for triple products): ~1000 times the worst rounding, yet a
 * wrong index or a missing term is off by ~|a·b| and is caught.
 *
 * The runs are reproducible: fast-check uses the seed FC_SEED (default 20251). Set FC_SEED to explore others.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { ShapeError, formatShape } from '../lib/errors';
import {
  Matrix, add, addRowVector, hadamard, map, matmul, matmulTransA, matmulTransB, scale, subtract, sumRows,
} from '../lib/matrix';

fc.configureGlobal({ seed: Number(process.env.FC_SEED ?? 20251), numRuns: 150 });

// ---------- arbitraries ----------

/** A dimension in 1…12 (or 0…12 where empty matrices make sense). */
const dim = fc.integer({ min: 1, max: 12 });
const dimOrZero = fc.integer({ min: 0, max: 12 });
/** Finite entries of mixed sign and magnitude. */
const entry = fc.double({ min: -10, max: 10, noNaN: true });

function matrixOf(rows: number, cols: number): fc.Arbitrary<Matrix> {
  return fc.array(entry, { minLength: rows * cols, maxLength: rows * cols }).map((v) => new Matrix(rows, cols, Float64Array.from(v)));
}

/** Matrices A [m, k] and B [k, n]. */
const productPair = (d: fc.Arbitrary<number>) =>
  fc.tuple(d, d, d).chain(([m, k, n]) => fc.tuple(matrixOf(m, k), matrixOf(k, n)));

// ---------- plain references ----------

/** The textbook triple loop on plain arrays: C_ij = Σ_p A_ip·B_pj. */
function naiveProduct(A: Matrix, B: Matrix): Matrix {
  const C = new Matrix(A.rows, B.cols);
  for (let i = 0; i < A.rows; i++) {
    for (let j = 0; j < B.cols; j++) {
      let s = 0;
      for (let p = 0; p < A.cols; p++) s += A.get(i, p) * B.get(p, j);
      C.set(i, j, s);
    }
  }
  return C;
}

const absolute = (M: Matrix): Matrix => map(M, Math.abs);

/**
 * Asserts |X_ij − Y_ij| ≤ 1e-12·bound_ij + 1e-300 for every entry (bound: a matrix of magnitudes, see the file
 * comment; the 1e-300 floor absorbs underflow to subnormals, where relative error bounds do not hold).
 */
function assertClose(X: Matrix, Y: Matrix, bound: Matrix, what: string): void {
  assert.deepEqual(X.shape, Y.shape, `${what}: shapes differ`);
  for (let i = 0; i < X.data.length; i++) {
    const diff = Math.abs(X.data[i] - Y.data[i]);
    const tol = 1e-12 * bound.data[i] + 1e-300;
    if (!(diff <= tol)) assert.fail(`${what}: entry ${i} is ${X.data[i]} vs ${Y.data[i]} (|difference| ${diff} > ${tol})`);
  }
}

/** Element-by-element identity with ===, so −0 and +0 count as equal (only NaN would differ). */
function assertSameValues(X: Matrix, Y: Matrix, what: string): void {
  assert.deepEqual(X.shape, Y.shape, `${what}: shapes differ`);
  for (let i = 0; i < X.data.length; i++) {
    if (X.data[i] !== Y.data[i]) assert.fail(`${what}: entry ${i} is ${X.data[i]} vs ${Y.data[i]}`);
  }
}

// ---------- identities ----------

describe('matrix products (property-based, shapes up to 12)', () => {
  it('matmul agrees with the textbook triple loop, including empty shapes', () => {
    fc.assert(fc.property(productPair(dimOrZero), ([A, B]) => {
      assertClose(matmul(A, B), naiveProduct(A, B), naiveProduct(absolute(A), absolute(B)), 'A·B vs triple loop');
    }));
  });

  it('(A·B)ᵀ equals Bᵀ·Aᵀ', () => {
    fc.assert(fc.property(productPair(dim), ([A, B]) => {
      const bound = naiveProduct(absolute(A), absolute(B)).transpose();
      assertClose(matmul(A, B).transpose(), matmul(B.transpose(), A.transpose()), bound, '(A·B)ᵀ vs Bᵀ·Aᵀ');
    }));
  });

  it('matmulTransA(A, B) equals transpose(A)·B, including empty shapes', () => {
    fc.assert(fc.property(fc.tuple(dimOrZero, dimOrZero, dimOrZero).chain(([k, m, n]) => fc.tuple(matrixOf(k, m), matrixOf(k, n))), ([A, B]) => {
      const At = A.transpose();
      assertClose(matmulTransA(A, B), matmul(At, B), naiveProduct(absolute(At), absolute(B)), 'Aᵀ·B');
    }));
  });

  it('matmulTransB(A, B) equals A·transpose(B), including empty shapes', () => {
    fc.assert(fc.property(fc.tuple(dimOrZero, dimOrZero, dimOrZero).chain(([m, k, n]) => fc.tuple(matrixOf(m, k), matrixOf(n, k))), ([A, B]) => {
      const Bt = B.transpose();
      assertClose(matmulTransB(A, B), matmul(A, Bt), naiveProduct(absolute(A), absolute(Bt)), 'A·Bᵀ');
    }));
  });

  it('is associative: (A·B)·C ≈ A·(B·C)', () => {
    const triple = fc.tuple(dim, dim, dim, dim).chain(([m, k, l, n]) => fc.tuple(matrixOf(m, k), matrixOf(k, l), matrixOf(l, n)));
    fc.assert(fc.property(triple, ([A, B, C]) => {
      const bound = naiveProduct(naiveProduct(absolute(A), absolute(B)), absolute(C));
      assertClose(matmul(matmul(A, B), C), matmul(A, matmul(B, C)), bound, '(A·B)·C vs A·(B·C)');
    }));
  });

  it('leaves a matrix unchanged when multiplied by the identity on either side (exactly)', () => {
    fc.assert(fc.property(fc.tuple(dim, dim).chain(([m, n]) => matrixOf(m, n)), (A) => {
      assertSameValues(matmul(A, Matrix.identity(A.cols)), A, 'A·I');
      assertSameValues(matmul(Matrix.identity(A.rows), A), A, 'I·A');
      assertSameValues(matmulTransA(Matrix.identity(A.rows), A), A, 'Iᵀ·A');
      assertSameValues(matmulTransB(A, Matrix.identity(A.cols)), A, 'A·Iᵀ');
    }));
  });

  it('distributes over addition: A·(B + C) ≈ A·B + A·C', () => {
    const triple = fc.tuple(dim, dim, dim).chain(([m, k, n]) => fc.tuple(matrixOf(m, k), matrixOf(k, n), matrixOf(k, n)));
    fc.assert(fc.property(triple, ([A, B, C]) => {
      const bound = naiveProduct(absolute(A), add(absolute(B), absolute(C)));
      assertClose(matmul(A, add(B, C)), add(matmul(A, B), matmul(A, C)), bound, 'A·(B + C) vs A·B + A·C');
    }));
  });

  it('writes into `out` exactly what it returns without `out`', () => {
    fc.assert(fc.property(productPair(dim), ([A, B]) => {
      const out = Matrix.filled(A.rows, B.cols, 123);
      const returned = matmul(A, B, out);
      assert.equal(returned, out);
      assertSameValues(out, matmul(A, B), 'matmul into out');
    }));
  });
});

describe('bias broadcast and column sums (property-based)', () => {
  it('addRowVector adds b to every row in place, so sumRows afterwards grows by rows·b', () => {
    const arb = fc.tuple(dim, dim).chain(([m, n]) => fc.tuple(matrixOf(m, n), fc.array(entry, { minLength: n, maxLength: n })));
    fc.assert(fc.property(arb, ([M, b]) => {
      const before = M.clone();
      const sumBefore = sumRows(before);
      const returned = addRowVector(M, b);
      assert.equal(returned, M, 'addRowVector returns the same matrix (in place)');
      for (let i = 0; i < M.rows; i++) {
        for (let j = 0; j < M.cols; j++) assert.equal(M.get(i, j), before.get(i, j) + b[j]);
      }
      const sumAfter = sumRows(M);
      for (let j = 0; j < M.cols; j++) {
        // Σ_i (m_ij + b_j) = Σ_i m_ij + rows·b_j, up to rounding in the sums.
        const magnitude = before.col(j).reduce((s, v) => s + Math.abs(v), 0) + M.rows * Math.abs(b[j]);
        assert.ok(Math.abs(sumAfter[j] - (sumBefore[j] + M.rows * b[j])) <= 1e-12 * magnitude, `column ${j}`);
      }
    }));
  });

  it('sumRows(M) is bit-identical to adding each column from row 0 down, for every shape incl. 0 rows and widths not a multiple of 4', () => {
    fc.assert(fc.property(fc.tuple(dimOrZero, dim).chain(([m, n]) => matrixOf(m, n)), (M) => {
      const out = new Float64Array(M.cols).fill(Number.NaN);
      assert.equal(sumRows(M, out), out, 'sumRows writes into and returns out');
      for (let j = 0; j < M.cols; j++) {
        let expected = 0;
        for (let i = 0; i < M.rows; i++) expected += M.get(i, j);
        assert.ok(Object.is(out[j], expected), `column ${j} of a ${M.rows}×${M.cols} matrix: ${out[j]} vs ${expected}`);
      }
    }));
  });

  it('sumRows(M) equals the row vector of ones times M', () => {
    fc.assert(fc.property(fc.tuple(dim, dim).chain(([m, n]) => matrixOf(m, n)), (M) => {
      const ones = Matrix.filled(1, M.rows, 1);
      assertClose(Matrix.rowVector(sumRows(M)), matmul(ones, M), matmul(ones, absolute(M)), 'sumRows vs 1ᵀ·M');
    }));
  });
});

// ---------- shape errors ----------

/** Four dimensions; each test filters them so that its shape constraint fails. */
const shapePair = fc.tuple(dim, dim, dim, dim);

/** Checks the error: a ShapeError whose message names the function and both shapes, carrying expected/actual. */
function assertShapeError(
  call: () => unknown,
  fn: string,
  shapes: string[],
  expected: ReadonlyArray<number | null>,
  actual: ReadonlyArray<number>,
): void {
  assert.throws(call, (e: unknown) => {
    assert.ok(e instanceof ShapeError, `${fn}: expected a ShapeError, got ${String(e)}`);
    assert.ok(e.message.startsWith(`${fn}:`), `message should start with "${fn}:": ${e.message}`);
    for (const s of shapes) assert.ok(e.message.includes(s), `message should name ${s}: ${e.message}`);
    assert.deepEqual(e.expected, expected, `${fn}: expected`);
    assert.deepEqual(e.actual, actual, `${fn}: actual`);
    return true;
  });
}

describe('shape errors (property-based)', () => {
  it('matmul throws a ShapeError naming both shapes whenever A.cols ≠ B.rows', () => {
    fc.assert(fc.property(shapePair.filter(([, k1, k2]) => k1 !== k2), ([m, k1, k2, n]) => {
      const A = new Matrix(m, k1), B = new Matrix(k2, n);
      assertShapeError(() => matmul(A, B), 'matmul', [formatShape(A.shape), formatShape(B.shape)], [k1, null], [k2, n]);
    }));
  });

  it('matmulTransA throws a ShapeError naming both shapes whenever A.rows ≠ B.rows', () => {
    fc.assert(fc.property(shapePair.filter(([k1, , k2]) => k1 !== k2), ([k1, m, k2, n]) => {
      const A = new Matrix(k1, m), B = new Matrix(k2, n);
      assertShapeError(() => matmulTransA(A, B), 'matmulTransA', [formatShape(A.shape), formatShape(B.shape)], [k1, null], [k2, n]);
    }));
  });

  it('matmulTransB throws a ShapeError naming both shapes whenever A.cols ≠ B.cols', () => {
    fc.assert(fc.property(shapePair.filter(([, k1, , k2]) => k1 !== k2), ([m, k1, n, k2]) => {
      const A = new Matrix(m, k1), B = new Matrix(n, k2);
      assertShapeError(() => matmulTransB(A, B), 'matmulTransB', [formatShape(A.shape), formatShape(B.shape)], [null, k1], [n, k2]);
    }));
  });

  it('add, subtract and hadamard throw a ShapeError naming both shapes whenever the shapes differ', () => {
    fc.assert(fc.property(shapePair.filter(([r1, c1, r2, c2]) => r1 !== r2 || c1 !== c2), ([r1, c1, r2, c2]) => {
      const A = new Matrix(r1, c1), B = new Matrix(r2, c2);
      for (const [fn, f] of [['add', add], ['subtract', subtract], ['hadamard', hadamard]] as const) {
        assertShapeError(() => f(A, B), fn, [formatShape(A.shape), formatShape(B.shape)], [r1, c1], [r2, c2]);
      }
    }));
  });

  it('matmul, matmulTransA/B, add, map and scale throw a ShapeError naming both shapes when `out` has the wrong shape', () => {
    const arb = fc.tuple(dim, dim, dim, dim, dim).filter(([m, , n, r, c]) => r !== m || c !== n);
    fc.assert(fc.property(arb, ([m, k, n, r, c]) => {
      const out = new Matrix(r, c);
      const shapes = [formatShape([r, c]), formatShape([m, n])];
      assertShapeError(() => matmul(new Matrix(m, k), new Matrix(k, n), out), 'matmul', shapes, [m, n], [r, c]);
      assertShapeError(() => matmulTransA(new Matrix(k, m), new Matrix(k, n), out), 'matmulTransA', shapes, [m, n], [r, c]);
      assertShapeError(() => matmulTransB(new Matrix(m, k), new Matrix(n, k), out), 'matmulTransB', shapes, [m, n], [r, c]);
      assertShapeError(() => add(new Matrix(m, n), new Matrix(m, n), out), 'add', shapes, [m, n], [r, c]);
      assertShapeError(() => map(new Matrix(m, n), (v) => v, out), 'map', shapes, [m, n], [r, c]);
      assertShapeError(() => scale(new Matrix(m, n), 2, out), 'scale', shapes, [m, n], [r, c]);
    }));
  });

  it('addRowVector throws a ShapeError naming the bias length and the matrix shape whenever they differ', () => {
    fc.assert(fc.property(fc.tuple(dim, dim, dimOrZero).filter(([, n, len]) => len !== n), ([m, n, len]) => {
      const M = new Matrix(m, n);
      assertShapeError(
        () => addRowVector(M, new Float64Array(len)), 'addRowVector', [`length ${len}`, formatShape(M.shape)], [n], [len],
      );
    }));
  });

  it('Matrix.from throws a ShapeError naming the first row whose length differs from row 0', () => {
    const ragged = fc
      .tuple(fc.integer({ min: 2, max: 8 }), dimOrZero)
      .chain(([n, c]) => fc.tuple(fc.constant(c), fc.array(fc.array(entry, { maxLength: 12 }), { minLength: n, maxLength: n })))
      .map(([c, rows]) => [[...Array<number>(c).fill(1)], ...rows.slice(1)])
      .filter((rows) => rows.some((r) => r.length !== rows[0].length));
    fc.assert(fc.property(ragged, (rows) => {
      const cols = rows[0].length;
      const bad = rows.findIndex((r) => r.length !== cols);
      const len = rows[bad].length;
      assertShapeError(() => Matrix.from(rows), 'Matrix.from', [`values[${bad}] has ${len} values`, `expected ${cols}`], [cols], [len]);
      // A caller's function and argument names flow into the message.
      assertShapeError(() => Matrix.from(rows, 'x', 'train'), 'train', [`x[${bad}] has ${len} values`], [cols], [len]);
    }));
  });
});

// ---------- NaN policy ----------

describe('NaN propagates through the math (no exception)', () => {
  /** A matrix A [m, k], a NaN position (i, p) in it, and B [k, n]. */
  const withNaN = fc
    .tuple(dim, dim, dim)
    .chain(([m, k, n]) => fc.tuple(matrixOf(m, k), matrixOf(k, n), fc.integer({ min: 0, max: m - 1 }), fc.integer({ min: 0, max: k - 1 })));

  it('a NaN in A makes exactly its row of A·B NaN', () => {
    fc.assert(fc.property(withNaN, ([A, B, i, p]) => {
      A.set(i, p, NaN);
      const C = matmul(A, B);
      for (let r = 0; r < C.rows; r++) {
        for (let j = 0; j < C.cols; j++) {
          assert.equal(Number.isNaN(C.get(r, j)), r === i, `entry (${r}, ${j}) with NaN at A(${i}, ${p})`);
        }
      }
    }));
  });

  it('a NaN at (p, i) of A makes exactly row i of matmulTransA(A, B) NaN, and likewise for matmulTransB', () => {
    fc.assert(fc.property(withNaN, ([A, B, i, p]) => {
      A.set(i, p, NaN);
      // matmulTransA gets Aᵀ, which holds the NaN at (p, i); the product (Aᵀ)ᵀ·B = A·B has it in row i.
      const AtB = matmulTransA(A.transpose(), B);
      const ABt = matmulTransB(A, B.transpose());
      for (let r = 0; r < A.rows; r++) {
        for (let j = 0; j < B.cols; j++) {
          assert.equal(Number.isNaN(AtB.get(r, j)), r === i, `Aᵀ·B entry (${r}, ${j})`);
          assert.equal(Number.isNaN(ABt.get(r, j)), r === i, `A·Bᵀ entry (${r}, ${j})`);
        }
      }
    }));
  });

  it('add, subtract, hadamard, scale, map, addRowVector and sumRows keep a NaN in its place', () => {
    const arb = fc.tuple(dim, dim).chain(([m, n]) => fc.tuple(matrixOf(m, n), matrixOf(m, n), fc.integer({ min: 0, max: m - 1 }), fc.integer({ min: 0, max: n - 1 })));
    fc.assert(fc.property(arb, ([A, B, i, j]) => {
      A.set(i, j, NaN);
      const onlyAt = (M: Matrix, what: string) => {
        for (let r = 0; r < M.rows; r++) {
          for (let c = 0; c < M.cols; c++) assert.equal(Number.isNaN(M.get(r, c)), r === i && c === j, `${what} (${r}, ${c})`);
        }
      };
      onlyAt(add(A, B), 'A + B');
      onlyAt(add(B, A), 'B + A');
      onlyAt(subtract(A, B), 'A − B');
      onlyAt(hadamard(A, B), 'A ⊙ B');
      onlyAt(scale(A, 2), '2·A');
      onlyAt(map(A, (v) => v * v + 1), 'map');
      onlyAt(addRowVector(A.clone(), new Float64Array(A.cols).fill(1)), 'addRowVector');
      const s = sumRows(A);
      for (let c = 0; c < A.cols; c++) assert.equal(Number.isNaN(s[c]), c === j, `sumRows column ${c}`);
      // A NaN bias poisons exactly its column.
      const bias = new Float64Array(B.cols);
      bias[j] = NaN;
      const Bb = addRowVector(B.clone(), bias);
      for (let r = 0; r < B.rows; r++) {
        for (let c = 0; c < B.cols; c++) assert.equal(Number.isNaN(Bb.get(r, c)), c === j, `NaN bias (${r}, ${c})`);
      }
    }));
  });
});
