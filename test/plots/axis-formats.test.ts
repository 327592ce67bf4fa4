/**
 * Axis formats a student can read (issue 12): log axes label each power of ten or 1-2-5 steps, every label reads as
 * the number it stands for (no bare "2" meaning 0.02, no SI suffix such as "100µ" or "1f" on a loss), long titles
 * wrap, 3-D scenes have few z ticks, year axes show whole years without a thousands separator, colour bars and
 * legends sit near their plot and off the axis titles, and image grids frame each image.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { axis, baseLayout, logAxis, logTickLabel, logTicks, readableNumber, wrapTitle } from '../../lib/plots/figure';
import { lineFigure } from '../../lib/plots/line';
import { lossHistoryFigure } from '../../lib/plots/loss-history';
import { barFigure } from '../../lib/plots/bar';
import { lossSurfaceFigure } from '../../lib/plots/loss-surface';
import { decisionBoundaryFigure } from '../../lib/plots/decision-boundary';
import { imageGridFigure } from '../../lib/plots/image-grid';
import { Network } from '../../lib/network';

type T = Record<string, any>;

/** The number a tick label stands for: '0.05' → 0.05, '2×10<sup>−7</sup>' → 2e-7, '10<sup>3</sup>' → 1000. */
function readLabel(label: string): number {
  const m = /^(?:([\d.]+)×)?10<sup>(−?)(\d+)<\/sup>$/.exec(label);
  if (m) return Number(m[1] ?? 1) * 10 ** ((m[2] ? -1 : 1) * Number(m[3]));
  assert.match(label, /^\d+(\.\d+)?$/, `label "${label}" is neither a plain decimal nor a power of ten`);
  return Number(label);
}

/** Asserts that a log axis has readable labels over [lo, hi]. */
function assertReadableLogAxis(ax: T, lo: number, hi: number): void {
  assert.equal(ax.type, 'log');
  assert.equal(ax.tickmode, 'array');
  assert.equal(ax.exponentformat, 'power');
  assert.equal(ax.tickvals.length, ax.ticktext.length);
  ax.ticktext.forEach((text: string, i: number) => {
    assert.doesNotMatch(text.replace(/<\/?sup>/g, ''), /[a-zµ]/i, `SI suffix or letter in "${text}"`);
    const v = readLabel(text);
    assert.ok(Math.abs(v - ax.tickvals[i]) <= 1e-9 * ax.tickvals[i], `label "${text}" reads ${v}, tick is at ${ax.tickvals[i]}`);
  });
  for (let i = 1; i < ax.tickvals.length; i++) assert.ok(ax.tickvals[i] > ax.tickvals[i - 1], 'ticks ascend');
  const inside = ax.tickvals.filter((v: number) => v >= lo && v <= hi);
  assert.ok(inside.length >= 2, `at least two labelled ticks inside [${lo}, ${hi}], got ${inside}`);
  assert.ok(inside.length <= 12, `at most 12 labelled ticks (they would overlap), got ${inside.length}`);
}

describe('log axes', () => {
  describe('logTickLabel', () => {
    it('writes 0.001 … 99,999 as plain decimals', () => {
      assert.deepEqual([0.001, 0.02, 0.05, 0.5, 1, 20, 500, 10000].map(logTickLabel), ['0.001', '0.02', '0.05', '0.5', '1', '20', '500', '10000']);
    });
    it('writes smaller and larger numbers as powers of ten, never with an SI suffix', () => {
      assert.equal(logTickLabel(1e-4), '10<sup>−4</sup>');
      assert.equal(logTickLabel(2e-7), '2×10<sup>−7</sup>');
      assert.equal(logTickLabel(1e-15), '10<sup>−15</sup>');
      assert.equal(logTickLabel(5e5), '5×10<sup>5</sup>');
    });
  });

  describe('logTicks', () => {
    const cases: [string, number[]][] = [
      ['a loss falling over 15 decades (gradients, "1f" before)', [3e-16, 0.7]],
      ['a loss from 1e-5 to 1e-3 ("10µ", "100µ" before)', [1.2e-5, 9e-4]],
      ['a loss over two decades (1-2-5 steps; "2" and "5" meant 0.02 and 0.05 before)', [0.004, 0.7]],
      ['a loss within one decade ("0.1 9 8 7 6 5" before)', [0.05, 0.3]],
      ['an accuracy-like range above 1', [3, 250]],
    ];
    for (const [name, [lo, hi]] of cases) {
      it(`labels ${name} readably`, () => {
        const ticks = logTicks([lo, (lo + hi) / 2, hi])!;
        assertReadableLogAxis({ type: 'log', tickmode: 'array', exponentformat: 'power', ...ticks }, lo, hi);
      });
    }
    it('uses one tick per power of ten over three or more decades', () => {
      const { tickvals } = logTicks([1e-6, 1])!;
      assert.deepEqual(tickvals, [1e-6, 1e-5, 1e-4, 1e-3, 0.01, 0.1, 1]);
    });
    it('thins the powers over many decades so labels never crowd', () => {
      const { tickvals } = logTicks([1e-20, 1])!;
      assert.ok(tickvals.length <= 12, String(tickvals.length));
    });
    it('ignores zeros, negatives and non-finite values, and returns null without a positive value', () => {
      assert.deepEqual(logTicks([0, -1, NaN, Infinity, 0.01, 1]), logTicks([0.01, 1]));
      assert.equal(logTicks([0, -2, NaN]), null);
    });
    it('leaves a very narrow range to Plotly, in power format', () => {
      assert.equal(logTicks([0.31, 0.33]), null);
      const ax = logAxis('loss', [0.31, 0.33]) as T;
      assert.equal(ax.type, 'log');
      assert.equal(ax.exponentformat, 'power');
      assert.equal(ax.tickvals, undefined);
    });
  });

  it('every house-style axis writes small numbers as powers of ten, not SI suffixes', () => {
    assert.equal(axis('x').exponentformat, 'power');
  });

  it('lineFigure with logY labels the curves\' range readably', () => {
    const y = [0.9, 0.2, 0.03, 4e-3, 5e-4, 6e-5];
    const l = lineFigure({ x: y.map((_, i) => i), y }, { logY: true }).layout as T;
    assertReadableLogAxis(l.yaxis, 6e-5, 0.9);
  });

  it('lossHistoryFigure with logY labels training and validation losses readably', () => {
    const loss = Array.from({ length: 50 }, (_, i) => 0.7 * 0.6 ** i);
    const valLoss = loss.map((v) => v * 1.5);
    const l = lossHistoryFigure({ loss, valLoss }, { logY: true }).layout as T;
    assertReadableLogAxis(l.yaxis, Math.min(...loss), Math.max(...valLoss));
  });

  it('barFigure with logY labels gradient norms readably', () => {
    const l = barFigure(['layer 1', 'layer 2', 'layer 3'], [2e-9, 3e-5, 0.2], { logY: true }).layout as T;
    assertReadableLogAxis(l.yaxis, 2e-9, 0.2);
  });
});

