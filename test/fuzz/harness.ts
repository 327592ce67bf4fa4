/**
 * The fuzz harness: runs one entry (an exported function or method) on generated arguments and checks the
 * contract of issue 10 for every case:
 *   - it either throws the library's own error (ArgumentError, ShapeError, LimitError, TrainingError, ClaimError)
 *     whose message starts with the function's name and is at most MAX_MESSAGE characters (long inputs are
 *     quoted shortened), or returns a result whose numbers are finite (NaN may only come back from functions
 *     documented to let NaN through, and only when an input held one) and which passes the entry's own check;
 *   - it never mutates its arguments (deep comparison of a snapshot), except those the entry declares;
 *   - it never changes global state (the limits, the matmul settings, Object/Array/Math prototypes, mathjs units);
 *   - it never hangs (the worker reports every case before running it; fuzz.test.ts stops it when no report
 *     arrives for WATCHDOG seconds) and never allocates past the limit (the fuzz runs with maxElements 2e6 in a
 *     worker with a 1 GB heap: a runaway allocation is a crash reported with its case).
 */
import fc from 'fast-check';
import * as mathjs from 'mathjs';
import * as nn from '../../lib/index';

export interface Entry {
  /** Display name, also the prefix the error messages must start with (unless `names` is given). */
  name: string;
  /** The exports of lib/index.ts this entry covers. */
  covers: string[];
  /** Generated argument lists. */
  args: fc.Arbitrary<unknown[]>;
  call: (...args: any[]) => unknown;
  /** Cases to generate (default 40). */
  runs?: number;
  /** Prefixes an error message may start with (default [name]). */
  names?: string[];
  /** Argument positions the call may change (e.g. the network train() trains). */
  mutates?: number[];
  /** The function lets NaN/Infinity in its inputs through to its result (documented for the math functions). */
  nanPropagates?: boolean;
  /** The result may hold non-finite numbers whatever the input (e.g. a describe() of NaN is a string anyway). */
  anyResult?: boolean;
  /** The entry changes global state by design (setLimits, setMatmulThreads); the harness restores it. */
  global?: boolean;
  /** A check of a returned result (the oracle): throw or return false when it is wrong. */
  check?: (result: any, args: any[]) => boolean | void;
}

export interface ModuleResult {
  module: string;
  cases: number;
  threw: number;
  returned: number;
  failures: string[];
  slowestMs: number;
  slowest: string;
}

export const MAX_MESSAGE = 1500;
const LIB_ERRORS = [nn.ArgumentError, nn.ShapeError, nn.TrainingError, nn.ClaimError];

// ---------- hostile and valid values ----------

const sparse = new Array(1e6); // a million holes: cheap to make, a trap for loops that trust `length`
/** Values a careless or hostile caller may pass anywhere. */
export const HOSTILE: unknown[] = [
  NaN, Infinity, -Infinity, -0, -1, 0, 1.5, 2 ** 31, 1e9, 1e308, -1e308, 5e-324,
  '', 'abc', '1', ' ', '__proto__', 'x'.repeat(100_000), null, undefined, true, false,
  {}, [], [[]], [NaN], [[NaN]], [[Infinity, 1]], [1, 'x'], [[1], [1, 2]], ['1', '2'], [1e308, -1e308],
  Symbol('s'), 10n, () => 1, new Float64Array(3), new Int8Array(2), new Map(), new Date(0), /re/,
  Object.create(null), { length: 1e9 }, { length: -1 }, JSON.parse('{"__proto__": {"polluted": 1}}'),
  sparse, [[[[[[1]]]]]],
];
export const hostile = fc.constantFrom(...HOSTILE);
/** Either a valid value (3 in 4) or a hostile one. */
export function maybe<T>(valid: fc.Arbitrary<T>): fc.Arbitrary<unknown> {
  return fc.oneof({ arbitrary: valid, weight: 3 }, { arbitrary: hostile, weight: 1 });
}
export const small = fc.double({ min: -10, max: 10, noNaN: true });
export const anyDouble = fc.oneof(small, fc.constantFrom(NaN, Infinity, -Infinity, 0, -0, 1e300));
export function rows(r: fc.Arbitrary<number>, c: fc.Arbitrary<number>, v: fc.Arbitrary<number> = small): fc.Arbitrary<number[][]> {
  return fc.tuple(r, c).chain(([nr, nc]) => fc.array(fc.array(v, { minLength: nc, maxLength: nc }), { minLength: nr, maxLength: nr }));
}
export const size = fc.integer({ min: 1, max: 6 });
export function matrix(r: fc.Arbitrary<number> = size, c: fc.Arbitrary<number> = size, v: fc.Arbitrary<number> = small): fc.Arbitrary<nn.Matrix> {
  return rows(r, c, v).map((x) => nn.Matrix.from(x));
}
export const labels = fc.array(fc.integer({ min: 0, max: 4 }), { minLength: 1, maxLength: 20 });

