import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  PARALLEL_MIN_FLOPS, WASM_MIN_FLOPS,
  gemmNN, gemmNNReference, gemmNT, gemmNTReference, gemmTN, gemmTNReference,
  failNextHelperJobForTest, getMatmulThreads, matmulBackend, matmulHelperReady, setMatmulBackend, setMatmulThreads,
  type MatmulBackend,
} from '../lib/matmul-kernels';
import { Random } from '../lib/random';

type Kernel = (m: number, n: number, k: number, A: Float64Array, B: Float64Array, C: Float64Array) => void;

/** The three layouts with the sizes of A and B they read (A·B, Aᵀ·B, A·Bᵀ). */
const LAYOUTS: { name: string; fast: Kernel; reference: Kernel }[] = [
  { name: 'gemmNN (C = A·B)', fast: gemmNN, reference: gemmNNReference },
  { name: 'gemmTN (C = Aᵀ·B)', fast: gemmTN, reference: gemmTNReference },
  { name: 'gemmNT (C = A·Bᵀ)', fast: gemmNT, reference: gemmNTReference },
];
const BACKENDS: MatmulBackend[] = ['js', 'wasm-simd'];

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

/** Runs body with the given backend and thread count, then restores the previous settings. */
function using(backend: MatmulBackend, threads: number, body: () => void): void {
  const previousBackend = matmulBackend(), previousThreads = getMatmulThreads();
  setMatmulBackend(backend);
  setMatmulThreads(threads);
  try {
    body();
  } finally {
    setMatmulBackend(previousBackend);
    setMatmulThreads(previousThreads);
  }
}

/** Starts the helper thread (it starts on the first large product) and waits until it takes work. */
async function startHelper(): Promise<void> {
  const previous = getMatmulThreads();
  setMatmulThreads(2);
  gemmNN(64, 128, 784, new Float64Array(64 * 784), new Float64Array(784 * 128), new Float64Array(64 * 128));
  for (let waited = 0; !matmulHelperReady() && waited < 10_000; waited += 20) await new Promise((r) => setTimeout(r, 20));
  setMatmulThreads(previous);
  assert.ok(matmulHelperReady() || previous === 1, 'the helper thread did not start within 10 s');
}

