/**
 * Matrix: a 2-D array of numbers stored row by row (row-major) in one Float64Array.
 *
 * Element (i, j) lives at `data[i * cols + j]`. A batch of samples is a matrix with one sample per row,
 * so a layer computes Z = X·W + b with X of shape [batch, inputs] and W of shape [inputs, units].
 *
 * The products that backpropagation needs are here without building a transposed copy:
 *   matmul(A, B)        = A·B     [m, k]·[k, n] → [m, n]   (forward pass)
 *   matmulTransA(A, B)  = Aᵀ·B    [k, m]ᵀ·[k, n] → [m, n]  (dL/dW = Xᵀ·dL/dZ)
 *   matmulTransB(A, B)  = A·Bᵀ    [m, k]·[n, k]ᵀ → [m, n]  (dL/dX = dL/dZ·Wᵀ)
 * The fast kernels live in `matmul-kernels.ts`, beside a plainly written reference they are tested against.
 *
 * Every function checks shapes and names itself, the argument and both shapes in its error.
 * Math lets NaN through: a NaN in an input gives NaN in the output, never an exception.
 */
import { ArgumentError, ShapeError, checkNumberArray, describe, formatShape } from './errors';
import { checkElements } from './limits';
import { gemmNN, gemmNT, gemmTN } from './matmul-kernels';

export class Matrix {
  /** Number of rows (for a batch: the number of samples). */
  readonly rows: number;
  /** Number of columns (for a batch: the number of features). */
  readonly cols: number;
  /** The elements, row-major: element (i, j) is data[i * cols + j]. */
  readonly data: Float64Array;

  /**
   * A rows×cols matrix of zeros, or around `data` (a Float64Array of rows·cols numbers, used without copying; a
   * plain array of numbers is copied into one). Anything else (strings, a wrong length) is an error, and a size
   * past nn.getLimits().maxElements is refused before allocating.
   */
  constructor(rows: number, cols: number, data?: Float64Array | ReadonlyArray<number>) {
    if (!Number.isInteger(rows) || rows < 0 || !Number.isInteger(cols) || cols < 0) {
      throw new ArgumentError(`Matrix: rows and cols must be integers ≥ 0, got ${describe(rows)} and ${describe(cols)}`);
    }
    if (data !== undefined && !(data instanceof Float64Array)) {
      if (!Array.isArray(data)) {
        throw new ArgumentError(`Matrix: data must be a Float64Array or an array of numbers, got ${describe(data)}`);
      }
      for (let i = 0; i < data.length; i++) {
        if (typeof data[i] !== 'number') {
          throw new ArgumentError(`Matrix: data[${i}] must be a number, got ${describe(data[i])} (use Matrix.from(rows) for nested arrays)`);
        }
      }
    }
    if (data !== undefined && data.length !== rows * cols) {
      throw new ShapeError(
        `Matrix: data has ${data.length} elements, expected rows·cols = ${rows}·${cols} = ${rows * cols}`,
        [rows * cols],
        [data.length],
      );
    }
    if (data === undefined) checkElements('Matrix', `a ${rows}×${cols} matrix`, rows * cols);
    this.rows = rows;
    this.cols = cols;
    this.data = data === undefined ? new Float64Array(rows * cols) : data instanceof Float64Array ? data : Float64Array.from(data);
  }

  /** Throws unless (i, j) is inside the matrix: a wrong index must not silently read another element. */
  private checkIndex(fn: string, i: number, j: number): void {
    if (!Number.isInteger(i) || i < 0 || i >= this.rows || !Number.isInteger(j) || j < 0 || j >= this.cols) {
      throw new ArgumentError(
        `Matrix.${fn}: index (${describe(i)}, ${describe(j)}) is outside the ${this.rows}×${this.cols} matrix; expected integers 0 ≤ i < ${this.rows}, 0 ≤ j < ${this.cols}`,
      );
    }
  }

  /** The shape as [rows, cols]. */
  get shape(): [number, number] {
    return [this.rows, this.cols];
  }

  /** A matrix of zeros. */
  static zeros(rows: number, cols: number): Matrix {
    return new Matrix(rows, cols);
  }

