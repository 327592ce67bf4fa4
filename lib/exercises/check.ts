/**
 * The comparisons behind every exercise check: a value against an expected value, a function against a reference
 * on test inputs, a condition. Each prints one line (✓, ✗ or "not answered yet") and returns true/false; an answer
 * left as `undefined` never throws, so a notebook with open exercises still runs top to bottom.
 *
 * The notebooks do not call these with the expected value in the student's cell: they call
 * `nn.exercise('01.2').check(answer)` (lib/exercises/exercise.ts), whose expected values live in the answer key
 * (lib/exercises/key/). These functions stay public for checks of an experiment's own result, e.g.
 *
 *   nn.checkThat('the library trace equals the hand computation', diff < 1e-12);
 *   nn.checkAnswer('σ(0)', answer, 0.5, { hint: 'e^0 = 1' });      // the hint is printed only after a wrong answer
 */
import { tr } from '../language';
import { ArgumentError, describe } from '../errors';
import { Matrix } from '../matrix';

export interface CheckOptions {
  /** Allowed difference for numbers: absolute up to 1, relative beyond (default 1e-6). A finite number ≥ 0. */
  tolerance?: number;
  /** Shown after a wrong answer (never before an attempt). */
  hint?: string;
  /** Where to print (default console.log); tests pass their own. */
  print?: (line: string) => void;
}

/** Default tolerance of every check. */
export const DEFAULT_TOLERANCE = 1e-6;

/** Throws unless `tolerance` is undefined or a finite number ≥ 0; returns the tolerance to use. */
export function checkTolerance(fn: string, tolerance: unknown): number {
  if (tolerance === undefined) return DEFAULT_TOLERANCE;
  if (typeof tolerance !== 'number' || !Number.isFinite(tolerance) || tolerance < 0) {
    throw new ArgumentError(`${fn}: options.tolerance must be a finite number ≥ 0 (e.g. 1e-6), got ${describe(tolerance)}`);
  }
  return tolerance;
}

/** A Matrix becomes number[][] and a typed array number[], so answers compare by value whatever their container. */
function plain(v: unknown): unknown {
  if (v instanceof Matrix) return v.toArray();
  if (ArrayBuffer.isView(v) && !(v instanceof DataView)) return Array.from(v as unknown as ArrayLike<number>);
  return v;
}

/** True when `answer` equals `expected` by value (numbers within `tol`, arrays and matrices element by element). */
export function sameValue(answer: unknown, expected: unknown, tol: number): boolean {
  const a = plain(answer);
  const b = plain(expected);
  if (typeof a === 'number' && typeof b === 'number') {
    if (Number.isNaN(a) || Number.isNaN(b)) return Number.isNaN(a) && Number.isNaN(b);
    if (!Number.isFinite(a) || !Number.isFinite(b)) return a === b;
    return Math.abs(a - b) <= tol * Math.max(1, Math.abs(b));
  }
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((v, i) => sameValue(v, b[i], tol));
  return a === b;
}

/** A value shortened for a one-line message. */
export function short(v: unknown): string {
  const p = plain(v);
  const s = typeof p === 'number' ? String(Number(p.toPrecision(6))) : typeof p === 'function' ? 'a function' : JSON.stringify(p);
  return s === undefined ? String(p) : s.length > 80 ? s.slice(0, 80) + '…' : s;
}

const withHint = (hint: string | undefined) => (hint ? ` — hint: ${hint}` : '');

/** Checks a value the student computed against the expected value (numbers, arrays, matrices, strings, booleans). */
export function checkAnswer(label: string, answer: unknown, expected: unknown, options: CheckOptions = {}): boolean {
  const tol = checkTolerance('checkAnswer', options.tolerance);
  const print = options.print ?? console.log;
  if (answer === undefined) {
    print(`… ${label}: not answered yet`);
    return false;
  }
  const ok = sameValue(answer, expected, tol);
  print(ok ? `✓ ${label}: correct` : `✗ ${label}: got ${short(answer)}, which is not right${withHint(options.hint)}`);
  return ok;
}

/** The outcome of running a student's function on the test inputs. */
export interface FunctionComparison {
  ok: boolean;
  /** On failure: the input, what the student's function gave (or the error it threw) and what was expected. */
  failure?: { args: unknown[]; got?: unknown; threw?: string; expected?: unknown };
}

/** Runs `studentFn` and `referenceFn` on every argument list and compares the results (no printing). */
export function compareFunctions<A extends unknown[], R>(
  studentFn: (...args: A) => R,
  referenceFn: (...args: A) => R,
  cases: A[],
  tol: number,
): FunctionComparison {
  for (const args of cases) {
    let got: R;
    try {
      got = studentFn(...args);
    } catch (err) {
      return { ok: false, failure: { args, threw: (err as Error)?.message ?? String(err) } };
    }
    const want = referenceFn(...args);
    if (!sameValue(got, want, tol)) return { ok: false, failure: { args, got, expected: want } };
  }
  return { ok: true };
}

/** One line describing a failed function comparison. */
export function describeFailure(label: string, f: NonNullable<FunctionComparison['failure']>): string {
  return f.threw !== undefined
    ? tr(`✗ ${label}: threw "${f.threw}" for input ${short(f.args)}`, `✗ ${label}：输入 ${short(f.args)} 时抛出了 "${f.threw}"`)
    : tr(`✗ ${label}: for input ${short(f.args)} got ${short(f.got)}, expected ${short(f.expected)}`, `✗ ${label}：输入 ${short(f.args)} 时得到 ${short(f.got)}，应为 ${short(f.expected)}`);
}

/** Checks a function the student wrote against a reference on the given argument lists. */
export function checkFunction<A extends unknown[], R>(
  label: string,
  studentFn: ((...args: A) => R) | undefined,
  referenceFn: (...args: A) => R,
  cases: A[],
  options: CheckOptions = {},
): boolean {
  const tol = checkTolerance('checkFunction', options.tolerance);
  if (typeof referenceFn !== 'function') {
    throw new ArgumentError(`checkFunction: referenceFn must be a function, got ${describe(referenceFn)}`);
  }
  if (!Array.isArray(cases) || cases.length === 0 || !cases.every((c) => Array.isArray(c))) {
    throw new ArgumentError(`checkFunction: cases must be a non-empty array of argument lists such as [[0], [1]], got ${describe(cases)}`);
  }
  const print = options.print ?? console.log;
  if (studentFn === undefined) {
    print(`… ${label}: not answered yet`);
    return false;
  }
  if (typeof studentFn !== 'function') {
    print(`✗ ${label}: expected a function such as (z) => …, got ${describe(studentFn)}${withHint(options.hint)}`);
    return false;
  }
  const r = compareFunctions(studentFn, referenceFn, cases, tol);
  if (!r.ok) {
    print(describeFailure(label, r.failure!) + withHint(options.hint));
    return false;
  }
  print(`✓ ${label}: correct on all ${cases.length} test inputs`);
  return true;
}

/** Checks a true/false condition the student's work should satisfy (e.g. "accuracy ≥ 0.9"). */
export function checkThat(label: string, condition: boolean | undefined, options: CheckOptions = {}): boolean {
  const print = options.print ?? console.log;
  if (condition === undefined) {
    print(`… ${label}: not answered yet`);
    return false;
  }
  print(condition ? `✓ ${label}` : `✗ ${label}${withHint(options.hint)}`);
  return condition;
}