describe('matmul kernels', () => {
  it("uses the WebAssembly SIMD kernel by default on Node ≥ 20 ('wasm-simd')", () => {
    assert.equal(matmulBackend(), 'wasm-simd');
  });

  for (const backend of BACKENDS) {
    for (const kernel of LAYOUTS) {
      describe(`${kernel.name} with the '${backend}' backend`, () => {
        it('gives bit-identical results to the reference for random small shapes, including 0, 1 and sizes that are not multiples of the 4×4 tile', () => {
          using(backend, 1, () => {
            fc.assert(
              fc.property(fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 13 }), fc.integer(), (m, n, k, seed) => {
                const { fast, reference } = both(kernel, m, n, k, seed);
                assertIdentical(fast, reference, `${kernel.name} ${m}×${n}×${k}`);
              }),
              { numRuns: 200 },
            );
          });
        });

        it(`gives bit-identical results for random shapes above WASM_MIN_FLOPS (${WASM_MIN_FLOPS}), with 1 and 2 threads`, async () => {
          await startHelper();
          for (const threads of [1, 2]) {
            using(backend, threads, () => {
              fc.assert(
                fc.property(
                  fc.integer({ min: 1, max: 41 }), fc.integer({ min: 1, max: 41 }), fc.integer({ min: 0, max: 60 }), fc.integer(),
                  (m, n, extraK, seed) => {
                    const k = Math.ceil(WASM_MIN_FLOPS / (2 * m * n)) + extraK; // at least the threshold
                    const { fast, reference } = both(kernel, m, n, k, seed);
                    assertIdentical(fast, reference, `${kernel.name} ${m}×${n}×${k}, ${threads} thread(s)`);
                  },
                ),
                { numRuns: 120 },
              );
            });
          }
        });

        it('gives bit-identical results on the shapes of the MNIST-sized benchmark', () => {
          using(backend, 1, () => {
            for (const [m, n, k] of [[64, 128, 784], [784, 128, 64], [64, 10, 64], [17, 33, 65], [1, 128, 784], [64, 1, 784]]) {
              const { fast, reference } = both(kernel, m, n, k, m + n + k);
              assertIdentical(fast, reference, `${kernel.name} ${m}×${n}×${k}`);
            }
          });
        });

        it('fills C with zeros when the inner dimension k is 0', () => {
          using(backend, 1, () => {
            const { fast } = both(kernel, 30, 50, 0, 1);
            assert.deepEqual(Array.from(fast), new Array(1500).fill(0));
          });
        });

        it('lets NaN in A(0, 0) through to row 0 of C only, with 1 and 2 threads', async () => {
          await startHelper();
          for (const [m, n, k] of [[6, 5, 7], [10, 9, 60], [64, 40, 800]]) {
            for (const threads of [1, 2]) {
              using(backend, threads, () => {
                const rng = new Random(3);
                const A = randomArray(m * k, rng), B = randomArray(k * n, rng);
                A[0] = NaN; // element (0, 0) of A in every layout: it feeds row 0 of C only
                const fast = new Float64Array(m * n), reference = new Float64Array(m * n);
                kernel.fast(m, n, k, A, B, fast);
                kernel.reference(m, n, k, A, B, reference);
                assertIdentical(fast, reference, `${kernel.name} ${m}×${n}×${k}`);
                for (let i = 0; i < m * n; i++) assert.equal(Number.isNaN(fast[i]), i < n, `${m}×${n}×${k}, ${threads} thread(s), element ${i}`);
              });
            }
          }
        });
      });
    }
  }

  describe('with two threads', () => {
    it('gives bit-identical results with 1 and 2 threads for all three layouts and both backends on large products, also when the kernel memory grows', async () => {
      await startHelper();
      // The last shape needs more than the SIMD kernel's initial 4 MiB, so its memory grows while the helper uses it.
      const shapes = [[64, 128, 784], [784, 128, 64], [61, 127, 301], [9, 400, 600], [8, 250, 1001], [400, 300, 1200]];
      for (const backend of BACKENDS) {
        for (const kernel of LAYOUTS) {
          for (const [m, n, k] of shapes) {
            assert.ok(2 * m * n * k >= PARALLEL_MIN_FLOPS, 'the shape is large enough to be split');
            const rng = new Random(m * n + k);
            const A = randomArray(m * k, rng), B = randomArray(k * n, rng);
            const one = new Float64Array(m * n), two = new Float64Array(m * n).fill(NaN), reference = new Float64Array(m * n);
            using(backend, 1, () => kernel.fast(m, n, k, A, B, one));
            using(backend, 2, () => {
              assert.ok(matmulHelperReady(), 'the helper thread is running');
              kernel.fast(m, n, k, A, B, two);
            });
            kernel.reference(m, n, k, A, B, reference);
            assertIdentical(two, one, `${backend} ${kernel.name} ${m}×${n}×${k}, 2 threads vs 1`);
            assertIdentical(two, reference, `${backend} ${kernel.name} ${m}×${n}×${k}, 2 threads vs reference`);
          }
        }
      }
    });

    it('still computes the whole product when the helper thread fails mid-product, warns, and goes on with one thread (both backends)', async () => {
      const [m, n, k] = [64, 128, 784];
      for (const backend of BACKENDS) {
        await startHelper();
        const rng = new Random(99);
        const A = randomArray(m * k, rng), B = randomArray(k * n, rng);
        const C = new Float64Array(m * n).fill(NaN), reference = new Float64Array(m * n);
        const warnings: string[] = [];
        const onWarning = (w: Error) => warnings.push(`${w.name}: ${w.message}`);
        process.on('warning', onWarning);
        try {
          using(backend, 2, () => {
            assert.ok(matmulHelperReady(), 'the helper thread is running');
            failNextHelperJobForTest();
            gemmNN(m, n, k, A, B, C);
            assert.equal(getMatmulThreads(), 1, 'after the failure the kernels use one thread');
            assert.equal(matmulHelperReady(), false);
          });
          await new Promise((r) => setImmediate(r)); // warnings are emitted on the next tick
        } finally {
          process.off('warning', onWarning);
        }
        gemmNNReference(m, n, k, A, B, reference);
        assertIdentical(C, reference, `${backend}: the rows the helper should have computed`);
        assert.equal(warnings.length, 1, `one warning, got ${JSON.stringify(warnings)}`);
        assert.match(warnings[0], /MatmulHelperWarning: the matrix-product helper thread failed \(simulated failure \(failNextHelperJobForTest\)\); products run on one thread/);
      }
    });

    it('rejects a thread count other than 1 or 2, naming the function and the value', () => {
      assert.throws(() => setMatmulThreads(3), { name: 'ArgumentError', message: /setMatmulThreads: count must be 1 or 2, got 3/ });
    });
  });

  describe('setMatmulBackend', () => {
    it("switches between 'js' and 'wasm-simd', and matmulBackend reports the choice", () => {
      using('js', 1, () => assert.equal(matmulBackend(), 'js'));
      using('wasm-simd', 1, () => assert.equal(matmulBackend(), 'wasm-simd'));
    });

    it('rejects an unknown backend, naming the function, the valid names and the value', () => {
      assert.throws(() => setMatmulBackend('gpu' as MatmulBackend), {
        name: 'ArgumentError',
        message: /setMatmulBackend: backend must be 'wasm-simd' or 'js', got "gpu"/,
      });
    });
  });
});