  /** A matrix filled with `value`. */
  static filled(rows: number, cols: number, value: number): Matrix {
    if (typeof value !== 'number') throw new ArgumentError(`Matrix.filled: value must be a number, got ${describe(value)}`);
    const m = new Matrix(rows, cols);
    m.data.fill(value);
    return m;
  }

  /** The n×n identity matrix. */
  static identity(n: number): Matrix {
    if (!Number.isInteger(n) || n < 0) throw new ArgumentError(`Matrix.identity: n must be an integer ≥ 0, got ${describe(n)}`);
    const m = new Matrix(n, n);
    for (let i = 0; i < n; i++) m.data[i * n + i] = 1;
    return m;
  }

  /**
   * Builds a matrix from nested arrays, e.g. `Matrix.from([[1, 2], [3, 4]])`.
   * A flat array of numbers becomes a single column (one value per sample).
   * Ragged rows or non-numbers give an error naming the row and column.
   */
  static from(rows: ReadonlyArray<ReadonlyArray<number>> | ReadonlyArray<number>, name = 'values', fn = 'Matrix.from'): Matrix {
    if (!Array.isArray(rows)) {
      throw new ArgumentError(`${fn}: ${name} must be an array of rows (number[][]), got ${describe(rows)}`);
    }
    const n = rows.length;
    if (n === 0) return new Matrix(0, 0);
    if (!Array.isArray(rows[0])) {
      const m = new Matrix(n, 1);
      for (let i = 0; i < n; i++) {
        const v = rows[i];
        if (typeof v !== 'number') {
          throw new ArgumentError(`${fn}: ${name}[${i}] must be a number, got ${describe(v)}`);
        }
        m.data[i] = v;
      }
      return m;
    }
    const cols = (rows[0] as ReadonlyArray<number>).length;
    const m = new Matrix(n, cols);
    for (let i = 0; i < n; i++) {
      const row = rows[i] as ReadonlyArray<number>;
      if (!Array.isArray(row)) {
        throw new ArgumentError(`${fn}: ${name}[${i}] must be an array (a row), got ${describe(row)}`);
      }
      if (row.length !== cols) {
        throw new ShapeError(
          `${fn}: ${name}[${i}] has ${row.length} values, expected ${cols} like row 0 (all rows must have the same length)`,
          [cols],
          [row.length],
        );
      }
      for (let j = 0; j < cols; j++) {
        const v = row[j];
        if (typeof v !== 'number') {
          throw new ArgumentError(`${fn}: ${name}[${i}][${j}] must be a number, got ${describe(v)}`);
        }
        m.data[i * cols + j] = v;
      }
    }
    return m;
  }

  /** A one-row matrix from a vector. */
  static rowVector(values: ArrayLike<number>): Matrix {
    checkNumberArray('Matrix.rowVector', 'values', values);
    return new Matrix(1, values.length, Float64Array.from(values));
  }

  /** Element (i, j); an index outside the matrix is an error. */
  get(i: number, j: number): number {
    this.checkIndex('get', i, j);
    return this.data[i * this.cols + j];
  }

  /** Sets element (i, j); an index outside the matrix or a value that is not a number is an error. */
  set(i: number, j: number, value: number): void {
    this.checkIndex('set', i, j);
    if (typeof value !== 'number') throw new ArgumentError(`Matrix.set: value must be a number, got ${describe(value)}`);
    this.data[i * this.cols + j] = value;
  }

  /** Row i as a plain array. */
  row(i: number): number[] {
    if (!Number.isInteger(i) || i < 0 || i >= this.rows) {
      throw new ArgumentError(`Matrix.row: row ${describe(i)} is outside the ${this.rows}×${this.cols} matrix; expected an integer 0 ≤ i < ${this.rows}`);
    }
    return Array.from(this.data.subarray(i * this.cols, (i + 1) * this.cols));
  }

