import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parseCsv } from '../../lib/data/csv';
import { column, encodeLabels, numericColumn, selectColumns, stringColumn } from '../../lib/data/columns';

const table = parseCsv('date,temp_max,temp_min,weather\n2012-01-01,12.8,5,drizzle\n2012-01-02,10.6,2.8,rain\n2012-01-03,11.7,7.2,rain', {
  source: 'w.csv',
});

describe('selectColumns', () => {
  it('returns the chosen numeric columns as number[][], in the order asked', () => {
    assert.deepEqual(selectColumns(table, ['temp_min', 'temp_max']), [
      [5, 12.8],
      [2.8, 10.6],
      [7.2, 11.7],
    ]);
  });
  it('lists the valid column names for an unknown column', () => {
    assert.throws(
      () => selectColumns(table, ['temp_max', 'tmax']),
      /selectColumns: unknown column "tmax"; valid columns: "date", "temp_max", "temp_min", "weather"/,
    );
  });
  it('names the file, line and column when a column holds text', () => {
    assert.throws(() => selectColumns(table, ['weather']), /selectColumns: w\.csv line 2, column "weather": expected a number, got "drizzle"/);
  });
  it('rejects an empty list of names', () => {
    assert.throws(() => selectColumns(table, []), /names must be a non-empty array/);
  });
  it('rejects something that is not a table', () => {
    assert.throws(() => selectColumns([[1]] as never, ['a']), /table must be a table from loadCsv or parseCsv/);
  });
});

describe('column', () => {
  it('returns number[] for a numeric column', () => {
    assert.deepEqual(column(table, 'temp_min'), [5, 2.8, 7.2]);
  });
  it('returns string[] for a text column', () => {
    assert.deepEqual(column(table, 'weather'), ['drizzle', 'rain', 'rain']);
  });
  it('lists the valid column names for an unknown column', () => {
    assert.throws(() => column(table, 'wind'), /column: unknown column "wind"; valid columns: "date"/);
  });
});

describe('numericColumn and stringColumn', () => {
  it('numericColumn returns numbers and refuses a text column, naming the line', () => {
    assert.deepEqual(numericColumn(table, 'temp_max'), [12.8, 10.6, 11.7]);
    assert.throws(() => numericColumn(table, 'date'), /numericColumn: w\.csv line 2, column "date": expected a number, got "2012-01-01"/);
  });
  it('stringColumn writes numbers as text', () => {
    assert.deepEqual(stringColumn(table, 'temp_min'), ['5', '2.8', '7.2']);
  });
});

describe('encodeLabels', () => {
  it('sorts the classes and maps each value to its class index', () => {
    assert.deepEqual(encodeLabels(['rain', 'sun', 'rain', 'fog']), { labels: [1, 2, 1, 0], classes: ['fog', 'rain', 'sun'] });
  });
  it('is deterministic: the classes do not depend on the order of the values', () => {
    const a = encodeLabels(['b', 'a', 'c', 'a']);
    const b = encodeLabels(['c', 'a', 'b']);
    assert.deepEqual(a.classes, b.classes);
  });
  it('sorts numbers numerically, not as text', () => {
    assert.deepEqual(encodeLabels([10, 2, 1]).classes, ['1', '2', '10']);
    assert.deepEqual(encodeLabels([10, 2, 1]).labels, [2, 1, 0]);
  });
  it('sorts by character code, independent of locale (upper case before lower case)', () => {
    assert.deepEqual(encodeLabels(['b', 'B', 'a']).classes, ['B', 'a', 'b']);
  });
  it('reuses given classes, e.g. those of the training set', () => {
    assert.deepEqual(encodeLabels(['sun'], { classes: ['fog', 'rain', 'sun'] }).labels, [2]);
  });
  it('names the index of a value that is not one of the given classes', () => {
    assert.throws(() => encodeLabels(['sun', 'snow'], { classes: ['rain', 'sun'] }), /encodeLabels: values\[1\] = "snow" is not one of the classes "rain", "sun"/);
  });
  it('rejects an empty array and non-string values', () => {
    assert.throws(() => encodeLabels([]), /values must be a non-empty array/);
    assert.throws(() => encodeLabels(['a', null as never]), /values\[1\] must be a string or a number, got null/);
  });
});
