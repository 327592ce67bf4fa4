/**
 * The one seeded random generator behind every weight, shuffle and synthetic data set.
 *
 * Algorithm: sfc32 (Chris Doty-Humphrey's "small fast counting" generator, public domain), seeded
 * through splitmix32 so that nearby seeds give unrelated streams. It uses only 32-bit integer
 * arithmetic, so the same seed gives bit-identical numbers on every machine and JS engine.
 *
 * Example:
 *   const rng = new Random(42);
 *   rng.uniform();        // in [0, 1)
 *   rng.normal(0, 1);     // standard normal (Box–Muller)
 *   rng.shuffle([1,2,3]); // Fisher–Yates, in place
 */
import { ArgumentError, checkInteger, checkNonNegative, describe } from './errors';
import { checkElements } from './limits';

export class Random {
  /** The four 32-bit words of sfc32's state. */
  private a: number;
  private b: number;
  private c: number;
  private d: number;
  /** A second normal value left over from the last Box–Muller pair, or null. */
  private spareNormal: number | null = null;
  /** The seed this generator started from (for display and for `fork`). */
  readonly seed: number;

  constructor(seed = 42) {
    if (typeof seed !== 'number' || !Number.isInteger(seed)) {
      throw new ArgumentError(`Random: seed must be an integer, got ${describe(seed)}`);
    }
    this.seed = seed;
    let s = seed >>> 0;
    const next = (): number => {
      // splitmix32
      s = (s + 0x9e3779b9) | 0;
      let z = s;
      z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
      z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
      return (z ^ (z >>> 16)) >>> 0;
    };
    this.a = next();
    this.b = next();
    this.c = next();
    this.d = next();
    for (let i = 0; i < 12; i++) this.nextUint32();
  }

  /** Next raw 32-bit unsigned integer (sfc32). */
  nextUint32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** Uniform number in [lo, hi) (default [0, 1)), with 53 random bits. */
  uniform(lo = 0, hi = 1): number {
    if (typeof lo !== 'number' || typeof hi !== 'number' || !Number.isFinite(lo) || !Number.isFinite(hi) || !Number.isFinite(hi - lo)) {
      throw new ArgumentError(`Random.uniform: lo and hi must be finite numbers (with a finite hi − lo), got ${describe(lo)} and ${describe(hi)}`);
    }
    const x = (this.nextUint32() * 2 ** 21 + (this.nextUint32() >>> 11)) / 2 ** 53;
    return lo + (hi - lo) * x;
  }

  /** Normal (Gaussian) number with the given mean and standard deviation (Box–Muller). */
  normal(mean = 0, std = 1): number {
    if (typeof mean !== 'number' || !Number.isFinite(mean)) throw new ArgumentError(`Random.normal: mean must be a finite number, got ${describe(mean)}`);
    checkNonNegative('Random.normal', 'std', std);
    if (this.spareNormal !== null) {
      const z = this.spareNormal;
      this.spareNormal = null;
      return mean + std * z;
    }
    let u = 0;
    while (u === 0) u = this.uniform();
    const v = this.uniform();
    const r = Math.sqrt(-2 * Math.log(u));
    this.spareNormal = r * Math.sin(2 * Math.PI * v);
    return mean + std * r * Math.cos(2 * Math.PI * v);
  }

  /** Uniform integer in [0, n). */
  int(n: number): number {
    checkInteger('Random.int', 'n', n, 1);
    return Math.floor(this.uniform() * n);
  }

  /** Shuffles `items` in place (Fisher–Yates) and returns it. */
  shuffle<T>(items: T[]): T[] {
    if (!Array.isArray(items)) throw new ArgumentError(`Random.shuffle: items must be an array, got ${describe(items)}`);
    for (let i = items.length - 1; i > 0; i--) {
      const j = Math.floor(this.uniform() * (i + 1));
      const tmp = items[i];
      items[i] = items[j];
      items[j] = tmp;
    }
    return items;
  }

  /** A random permutation of 0 … n−1 as an Int32Array (used for seeded mini-batch shuffling). */
  permutation(n: number): Int32Array {
    checkInteger('Random.permutation', 'n', n, 0);
    checkElements('Random.permutation', `a permutation of ${n}`, n);
    const p = new Int32Array(n);
    for (let i = 0; i < n; i++) p[i] = i;
    for (let i = n - 1; i > 0; i--) {
      const j = Math.floor(this.uniform() * (i + 1));
      const tmp = p[i];
      p[i] = p[j];
      p[j] = tmp;
    }
    return p;
  }

  /** A new independent generator derived from this one's stream (for sub-experiments). */
  fork(): Random {
    return new Random(this.nextUint32() | 0);
  }
}

/** Accepts a seed or a generator; returns a generator. */
export function toRandom(seedOrRng: number | Random | undefined, fallbackSeed = 42, fn = 'toRandom'): Random {
  if (seedOrRng instanceof Random) return seedOrRng;
  if (seedOrRng !== undefined && (typeof seedOrRng !== 'number' || !Number.isInteger(seedOrRng))) {
    throw new ArgumentError(`${fn}: seed must be an integer or a Random, got ${describe(seedOrRng)}`);
  }
  return new Random(seedOrRng ?? fallbackSeed);
}
