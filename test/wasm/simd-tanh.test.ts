import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { TANH_WASM_BASE64 } from '../../lib/wasm/tanh-wasm';
import { SIMD_TANH_CHUNK, simdTanh } from '../../lib/wasm/simd-tanh';
import { decodeBase64 } from '../../lib/wasm/base64';
import {
  EXPM1_K1_BELOW, EXPM1_REDUCE_FROM, TANH_ONE_FROM, TANH_TINY, expm1ForTanh, tanhFdlibm, tanhFdlibmInto,
} from '../../lib/activations/tanh-fdlibm';
import { SIMD_TANH_MIN_LENGTH, tanh } from '../../lib/activations/tanh';
import { Matrix } from '../../lib/matrix';
import { Random } from '../../lib/random';

// scripts/build-wasm.js is plain CommonJS (it runs without a TypeScript step).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const build = require('../../scripts/build-wasm.js') as {
  MODULES: Record<string, { out: string }>;
  assemble(name: string): Promise<Uint8Array>;
  render(name: string, bytes: Uint8Array): string;
};

const kernel = simdTanh();

// ---- the points ----

const bits = new DataView(new ArrayBuffer(8));
/** The double next to x towards +Infinity (steps: 1 ulp; −0 and +0 are one step apart here, as they differ). */
function nextUp(x: number): number {
  if (Object.is(x, -0)) return 0;
  if (x === 0) return Number.MIN_VALUE;
  bits.setFloat64(0, x);
  bits.setBigInt64(0, bits.getBigInt64(0) + (x > 0 ? 1n : -1n));
  return bits.getFloat64(0);
}
function nextDown(x: number): number {
  return -nextUp(-x);
}
/** `count` consecutive doubles below t, t itself and `count` above, each with both signs. */
function ulpsAround(t: number, count: number): number[] {
  const out = [t, -t];
  let up = t, down = t;
  for (let i = 0; i < count; i++) {
    up = nextUp(up);
    down = nextDown(down);
    out.push(up, -up, down, -down);
  }
  return out;
}

/**
 * Every threshold where the algorithm changes course, as arguments of tanh (expm1 gets ±2|x|):
 * tanh's 2^−28, 1 and 22; expm1's reduction threshold and its k = ±1 limit; and every switch of the reduction's
 * k (y = (j + ½)·ln2), which covers the formula switches at k = −1/−2, 19/20 and 56/57.
 */
const THRESHOLDS = [
  TANH_TINY, 1, TANH_ONE_FROM, EXPM1_REDUCE_FROM / 2, EXPM1_K1_BELOW / 2,
  ...Array.from({ length: 63 }, (_, j) => ((j + 1.5) * Math.LN2) / 2),
];

const SPECIALS = [
  0, -0, Infinity, -Infinity, NaN, 1, -1, 22, -22, 2 ** -28, -(2 ** -28), 2 ** -27, 21.999999999999996, -21.999999999999996,
  0.9999999999999999, -0.9999999999999999, Number.MIN_VALUE, -Number.MIN_VALUE, 2 ** -1022, 2 ** -1030, -(2 ** -1050),
  1e308, -1e308, Number.MAX_VALUE, 1e-300, 0.5, -0.5, 2, 10, 19.06, 30, 44, 709, 710,
];

/** `count` random doubles: uniform in ±30, ±2, ±1e-3 and log-uniform in (2^−70, 1) with random signs, in turn. */
function randomPoints(count: number, seed: number): Float64Array {
  const rng = new Random(seed);
  const out = new Float64Array(count);
  for (let i = 0; i < count; i++) {
    const u = rng.uniform(-1, 1);
    switch (i % 4) {
      case 0: out[i] = 30 * u; break;
      case 1: out[i] = 2 * u; break;
      case 2: out[i] = 1e-3 * u; break;
      default: out[i] = Math.sign(u) * 2 ** (-70 * rng.uniform(0, 1));
    }
  }
  return out;
}

