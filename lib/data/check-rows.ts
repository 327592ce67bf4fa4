/**
 * Argument check shared by the data utilities that take a matrix as number[][] (internal helper).
 */
import { ArgumentError, ShapeError, describe } from '../errors';

/**
 * Throws unless `x` is a non-empty array of rows that all have the same length `cols`
 * (or the given `cols`), each cell a finite number. Returns the number of columns.
 *
 * Data going into a network must be finite: a NaN here would only show up later as a NaN loss.
 */
export function checkRows(fn: string, arg: string, x: unknown, cols?: number): number {
  if (!Array.isArray(x)) {
    throw new ArgumentError(`${fn}: ${arg} must be an array of rows (number[][]), got ${describe(x)}`);
  }
  if (x.length === 0) {
    throw new ArgumentError(`${fn}: ${arg} is empty (expected at least one row)`);
  }
  const width = cols ?? (Array.isArray(x[0]) ? x[0].length : -1);
  for (let i = 0; i < x.length; i++) {
    const row = x[i];
    if (!Array.isArray(row)) {
      throw new ArgumentError(`${fn}: ${arg}[${i}] must be an array of numbers, got ${describe(row)}`);
    }
    if (row.length !== width) {
      throw new ShapeError(
        `${fn}: ${arg}[${i}] has ${row.length} columns, expected ${width}` +
          (cols === undefined ? ` (like ${arg}[0])` : ''),
        [x.length, width],
        [x.length, row.length],
      );
    }
    for (let j = 0; j < width; j++) {
      const v = row[j];
      if (typeof v !== 'number' || !Number.isFinite(v)) {
        throw new ArgumentError(`${fn}: ${arg}[${i}][${j}] must be a finite number, got ${describe(v)}`);
      }
    }
  }
  if (width === 0) {
    throw new ShapeError(`${fn}: ${arg} has rows with 0 columns`, [x.length, null], [x.length, 0]);
  }
  return width;
}
