/**
 * Argument checks used by the plot builders (the generic ones live in lib/errors.ts).
 *
 * Like the engine's checks, every message names the builder, the argument, what was expected and
 * what was given, e.g. `lossSurfaceFigure: options.kind must be one of 'contour', 'surface', 'both', got "3d"`.
 */
import { ArgumentError, ShapeError, describe } from '../errors';
import { BaseFigureOptions } from './figure';

/** Keys every builder accepts in its options object. */
export const BASE_OPTION_KEYS = ['title', 'width', 'height'] as const;

/**
 * Checks an options object: it must be a plain object (or undefined), contain only `allowed` keys
 * (a misspelt option is an error, not silently ignored), and its base options must have the right types.
 * Returns the object (or `{}`).
 */
export function checkOptions<T extends object>(fn: string, options: T | undefined, allowed: readonly string[]): T {
  if (options === undefined) return {} as T;
  if (options === null || typeof options !== 'object' || Array.isArray(options)) {
    throw new ArgumentError(`${fn}: options must be an object, got ${describe(options)}`);
  }
  const valid = [...BASE_OPTION_KEYS, ...allowed];
  for (const key of Object.keys(options)) {
    if (!valid.includes(key)) {
      throw new ArgumentError(`${fn}: unknown option '${key}'; valid options are ${valid.join(', ')}`);
    }
  }
  const o = options as BaseFigureOptions;
  checkOptionalString(fn, 'options.title', o.title);
  if (o.width !== undefined) checkPixels(fn, 'options.width', o.width);
  if (o.height !== undefined) checkPixels(fn, 'options.height', o.height);
  return options;
}

function checkPixels(fn: string, arg: string, value: unknown): void {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 50) {
    throw new ArgumentError(`${fn}: ${arg} must be a number of pixels ≥ 50, got ${describe(value)}`);
  }
}

/** Throws unless `value` is undefined or a string. */
export function checkOptionalString(fn: string, arg: string, value: unknown): asserts value is string | undefined {
  if (value !== undefined && typeof value !== 'string') {
    throw new ArgumentError(`${fn}: ${arg} must be a string, got ${describe(value)}`);
  }
}

/** Throws unless `value` is undefined or a boolean. */
export function checkOptionalBoolean(fn: string, arg: string, value: unknown): asserts value is boolean | undefined {
  if (value !== undefined && typeof value !== 'boolean') {
    throw new ArgumentError(`${fn}: ${arg} must be true or false, got ${describe(value)}`);
  }
}

/** Throws unless `value` is a function. */
export function checkCallable(fn: string, arg: string, value: unknown): asserts value is (...args: never[]) => unknown {
  if (typeof value !== 'function') {
    throw new ArgumentError(`${fn}: ${arg} must be a function, got ${describe(value)}`);
  }
}

/** Throws unless `value` is one of `allowed` (the message lists them). */
export function checkOneOf<T extends string>(fn: string, arg: string, value: unknown, allowed: readonly T[]): asserts value is T {
  if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) {
    throw new ArgumentError(`${fn}: ${arg} must be one of ${allowed.map((a) => `'${a}'`).join(', ')}, got ${describe(value)}`);
  }
}

/** Throws unless `value` is an array of strings (of the given length, if given). */
export function checkStringArray(fn: string, arg: string, value: unknown, length?: number): asserts value is string[] {
  if (!Array.isArray(value)) throw new ArgumentError(`${fn}: ${arg} must be an array of strings, got ${describe(value)}`);
  if (length !== undefined && value.length !== length) {
    throw new ShapeError(`${fn}: ${arg} has length ${value.length}, expected ${length}`, [length], [value.length]);
  }
  value.forEach((v, i) => {
    if (typeof v !== 'string') throw new ArgumentError(`${fn}: ${arg}[${i}] must be a string, got ${describe(v)}`);
  });
}

/** Throws unless `value` is a pair [lo, hi] of finite numbers with lo < hi. */
export function checkInterval(fn: string, arg: string, value: unknown): asserts value is [number, number] {
  if (
    !Array.isArray(value) ||
    value.length !== 2 ||
    typeof value[0] !== 'number' ||
    typeof value[1] !== 'number' ||
    !Number.isFinite(value[0]) ||
    !Number.isFinite(value[1])
  ) {
    throw new ArgumentError(`${fn}: ${arg} must be a pair [lo, hi] of finite numbers, got ${describeDeep(value)}`);
  }
  if (!(value[0] < value[1])) {
    throw new ArgumentError(`${fn}: ${arg} must have lo < hi, got [${value[0]}, ${value[1]}]`);
  }
}

/**
 * Throws unless `value` is a non-empty rectangular 2-D array of numbers (rows may be typed arrays).
 * NaN is allowed (it is drawn as a gap). Returns [rows, cols].
 */
export function checkMatrix(fn: string, arg: string, value: unknown, minCols = 1): [number, number] {
  if (!Array.isArray(value)) {
    throw new ArgumentError(`${fn}: ${arg} must be a 2-D array of numbers (an array of rows), got ${describe(value)}`);
  }
  if (value.length === 0) throw new ArgumentError(`${fn}: ${arg} must have at least one row, got an empty array`);
  let cols = -1;
  value.forEach((row: unknown, i: number) => {
    const isRow = Array.isArray(row) || (ArrayBuffer.isView(row) && !(row instanceof DataView));
    if (!isRow) throw new ArgumentError(`${fn}: ${arg}[${i}] must be an array of numbers, got ${describe(row)}`);
    const r = row as ArrayLike<unknown>;
    if (cols === -1) {
      cols = r.length;
      if (cols < minCols) {
        throw new ShapeError(`${fn}: ${arg} has ${cols} columns, expected at least ${minCols}`, [null, minCols], [value.length, cols]);
      }
    } else if (r.length !== cols) {
      throw new ShapeError(
        `${fn}: ${arg} must be rectangular, but row ${i} has length ${r.length} while row 0 has length ${cols}`,
        [value.length, cols],
        [value.length, r.length],
      );
    }
    for (let j = 0; j < r.length; j++) {
      if (typeof r[j] !== 'number') throw new ArgumentError(`${fn}: ${arg}[${i}][${j}] must be a number, got ${describe(r[j])}`);
    }
  });
  return [value.length, cols];
}

function describeDeep(value: unknown): string {
  if (Array.isArray(value) && value.length <= 4) return `[${value.map(describe).join(', ')}]`;
  return describe(value);
}

/** Throws unless `value` is a colourscale name or a list of [position in 0–1, colour string] pairs. */
export function checkColorscale(fn: string, arg: string, value: unknown): void {
  if (typeof value === 'string') return;
  const ok =
    Array.isArray(value) &&
    value.length >= 2 &&
    value.every((p) => Array.isArray(p) && p.length === 2 && typeof p[0] === 'number' && p[0] >= 0 && p[0] <= 1 && typeof p[1] === 'string');
  if (!ok) {
    throw new ArgumentError(`${fn}: ${arg} must be a colourscale name like 'Viridis' or a list of [position 0–1, colour] pairs, got ${describe(value)}`);
  }
}
