import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  PARALLEL_MIN_FLOPS,
  gemmNN, gemmNNReference, gemmNT, gemmNTReference, gemmTN, gemmTNReference,
  getMatmulThreads, matmulHelperReady, setMatmulThreads,
} from '../lib/matmul-kernels';
import { Random } from '../lib/random';

type Kernel = (m: number, n: number, k: number, A: Float64Array, B: Float64Array, C: Float64Array) => void;

/** The three layouts with the sizes of A and B they read (A·B, Aᵀ·B, A·Bᵀ). */
const LAYOUTS: { name: string; fast: Kernel; reference: Kernel }[] = [
  { name: 'gemmNN (C = A·B)', fast: gemmNN, reference: gemmNNReference },
  { name: 'gemmTN (C = Aᵀ·B)', fast: gemmTN, reference: gemmTNReference },
  { name: 'gemmNT (C = A·Bᵀ)', fast: gemmNT, reference: gemmNTReference },
];

function randomArray(length: number, rng: Random): Float64Array {
  return Float64Array.from({ length }, () => rng.normal());
}

/** Runs the fast kernel and the reference on the same random operands; C starts as garbage to prove it is overwritten. */
function both(kernel: (typeof LAYOUTS)[number], m: number, n: number, k: number, seed: number) {
  const rng = new Random(seed);
  const A = randomArray(m * k, rng), B = randomArray(k * n, rng);
  const fast = new Float64Array(m * n).fill(NaN), reference = new Float64Array(m * n).fill(7);
  kernel.fast(m, n, k, A, B, fast);
  kernel.reference(m, n, k, A, B, reference);
  return { fast, reference, A, B };
}

/** Bit-identical, including the sign of zero and NaN positions. */
function assertIdentical(actual: Float64Array, expected: Float64Array, what: string): void {
  assert.equal(actual.length, expected.length, what);
  for (let i = 0; i < actual.length; i++) {
    if (!Object.is(actual[i], expected[i])) assert.fail(`${what}: element ${i} is ${actual[i]}, reference gives ${expected[i]}`);
  }
}

describe('matmul kernels', () => {
  for (const kernel of LAYOUTS) {
    describe(kernel.name, () => {
      it('gives bit-identical results to the reference for random shapes, including 0, 1 and sizes that are not multiples of the 4×4 tile', () => {
        setMatmulThreads(1);
        fc.assert(
          fc.property(fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 13 }), fc.integer(), (m, n, k, seed) => {
            const { fast, reference } = both(kernel, m, n, k, seed);
            assertIdentical(fast, reference, `${kernel.name} ${m}×${n}×${k}`);
          }),
          { numRuns: 300 },
        );
      });

      it('gives bit-identical results on the shapes of the MNIST-sized benchmark', () => {
        setMatmulThreads(1);
        for (const [m, n, k] of [[64, 128, 784], [784, 128, 64], [64, 10, 64], [17, 33, 65]]) {
          const { fast, reference } = both(kernel, m, n, k, m + n + k);
          assertIdentical(fast, reference, `${kernel.name} ${m}×${n}×${k}`);
        }
      });

      it('fills C with zeros when the inner dimension k is 0', () => {
        const { fast } = both(kernel, 3, 5, 0, 1);
        assert.deepEqual(Array.from(fast), new Array(15).fill(0));
      });

      it('lets NaN through to exactly the elements whose row or column holds it', () => {
        const rng = new Random(3);
        const m = 6, n = 5, k = 7;
        const A = randomArray(m * k, rng), B = randomArray(k * n, rng);
        A[0] = NaN; // element (0, 0) of A in every layout: it feeds row 0 of C only
        const fast = new Float64Array(m * n), reference = new Float64Array(m * n);
        kernel.fast(m, n, k, A, B, fast);
        kernel.reference(m, n, k, A, B, reference);
        assertIdentical(fast, reference, kernel.name);
        for (let i = 0; i < m * n; i++) assert.equal(Number.isNaN(fast[i]), i < n, `element ${i}`);
      });
    });
  }

  describe('with two threads', () => {
    it('gives bit-identical results with 1 and 2 threads for all three layouts on large products', async () => {
      const previous = getMatmulThreads();
      setMatmulThreads(2);
      const big: Kernel = gemmNN;
      big(64, 128, 784, new Float64Array(64 * 784), new Float64Array(784 * 128), new Float64Array(64 * 128)); // starts the helper
      for (let waited = 0; !matmulHelperReady() && waited < 10_000; waited += 20) await new Promise((r) => setTimeout(r, 20));
      assert.ok(matmulHelperReady(), 'the helper thread did not start within 10 s');
      const shapes = [[64, 128, 784], [784, 128, 64], [61, 127, 301], [9, 400, 600], [8, 250, 1001]];
      for (const kernel of LAYOUTS) {
        for (const [m, n, k] of shapes) {
          assert.ok(2 * m * n * k >= PARALLEL_MIN_FLOPS, 'the shape is large enough to be split');
          const rng = new Random(m * n + k);
          const A = randomArray(m * k, rng), B = randomArray(k * n, rng);
          const one = new Float64Array(m * n), two = new Float64Array(m * n).fill(NaN), reference = new Float64Array(m * n);
          setMatmulThreads(1);
          kernel.fast(m, n, k, A, B, one);
          setMatmulThreads(2);
          kernel.fast(m, n, k, A, B, two);
          kernel.reference(m, n, k, A, B, reference);
          assertIdentical(two, one, `${kernel.name} ${m}×${n}×${k}, 2 threads vs 1`);
          assertIdentical(two, reference, `${kernel.name} ${m}×${n}×${k}, 2 threads vs reference`);
        }
      }
      setMatmulThreads(previous);
    });

    it('rejects a thread count other than 1 or 2, naming the function and the value', () => {
      assert.throws(() => setMatmulThreads(3), { name: 'ArgumentError', message: /setMatmulThreads: count must be 1 or 2, got 3/ });
    });
  });
});
