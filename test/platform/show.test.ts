import { describe, it, beforeEach, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import {
  DisplayBundle,
  PLOTLY_MIME,
  describeFigure,
  figureBundle,
  inKernel,
  resetPlotlyLoader,
  setDisplaySink,
  show,
  showHtml,
  showMarkdown,
  showTable,
  tableHtml,
  tableText,
} from '../../lib/plots/show';
import { histogramFigure } from '../../lib/plots/histogram';
import { lineFigure } from '../../lib/plots/line';

const figure = { data: [{ type: 'scatter', x: [1, 2], y: [3, 4] }], layout: { title: { text: 'Two points' } } };

function capture(): { sent: { bundle: DisplayBundle; update: boolean }[] } {
  const log = { sent: [] as { bundle: DisplayBundle; update: boolean }[] };
  setDisplaySink((bundle, update) => log.sent.push({ bundle, update }));
  return log;
}

describe('show', () => {
  beforeEach(() => resetPlotlyLoader());
  afterEach(() => setDisplaySink(null));

  it('sends one bundle with Plotly JSON, HTML and plain text', () => {
    const log = capture();
    show(figure);
    assert.equal(log.sent.length, 1);
    const { bundle, update } = log.sent[0];
    assert.equal(update, false);
    assert.deepEqual(Object.keys(bundle.data).sort(), [PLOTLY_MIME, 'text/html', 'text/plain'].sort());
    const plotly = bundle.data[PLOTLY_MIME] as { data: unknown[]; layout: Record<string, unknown> };
    assert.deepEqual(plotly.data, figure.data);
    assert.deepEqual(plotly.layout.title, { text: 'Two points' });
    assert.equal(bundle.data['text/plain'], 'Plotly figure "Two points" — 1 trace (scatter)');
  });

  it('never embeds Plotly.js in an output, not even the first of a session (saved notebooks stay small)', () => {
    const log = capture();
    show(figure);
    show(figure);
    const sizes = log.sent.map((s) => JSON.stringify(s.bundle.data).length);
    for (const size of sizes) assert.ok(size < 10_000, `bundle of ${size} characters`);
    assert.ok(!(log.sent[0].bundle.data['text/html'] as string).includes('loaded from the installed package'));
  });

  it('rounds displayed numbers (6 significant digits, 4 for colour grids) so saved notebooks stay small', () => {
    const log = capture();
    const z = Array.from({ length: 50 }, (_, i) => Array.from({ length: 50 }, (_, j) => Math.sin(i * 0.1 + j * 0.07) / 3));
    const f = {
      data: [
        { type: 'heatmap', z, x: [0.123456789, 1] },
        { type: 'scatter', x: [1, 2], y: [0.693147180559945, 1e-7 / 3] },
      ],
    };
    show(f);
    const sent = log.sent[0].bundle.data[PLOTLY_MIME] as { data: { z?: number[][]; x: number[]; y?: number[] }[] };
    assert.equal(sent.data[0].z![1][2], Number((Math.sin(0.1 + 0.14) / 3).toPrecision(4)));
    assert.deepEqual(sent.data[0].x, [0.123457, 1]);
    assert.deepEqual(sent.data[1].y, [0.693147, 3.33333e-8]);
    assert.equal(f.data[1].y?.[0], 0.693147180559945, 'the figure itself is not changed');
    const bytes = JSON.stringify(log.sent[0].bundle.data).length;
    const unrounded = JSON.stringify(z).length * 2;
    assert.ok(bytes < unrounded / 2, `bundle ${bytes} characters, unrounded grids alone ${unrounded}`);
  });

  it('sends a large figure as HTML only (Jupyter would save its Plotly JSON one number per line)', () => {
    const log = capture();
    const z = Array.from({ length: 100 }, (_, i) => Array.from({ length: 100 }, (_, j) => Math.sin(i * 0.1 + j * 0.07) / 3));
    show({ data: [{ type: 'heatmap', z }, { type: 'contour', z }] });
    const data = log.sent[0].bundle.data;
    assert.equal(data[PLOTLY_MIME], undefined);
    assert.match(data['text/html'] as string, /class="fcnn-plot"/);
    assert.match(data['text/plain'] as string, /2 traces \(heatmap, contour\)/);
  });

  it('gives every plot its own element id', () => {
    const log = capture();
    show(figure);
    show(figure);
    const ids = log.sent.map((s) => /id="([^"]+)"/.exec(s.bundle.data['text/html'] as string)?.[1]);
    assert.equal(new Set(ids).size, 2);
  });

  it('writes width and height into the layout', () => {
    const log = capture();
    show(figure, { width: 500, height: 300 });
    const layout = (log.sent[0].bundle.data[PLOTLY_MIME] as { layout: Record<string, unknown> }).layout;
    assert.equal(layout.width, 500);
    assert.equal(layout.height, 300);
    assert.match(log.sent[0].bundle.data['text/html'] as string, /width:500px;height:300px/);
  });

  it('does not change the figure it was given', () => {
    capture();
    const f = structuredClone(figure);
    show(f, { height: 200 });
    assert.deepEqual(f, figure);
  });

  it('keeps hostile titles and category names out of the HTML markup', () => {
    const log = capture();
    const evil = '</script><img src=x onerror=alert(1)>';
    show({ data: [{ type: 'bar', x: [evil], y: [1], name: evil }], layout: { title: { text: evil } } });
    const html = log.sent[0].bundle.data['text/html'] as string;
    const withoutLoader = html.slice(html.indexOf('<div class="fcnn-plot"'));
    assert.ok(!withoutLoader.includes('<img'));
    assert.equal((withoutLoader.match(/<\/script/g) ?? []).length, 1);
  });

  it('throws an ArgumentError naming show and the argument for a non-figure', () => {
    assert.throws(() => show({ layout: {} } as never), { name: 'ArgumentError', message: /^show: argument figure must be a Plotly figure/ });
    assert.throws(() => show(figure, { height: -1 }), { name: 'ArgumentError', message: /^show: options\.height must be a finite number > 0, got -1/ });
  });

  it('prints the plain-text description when there is no kernel', () => {
    assert.equal(inKernel(), false);
    const lines: string[] = [];
    const original = console.log;
    console.log = (s: string) => lines.push(s);
    try {
      show(figure);
    } finally {
      console.log = original;
    }
    assert.deepEqual(lines, ['Plotly figure "Two points" — 1 trace (scatter)']);
  });
});

