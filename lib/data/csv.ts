/**
 * Reading CSV files into a table that the rest of the data utilities understand.
 *
 * The text is split into fields by papaparse (quoted fields, commas and line breaks inside quotes,
 * `""` escapes), then this file adds what a course needs on top: numbers become numbers, and every
 * problem is reported with the file, the line (as a text editor counts it, the header is line 1)
 * and the column, e.g.
 *
 *   loadCsv: data/x.csv line 17, column "temp_max": expected a number, got "abc"
 *
 * Which columns are numeric (`numeric` option):
 *   - 'auto' (default): a column is numeric when more than half of its non-empty cells are numbers.
 *     Every cell of a numeric column must then be a number: a typo such as "abc" or an empty cell
 *     (a missing value) is an error naming its line, so a NaN can never slip silently into training.
 *     If a text column is mistaken for a numeric one, pass the numeric columns explicitly.
 *   - 'all': every (kept) column must be numeric.
 *   - a list of names: exactly those columns must be numeric; all other columns stay text.
 * Text columns keep their cells as strings ('' for an empty cell).
 *
 * Example:
 *   const t = loadCsv('../data/seattle-weather.csv');
 *   t.columns;        // ['date', 'precipitation', 'temp_max', 'temp_min', 'wind', 'weather']
 *   t.rows[0];        // { date: '2012-01-01', precipitation: 0, temp_max: 12.8, ... }
 *   selectColumns(t, ['temp_max', 'temp_min']);   // number[][] (see columns.ts)
 */
import { readFileSync, statSync } from 'node:fs';
import Papa from 'papaparse';
import { ArgumentError, describe } from '../errors';
import { LimitError, getLimits } from '../limits';

function shorten(s: string): string {
  return s.length > 80 ? s.slice(0, 80) + '…' : s;
}

/** Sets row[name] as an own property, also for the name "__proto__" (plain assignment would change the prototype). */
function setField<T>(row: Record<string, T>, name: string, value: T): void {
  if (name === '__proto__') Object.defineProperty(row, name, { value, enumerable: true, writable: true, configurable: true });
  else row[name] = value;
}

/** One cell: a number in a numeric column, a string in a text column. */
export type Cell = string | number;

/** The kind of values a column holds after parsing. */
export type ColumnType = 'number' | 'string';

/** A parsed CSV file, row-oriented. */
export interface Table {
  /** Column names, in the order of the file (or of the `columns` option). */
  columns: string[];
  /** The kind of each column: 'number' (all cells are numbers) or 'string' (all cells are strings). */
  types: Record<string, ColumnType>;
  /** One record per data row, keyed by column name. */
  rows: Record<string, Cell>[];
  /** For each row, the line of the file where that row starts (header = line 1). */
  lines: number[];
  /** Where the table came from (the file path, or the `source` option), used in error messages. */
  source: string;
}

/** Options shared by `loadCsv` and `parseCsv`. */
export interface CsvOptions {
  /** Keep only these columns, in this order. Default: all columns of the file. */
  columns?: string[];
  /** Which columns must hold numbers: a list of names, 'all', or 'auto' (default; see the file comment). */
  numeric?: string[] | 'all' | 'auto';
}

/** Options of `parseCsv`: as `loadCsv`, plus a name for the text used in error messages. */
export interface ParseCsvOptions extends CsvOptions {
  /** A name for the text in error messages, e.g. a file path. Default: 'inline text'. */
  source?: string;
}

/**
 * A number in a CSV cell: optional sign, digits with an optional decimal point, optional exponent.
 * Deliberately stricter than `Number(text)`, which accepts '', ' ', '0x1f' and 'Infinity'.
 */
const NUMBER_PATTERN = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/** True when `text` (already trimmed) is a number as this file understands it. */
export function isNumericText(text: string): boolean {
  if (typeof text !== 'string') return false;
  return NUMBER_PATTERN.test(text);
}

/**
 * Reads a CSV file with a header line and parses it (see `parseCsv` for the rules).
 * Relative paths are resolved from the current directory; in a notebook that is the notebook's
 * folder, so the course data are at '../data/<name>.csv'.
 *
 * Example: `loadCsv('../data/penguins.csv', { columns: ['species', 'body_mass_g'] })`
 */