// ---------- snapshots and checks ----------

/** A comparable copy: Matrix and typed arrays as plain arrays, functions by identity, depth-limited. */
export function snapshot(v: unknown, depth = 0, seen = new WeakSet<object>()): unknown {
  if (typeof v === 'number') return Number.isNaN(v) ? 'NaN' : Object.is(v, -0) ? '-0' : v;
  if (typeof v === 'bigint' || typeof v === 'symbol') return String(v);
  if (typeof v === 'function') return v;
  if (typeof v !== 'object' || v === null) return v;
  if (seen.has(v) || depth > 6) return '[seen]';
  seen.add(v);
  if (v === sparse) return `[sparse ${sparse.length}]`;
  if (ArrayBuffer.isView(v)) return ['typed', v.constructor.name, ...Array.from(v as unknown as ArrayLike<number>, (x) => snapshot(x))];
  if (Array.isArray(v)) return v.length > 200_000 ? ['long', v.length, ...v.slice(0, 50).map((x) => snapshot(x, depth + 1, seen))] : v.map((x) => snapshot(x, depth + 1, seen));
  if (v instanceof Map) return ['map', ...[...v.entries()].map((e) => snapshot(e, depth + 1, seen))];
  if (v instanceof Date) return ['date', v.getTime()];
  const out: Record<string, unknown> = { '#proto': Object.getPrototypeOf(v)?.constructor?.name ?? null };
  for (const key of Object.getOwnPropertyNames(v)) {
    const d = Object.getOwnPropertyDescriptor(v, key)!;
    out[key] = 'value' in d ? snapshot(d.value, depth + 1, seen) : '[accessor]';
  }
  return out;
}

