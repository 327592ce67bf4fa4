/**
 * Matrix-product kernels on row-major Float64Arrays: a plain reference and a fast version of each.
 *
 * The three products backpropagation needs (C is always overwritten, never accumulated):
 *   gemmNN: C[m×n] = A[m×k] · B[k×n]
 *   gemmTN: C[m×n] = A[k×m]ᵀ · B[k×n]
 *   gemmNT: C[m×n] = A[m×k] · B[n×k]ᵀ
 *
 * The reference versions are the textbook triple loop — read them first. The fast versions compute the
 * same sums with 4×4 register tiling: 16 running sums live in local variables (CPU registers), so each
 * value loaded from memory is used four times instead of once. The summation order over p is the same
 * as in the reference, so both give bit-identical results (a test checks this).
 */

/** Reference: C = A·B, the textbook triple loop. */
export function gemmNNReference(m: number, n: number, k: number, A: Float64Array, B: Float64Array, C: Float64Array): void {
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < n; j++) {
      let sum = 0;
      for (let p = 0; p < k; p++) sum += A[i * k + p] * B[p * n + j];
      C[i * n + j] = sum;
    }
  }
}

/** Reference: C = Aᵀ·B. */
export function gemmTNReference(m: number, n: number, k: number, A: Float64Array, B: Float64Array, C: Float64Array): void {
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < n; j++) {
      let sum = 0;
      for (let p = 0; p < k; p++) sum += A[p * m + i] * B[p * n + j];
      C[i * n + j] = sum;
    }
  }
}

/** Reference: C = A·Bᵀ. */
export function gemmNTReference(m: number, n: number, k: number, A: Float64Array, B: Float64Array, C: Float64Array): void {
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < n; j++) {
      let sum = 0;
      for (let p = 0; p < k; p++) sum += A[i * k + p] * B[j * k + p];
      C[i * n + j] = sum;
    }
  }
}

/**
 * The generic tiled kernel. Element A(i, p) is at A[i·aRow + p·aCol] and B(p, j) at B[p·bRow + j·bCol],
 * so one function serves the three layouts (a transposed operand just swaps its two strides).
 */
function gemmTiled(
  m: number, n: number, k: number,
  A: Float64Array, aRow: number, aCol: number,
  B: Float64Array, bRow: number, bCol: number,
  C: Float64Array,
): void {
  const m4 = m - (m % 4);
  const n4 = n - (n % 4);
  for (let i = 0; i < m4; i += 4) {
    const a0 = i * aRow, a1 = a0 + aRow, a2 = a1 + aRow, a3 = a2 + aRow;
    for (let j = 0; j < n4; j += 4) {
      const b0 = j * bCol, b1 = b0 + bCol, b2 = b1 + bCol, b3 = b2 + bCol;
      let c00 = 0, c01 = 0, c02 = 0, c03 = 0;
      let c10 = 0, c11 = 0, c12 = 0, c13 = 0;
      let c20 = 0, c21 = 0, c22 = 0, c23 = 0;
      let c30 = 0, c31 = 0, c32 = 0, c33 = 0;
      for (let p = 0; p < k; p++) {
        const ap = p * aCol, bp = p * bRow;
        const x0 = A[a0 + ap], x1 = A[a1 + ap], x2 = A[a2 + ap], x3 = A[a3 + ap];
        const y0 = B[bp + b0], y1 = B[bp + b1], y2 = B[bp + b2], y3 = B[bp + b3];
        c00 += x0 * y0; c01 += x0 * y1; c02 += x0 * y2; c03 += x0 * y3;
        c10 += x1 * y0; c11 += x1 * y1; c12 += x1 * y2; c13 += x1 * y3;
        c20 += x2 * y0; c21 += x2 * y1; c22 += x2 * y2; c23 += x2 * y3;
        c30 += x3 * y0; c31 += x3 * y1; c32 += x3 * y2; c33 += x3 * y3;
      }
      let o = i * n + j;
      C[o] = c00; C[o + 1] = c01; C[o + 2] = c02; C[o + 3] = c03; o += n;
      C[o] = c10; C[o + 1] = c11; C[o + 2] = c12; C[o + 3] = c13; o += n;
      C[o] = c20; C[o + 1] = c21; C[o + 2] = c22; C[o + 3] = c23; o += n;
      C[o] = c30; C[o + 1] = c31; C[o + 2] = c32; C[o + 3] = c33;
    }
    // Right fringe: the last n % 4 columns of these four rows.
    for (let j = n4; j < n; j++) {
      const b = j * bCol;
      let c0 = 0, c1 = 0, c2 = 0, c3 = 0;
      for (let p = 0; p < k; p++) {
        const y = B[p * bRow + b], ap = p * aCol;
        c0 += A[a0 + ap] * y; c1 += A[a1 + ap] * y; c2 += A[a2 + ap] * y; c3 += A[a3 + ap] * y;
      }
      C[i * n + j] = c0; C[(i + 1) * n + j] = c1; C[(i + 2) * n + j] = c2; C[(i + 3) * n + j] = c3;
    }
  }
  // Bottom fringe: the last m % 4 rows, all columns.
  for (let i = m4; i < m; i++) {
    const a = i * aRow;
    for (let j = 0; j < n; j++) {
      const b = j * bCol;
      let sum = 0;
      for (let p = 0; p < k; p++) sum += A[a + p * aCol] * B[p * bRow + b];
      C[i * n + j] = sum;
    }
  }
}

/** Fast C = A·B (A is m×k, B is k×n). */
export function gemmNN(m: number, n: number, k: number, A: Float64Array, B: Float64Array, C: Float64Array): void {
  gemmTiled(m, n, k, A, k, 1, B, n, 1, C);
}

/** Fast C = Aᵀ·B (A is k×m, B is k×n). */
export function gemmTN(m: number, n: number, k: number, A: Float64Array, B: Float64Array, C: Float64Array): void {
  gemmTiled(m, n, k, A, 1, m, B, n, 1, C);
}

/** Fast C = A·Bᵀ (A is m×k, B is n×k). */
export function gemmNT(m: number, n: number, k: number, A: Float64Array, B: Float64Array, C: Float64Array): void {
  gemmTiled(m, n, k, A, k, 1, B, 1, k, C);
}