export function loadCsv(path: string, options: CsvOptions = {}): Table {
  if (typeof path !== 'string' || path === '') {
    throw new ArgumentError(`loadCsv: path must be a non-empty string, got ${describe(path)}`);
  }
  let text: string;
  try {
    // Size first: a device such as /dev/zero never ends, and a huge file would fill memory before parsing starts.
    const info = statSync(path);
    if (!info.isFile()) {
      throw new ArgumentError(`loadCsv: "${shorten(path)}" is not a regular file (a directory, device or pipe); expected a CSV file`);
    }
    const max = getLimits().maxFileBytes;
    if (info.size > max) {
      throw new LimitError(
        `loadCsv: the file "${shorten(path)}" has ${info.size} bytes, more than the limit of ${max} (raise it with nn.setLimits({ maxFileBytes: … }))`,
        'maxFileBytes', info.size,
      );
    }
    text = readFileSync(path, 'utf8');
  } catch (err) {
    if (err instanceof ArgumentError) throw err;
    const reason = (err as NodeJS.ErrnoException).code ?? (err as Error).message;
    throw new ArgumentError(
      `loadCsv: cannot read file "${shorten(path)}" (${reason}); relative paths are resolved from ${process.cwd()}`,
    );
  }
  return parseWith('loadCsv', text, { ...options, source: path });
}

/**
 * Parses CSV text whose first line is the header.
 *
 * Rules: fields are separated by commas; a field in double quotes may contain commas, line breaks
 * and `""` (a literal quote); blank lines are skipped; spaces around a number are ignored; every
 * row must have as many fields as the header.
 *
 * Example:
 *   parseCsv('x,label\n1.5,"a, b"\n2,c').rows   // [{ x: 1.5, label: 'a, b' }, { x: 2, label: 'c' }]
 */
export function parseCsv(text: string, options: ParseCsvOptions = {}): Table {
  return parseWith('parseCsv', text, options);
}