/** The indices i where ys[i] is not exactly Math.tanh(xs[i]) (Object.is: −0 ≠ +0, NaN = NaN), at most 10. */
function mismatches(xs: ArrayLike<number>, ys: ArrayLike<number>): string[] {
  const out: string[] = [];
  for (let i = 0; i < xs.length && out.length < 10; i++) {
    if (!Object.is(ys[i], Math.tanh(xs[i]))) out.push(`tanh(${xs[i]}): got ${ys[i]}, Math.tanh ${Math.tanh(xs[i])} (index ${i})`);
  }
  return out;
}

function viaKernel(xs: Float64Array): Float64Array {
  assert.ok(kernel);
  const ys = new Float64Array(xs.length);
  kernel(xs, ys);
  return ys;
}

const THRESHOLD_POINTS = Float64Array.from(THRESHOLDS.flatMap((t) => ulpsAround(t, 1000)));

describe('lib/wasm/tanh-wasm.ts (generated)', () => {
  it('holds exactly the bytes that a fresh assembly of lib/wasm/tanh.wat gives (run `npm run build:wasm` after editing tanh.wat)', async () => {
    const fresh = await build.assemble('tanh');
    assert.deepEqual(Buffer.from(TANH_WASM_BASE64, 'base64'), Buffer.from(fresh));
    assert.equal(readFileSync(build.MODULES.tanh.out, 'utf8'), build.render('tanh', fresh));
  });

  it('compiles here (Node ≥ 20 has WebAssembly SIMD)', () => {
    assert.notEqual(kernel, null);
  });
});

describe('decodeBase64', () => {
  it('gives the same bytes as Buffer for any bytes, padded or not', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 200 }), fc.boolean(), (bytes, pad) => {
      let text = Buffer.from(bytes).toString('base64');
      if (!pad) text = text.replace(/=+$/, '');
      assert.deepEqual(decodeBase64(text), Uint8Array.from(bytes));
    }));
  });

  it('rejects characters outside the alphabet', () => {
    assert.throws(() => decodeBase64('AB*D'), /invalid character "\*" at 2/);
  });
});

describe('the bit-identity check itself', () => {
  it('catches a result one ulp off, a flipped −0 and a NaN where a number belongs', () => {
    const xs = Float64Array.of(0.3, -0, 5);
    const ys = xs.map((x) => Math.tanh(x));
    assert.deepEqual(mismatches(xs, ys), []);
    for (const [i, wrong] of [[0, nextUp(ys[0])], [1, 0], [2, NaN]] as const) {
      const bad = ys.slice();
      bad[i] = wrong;
      assert.equal(mismatches(xs, bad).length, 1, `index ${i} changed to ${wrong}`);
    }
  });

  it('catches a kernel that is wrong only in the last ulp of one case (expm1 with k = −1 nudged)', () => {
    // A deliberately broken reference: for ln2/4 ≤ |x| < 0.75·ln2 (where expm1 reduces with k = −1), t is one
    // ulp too large.
    const broken = (x: number): number => {
      const a = Math.abs(x);
      if (a < EXPM1_REDUCE_FROM / 2 || a >= EXPM1_K1_BELOW / 2) return tanhFdlibm(x);
      const t = nextUp(expm1ForTanh(-2 * a));
      const z = -t / (t + 2);
      return x < 0 ? -z : z;
    };
    const points = randomPoints(1 << 14, 7);
    assert.ok(mismatches(points, points.map(broken)).length > 0);
  });
});

