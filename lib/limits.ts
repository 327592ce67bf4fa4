/**
 * Resource limits (资源上限): one place, documented and configurable, so that a careless or hostile argument —
 * `Network.create` with 1e9 units, `oneHot([1e9])`, `xor(1e8)`, a figure with `resolution: 1e5`,
 * `loadCsv('/dev/zero')`, a formula of a megabyte — fails at once with a clear error instead of eating memory
 * until the kernel is killed or never returning.
 *
 *   nn.getLimits()                          // { maxElements: 50000000, maxFileBytes: 268435456, … }
 *   nn.setLimits({ maxElements: 2e8 })      // returns the previous limits; raise them for a large data set
 *
 * maxElements counts the numbers one call may allocate (a Float64Array of 5e7 numbers is 400 MB); every function
 * that allocates from a size argument checks it BEFORE allocating. The limits are the only global state of the
 * engine that a notebook is meant to change.
 */
import { ArgumentError, describe } from './errors';

export interface Limits {
  /** Most numbers one allocation may hold (matrices, networks, one-hot and confusion matrices, data sets, grids). */
  maxElements: number;
  /** Largest file loadCsv reads, in bytes. */
  maxFileBytes: number;
  /** Longest activation formula, in characters. */
  maxFormulaLength: number;
  /** Most nodes in a formula's parse tree. */
  maxFormulaNodes: number;
  /** Deepest nesting of a formula's parse tree (and of a network file's JSON). */
  maxFormulaDepth: number;
  /** Most nodes a symbolic derivative may have before the derivative falls back to a central difference. */
  maxDerivativeNodes: number;
}

/** The defaults: 5e7 numbers (400 MB), 256 MB files, 2000-character formulas of ≤ 500 nodes nested ≤ 100 deep. */
export const DEFAULT_LIMITS: Readonly<Limits> = Object.freeze({
  maxElements: 5e7,
  maxFileBytes: 256 * 1024 * 1024,
  maxFormulaLength: 2000,
  maxFormulaNodes: 500,
  maxFormulaDepth: 100,
  maxDerivativeNodes: 2000,
});

let current: Limits = { ...DEFAULT_LIMITS };

/** Thrown when an argument would allocate or parse more than a limit allows. */
export class LimitError extends ArgumentError {
  constructor(message: string, readonly limit: keyof Limits, readonly requested: number) {
    super(message);
    this.name = 'LimitError';
  }
}

/** A copy of the current limits. */
export function getLimits(): Limits {
  return { ...current };
}

/** Changes some limits (each a number ≥ 1; Infinity allowed) and returns the previous ones (pass them back to undo). */
export function setLimits(changes: Partial<Limits>): Limits {
  if (typeof changes !== 'object' || changes === null || Array.isArray(changes)) {
    throw new ArgumentError(`setLimits: changes must be an object like { maxElements: 1e8 }, got ${describe(changes)}`);
  }
  const next = { ...current };
  for (const key of Object.keys(changes)) {
    if (!Object.prototype.hasOwnProperty.call(DEFAULT_LIMITS, key)) {
      throw new ArgumentError(`setLimits: unknown limit ${describe(key)}; valid names are: ${Object.keys(DEFAULT_LIMITS).join(', ')}`);
    }
    const v = (changes as Record<string, unknown>)[key];
    if (typeof v !== 'number' || Number.isNaN(v) || v < 1) {
      throw new ArgumentError(`setLimits: ${key} must be a number ≥ 1 (Infinity allowed), got ${describe(v)}`);
    }
    (next as unknown as Record<string, number>)[key] = v;
  }
  const previous = current;
  current = next;
  return { ...previous };
}

/**
 * Throws a LimitError unless allocating `count` numbers is within maxElements. `what` says what would be
 * allocated, e.g. "a 50000×50000 matrix".
 */
export function checkElements(fn: string, what: string, count: number): void {
  if (typeof count !== 'number' || Number.isNaN(count) || count < 0) {
    throw new ArgumentError(`${fn}: ${what}: the number of elements must be a number ≥ 0, got ${describe(count)}`);
  }
  const max = current.maxElements;
  if (!(count <= max)) {
    throw new LimitError(
      `${fn}: ${what} needs ${formatCount(count)} numbers, more than the limit of ${formatCount(max)} ` +
        `(about ${formatBytes(count * 8)}); raise it with nn.setLimits({ maxElements: … }) if you really mean it`,
      'maxElements',
      count,
    );
  }
}

function formatCount(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  return n >= 1e6 ? n.toExponential(2).replace('e+', 'e') : String(n);
}

function formatBytes(b: number): string {
  if (!Number.isFinite(b)) return 'unbounded memory';
  const units = ['bytes', 'KB', 'MB', 'GB', 'TB', 'PB'];
  let i = 0;
  while (b >= 1024 && i < units.length - 1) [b, i] = [b / 1024, i + 1];
  return `${b < 10 && i > 0 ? b.toFixed(1) : Math.round(b)} ${units[i]}`;
}

/**
 * What `rows` plain JavaScript arrays of `cols` numbers cost, counted in numbers: the values plus about 8 numbers'
 * worth (64 bytes) of array overhead per row. For functions that return number[][] (oneHot, synthetic data).
 */
export function plainRowsCost(rows: number, cols: number): number {
  for (const [name, v] of [['rows', rows], ['cols', cols]] as const) {
    if (typeof v !== 'number' || !(v >= 0)) throw new ArgumentError(`plainRowsCost: ${name} must be a number ≥ 0, got ${describe(v)}`);
  }
  return rows * (cols + 8);
}
