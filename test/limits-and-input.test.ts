/**
 * Issue 10, runaway memory and silently wrong input: one configurable limit checked before allocating, and
 * refusals with the library's own errors instead of wrong values or engine-internal messages.
 */
import assert from 'node:assert/strict';
import { writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import {
  ArgumentError, DEFAULT_LIMITS, LimitError, Matrix, Network, confusionMatrix, decisionBoundaryFigure, getLimits, gradientCheck,
  loadCsv, lossSurfaceFigure, oneHot, parseCsv, setLimits, tableText, xor,
} from '../lib/index';

describe('limits', () => {
  it('has documented defaults and setLimits returns the previous ones', () => {
    assert.deepEqual(getLimits(), { ...DEFAULT_LIMITS });
    const prev = setLimits({ maxElements: 100 });
    try {
      assert.throws(() => new Matrix(11, 10), (e: Error) => e instanceof LimitError && /Matrix: a 11×10 matrix needs 110 numbers, more than the limit of 100/.test(e.message));
    } finally {
      setLimits(prev);
    }
    assert.equal(getLimits().maxElements, DEFAULT_LIMITS.maxElements);
    assert.throws(() => setLimits({ maxElement: 1 } as never), /unknown limit "maxElement"/);
    assert.throws(() => setLimits({ maxElements: -1 }), /must be a number ≥ 1/);
  });
  it('every example of the issue fails fast with a LimitError', () => {
    const cases: Array<[string, () => unknown, RegExp]> = [
      ['Network.create units 1e9', () => Network.create({ inputSize: 2, layers: [{ units: 1e9 }] }), /Network.create: a network of sizes 2-1000000000 needs/],
      ['Matrix.filled(5e4, 5e4, 1)', () => Matrix.filled(5e4, 5e4, 1), /a 50000×50000 matrix needs 2.50e9 numbers/],
      ['oneHot([1e9])', () => oneHot([1e9]), /oneHot: 1 one-hot rows of 1000000001 classes/],
      ['confusionMatrix([0, 1e9], [0, 1])', () => confusionMatrix([0, 1e9], [0, 1]), /confusionMatrix: a 1000000001×1000000001 matrix/],
      ['xor(1e8)', () => xor(1e8), /xor: 100000000 points needs/],
      ['decisionBoundaryFigure resolution 1e5', () => decisionBoundaryFigure(() => [0], { x: [[0, 0], [1, 1]], labels: [0, 1] } as never, { resolution: 1e5 }), /a 100000×100000 grid/],
      ['lossSurfaceFigure resolution 1e5', () => lossSurfaceFigure(() => 0, { aRange: [0, 1], bRange: [0, 1], resolution: 1e5 } as never), /a 100000×100000 grid/],
    ];
    for (const [what, f, re] of cases) {
      assert.throws(f, (e: Error) => (e instanceof LimitError && re.test(e.message)) || assert.fail(`${what}: ${e.name}: ${e.message}`), what);
    }
  });
  it("loadCsv('/dev/zero') fails at once: not a regular file; a file over maxFileBytes is refused before reading", () => {
    assert.throws(() => loadCsv('/dev/zero'), /loadCsv: "\/dev\/zero" is not a regular file/);
    const dir = mkdtempSync(join(tmpdir(), 'limits-'));
    try {
      const file = join(dir, 'a.csv');
      writeFileSync(file, 'x\n' + '1\n'.repeat(100));
      const prev = setLimits({ maxFileBytes: 50 });
      try {
        assert.throws(() => loadCsv(file), (e: Error) => e instanceof LimitError && /has 202 bytes, more than the limit of 50/.test(e.message));
      } finally {
        setLimits(prev);
      }
      assert.equal(loadCsv(file).rows.length, 100);
    } finally {
      rmSync(dir, { recursive: true });
    }
  });
  it('gradientCheck refuses a 784-128-64-10 network without a sample, and samples when asked', () => {
    const big = Network.create({ inputSize: 784, layers: [{ units: 128, activation: 'relu' }, { units: 64, activation: 'relu' }, { units: 10, activation: 'softmax' }] });
    const X = [Array.from({ length: 784 }, (_, i) => (i % 7) / 7)], T = [[0, 0, 1, 0, 0, 0, 0, 0, 0, 0]];
    assert.throws(() => gradientCheck(big, X, T, 'softmax-cross-entropy'), /the network has 109386 parameters; .* Pass \{ sample: 200 \}/);
    const r = gradientCheck(big, X, T, 'softmax-cross-entropy', { sample: 30 });
    assert.equal(r.checked, 30);
    assert.ok(r.maxRelativeError < 1e-4, String(r.maxRelativeError));
  });
});

describe('silently wrong input is refused', () => {
  it("new Matrix(1, 2, ['1', 'x']) and out-of-range get/set", () => {
    assert.throws(() => new Matrix(1, 2, ['1', 'x'] as never), /Matrix: data\[0\] must be a number, got "1"/);
    assert.deepEqual(Array.from(new Matrix(1, 2, [1, 2]).data), [1, 2]);
    const M = Matrix.from([[1, 2], [3, 4]]);
    assert.throws(() => M.get(0, 2), (e: Error) => e instanceof ArgumentError && /Matrix.get: index \(0, 2\) is outside the 2×2 matrix/.test(e.message));
    assert.throws(() => M.get(5, 5), /outside the 2×2 matrix/);
    assert.throws(() => M.set(-1, 0, 1), /Matrix.set: index \(-1, 0\)/);
    assert.throws(() => M.get(0.5, 0), /outside/);
    assert.equal(M.get(1, 0), 3);
  });
  it('CSV: 1e999 names its line and column; a column named __proto__ is kept', () => {
    assert.throws(() => parseCsv('a,b\n1,2\n3,1e999'), /parseCsv: inline text line 3, column "b": "1e999" is too large for a number/);
    const t = parseCsv('__proto__,y\n1,2\n3,4');
    assert.deepEqual(t.columns, ['__proto__', 'y']);
    assert.equal(Object.getOwnPropertyDescriptor(t.rows[1], '__proto__')?.value, 3);
    assert.equal(Object.getPrototypeOf(t.rows[1]), Object.prototype);
  });
  it('no call-stack overflow from spreading long arrays (oneHot 200k labels, tables, big matrices)', () => {
    const labels = Array.from({ length: 200_000 }, (_, i) => i % 3);
    assert.equal(oneHot(labels).length, 200_000);
    assert.ok(tableText([Array.from({ length: 200_000 }, () => 1)]).length > 200_000);
    assert.ok(new Matrix(400, 500).toString(1).length > 0);
  });
});