describe('titles', () => {
  it('wrapTitle breaks a long title at spaces, each line within the limit', () => {
    const t = wrapTitle('MSE of the line ŷ = w·x + b over (w, b): 3-D surface (left) and contour map (right)', 40);
    const lines = t.split('<br>');
    assert.ok(lines.length >= 2);
    for (const line of lines) assert.ok(line.length <= 40, line);
    assert.equal(lines.join(' '), 'MSE of the line ŷ = w·x + b over (w, b): 3-D surface (left) and contour map (right)');
  });
  it('baseLayout wraps a title too long for the figure\'s width and makes room for the second line', () => {
    const narrow = baseLayout({ title: 'Gradient descent on the MSE ends at the least-squares line', width: 560 }) as T;
    assert.match(narrow.title.text, /<br>/);
    const wide = baseLayout({ title: 'Gradient descent on the MSE ends at the least-squares line' }) as T;
    assert.doesNotMatch(wide.title.text, /<br>/);
    assert.ok(narrow.margin.t > wide.margin.t);
  });
});

describe('lineFigure with xInteger (a year axis)', () => {
  const years = Array.from({ length: 1461 }, (_, i) => 2012 + i / 365.25);
  const l = lineFigure({ x: years, y: years.map(Math.sin) }, { xLabel: 'year', xInteger: true }).layout as T;
  it('puts ticks only at whole years, printed without a thousands separator', () => {
    assert.equal(l.xaxis.tickformat, 'd');
    assert.equal(l.xaxis.tickmode, 'linear');
    assert.equal(l.xaxis.tick0, 0);
    assert.equal(l.xaxis.dtick, 1);
  });
  it('widens the step over a long range (at most 10 ticks)', () => {
    const x = [1800, 2020];
    const ax = (lineFigure({ x, y: [0, 1] }, { xInteger: true }).layout as T).xaxis;
    assert.ok(Number.isInteger(ax.dtick) && (2020 - 1800) / ax.dtick <= 10, String(ax.dtick));
  });
  it('rejects a non-boolean xInteger', () => {
    assert.throws(() => lineFigure({ x: [1], y: [1] }, { xInteger: 'yes' as unknown as boolean }), /lineFigure: options\.xInteger/);
  });
});

describe('3-D loss surfaces', () => {
  const f = (a: number, b: number) => (a - 1) ** 2 + 10 * b ** 2;
  for (const kind of ['surface', 'both'] as const) {
    it(`${kind}: a tall figure, few z ticks in power format, the scene filling its side`, () => {
      const l = lossSurfaceFigure(f, { aRange: [-1, 2], bRange: [-1, 1], kind, resolution: 20 }).layout as T;
      assert.ok(l.height >= 600, String(l.height));
      assert.ok(l.scene.zaxis.nticks <= 5);
      assert.equal(l.scene.zaxis.exponentformat, 'power');
      assert.ok(l.scene.domain.x[1] - l.scene.domain.x[0] >= (kind === 'both' ? 0.5 : 1));
      const eye = l.scene.camera.eye;
      assert.ok(Math.hypot(eye.x, eye.y, eye.z) < 2.1, 'camera close enough for the surface to fill its box');
    });
  }
  it('contour with a path: the legend sits at the bottom of the figure, below the axis title, with room for it', () => {
    const l = lossSurfaceFigure(f, { aRange: [-1, 2], bRange: [-1, 1], kind: 'contour', resolution: 20, path: [[0, 0.5], [0.5, 0.1]] }).layout as T;
    assert.equal(l.legend.yref, 'container');
    assert.equal(l.legend.yanchor, 'bottom');
    assert.ok(l.legend.y < 0.05);
    assert.ok(l.margin.b >= 100);
  });
});

