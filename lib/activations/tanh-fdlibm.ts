/**
 * tanh exactly as V8 computes Math.tanh, written out in TypeScript: the reference that the WebAssembly SIMD
 * kernel (lib/wasm/tanh.wat) is checked against and that a reader can follow it by.
 *
 * Origin of the algorithm: Sun Microsystems' fdlibm 5.3, s_tanh.c and s_expm1.c (© 1993 Sun Microsystems,
 * "Permission to use, copy, modify, and distribute this software is freely granted, provided that this notice
 * is preserved"). V8 carries both functions in src/base/ieee754.cc and Math.tanh calls that tanh. The constants
 * below are fdlibm's; the code is a new, shorter write-up that keeps every floating-point operation of the
 * original, in the same order, so that each result is the same double as Math.tanh's (test/wasm/simd-tanh.test.ts
 * checks this on millions of points). It only handles the arguments that tanh hands to expm1, which lets it drop
 * expm1's branches for tiny, huge and overflowing arguments.
 *
 * tanh(x) for x ≥ 0 (odd: tanh(−x) = −tanh(x), and −0 stays −0):
 *   x < 2^−28        → x                        (tanh x = x − x³/3 + … rounds to x)
 *   2^−28 ≤ x < 1    → t = expm1(−2x), −t / (t + 2)
 *   1 ≤ x < 22       → t = expm1(2x),  1 − 2 / (t + 2)
 *   x ≥ 22           → 1                        (1 − tanh 22 < 2^−63)
 *   NaN              → NaN
 * So expm1 (e^y − 1) is only needed for y in [−2, −2^−27) and [2, 44).
 *
 * expm1(y), as fdlibm computes it:
 * 1. Reduce: y = k·ln2 + r with |r| ≤ ln2/2, where r is carried as hi − lo and c is the rounding error of
 *    r = hi − lo. k = 0 when |y| < ln2/2 (no reduction; r = y, c = 0), k = ±1 when |y| < 1.5·ln2, else
 *    k = y/ln2 rounded to the nearest integer (halves away from 0). ln2 is split into LN2_HI (its leading
 *    bits, so that k·LN2_HI is exact for the k that occur) and LN2_LO.
 * 2. Approximate expm1(r) by a rational function of r built from R1(r²) = 1 + r²/2·(Q1 + … + Q5·(r²/2)^4),
 *    a polynomial fitted by Sun so that the error is below 2^−61.
 * 3. Scale back: expm1(y) = 2^k·(expm1(r) + 1) − 1, each range of k with its own order of operations that
 *    avoids cancellation and overflow.
 */

// ln2 = LN2_HI + LN2_LO; LN2_HI has 32 significant bits (its last 21 bits are 0).
const LN2_HI = 6.93147180369123816490e-1; // 0x3FE62E42 FEE00000
const LN2_LO = 1.90821492927058770002e-10; // 0x3DEA39EF 35793C76
const INV_LN2 = 1.44269504088896338700; // 0x3FF71547 652B82FE
// The coefficients of R1 (fdlibm's names).
const Q1 = -3.33333333333331316428e-2; // 0xBFA11111 111110F4
const Q2 = 1.58730158725481460165e-3; // 0x3F5A01A0 19FE5585
const Q3 = -7.93650757867487942473e-5; // 0xBF14CE19 9EAADBB7
const Q4 = 4.00821782732936239552e-6; // 0x3ED0CFCA 86E65239
const Q5 = -2.01099218183624371326e-7; // 0xBE8AFDB7 6E09C32D

/**
 * fdlibm decides the reduction by the high 32 bits of |y|: reduce when they exceed 0x3FD62E42 (≈ ln2/2), that is
 * from the double 0x3FD62E43 00000000 on; k = ±1 while they are below 0x3FF0A2B2 (≈ 1.5·ln2).
 */
export const EXPM1_REDUCE_FROM = 0.3465735912322998; // 0x3FD62E43 00000000
export const EXPM1_K1_BELOW = 1.0397205352783203; // 0x3FF0A2B2 00000000
/** Below 2^−28, tanh(x) rounds to x. */
export const TANH_TINY = 2 ** -28;
/** From 22 on, tanh(x) rounds to 1. */
export const TANH_ONE_FROM = 22;

