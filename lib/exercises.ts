/**
 * Auto-checked exercises for the notebooks. A check prints ✓ or ✗ (with a hint) and returns true/false.
 * An answer left as `undefined` prints "not answered yet" — it never throws, so a notebook with open
 * exercises still runs top to bottom.
 *
 *   let answer: number | undefined = undefined;   // ← the student writes a number here
 *   checkAnswer('σ(0)', answer, 0.5, { hint: 'e^0 = 1' });
 *
 *   checkFunction('my sigmoid', (z) => 1 / (1 + Math.exp(-z)), (z) => sigmoid.output(z), [[-2], [0], [3]]);
 */

export interface CheckOptions {
  /** Allowed absolute difference for numbers (default 1e-6; relative for large values). */
  tolerance?: number;
  /** Shown after ✗ to help the student. */
  hint?: string;
  /** Where to print (default console.log); tests pass their own. */
  print?: (line: string) => void;
}

function close(a: unknown, b: unknown, tol: number): boolean {
  if (typeof a === 'number' && typeof b === 'number') {
    if (Number.isNaN(a) || Number.isNaN(b)) return Number.isNaN(a) && Number.isNaN(b);
    return Math.abs(a - b) <= tol * Math.max(1, Math.abs(b));
  }
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((v, i) => close(v, b[i], tol));
  if (ArrayBuffer.isView(a) || ArrayBuffer.isView(b)) {
    return close(Array.from(a as unknown as ArrayLike<number>), Array.from(b as unknown as ArrayLike<number>), tol);
  }
  return a === b;
}

function short(v: unknown): string {
  const s = typeof v === 'number' ? String(Number(v.toPrecision(6))) : JSON.stringify(v);
  return s === undefined ? String(v) : s.length > 80 ? s.slice(0, 80) + '…' : s;
}

/** Checks a value the student computed against the expected value (numbers, arrays, strings, booleans). */
export function checkAnswer(label: string, answer: unknown, expected: unknown, options: CheckOptions = {}): boolean {
  const print = options.print ?? console.log;
  if (answer === undefined) {
    print(`… ${label}: not answered yet${options.hint ? ` (hint: ${options.hint})` : ''}`);
    return false;
  }
  const ok = close(answer, expected, options.tolerance ?? 1e-6);
  print(ok ? `✓ ${label}: correct` : `✗ ${label}: got ${short(answer)}, which is not right${options.hint ? ` — hint: ${options.hint}` : ''}`);
  return ok;
}

/** Checks a function the student wrote against a reference on the given argument lists. */
export function checkFunction<A extends unknown[], R>(
  label: string,
  studentFn: ((...args: A) => R) | undefined,
  referenceFn: (...args: A) => R,
  cases: A[],
  options: CheckOptions = {},
): boolean {
  const print = options.print ?? console.log;
  if (typeof studentFn !== 'function') {
    print(`… ${label}: not answered yet${options.hint ? ` (hint: ${options.hint})` : ''}`);
    return false;
  }
  for (const args of cases) {
    let got: R;
    try {
      got = studentFn(...args);
    } catch (err) {
      print(`✗ ${label}: threw "${(err as Error).message}" for input ${short(args)}${options.hint ? ` — hint: ${options.hint}` : ''}`);
      return false;
    }
    const want = referenceFn(...args);
    if (!close(got, want, options.tolerance ?? 1e-6)) {
      print(`✗ ${label}: for input ${short(args)} got ${short(got)}, expected ${short(want)}${options.hint ? ` — hint: ${options.hint}` : ''}`);
      return false;
    }
  }
  print(`✓ ${label}: correct on all ${cases.length} test inputs`);
  return true;
}

/** Checks a true/false condition the student's work should satisfy (e.g. "accuracy ≥ 0.9"). */
export function checkThat(label: string, condition: boolean | undefined, options: CheckOptions = {}): boolean {
  const print = options.print ?? console.log;
  if (condition === undefined) {
    print(`… ${label}: not answered yet${options.hint ? ` (hint: ${options.hint})` : ''}`);
    return false;
  }
  print(condition ? `✓ ${label}` : `✗ ${label}${options.hint ? ` — hint: ${options.hint}` : ''}`);
  return condition;
}