/** The shared implementation; `fn` is the public name used in error messages. */
function parseWith(fn: string, text: string, options: ParseCsvOptions): Table {
  if (typeof text !== 'string') {
    throw new ArgumentError(`${fn}: text must be a string, got ${describe(text)}`);
  }
  if (options === null || typeof options !== 'object') {
    throw new ArgumentError(`${fn}: options must be an object, got ${describe(options)}`);
  }
  const source = shorten(String(options.source ?? 'inline text'));
  const max = getLimits().maxFileBytes;
  if (text.length > max) {
    throw new LimitError(`${fn}: ${source} has ${text.length} characters, more than the limit of ${max} (nn.setLimits({ maxFileBytes }))`, 'maxFileBytes', text.length);
  }
  const where = (line: number, column?: string): string =>
    `${fn}: ${source} line ${line}` + (column === undefined ? '' : `, column "${column}"`);

  // Normalise line ends so that line counting and papaparse agree; drop a byte-order mark.
  const normalized = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  if (normalized.trim() === '') {
    throw new ArgumentError(`${fn}: ${source} is empty (expected a header line with column names)`);
  }

  // Parse row by row so that each row's start offset (hence its line number) is known.
  const records: { fields: string[]; line: number }[] = [];
  let offset = 0; // where the next row starts in `normalized`
  let line = 1; // the line number at `offset`
  const advanceTo = (end: number): void => {
    for (let i = offset; i < end; i++) if (normalized.charCodeAt(i) === 10) line++;
    offset = end;
  };
  Papa.parse<string[]>(normalized, {
    delimiter: ',',
    newline: '\n',
    skipEmptyLines: false,
    step: (result) => {
      if (result.errors.length > 0) {
        // papaparse gives `index` as an offset into the whole text for quote errors.
        const error = result.errors[0];
        const errorLine = typeof error.index === 'number' ? countLines(normalized, error.index) : line;
        throw new ArgumentError(`${where(errorLine)}: ${error.message.toLowerCase()}`);
      }
      const fields = result.data;
      const blank = fields.length === 1 && fields[0].trim() === '';
      if (!blank) records.push({ fields, line });
      advanceTo(result.meta.cursor);
    },
  });

  if (records.length === 0) throw new ArgumentError(`${fn}: ${source} has no header line (expected column names)`);
  const header = records[0].fields.map((name) => name.trim());
  const seen = new Set<string>();
  header.forEach((name, i) => {
    if (name === '') throw new ArgumentError(`${where(1)}: column ${i + 1} of the header has no name`);
    if (seen.has(name)) throw new ArgumentError(`${where(1)}: column name ${describe(name)} appears twice in the header`);
    seen.add(name);
  });
  const body = records.slice(1);
  if (body.length === 0) {
    throw new ArgumentError(`${fn}: ${source} has a header but no data rows`);
  }

  // Columns to keep.
  const valid = `valid columns: ${header.map((h) => `"${h}"`).join(', ')}`;
  const columns = options.columns ?? header;
  if (!Array.isArray(columns) || columns.length === 0) {
    throw new ArgumentError(`${fn}: options.columns must be a non-empty array of column names, got ${describe(columns)}`);
  }
  for (const name of columns) {
    if (!header.includes(name)) {
      throw new ArgumentError(`${fn}: unknown column ${describe(name)} in options.columns; ${valid}`);
    }
  }
  const index = new Map(header.map((name, i) => [name, i] as const));

  // Every row must be complete (a short row is a missing cell at its first absent column).
  for (const { fields, line: rowLine } of body) {
    if (fields.length < header.length) {
      throw new ArgumentError(
        `${where(rowLine, header[fields.length])}: missing cell (the row has ${fields.length} fields, the header has ${header.length})`,
      );
    }
    if (fields.length > header.length) {
      throw new ArgumentError(
        `${where(rowLine)}: the row has ${fields.length} fields, the header has ${header.length} (an unquoted comma?)`,
      );
    }
  }

  // Decide which columns are numeric.
  const numericOption = options.numeric ?? 'auto';
  let numericColumns: Set<string>;
  if (numericOption === 'all') {
    numericColumns = new Set(columns);
  } else if (numericOption === 'auto') {
    numericColumns = new Set(
      columns.filter((name) => {
        const cells = body.map((r) => r.fields[index.get(name)!].trim()).filter((c) => c !== '');
        return cells.filter(isNumericText).length * 2 > cells.length;
      }),
    );
  } else if (Array.isArray(numericOption)) {
    for (const name of numericOption) {
      if (!columns.includes(name)) {
        const kept = columns.map((h) => `"${h}"`).join(', ');
        throw new ArgumentError(`${fn}: unknown column ${describe(name)} in options.numeric; kept columns: ${kept}`);
      }
    }
    numericColumns = new Set(numericOption);
  } else {
    throw new ArgumentError(
      `${fn}: options.numeric must be 'auto', 'all' or an array of column names, got ${describe(numericOption)}`,
    );
  }

  // Build the records, converting numeric cells.
  const types: Record<string, ColumnType> = {};
  for (const name of columns) setField(types, name, numericColumns.has(name) ? 'number' : 'string');
  const hint = (name: string): string =>
    numericOption === 'auto'
      ? ` (column "${name}" was taken as numeric because most of its cells are numbers; ` +
        `options.numeric chooses the numeric columns explicitly)`
      : '';
  const rows: Record<string, Cell>[] = [];
  const lines: number[] = [];
  for (const { fields, line: rowLine } of body) {
    const row: Record<string, Cell> = {};
    for (const name of columns) {
      const raw = fields[index.get(name)!];
      if (numericColumns.has(name)) {
        const trimmed = raw.trim();
        if (trimmed === '') {
          throw new ArgumentError(`${where(rowLine, name)}: expected a number, got an empty cell (a missing value)${hint(name)}`);
        }
        if (!isNumericText(trimmed)) {
          throw new ArgumentError(`${where(rowLine, name)}: expected a number, got ${describe(raw)}${hint(name)}`);
        }
        const value = Number(trimmed);
        if (!Number.isFinite(value)) {
          throw new ArgumentError(`${where(rowLine, name)}: ${describe(raw)} is too large for a number (it would become Infinity)`);
        }
        setField(row, name, value);
      } else {
        setField(row, name, raw);
      }
    }
    rows.push(row);
    lines.push(rowLine);
  }
  return { columns: [...columns], types, rows, lines, source };
}

/** The line (1-based) of the character at `index`. */
function countLines(text: string, index: number): number {
  let line = 1;
  for (let i = 0; i < index && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}