/** POWERS_OF_TWO[k + 64] = 2^k for k = −64 … 64, made by exact doublings and halvings. */
const POWERS_OF_TWO = new Float64Array(129);
POWERS_OF_TWO[64] = 1;
for (let k = 1; k <= 64; k++) {
  POWERS_OF_TWO[64 + k] = POWERS_OF_TWO[63 + k] * 2;
  POWERS_OF_TWO[64 - k] = POWERS_OF_TWO[65 - k] / 2;
}
const pow2 = (k: number): number => POWERS_OF_TWO[k + 64];

/**
 * e^y − 1 for y in [−2, −2^−27) ∪ [2, 44), the same double as fdlibm's expm1 (and so V8's). Other arguments:
 * not supported (fdlibm has extra branches for them).
 */
export function expm1ForTanh(y: number): number {
  // 1. Argument reduction: y = k·ln2 + r, r = hi − lo, c = the part of hi − lo lost in rounding.
  let k = 0;
  let r = y;
  let c = 0;
  const absY = Math.abs(y);
  if (absY >= EXPM1_REDUCE_FROM) {
    let hi: number, lo: number;
    if (absY < EXPM1_K1_BELOW) {
      // |y| < 1.5·ln2: k = ±1 without the multiplication.
      if (y > 0) [hi, lo, k] = [y - LN2_HI, LN2_LO, 1];
      else [hi, lo, k] = [y + LN2_HI, -LN2_LO, -1];
    } else {
      k = Math.trunc(INV_LN2 * y + (y > 0 ? 0.5 : -0.5)); // round to nearest, halves away from 0
      hi = y - k * LN2_HI; // exact: k·LN2_HI needs at most 38 bits
      lo = k * LN2_LO;
    }
    r = hi - lo;
    c = hi - r - lo;
  }

  // 2. expm1(r) ≈ r + r²/2 + r³·(…): e is the correction term of fdlibm's rational approximation.
  const hfx = 0.5 * r; // r/2
  const hxs = r * hfx; // r²/2
  const r1 = 1 + hxs * (Q1 + hxs * (Q2 + hxs * (Q3 + hxs * (Q4 + hxs * Q5))));
  const t = 3 - r1 * hfx;
  let e = hxs * ((r1 - t) / (6 - r * t));
  if (k === 0) return r - (r * e - hxs); // expm1(r) = r − (r·e − r²/2)

  // 3. Scale back by 2^k, with c folded into e: expm1(r) = r − e after this line.
  e = r * (e - c) - c;
  e -= hxs;
  if (k === -1) return 0.5 * (r - e) - 0.5;
  if (k === 1) return r < -0.25 ? -2 * (e - (r + 0.5)) : 1 + 2 * (r - e);
  if (k <= -2 || k > 56) return (1 - (e - r)) * pow2(k) - 1; // 2^k·(1 + expm1(r)) − 1
  if (k < 20) return (1 - pow2(-k) - (e - r)) * pow2(k); // 2^k·((1 − 2^−k) + expm1(r))
  return (r - (e + pow2(-k)) + 1) * pow2(k); // 2^k·((expm1(r) − 2^−k) + 1)
}

/** tanh(x), the same double as V8's Math.tanh(x) for every x (fdlibm's algorithm; see the file comment). */
export function tanhFdlibm(x: number): number {
  const a = Math.abs(x);
  let z: number;
  if (a < TANH_TINY) return x; // also ±0
  if (a < 1) {
    const t = expm1ForTanh(-2 * a);
    z = -t / (t + 2);
  } else if (a < TANH_ONE_FROM) {
    const t = expm1ForTanh(2 * a);
    z = 1 - 2 / (t + 2);
  } else if (a === a) {
    z = 1; // a ≥ 22, including Infinity
  } else {
    return x; // NaN
  }
  return x < 0 ? -z : z;
}

/** dst[i] = tanhFdlibm(src[i]): the plain loop the SIMD kernel replaces (dst may be src). */
export function tanhFdlibmInto(src: Float64Array, dst: Float64Array): void {
  for (let i = 0; i < src.length; i++) dst[i] = tanhFdlibm(src[i]);
}