  /** Column j as a plain array. */
  col(j: number): number[] {
    if (!Number.isInteger(j) || j < 0 || j >= this.cols) {
      throw new ArgumentError(`Matrix.col: column ${describe(j)} is outside the ${this.rows}×${this.cols} matrix; expected an integer 0 ≤ j < ${this.cols}`);
    }
    const out = new Array<number>(this.rows);
    for (let i = 0; i < this.rows; i++) out[i] = this.data[i * this.cols + j];
    return out;
  }

  /** The matrix as nested plain arrays (for printing, JSON and plots). */
  toArray(): number[][] {
    const out: number[][] = [];
    for (let i = 0; i < this.rows; i++) out.push(Array.from(this.data.subarray(i * this.cols, (i + 1) * this.cols)));
    return out;
  }

  /** A deep copy. */
  clone(): Matrix {
    return new Matrix(this.rows, this.cols, this.data.slice());
  }

  /** The transpose, as a new matrix (for display; the products below never need it). */
  transpose(): Matrix {
    const t = new Matrix(this.cols, this.rows);
    for (let i = 0; i < this.rows; i++) {
      for (let j = 0; j < this.cols; j++) t.data[j * this.rows + i] = this.data[i * this.cols + j];
    }
    return t;
  }

  /** The rows listed in `indices`, in that order, as a new matrix (used for mini-batches). */
  selectRows(indices: ArrayLike<number>, out?: Matrix): Matrix {
    if (!Array.isArray(indices) && !(ArrayBuffer.isView(indices) && !(indices instanceof DataView))) {
      throw new ArgumentError(`Matrix.selectRows: indices must be an array of row numbers, got ${describe(indices)}`);
    }
    const c = this.cols;
    const m = out ?? new Matrix(indices.length, c);
    if (m.rows !== indices.length || m.cols !== c) {
      throw new ShapeError(
        `Matrix.selectRows: out has shape ${formatShape(m.shape)}, expected ${formatShape([indices.length, c])}`,
        [indices.length, c],
        m.shape,
      );
    }
    for (let r = 0; r < indices.length; r++) {
      const i = indices[r];
      if (!Number.isInteger(i) || i < 0 || i >= this.rows) {
        throw new ArgumentError(`Matrix.selectRows: index ${describe(i)} at position ${r} is outside 0…${this.rows - 1}`);
      }
      const from = i * c, to = r * c;
      for (let j = 0; j < c; j++) m.data[to + j] = this.data[from + j]; // (a plain loop: no subarray object per row)
    }
    return m;
  }

  /** A readable fixed-width rendering, e.g. for `console.log`. */
  toString(digits = 4): string {
    if (!Number.isInteger(digits) || digits < 0 || digits > 100) {
      throw new ArgumentError(`Matrix.toString: digits must be an integer in [0, 100], got ${describe(digits)}`);
    }
    const rows = this.toArray().map((r) => r.map((v) => v.toFixed(digits)));
    let width = 1; // a loop, not Math.max(...cells): spreading a large matrix overflows the call stack
    for (const r of rows) for (const c of r) if (c.length > width) width = c.length;
    return rows.map((r) => '[ ' + r.map((s) => s.padStart(width)).join('  ') + ' ]').join('\n');
  }
}

/** Accepts a Matrix or nested arrays; returns a Matrix (no copy for a Matrix). */
export function toMatrix(value: Matrix | ReadonlyArray<ReadonlyArray<number>> | ReadonlyArray<number>, name: string, fn: string): Matrix {
  if (value instanceof Matrix) return value;
  if (!Array.isArray(value)) {
    throw new ArgumentError(`${fn}: ${name} must be a Matrix or an array of rows (number[][]), got ${describe(value)}`);
  }
  return Matrix.from(value, name, fn);
}

function checkOut(fn: string, out: Matrix | undefined, rows: number, cols: number): Matrix {
  if (out === undefined) return new Matrix(rows, cols);
  if (out.rows !== rows || out.cols !== cols) {
    throw new ShapeError(`${fn}: argument out has shape ${formatShape(out.shape)}, expected ${formatShape([rows, cols])}`, [rows, cols], out.shape);
  }
  return out;
}

function checkMatrix(fn: string, arg: string, m: unknown): asserts m is Matrix {
  if (!(m instanceof Matrix)) throw new ArgumentError(`${fn}: ${arg} must be a Matrix, got ${describe(m)}`);
}