describe('figureBundle', () => {
  it('sets transient.display_id only when a display id is given', () => {
    assert.deepEqual(figureBundle(figure).transient, {});
    assert.deepEqual(figureBundle(figure, { displayId: 'abc' }).transient, { display_id: 'abc' });
  });
});

describe('describeFigure', () => {
  it('counts traces and names their types', () => {
    assert.equal(describeFigure({ data: [{ type: 'heatmap' }, {}], layout: {} }), 'Plotly figure — 2 traces (heatmap, scatter)');
  });
});

describe('showHtml, showMarkdown and showTable', () => {
  afterEach(() => setDisplaySink(null));

  it('showHtml sends the HTML and a tag-free plain text', () => {
    const log = capture();
    showHtml('<b>bold</b> text');
    assert.deepEqual(log.sent[0].bundle.data, { 'text/html': '<b>bold</b> text', 'text/plain': 'bold text' });
  });

  it('showMarkdown sends text/markdown', () => {
    const log = capture();
    showMarkdown('**loss** = 0.1');
    assert.equal(log.sent[0].bundle.data['text/markdown'], '**loss** = 0.1');
  });

  it('showTable escapes headers, cells and caption', () => {
    const log = capture();
    showTable([['<img src=x onerror=alert(1)>', 0.123456]], ['<b>name</b>', 'value'], { caption: '</table><script>' });
    const html = log.sent[0].bundle.data['text/html'] as string;
    assert.ok(!html.includes('<img'));
    assert.ok(!html.includes('<b>'));
    assert.ok(!html.includes('<script'));
    assert.match(html, /&lt;img src=x onerror=alert\(1\)&gt;/);
  });

  it('tableHtml formats numbers with the given digits and right-aligns them', () => {
    const html = tableHtml([[1, 0.5, NaN]], undefined, { digits: 2 });
    assert.match(html, /text-align:right;padding:2px 8px">1<\/td>/);
    assert.match(html, />0\.50</);
    assert.match(html, />NaN</);
  });

  it('tableText aligns the columns', () => {
    assert.equal(tableText([[1, 22.5], [333, 4]], ['a', 'b'], { digits: 1 }), '  a     b\n  1  22.5\n333     4');
  });

  it('showTable rejects rows that are not arrays, naming the function', () => {
    assert.throws(() => showTable([1, 2] as never), { name: 'ArgumentError', message: /^showTable: argument rows must be an array of rows/ });
  });
});

describe('figureBundle keeps saved notebooks small', () => {
  it('sends a histogram of many values as its bar counts, with the same bins and the same total', () => {
    const values = Array.from({ length: 5000 }, (_, i) => Math.sin(i) * 3);
    const bundle = figureBundle(histogramFigure(values, { bins: 40 }));
    const trace = (bundle.data[PLOTLY_MIME] as { data: Record<string, unknown>[] }).data[0];
    assert.equal(trace.type, 'bar');
    assert.equal((trace.y as number[]).length, 40);
    assert.equal((trace.y as number[]).reduce((a, b) => a + b, 0), 5000);
    assert.ok(JSON.stringify(bundle.data).length < 20_000, `bundle has ${JSON.stringify(bundle.data).length} characters`);
  });

  it('keeps a small histogram as raw values', () => {
    const bundle = figureBundle(histogramFigure([1, 2, 2, 3], { bins: 3 }));
    const trace = (bundle.data[PLOTLY_MIME] as { data: Record<string, unknown>[] }).data[0];
    assert.equal(trace.type, 'histogram');
  });

  it('rounds the numbers of animation frames stored in the play button', () => {
    const fig = lineFigure({ x: [0, 1], y: [0, 1] });
    (fig.layout as Record<string, unknown>).updatemenus = [{ buttons: [{ args: [[{ y: [1 / 3, 2 / 3], z: [[Math.PI]] }]] }] }];
    const text = JSON.stringify(figureBundle(fig).data);
    assert.ok(text.includes('0.333333') && !text.includes('0.3333333'), 'frame y rounded to 6 digits');
    assert.ok(text.includes('3.142') && !text.includes('3.1416'), 'frame z rounded to 4 digits');
  });
});