describe('decision boundary colour bar', () => {
  it('is horizontal and centred under the plot (the plot is square and centred), with room below the axis title', () => {
    const net = Network.create({ inputSize: 2, layers: [{ units: 3, activation: 'tanh' }, { units: 1, activation: 'sigmoid' }], seed: 1 });
    const fig = decisionBoundaryFigure((p) => net.predict(p), { x: [[0, 0], [1, 1], [0, 1]], labels: [0, 1, 1] }, { resolution: 20 });
    const heat = fig.data.find((t: T) => t.type === 'heatmap') as T;
    assert.equal(heat.colorbar.orientation, 'h');
    assert.equal(heat.colorbar.x, 0.5);
    assert.equal(heat.colorbar.xanchor, 'center');
    assert.equal(heat.colorbar.lenmode, 'pixels');
    assert.ok((fig.layout as T).margin.b >= 120);
  });
});

describe('image grid frames', () => {
  const img = Array.from({ length: 8 }, (_, r) => Array.from({ length: 8 }, (_, c) => (r + c) % 3));
  it('draws a frame around every image, in that image\'s axes', () => {
    const l = imageGridFigure([img, img, img], { columns: 3 }).layout as T;
    const rects = l.shapes.filter((s: T) => s.type === 'rect');
    assert.deepEqual(rects.map((s: T) => s.xref), ['x', 'x2', 'x3']);
    for (const r of rects) assert.deepEqual([r.x0, r.x1, r.y0, r.y1], [-0.5, 7.5, -0.5, 7.5]);
  });
  it('with gridEvery: 1 draws the pixel grid (7 inner lines each way for 8 × 8), so a 1-pixel shift is visible', () => {
    const l = imageGridFigure([img, img], { gridEvery: 1 }).layout as T;
    const lines = l.shapes.filter((s: T) => s.type === 'line' && s.xref === 'x');
    assert.equal(lines.length, 14);
    assert.ok(lines.every((s: T) => s.layer === 'above'));
  });
  it('rejects a gridEvery that is not a whole number ≥ 1', () => {
    assert.throws(() => imageGridFigure([img], { gridEvery: 0 }), /imageGridFigure: options\.gridEvery/);
    assert.throws(() => imageGridFigure([img], { gridEvery: 1.5 }), /imageGridFigure: options\.gridEvery/);
  });
  it('keeps room for a title that wraps onto two lines', () => {
    const l = imageGridFigure([img], { title: 'A very long title for a grid of images that certainly wraps onto two lines', width: 400 }).layout as T;
    assert.match(l.title.text, /<br>/);
    assert.ok(l.margin.t >= 88, String(l.margin.t));
  });
});

describe('numbers on bars', () => {
  it('readableNumber writes 3 significant digits, powers of ten outside 0.001 … 99,999', () => {
    assert.deepEqual([0.075, 0.00117, 12345, 0, -0.5].map(readableNumber), ['0.075', '0.00117', '12300', '0', '−0.5']);
    assert.equal(readableNumber(2.86e-7), '2.86×10<sup>−7</sup>');
    assert.equal(readableNumber(1.14e-6), '1.14×10<sup>−6</sup>');
    assert.equal(readableNumber(9.9999e-7), '10<sup>−6</sup>');
  });
  it('barFigure labels tiny gradient norms as powers of ten, not 0.00000114', () => {
    const t = barFigure(['a', 'b'], [1.14e-6, 0.2], { logY: true }).data[0] as T;
    assert.deepEqual(t.text, ['1.14×10<sup>−6</sup>', '0.2']);
    assert.equal(t.texttemplate, '%{text}');
  });
});

describe('image grid captions', () => {
  it('wrap when wider than their image, so neighbouring captions do not run into each other', () => {
    const img = [[0, 1], [1, 0]];
    const titles = Array.from({ length: 10 }, (_, i) => `true ${i} → predicted ${(i + 1) % 10} (p=0.97)`);
    const l = imageGridFigure(Array.from({ length: 10 }, () => img), { titles, columns: 5 }).layout as T;
    for (const a of l.annotations) {
      assert.match(a.text, /<br>/);
      for (const line of a.text.split('<br>')) assert.ok(line.length <= 22, line);
    }
    const short = imageGridFigure([img, img], { titles: ['digit 3', 'moved right'], columns: 6 }).layout as T;
    assert.doesNotMatch(short.annotations[0].text, /<br>/);
  });
});