/** C = A·B. A is [m, k], B is [k, n], C is [m, n]. */
export function matmul(A: Matrix, B: Matrix, out?: Matrix): Matrix {
  checkMatrix('matmul', 'A', A);
  checkMatrix('matmul', 'B', B);
  if (A.cols !== B.rows) {
    throw new ShapeError(
      `matmul: inner dimensions must match: A has shape ${formatShape(A.shape)} and B has shape ${formatShape(B.shape)}; ` +
        `expected B to have ${A.cols} rows`,
      [A.cols, null],
      B.shape,
    );
  }
  const C = checkOut('matmul', out, A.rows, B.cols);
  gemmNN(A.rows, B.cols, A.cols, A.data, B.data, C.data);
  return C;
}

/** C = Aᵀ·B without forming Aᵀ. A is [k, m], B is [k, n], C is [m, n]. Backprop uses it for dL/dW = Xᵀ·dL/dZ. */
export function matmulTransA(A: Matrix, B: Matrix, out?: Matrix): Matrix {
  checkMatrix('matmulTransA', 'A', A);
  checkMatrix('matmulTransA', 'B', B);
  if (A.rows !== B.rows) {
    throw new ShapeError(
      `matmulTransA: Aᵀ·B needs A and B to have the same number of rows: A has shape ${formatShape(A.shape)} and B has shape ${formatShape(B.shape)}`,
      [A.rows, null],
      B.shape,
    );
  }
  const C = checkOut('matmulTransA', out, A.cols, B.cols);
  gemmTN(A.cols, B.cols, A.rows, A.data, B.data, C.data);
  return C;
}

/** C = A·Bᵀ without forming Bᵀ. A is [m, k], B is [n, k], C is [m, n]. Backprop uses it for dL/dX = dL/dZ·Wᵀ. */
export function matmulTransB(A: Matrix, B: Matrix, out?: Matrix): Matrix {
  checkMatrix('matmulTransB', 'A', A);
  checkMatrix('matmulTransB', 'B', B);
  if (A.cols !== B.cols) {
    throw new ShapeError(
      `matmulTransB: A·Bᵀ needs A and B to have the same number of columns: A has shape ${formatShape(A.shape)} and B has shape ${formatShape(B.shape)}`,
      [null, A.cols],
      B.shape,
    );
  }
  const C = checkOut('matmulTransB', out, A.rows, B.rows);
  gemmNT(A.rows, B.rows, A.cols, A.data, B.data, C.data);
  return C;
}

/** Adds the row vector `bias` (length = cols) to every row of M, in place, and returns M ("bias broadcast"). */
export function addRowVector(M: Matrix, bias: ArrayLike<number>): Matrix {
  checkMatrix('addRowVector', 'M', M);
  if (bias.length !== M.cols) {
    throw new ShapeError(
      `addRowVector: bias has length ${bias.length}, expected ${M.cols} (one value per column of M, shape ${formatShape(M.shape)})`,
      [M.cols],
      [bias.length],
    );
  }
  // Simply: d[i·c + j] += bias[j] for every row i and column j. Written four columns at a time with the four bias
  // values held in local variables, which runs about twice as fast here; each element still gets one addition.
  const c = M.cols, c4 = c - (c % 4), end = M.rows * c;
  const d = M.data;
  for (let j = 0; j < c4; j += 4) {
    const b0 = bias[j], b1 = bias[j + 1], b2 = bias[j + 2], b3 = bias[j + 3];
    for (let o = j; o < end; o += c) {
      d[o] += b0; d[o + 1] += b1; d[o + 2] += b2; d[o + 3] += b3;
    }
  }
  for (let j = c4; j < c; j++) {
    const bj = bias[j];
    for (let o = j; o < end; o += c) d[o] += bj;
  }
  return M;
}

