import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ArgumentError } from '../../lib/errors';
import { isNumericText, loadCsv, parseCsv } from '../../lib/data/csv';

/** Runs fn and returns the message of the ArgumentError it throws (fails if it does not throw one). */
function errorOf(fn: () => unknown): string {
  try {
    fn();
  } catch (err) {
    assert.ok(err instanceof ArgumentError, `expected an ArgumentError, got ${String(err)}`);
    return err.message;
  }
  assert.fail('expected an error, but nothing was thrown');
}

describe('parseCsv', () => {
  describe('with valid text', () => {
    const text = 'id,name,score\n1,"Smith, Anna",3.5\n2,Bob,-4e-1\n';
    const t = parseCsv(text);

    it('reads the header as the column names', () => {
      assert.deepEqual(t.columns, ['id', 'name', 'score']);
    });
    it('keeps a quoted field with a comma as one cell', () => {
      assert.equal(t.rows[0].name, 'Smith, Anna');
    });
    it('turns number columns into numbers, including signs and exponents', () => {
      assert.deepEqual(t.rows.map((r) => r.score), [3.5, -0.4]);
      assert.deepEqual(t.types, { id: 'number', name: 'string', score: 'number' });
    });
    it('records the editor line of each row (header = line 1)', () => {
      assert.deepEqual(t.lines, [2, 3]);
    });
    it('names the source "inline text" unless told otherwise', () => {
      assert.equal(t.source, 'inline text');
      assert.equal(parseCsv(text, { source: 'mine.csv' }).source, 'mine.csv');
    });
  });

  it('counts lines correctly after blank lines, CRLF line ends and a quoted line break', () => {
    const t = parseCsv('a,b\r\n1,"two\nlines"\r\n\r\n3,x\r\n');
    assert.deepEqual(t.lines, [2, 5]);
    assert.equal(t.rows[0].b, 'two\nlines');
  });

  it('handles doubled quotes inside a quoted field', () => {
    assert.equal(parseCsv('q,n\n"say ""hi""",1').rows[0].q, 'say "hi"');
  });

  it('keeps only the requested columns, in the requested order', () => {
    const t = parseCsv('a,b,c\n1,2,3', { columns: ['c', 'a'] });
    assert.deepEqual(t.columns, ['c', 'a']);
    assert.deepEqual(t.rows, [{ c: 3, a: 1 }]);
  });

  it("keeps text columns as strings, including an empty cell as ''", () => {
    const t = parseCsv('x,sex\n1,MALE\n2,\n3,FEMALE');
    assert.deepEqual(t.rows.map((r) => r.sex), ['MALE', '', 'FEMALE']);
  });

  it('treats digits as text when numeric lists other columns', () => {
    const t = parseCsv('zip,v\n01234,1', { numeric: ['v'] });
    assert.equal(t.rows[0].zip, '01234');
    assert.equal(t.types.zip, 'string');
  });

  it("with numeric: 'all' requires every column to be numeric", () => {
    assert.match(errorOf(() => parseCsv('a,b\n1,x', { numeric: 'all' })), /line 2, column "b": expected a number, got "x"/);
  });

  describe('errors', () => {
    it('names the line and column of a non-numeric cell in a numeric column', () => {
      const text = 'date,temp_max\n2012-01-01,12.8\n2012-01-02,10.6\n2012-01-03,abc\n2012-01-04,12.2\n';
      assert.match(
        errorOf(() => parseCsv(text, { source: 'data/x.csv' })),
        /^parseCsv: data\/x\.csv line 4, column "temp_max": expected a number, got "abc"/,
      );
    });
    it('names the line and column of an empty (missing) cell in a numeric column', () => {
      const text = 'a,b\n1,2\n3,\n5,6';
      assert.match(errorOf(() => parseCsv(text)), /line 3, column "b": expected a number, got an empty cell/);
    });
    it('names the line and column of a row that is too short (missing cell)', () => {
      assert.match(errorOf(() => parseCsv('a,b,c\n1,2,3\n4,5')), /line 3, column "c": missing cell/);
    });
    it('counts a quoted line break when naming a later line', () => {
      const text = 'name,v\n"two\nlines",1\nok,zz\nok2,3\nok3,4';
      assert.match(errorOf(() => parseCsv(text)), /line 4, column "v": expected a number, got "zz"/);
    });
    it('rejects a row with too many fields', () => {
      assert.match(errorOf(() => parseCsv('a,b\n1,2,3')), /line 2: the row has 3 fields, the header has 2/);
    });
    it('rejects an unterminated quote, naming its line', () => {
      assert.match(errorOf(() => parseCsv('a,b\n1,2\n3,"oops\n')), /line 3: quoted field unterminated/);
    });
    it('rejects empty text', () => {
      assert.match(errorOf(() => parseCsv('')), /parseCsv: inline text is empty/);
      assert.match(errorOf(() => parseCsv(' \n\n')), /is empty/);
    });
    it('rejects a header without data rows', () => {
      assert.match(errorOf(() => parseCsv('a,b\n')), /has a header but no data rows/);
    });
    it('rejects duplicate and empty column names', () => {
      assert.match(errorOf(() => parseCsv('a,a\n1,2')), /"a" appears twice/);
      assert.match(errorOf(() => parseCsv('a,,c\n1,2,3')), /column 2 of the header has no name/);
    });
    it('lists the valid columns when asked for an unknown one', () => {
      assert.match(errorOf(() => parseCsv('a,b\n1,2', { columns: ['c'] })), /unknown column "c" in options.columns; valid columns: "a", "b"/);
      assert.match(errorOf(() => parseCsv('a,b\n1,2', { numeric: ['zz'] })), /unknown column "zz" in options.numeric/);
    });
    it('rejects a bad numeric option', () => {
      assert.match(errorOf(() => parseCsv('a\n1', { numeric: 'some' as never })), /options.numeric must be/);
    });
  });
});