export function sameSnapshot(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a), kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  return ka.every((k) => sameSnapshot((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

/** The global state no call may change. (mathjs units are compared once per module: evaluating them is slow.) */
export function globalState(): string {
  return JSON.stringify({
    limits: nn.getLimits(),
    threads: nn.getMatmulThreads(),
    backend: nn.matmulBackend(),
    objectProto: Object.getOwnPropertyNames(Object.prototype).sort(),
    arrayProto: Object.getOwnPropertyNames(Array.prototype).length,
    math: Object.getOwnPropertyNames(Math).length,
    polluted: ({} as Record<string, unknown>).polluted ?? null,
  });
}
export function mathjsState(): string {
  return String(mathjs.evaluate('1 inch to m'));
}

/** Any number in `v` (deep) that is not finite? Strings and functions are skipped. */
export function hasNonFinite(v: unknown, depth = 0, seen = new WeakSet<object>()): boolean {
  if (typeof v === 'number') return !Number.isFinite(v);
  if (typeof v !== 'object' || v === null || depth > 6) return false;
  if (seen.has(v)) return false;
  seen.add(v);
  if (v === sparse) return false;
  if (ArrayBuffer.isView(v)) {
    const a = v as unknown as ArrayLike<number>;
    for (let i = 0; i < a.length; i++) if (typeof a[i] === 'number' && !Number.isFinite(a[i])) return true;
    return false;
  }
  if (Array.isArray(v)) return v.length < 200_000 && v.some((x) => hasNonFinite(x, depth + 1, seen));
  if (v instanceof nn.Matrix) return hasNonFinite(v.data);
  return Object.keys(v).some((k) => hasNonFinite((v as Record<string, unknown>)[k], depth + 1, seen));
}

function label(v: unknown): string {
  try {
    if (typeof v === 'string') return JSON.stringify(v.length > 30 ? v.slice(0, 30) + '…' : v);
    if (typeof v === 'symbol' || typeof v === 'bigint') return String(v) + (typeof v === 'bigint' ? 'n' : '');
    if (typeof v === 'function') return 'function';
    if (v instanceof nn.Matrix) return `Matrix ${v.rows}×${v.cols}`;
    if (v === sparse) return 'sparse array of 1e6';
    const s = JSON.stringify(v, (_k, x) => (typeof x === 'number' && !Number.isFinite(x) ? String(x) : typeof x === 'bigint' ? String(x) : x));
    return s === undefined ? String(v) : s.length > 80 ? s.slice(0, 80) + '…' : s;
  } catch {
    return Object.prototype.toString.call(v);
  }
}
export function describeCase(entry: Entry, args: unknown[]): string {
  return `${entry.name}(${args.map(label).join(', ')})`;
}

/** Runs one case; returns a failure message or null. Also says whether it threw. */
export function runCase(entry: Entry, args: unknown[]): { failure: string | null; threw: boolean } {
  const before = args.map((a) => snapshot(a));
  const globalsBefore = globalState();
  const limits = nn.getLimits(), threads = nn.getMatmulThreads();
  let result: unknown, error: unknown = null, threw = false;
  try {
    result = entry.call(...args);
  } catch (e) {
    error = e;
    threw = true;
  } finally {
    if (entry.global) {
      nn.setLimits(limits);
      nn.setMatmulThreads(threads);
    }
  }
  const where = describeCase(entry, args);
  if (threw) {
    const e = error as Error;
    if (!LIB_ERRORS.some((E) => e instanceof E)) return { failure: `${where} threw a foreign ${e?.name ?? typeof e}: ${String(e?.message ?? e).slice(0, 300)}`, threw };
    const names = entry.names ?? [entry.name];
    if (!names.some((n) => e.message.startsWith(n))) return { failure: `${where}: message does not start with ${names.join(' or ')}: ${e.message.slice(0, 300)}`, threw };
    if (e.message.length > MAX_MESSAGE) return { failure: `${where}: message of ${e.message.length} characters (long inputs must be quoted shortened)`, threw };
  } else {
    const inputNonFinite = args.some((a) => hasNonFinite(a));
    if (!entry.anyResult && hasNonFinite(result) && !(entry.nanPropagates && inputNonFinite)) {
      return { failure: `${where} returned a non-finite number: ${label(result)}`, threw };
    }
    if (entry.check) {
      let ok: boolean | void;
      try {
        ok = entry.check(result, args);
      } catch (e) {
        return { failure: `${where}: wrong result: ${(e as Error).message.slice(0, 300)}`, threw };
      }
      if (ok === false) return { failure: `${where}: wrong result ${label(result)}`, threw };
    }
  }
  for (let i = 0; i < args.length; i++) {
    if (entry.mutates?.includes(i)) continue;
    if (!sameSnapshot(before[i], snapshot(args[i]))) return { failure: `${where} changed its argument ${i}`, threw };
  }
  if (globalState() !== globalsBefore) return { failure: `${where} changed global state: ${globalState()} (was ${globalsBefore})`, threw };
  return { failure: null, threw };
}