describe('tanhFdlibm (the TypeScript reference)', () => {
  it('is Object.is-identical to Math.tanh on the special values', () => {
    assert.deepEqual(mismatches(SPECIALS, SPECIALS.map(tanhFdlibm)), []);
  });

  it('is Object.is-identical to Math.tanh on 2000 consecutive doubles around every threshold of tanh and expm1', () => {
    assert.deepEqual(mismatches(THRESHOLD_POINTS, THRESHOLD_POINTS.map(tanhFdlibm)), []);
  });

  it('is Object.is-identical to Math.tanh on 2 million random points (±30, ±2, ±1e-3, log-uniform tiny)', () => {
    const xs = randomPoints(1 << 21, 1);
    const ys = new Float64Array(xs.length);
    tanhFdlibmInto(xs, ys);
    assert.deepEqual(mismatches(xs, ys), []);
  });
});

describe('simdTanh (the WebAssembly SIMD kernel)', () => {
  it('is Object.is-identical to Math.tanh on the special values, in every position of the 8-element step', () => {
    for (let shift = 0; shift < 8; shift++) {
      const xs = Float64Array.from({ length: SPECIALS.length + shift }, (_, i) => (i < shift ? 0.5 : SPECIALS[i - shift]));
      assert.deepEqual(mismatches(xs, viaKernel(xs)), [], `shift ${shift}`);
    }
  });

  it('is Object.is-identical to Math.tanh on 2000 consecutive doubles around every threshold of tanh and expm1', () => {
    assert.deepEqual(mismatches(THRESHOLD_POINTS, viaKernel(THRESHOLD_POINTS)), []);
    // The same points shifted by one position, so that each lands in another lane.
    const shifted = new Float64Array(THRESHOLD_POINTS.length + 1);
    shifted.set(THRESHOLD_POINTS, 1);
    assert.deepEqual(mismatches(shifted, viaKernel(shifted)), []);
  });

  it('is Object.is-identical to Math.tanh on 4 million random points (±30, ±2, ±1e-3, log-uniform tiny)', () => {
    const xs = randomPoints(1 << 22, 2);
    assert.deepEqual(mismatches(xs, viaKernel(xs)), []);
  });

  it('matches Math.tanh for normal pre-activations (sd 1.5) and random lengths', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 300 }), fc.integer(), (n, seed) => {
      const rng = new Random(seed);
      const xs = Float64Array.from({ length: n }, () => 1.5 * rng.normal());
      assert.deepEqual(mismatches(xs, viaKernel(xs)), []);
    }));
  });

  it('handles lengths 0 … 17 and around the chunk size, writes nothing past the end and works in place', () => {
    assert.ok(kernel);
    const lengths = [...Array.from({ length: 18 }, (_, i) => i), SIMD_TANH_CHUNK - 1, SIMD_TANH_CHUNK, SIMD_TANH_CHUNK + 1, 3 * SIMD_TANH_CHUNK + 5];
    for (const n of lengths) {
      const xs = randomPoints(n, n);
      const ys = new Float64Array(n + 9).fill(42);
      kernel(xs, ys);
      assert.deepEqual(mismatches(xs, ys), [], `length ${n}`);
      assert.deepEqual(Array.from(ys.subarray(n)), new Array(9).fill(42), `length ${n}: wrote past the end`);
      const inPlace = xs.slice();
      kernel(inPlace, inPlace);
      assert.deepEqual(mismatches(xs, inPlace), [], `length ${n}, in place`);
    }
  });
});

describe('tanh.forward', () => {
  it(`gives Math.tanh's doubles below and above ${SIMD_TANH_MIN_LENGTH} elements (where it switches to the SIMD kernel)`, () => {
    const rng = new Random(3);
    for (const [rows, cols] of [[1, 1], [1, SIMD_TANH_MIN_LENGTH - 1], [1, SIMD_TANH_MIN_LENGTH], [32, 16], [200, 50]]) {
      const Z = new Matrix(rows, cols, Float64Array.from({ length: rows * cols }, () => 2 * rng.normal()));
      const A = new Matrix(rows, cols);
      tanh.forward(Z, A);
      assert.deepEqual(mismatches(Z.data, A.data), [], `${rows}×${cols}`);
    }
  });
});
