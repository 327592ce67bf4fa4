/**
 * Taking columns out of a table (see csv.ts): numeric features as a matrix, one column as an array,
 * and categorical values as integer class labels.
 *
 * Example:
 *   const t = loadCsv('../data/penguins.csv');
 *   const X = selectColumns(t, ['bill_length_mm', 'flipper_length_mm']);  // number[][], one row per penguin
 *   const { labels, classes } = encodeLabels(stringColumn(t, 'species'));
 *   // classes = ['Adelie', 'Chinstrap', 'Gentoo'], labels[i] ∈ {0, 1, 2}
 */
import { ArgumentError, describe } from '../errors';
import type { Table } from './csv';

/** Throws unless `table` looks like a Table and `name` is one of its columns. */
function checkColumn(fn: string, table: Table, name: unknown): asserts name is string {
  if (table === null || typeof table !== 'object' || !Array.isArray(table.columns) || !Array.isArray(table.rows)) {
    throw new ArgumentError(`${fn}: table must be a table from loadCsv or parseCsv, got ${describe(table)}`);
  }
  if (typeof name !== 'string' || !table.columns.includes(name)) {
    const valid = table.columns.map((c) => `"${c}"`).join(', ');
    throw new ArgumentError(`${fn}: unknown column ${describe(name)}; valid columns: ${valid}`);
  }
}

/** The cell at `row`/`name` as a number, or an error naming the file, line and column. */
function numberAt(fn: string, table: Table, row: number, name: string): number {
  const value = table.rows[row][name];
  if (typeof value === 'number') return value;
  const line = table.lines?.[row];
  const where = line === undefined ? `row ${row}` : `${table.source} line ${line}`;
  throw new ArgumentError(
    `${fn}: ${where}, column "${name}": expected a number, got ${describe(value)}` +
      ` (column "${name}" holds text; load it with options.numeric to make it numeric, or encode it with encodeLabels)`,
  );
}

/**
 * The given numeric columns as a matrix: result[i][j] = value of column names[j] in row i.
 *
 * Example: `selectColumns(t, ['temp_max', 'temp_min'])` → [[12.8, 5], [10.6, 2.8], …]
 */
export function selectColumns(table: Table, names: string[]): number[][] {
  const fn = 'selectColumns';
  if (!Array.isArray(names) || names.length === 0) {
    throw new ArgumentError(`${fn}: names must be a non-empty array of column names, got ${describe(names)}`);
  }
  for (const name of names) checkColumn(fn, table, name);
  return table.rows.map((_, i) => names.map((name) => numberAt(fn, table, i, name)));
}

/**
 * One column as an array: number[] for a numeric column, string[] for a text column.
 * Use `numericColumn` or `stringColumn` when the type should be known at compile time.
 */
export function column(table: Table, name: string): number[] | string[] {
  checkColumn('column', table, name);
  if (table.types?.[name] === 'number') return numericColumn(table, name);
  return table.rows.map((row) => String(row[name]));
}

/** One numeric column as number[]; an error naming the line if a cell is not a number. */
export function numericColumn(table: Table, name: string): number[] {
  checkColumn('numericColumn', table, name);
  return table.rows.map((_, i) => numberAt('numericColumn', table, i, name));
}

/** One column as string[] (numbers are written as text, e.g. 3 → '3'). */
export function stringColumn(table: Table, name: string): string[] {
  checkColumn('stringColumn', table, name);
  return table.rows.map((row) => String(row[name]));
}

/** The result of `encodeLabels`. */
export interface EncodedLabels {
  /** labels[i] = index in `classes` of values[i]. */
  labels: number[];
  /** The distinct values as text, sorted; class k is classes[k]. */
  classes: string[];
}

/**
 * Turns categorical values into integer class labels 0 … K−1.
 *
 * classes = the distinct values, sorted (numerically if every value is a number, otherwise by
 * character code, so the order never depends on the machine's locale); labels[i] = position of
 * values[i] in classes. Pass `options.classes` to reuse the classes found on the training set
 * (an unseen value is then an error).
 *
 * Example:
 *   encodeLabels(['rain', 'sun', 'rain', 'fog'])
 *   // → { labels: [1, 2, 1, 0], classes: ['fog', 'rain', 'sun'] }
 */
export function encodeLabels(
  values: ReadonlyArray<string | number>,
  options: { classes?: string[] } = {},
): EncodedLabels {
  const fn = 'encodeLabels';
  if (!Array.isArray(values) || values.length === 0) {
    throw new ArgumentError(`${fn}: values must be a non-empty array of strings or numbers, got ${describe(values)}`);
  }
  values.forEach((v, i) => {
    if (typeof v !== 'string' && typeof v !== 'number') {
      throw new ArgumentError(`${fn}: values[${i}] must be a string or a number, got ${describe(v)}`);
    }
  });
  let classes: string[];
  if (options.classes !== undefined) {
    if (!Array.isArray(options.classes) || options.classes.length === 0) {
      throw new ArgumentError(`${fn}: options.classes must be a non-empty array of strings, got ${describe(options.classes)}`);
    }
    classes = [...options.classes];
  } else if (values.every((v) => typeof v === 'number')) {
    classes = [...new Set(values as number[])].sort((a, b) => a - b).map(String);
  } else {
    classes = [...new Set(values.map(String))].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  }
  const position = new Map(classes.map((c, k) => [c, k] as const));
  const labels = values.map((v, i) => {
    const k = position.get(String(v));
    if (k === undefined) {
      throw new ArgumentError(
        `${fn}: values[${i}] = ${describe(v)} is not one of the classes ${classes.map((c) => `"${c}"`).join(', ')}`,
      );
    }
    return k;
  });
  return { labels, classes };
}
