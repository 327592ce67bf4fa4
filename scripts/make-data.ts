/**
 * Regenerates the committed data files in data/ from their installed sources, deterministically:
 *
 *   data/seattle-weather.csv  ← node_modules/vega-datasets/data/seattle-weather.csv (copied unchanged)
 *   data/penguins.csv         ← node_modules/vega-datasets/data/penguins.json (renamed columns, 2 rows dropped)
 *   data/digits.csv           ← /usr/lib/python3/dist-packages/sklearn/datasets/data/digits.csv.gz
 *                               (Debian package python3-sklearn; header added)
 *
 * Usage:
 *   npx tsx scripts/make-data.ts           writes the three files
 *   npx tsx scripts/make-data.ts --check   writes nothing; exits with status 1 if a committed file differs
 *
 * The vega-datasets sources are verified against the git blob hashes listed in the package's
 * datapackage.json, so a changed upstream file is noticed instead of silently producing other data.
 * See data/README.md for sources and licences.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';
import Papa from 'papaparse';

/** The repository root (this file is in scripts/). */
export const ROOT = resolve(__dirname, '..');
const VEGA = join(ROOT, 'node_modules', 'vega-datasets');

/** Where each source file is expected. */
export const SOURCES = {
  seattleWeather: join(VEGA, 'data', 'seattle-weather.csv'),
  penguins: join(VEGA, 'data', 'penguins.json'),
  digits: '/usr/lib/python3/dist-packages/sklearn/datasets/data/digits.csv.gz',
};

/** Git's blob hash of a file's bytes (what datapackage.json lists as "sha1:…"). */
function gitBlobSha1(bytes: Buffer): string {
  return createHash('sha1').update(`blob ${bytes.length}\0`).update(bytes).digest('hex');
}

/** Reads a vega-datasets file and checks it against the hash in the package's datapackage.json. */
function readVegaFile(path: string): Buffer {
  const bytes = readFileSync(path);
  const pkg = JSON.parse(readFileSync(join(VEGA, 'datapackage.json'), 'utf8')) as {
    version: string;
    resources: { path: string; hash?: string }[];
  };
  const name = path.split(/[\\/]/).pop();
  const resource = pkg.resources.find((r) => r.path === name);
  const expected = resource?.hash?.replace(/^sha1:/, '');
  const actual = gitBlobSha1(bytes);
  if (expected === undefined || expected !== actual) {
    throw new Error(
      `make-data: ${path} has git blob sha1 ${actual}, but vega-datasets ${pkg.version} lists ${expected ?? 'no hash'}`,
    );
  }
  return bytes;
}

/** Writes rows as CSV text: header line, one line per row, '\n' line ends, final newline. */
function toCsv(columns: string[], rows: (string | number)[][]): string {
  return Papa.unparse({ fields: columns, data: rows }, { newline: '\n', quotes: false }) + '\n';
}

/** data/seattle-weather.csv: the vega-datasets file, unchanged (1,461 days, 2012-01-01 … 2015-12-31). */
export function makeSeattleWeather(): string {
  const text = readVegaFile(SOURCES.seattleWeather).toString('utf8');
  const header = text.slice(0, text.indexOf('\n'));
  if (header !== 'date,precipitation,temp_max,temp_min,wind,weather') {
    throw new Error(`make-data: unexpected header in ${SOURCES.seattleWeather}: ${header}`);
  }
  return text;
}

/** Column renaming for penguins: vega-datasets name → our name (the palmerpenguins R package's names). */
export const PENGUIN_COLUMNS: [string, string][] = [
  ['Species', 'species'],
  ['Island', 'island'],
  ['Beak Length (mm)', 'bill_length_mm'],
  ['Beak Depth (mm)', 'bill_depth_mm'],
  ['Flipper Length (mm)', 'flipper_length_mm'],
  ['Body Mass (g)', 'body_mass_g'],
  ['Sex', 'sex'],
];

/**
 * data/penguins.csv: the 344 penguins of vega-datasets' penguins.json, renamed columns, minus the
 * rows with a missing numeric measurement (2 rows: all four measurements missing). A missing or
 * unknown sex (null, or "." in one record) is written as an empty cell. Source order is kept.
 */
export function makePenguins(): { csv: string; dropped: number; total: number } {
  const records = JSON.parse(readVegaFile(SOURCES.penguins).toString('utf8')) as Record<string, unknown>[];
  const numeric = PENGUIN_COLUMNS.slice(2, 6).map(([from]) => from);
  const kept = records.filter((r) => numeric.every((k) => typeof r[k] === 'number' && Number.isFinite(r[k])));
  const rows = kept.map((r) =>
    PENGUIN_COLUMNS.map(([from]) => {
      const v = r[from];
      if (from === 'Sex') return v === 'MALE' || v === 'FEMALE' ? v : '';
      return v as string | number;
    }),
  );
  return { csv: toCsv(PENGUIN_COLUMNS.map(([, to]) => to), rows), dropped: records.length - kept.length, total: records.length };
}

/** data/digits.csv: sklearn's digits (1,797 rows of 64 pixels + label), with a header pixel_0 … pixel_63, label. */
export function makeDigits(): string {
  const text = gunzipSync(readFileSync(SOURCES.digits)).toString('utf8');
  const lines = text.split('\n').filter((l) => l.trim() !== '');
  const rows = lines.map((line, i) => {
    const cells = line.split(',').map((c) => Number(c));
    if (cells.length !== 65 || !cells.every((v) => Number.isInteger(v) && v >= 0)) {
      throw new Error(`make-data: ${SOURCES.digits} line ${i + 1} is not 65 non-negative integers`);
    }
    if (cells.slice(0, 64).some((v) => v > 16) || cells[64] > 9) {
      throw new Error(`make-data: ${SOURCES.digits} line ${i + 1} has a pixel > 16 or a label > 9`);
    }
    return cells;
  });
  if (rows.length !== 1797) throw new Error(`make-data: expected 1797 digits, got ${rows.length}`);
  const columns = [...Array.from({ length: 64 }, (_, i) => `pixel_${i}`), 'label'];
  return toCsv(columns, rows);
}

/** The three outputs, keyed by their path relative to the repository root. */
export function makeAll(): Record<string, string> {
  return {
    'data/seattle-weather.csv': makeSeattleWeather(),
    'data/penguins.csv': makePenguins().csv,
    'data/digits.csv': makeDigits(),
  };
}

function main(): void {
  const check = process.argv.includes('--check');
  const outputs = makeAll();
  let differ = 0;
  for (const [relative, text] of Object.entries(outputs)) {
    const path = join(ROOT, relative);
    const rows = text.trimEnd().split('\n').length - 1;
    if (check) {
      const same = existsSync(path) && readFileSync(path, 'utf8') === text;
      if (!same) differ++;
      console.log(`${same ? 'same     ' : 'DIFFERENT'} ${relative} (${rows} rows)`);
    } else {
      writeFileSync(path, text);
      console.log(`wrote ${relative} (${rows} rows, ${Buffer.byteLength(text)} bytes)`);
    }
  }
  const { dropped, total } = makePenguins();
  console.log(`penguins: dropped ${dropped} of ${total} rows with missing measurements`);
  if (differ > 0) process.exit(1);
}

if (require.main === module) main();
