import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { loadCsv } from '../../lib/data/csv';
import { encodeLabels, numericColumn, selectColumns, stringColumn } from '../../lib/data/columns';
import { ROOT, SOURCES, makeDigits, makePenguins, makeSeattleWeather } from '../../scripts/make-data';

/** Every committed data file: its columns, which of them are numeric, and its number of rows. */
const FILES = [
  {
    file: 'seattle-weather.csv',
    rows: 1461,
    columns: ['date', 'precipitation', 'temp_max', 'temp_min', 'wind', 'weather'],
    numeric: ['precipitation', 'temp_max', 'temp_min', 'wind'],
  },
  {
    file: 'penguins.csv',
    rows: 342,
    columns: ['species', 'island', 'bill_length_mm', 'bill_depth_mm', 'flipper_length_mm', 'body_mass_g', 'sex'],
    numeric: ['bill_length_mm', 'bill_depth_mm', 'flipper_length_mm', 'body_mass_g'],
  },
  {
    file: 'digits.csv',
    rows: 1797,
    columns: [...Array.from({ length: 64 }, (_, i) => `pixel_${i}`), 'label'],
    numeric: [...Array.from({ length: 64 }, (_, i) => `pixel_${i}`), 'label'],
  },
];

describe('committed data files', () => {
  for (const { file, rows, columns, numeric } of FILES) {
    describe(file, () => {
      const path = join(ROOT, 'data', file);

      it('is smaller than 5 MB', () => {
        assert.ok(statSync(path).size < 5 * 1024 * 1024);
      });
      it(`loads through loadCsv with ${rows} rows and the documented columns`, () => {
        const t = loadCsv(path);
        assert.equal(t.rows.length, rows);
        assert.deepEqual(t.columns, columns);
      });
      it('has a number in every numeric cell (strict numeric load, no missing cell)', () => {
        // numeric: [...] makes loadCsv throw on any empty or non-numeric cell of these columns.
        const t = loadCsv(path, { numeric });
        const x = selectColumns(t, numeric);
        assert.equal(x.length, rows);
        for (const row of x) for (const v of row) assert.ok(Number.isFinite(v));
        for (const name of columns) assert.equal(t.types[name], numeric.includes(name) ? 'number' : 'string');
      });
    });
  }

  it('seattle-weather.csv covers 2012-01-01 … 2015-12-31, one row per day in order', () => {
    const dates = stringColumn(loadCsv(join(ROOT, 'data', 'seattle-weather.csv')), 'date');
    assert.equal(dates[0], '2012-01-01');
    assert.equal(dates[dates.length - 1], '2015-12-31');
    for (let i = 1; i < dates.length; i++) {
      assert.equal(Date.parse(dates[i]) - Date.parse(dates[i - 1]), 86_400_000, `gap after ${dates[i - 1]}`);
    }
  });

  it('seattle-weather.csv has the five documented weather classes', () => {
    const t = loadCsv(join(ROOT, 'data', 'seattle-weather.csv'));
    assert.deepEqual(encodeLabels(stringColumn(t, 'weather')).classes, ['drizzle', 'fog', 'rain', 'snow', 'sun']);
  });

  it('penguins.csv has three species and sex MALE, FEMALE or empty (unknown)', () => {
    const t = loadCsv(join(ROOT, 'data', 'penguins.csv'));
    assert.deepEqual(encodeLabels(stringColumn(t, 'species')).classes, ['Adelie', 'Chinstrap', 'Gentoo']);
    assert.deepEqual(encodeLabels(stringColumn(t, 'sex')).classes, ['', 'FEMALE', 'MALE']);
  });

  it('digits.csv has pixels in 0 … 16 and labels 0 … 9 with every digit present', () => {
    const t = loadCsv(join(ROOT, 'data', 'digits.csv'));
    const pixels = selectColumns(t, FILES[2].numeric.slice(0, 64));
    assert.ok(pixels.every((r) => r.every((v) => Number.isInteger(v) && v >= 0 && v <= 16)));
    assert.deepEqual(encodeLabels(numericColumn(t, 'label')).classes, ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9']);
  });
});

describe('scripts/make-data.ts', () => {
  const committed = (file: string): string => readFileSync(join(ROOT, 'data', file), 'utf8');
  const vega = existsSync(SOURCES.seattleWeather) && existsSync(SOURCES.penguins);
  const sklearn = existsSync(SOURCES.digits);

  it('reproduces data/seattle-weather.csv exactly', { skip: !vega && 'vega-datasets is not installed' }, () => {
    assert.equal(makeSeattleWeather(), committed('seattle-weather.csv'));
  });
  it('reproduces data/penguins.csv exactly, dropping 2 of 344 rows', { skip: !vega && 'vega-datasets is not installed' }, () => {
    const { csv, dropped, total } = makePenguins();
    assert.equal(csv, committed('penguins.csv'));
    assert.deepEqual([dropped, total], [2, 344]);
  });
  it('reproduces data/digits.csv exactly', { skip: !sklearn && `${SOURCES.digits} is missing (Debian package python3-sklearn)` }, () => {
    assert.equal(makeDigits(), committed('digits.csv'));
  });
});