/** Sums each column of M into a vector of length cols (the bias gradient: db = Σ over the batch of dL/dZ). */
export function sumRows(M: Matrix, out?: Float64Array): Float64Array {
  checkMatrix('sumRows', 'M', M);
  const c = M.cols;
  const s = out ?? new Float64Array(c);
  if (s.length !== c) throw new ShapeError(`sumRows: out has length ${s.length}, expected ${c}`, [c], [s.length]);
  // Simply: s[j] = Σ_i d[i·c + j], rows in order. Four columns at a time, each sum in a local variable (not
  // re-read from s after every row), which runs about 2.5× as fast here and adds in the same order.
  const c4 = c - (c % 4), end = M.rows * c;
  const d = M.data;
  for (let j = 0; j < c4; j += 4) {
    let s0 = 0, s1 = 0, s2 = 0, s3 = 0;
    for (let o = j; o < end; o += c) {
      s0 += d[o]; s1 += d[o + 1]; s2 += d[o + 2]; s3 += d[o + 3];
    }
    s[j] = s0; s[j + 1] = s1; s[j + 2] = s2; s[j + 3] = s3;
  }
  for (let j = c4; j < c; j++) {
    let sum = 0;
    for (let o = j; o < end; o += c) sum += d[o];
    s[j] = sum;
  }
  return s;
}

/** Applies f to every element; returns a new matrix (or writes into `out`, which may be M itself). */
export function map(M: Matrix, f: (value: number, i: number, j: number) => number, out?: Matrix): Matrix {
  checkMatrix('map', 'M', M);
  if (typeof f !== 'function') throw new ArgumentError(`map: f must be a function (value, i, j) => number, got ${describe(f)}`);
  const R = checkOut('map', out, M.rows, M.cols);
  const c = M.cols;
  for (let i = 0; i < M.rows; i++) {
    for (let j = 0; j < c; j++) R.data[i * c + j] = f(M.data[i * c + j], i, j);
  }
  return R;
}

function checkSameShape(fn: string, A: Matrix, B: Matrix): void {
  checkMatrix(fn, 'A', A);
  checkMatrix(fn, 'B', B);
  if (A.rows !== B.rows || A.cols !== B.cols) {
    throw new ShapeError(
      `${fn}: A and B must have the same shape: A has shape ${formatShape(A.shape)}, B has shape ${formatShape(B.shape)}`,
      A.shape,
      B.shape,
    );
  }
}

/** Element-wise A + B. */
export function add(A: Matrix, B: Matrix, out?: Matrix): Matrix {
  checkSameShape('add', A, B);
  const R = checkOut('add', out, A.rows, A.cols);
  for (let i = 0; i < A.data.length; i++) R.data[i] = A.data[i] + B.data[i];
  return R;
}

/** Element-wise A − B. */
export function subtract(A: Matrix, B: Matrix, out?: Matrix): Matrix {
  checkSameShape('subtract', A, B);
  const R = checkOut('subtract', out, A.rows, A.cols);
  for (let i = 0; i < A.data.length; i++) R.data[i] = A.data[i] - B.data[i];
  return R;
}

/** Element-wise (Hadamard) product A ⊙ B. */
export function hadamard(A: Matrix, B: Matrix, out?: Matrix): Matrix {
  checkSameShape('hadamard', A, B);
  const R = checkOut('hadamard', out, A.rows, A.cols);
  for (let i = 0; i < A.data.length; i++) R.data[i] = A.data[i] * B.data[i];
  return R;
}

/** s·A. */
export function scale(A: Matrix, s: number, out?: Matrix): Matrix {
  checkMatrix('scale', 'A', A);
  if (typeof s !== 'number') throw new ArgumentError(`scale: s must be a number, got ${describe(s)}`);
  const R = checkOut('scale', out, A.rows, A.cols);
  for (let i = 0; i < A.data.length; i++) R.data[i] = s * A.data[i];
  return R;
}

/** Largest absolute element-wise difference between A and B (NaN if either holds NaN). */
export function maxAbsDiff(A: Matrix, B: Matrix): number {
  checkSameShape('maxAbsDiff', A, B);
  let m = 0;
  for (let i = 0; i < A.data.length; i++) {
    const d = Math.abs(A.data[i] - B.data[i]);
    if (!(d <= m)) m = d; // also takes NaN
  }
  return m;
}