describe('isNumericText', () => {
  it('accepts decimal and scientific numbers', () => {
    for (const s of ['0', '-1', '+2.5', '.5', '5.', '1e3', '-2.5E-2']) assert.equal(isNumericText(s), true, s);
  });
  it('rejects what Number() would wrongly accept or what is not a number', () => {
    for (const s of ['', 'abc', 'NaN', 'Infinity', '0x1f', '1,5', '1e', '--1']) assert.equal(isNumericText(s), false, s);
  });
});

describe('loadCsv', () => {
  const dir = mkdtempSync(join(tmpdir(), 'fcnn-csv-'));

  it('reads a file and names it in the table', () => {
    const path = join(dir, 'ok.csv');
    writeFileSync(path, 'x,y\n1,2\n3,4\n');
    const t = loadCsv(path);
    assert.deepEqual(t.rows, [{ x: 1, y: 2 }, { x: 3, y: 4 }]);
    assert.equal(t.source, path);
  });

  it('names the file, line and column of a bad cell, as loadCsv', () => {
    const path = join(dir, 'bad.csv');
    writeFileSync(path, 'a,temp_max\n1,2\n2,abc\n3,4\n4,5\n');
    assert.match(errorOf(() => loadCsv(path)), new RegExp(`^loadCsv: ${path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} line 3, column "temp_max": expected a number, got "abc"`));
  });

  it('gives a clear error for an empty file', () => {
    const path = join(dir, 'empty.csv');
    writeFileSync(path, '');
    assert.match(errorOf(() => loadCsv(path)), /^loadCsv: .*empty\.csv is empty/);
  });

  it('gives a clear error for a missing file, naming the directory paths are resolved from', () => {
    assert.match(errorOf(() => loadCsv(join(dir, 'nope.csv'))), /cannot read file .*nope\.csv.*ENOENT.*resolved from/);
  });
});
