import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { GEMM_WASM_BASE64 } from '../../lib/wasm/gemm-wasm';
import { SimdGemm, gemmWasmModule, packPanels } from '../../lib/wasm/simd-gemm';
import { gemmNNReference } from '../../lib/matmul-kernels';
import { Random } from '../../lib/random';

// scripts/build-wasm.js is plain CommonJS (it runs without a TypeScript step).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const build = require('../../scripts/build-wasm.js') as {
  MODULES: Record<string, { out: string }>;
  assemble(name: string): Promise<Uint8Array>;
  render(name: string, bytes: Uint8Array): string;
};

describe('lib/wasm/gemm-wasm.ts (generated)', () => {
  it('holds exactly the bytes that a fresh assembly of lib/wasm/gemm.wat gives (run `npm run build:wasm` after editing gemm.wat)', async () => {
    const fresh = await build.assemble('gemm');
    assert.deepEqual(Buffer.from(GEMM_WASM_BASE64, 'base64'), Buffer.from(fresh));
    assert.equal(readFileSync(build.MODULES.gemm.out, 'utf8'), build.render('gemm', fresh));
  });

  it('compiles here (Node ≥ 20 has WebAssembly SIMD and shared memory)', () => {
    assert.notEqual(gemmWasmModule(), null);
  });
});

describe('packPanels', () => {
  it('packs the rows of [[1, 2, 3], [4, 5, 6]] into one panel of 4 rows, padded with zeros', () => {
    const dst = new Float64Array(12).fill(9);
    packPanels(Float64Array.of(1, 2, 3, 4, 5, 6), 2, 3, 3, 1, dst, 0);
    assert.deepEqual(Array.from(dst), [1, 4, 0, 0, 2, 5, 0, 0, 3, 6, 0, 0]);
  });

  it('packs the columns of a row-major matrix when given the column strides', () => {
    // B = [[1, 2, 3, 4, 5], [6, 7, 8, 9, 10]] (2×5): 5 columns of length 2 → 2 panels.
    const B = Float64Array.from({ length: 10 }, (_, i) => i + 1);
    const dst = new Float64Array(16).fill(9);
    packPanels(B, 5, 2, 1, 5, dst, 0);
    assert.deepEqual(Array.from(dst), [1, 2, 3, 4, 6, 7, 8, 9, 5, 0, 0, 0, 10, 0, 0, 0]);
  });
});

describe('SimdGemm', () => {
  it("packs operands in its memory exactly as packPanels does, for rows, columns and transposed layouts (the module's pack)", () => {
    const kernel = new SimdGemm();
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 11 }), fc.integer({ min: 0, max: 11 }), fc.integer({ min: 0, max: 11 }), fc.constantFrom('NN', 'TN', 'NT'), fc.integer(),
        (m, n, k, layout, seed) => {
          const rng = new Random(seed);
          const A = Float64Array.from({ length: m * k }, () => rng.normal()), B = Float64Array.from({ length: k * n }, () => rng.normal());
          // Strides as lib/matmul-kernels.ts passes them: A(i, p) at A[i·aLine + p·aStep], B(p, j) at B[j·bLine + p·bStep].
          const [aLine, aStep] = layout === 'TN' ? [1, m] : [k, 1];
          const [bLine, bStep] = layout === 'NT' ? [k, 1] : [1, n];
          const view = new Float64Array(kernel.memory.buffer);
          view.fill(NaN, 0, 4096); // whatever an earlier product left: padding must be written, not assumed
          const job = kernel.pack(m, n, k, A, aLine, aStep, B, bLine, bStep);
          assert.ok(job !== null);
          const aLength = 4 * job.rowPanels * k, bLength = 4 * job.colPanels * k;
          const expected = new Float64Array(aLength + bLength).fill(7);
          packPanels(A, m, k, aLine, aStep, expected, 0);
          packPanels(B, n, k, bLine, bStep, expected, aLength);
          const packed = new Float64Array(kernel.memory.buffer).subarray(job.a / 8, job.a / 8 + aLength + bLength);
          assert.equal(job.b / 8, aLength);
          for (let i = 0; i < expected.length; i++) {
            assert.ok(Object.is(packed[i], expected[i]), `${layout} ${m}×${n}×${k}: packed element ${i} is ${packed[i]}, packPanels gives ${expected[i]}`);
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('computes C = A·B bit-identically to the reference for any shape, including 0, 1 and sizes that are not multiples of 4', () => {
    const kernel = new SimdGemm();
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 11 }), fc.integer({ min: 0, max: 11 }), fc.integer({ min: 0, max: 11 }), fc.integer(), (m, n, k, seed) => {
        const rng = new Random(seed);
        const A = Float64Array.from({ length: m * k }, () => rng.normal()), B = Float64Array.from({ length: k * n }, () => rng.normal());
        const C = new Float64Array(m * n).fill(NaN), reference = new Float64Array(m * n);
        const job = kernel.pack(m, n, k, A, k, 1, B, 1, n);
        assert.ok(job !== null);
        kernel.run(job, 0, job.rowPanels);
        kernel.unpack(job, m, n, C);
        gemmNNReference(m, n, k, A, B, reference);
        for (let i = 0; i < m * n; i++) assert.ok(Object.is(C[i], reference[i]), `${m}×${n}×${k}: element ${i} is ${C[i]}, reference ${reference[i]}`);
      }),
      { numRuns: 300 },
    );
  });

  it('keeps the sign of a zero sum as the reference does (+0 from −0 products)', () => {
    const kernel = new SimdGemm();
    const A = Float64Array.of(-0, -0), B = Float64Array.of(1, 1); // 1×2 · 2×1: (−0·1) + (−0·1) summed from +0 is +0
    const job = kernel.pack(1, 1, 2, A, 2, 1, B, 1, 1)!;
    kernel.run(job, 0, job.rowPanels);
    const C = new Float64Array(1).fill(NaN);
    kernel.unpack(job, 1, 1, C);
    const reference = new Float64Array(1);
    gemmNNReference(1, 1, 2, A, B, reference);
    assert.ok(Object.is(C[0], reference[0]) && Object.is(C[0], 0));
  });
});
