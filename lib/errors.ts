/**
 * Errors and argument checks shared by every public function of the engine.
 *
 * Every message names the function, the argument, what was expected and what was given,
 * e.g. `matmul: argument B has shape [4, 1], expected [3, n] (inner dimensions must match)`.
 */

/** A shape mismatch. Carries the expected and the actual shape, like mathjs's DimensionError. */
export class ShapeError extends Error {
  constructor(
    message: string,
    /** The shape the function needed (a dimension may be null when any size is allowed). */
    readonly expected?: ReadonlyArray<number | null>,
    /** The shape it was given. */
    readonly actual?: ReadonlyArray<number>,
  ) {
    super(message);
    this.name = 'ShapeError';
  }
}

/** Any other bad argument: a value out of range, a wrong type, an unknown name. */
export class ArgumentError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ArgumentError';
  }
}

/** Formats a shape as `[2, 3]`. */
export function formatShape(shape: ReadonlyArray<number | null>): string {
  return `[${shape.map((d) => (d === null ? 'any' : String(d))).join(', ')}]`;
}

/** Describes a value briefly for an error message: `3`, `"abc"`, `NaN`, `an array of length 2`. */
export function describe(value: unknown): string {
  if (value === null) return 'null';
  if (value === undefined) return 'undefined';
  if (typeof value === 'number') return Number.isNaN(value) ? 'NaN' : String(value);
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? value.slice(0, 40) + '…' : value);
  if (Array.isArray(value)) return `an array of length ${value.length}`;
  if (ArrayBuffer.isView(value)) return `a ${value.constructor.name} of length ${(value as unknown as ArrayLike<number>).length}`;
  if (typeof value === 'object') return `an object (${(value as object).constructor?.name ?? 'Object'})`;
  return typeof value;
}

/** Throws unless `value` is a finite number greater than 0. */
export function checkPositive(fn: string, arg: string, value: unknown): asserts value is number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) {
    throw new ArgumentError(`${fn}: ${arg} must be a finite number > 0, got ${describe(value)}`);
  }
}

/** Throws unless `value` is a finite number ≥ 0. */
export function checkNonNegative(fn: string, arg: string, value: unknown): asserts value is number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
    throw new ArgumentError(`${fn}: ${arg} must be a finite number ≥ 0, got ${describe(value)}`);
  }
}

/** Throws unless `value` is an integer ≥ `min` (default 1). */
export function checkInteger(fn: string, arg: string, value: unknown, min = 1): asserts value is number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min) {
    throw new ArgumentError(`${fn}: ${arg} must be an integer ≥ ${min}, got ${describe(value)}`);
  }
}

/** Throws unless `value` is a finite number in the closed range [lo, hi]. */
export function checkInRange(fn: string, arg: string, value: unknown, lo: number, hi: number): asserts value is number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < lo || value > hi) {
    throw new ArgumentError(`${fn}: ${arg} must be a number in [${lo}, ${hi}], got ${describe(value)}`);
  }
}

/** Throws unless `value` is a (finite or not) number. NaN is allowed: math lets NaN propagate. */
export function checkNumber(fn: string, arg: string, value: unknown): asserts value is number {
  if (typeof value !== 'number') {
    throw new ArgumentError(`${fn}: ${arg} must be a number, got ${describe(value)}`);
  }
}

/** Throws unless `value` is a plain array of numbers (NaN allowed) of the given length (if given). */
export function checkNumberArray(fn: string, arg: string, value: unknown, length?: number): asserts value is number[] {
  if (!Array.isArray(value) && !(ArrayBuffer.isView(value) && !(value instanceof DataView))) {
    throw new ArgumentError(`${fn}: ${arg} must be an array of numbers, got ${describe(value)}`);
  }
  const arr = value as ArrayLike<unknown>;
  if (length !== undefined && arr.length !== length) {
    throw new ShapeError(`${fn}: ${arg} has length ${arr.length}, expected ${length}`, [length], [arr.length]);
  }
  for (let i = 0; i < arr.length; i++) {
    if (typeof arr[i] !== 'number') {
      throw new ArgumentError(`${fn}: ${arg}[${i}] must be a number, got ${describe(arr[i])}`);
    }
  }
}
