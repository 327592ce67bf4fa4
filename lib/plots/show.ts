/**
 * Showing figures, HTML, Markdown and tables in a notebook (tslab kernel).
 *
 * `show(figure)` sends ONE display_data output that carries three MIME types:
 * - application/vnd.plotly.v1+json — rendered natively by JupyterLab (with Plotly's renderer) and VS Code; left out
 *   for large figures (PLOTLY_JSON_LIMIT), which Jupyter would save pretty-printed at several times their size;
 * - text/html — a <div> plus a script calling Plotly.newPlot, for classic Notebook and exported HTML, working
 *   offline: Plotly.js is NOT inside the output (that made a notebook saved after Run All 5 MB bigger); the
 *   Notebook server serves it as a notebook extension and the site pages load it in their <head> (html.ts). In an
 *   untrusted notebook, where Jupyter runs no output script, the <div> shows a note saying how to trust it;
 * - text/plain — a one-line description, for consoles and for running outside a kernel.
 *
 * Outside a kernel (plain node, unit tests) nothing crashes: the text/plain part is printed instead. Tests inject
 * a sink with `setDisplaySink` to capture the bundles.
 *
 * Example (in a notebook):
 *   import * as nn from '../dist';
 *   nn.show({ data: [{ x: [0, 1, 2], y: [0, 1, 4], type: 'scatter' }], layout: { title: { text: 'y = x²' } } });
 */
import { randomBytes } from 'crypto';
import { ArgumentError, checkInteger, checkNonNegative, checkPositive, describe } from '../errors';
import { escapeHtml, plotDivHtml, plotlyLoaderHtml, toPlainJson } from './html';
import { getLanguage, translate } from '../language';
import { localizeFigure } from './localize';

/** The MIME type JupyterLab and VS Code render as an interactive Plotly chart. */
export const PLOTLY_MIME = 'application/vnd.plotly.v1+json';

/** Any Plotly figure: plain JSON with traces, layout and optional config (titles as `{ text }` objects). */
export interface ShowableFigure {
  data: ReadonlyArray<Record<string, unknown>>;
  layout?: Record<string, unknown>;
  config?: Record<string, unknown>;
}

/** One Jupyter display message's content: MIME bundle, metadata, and an optional display id for updates. */
export interface DisplayBundle {
  data: Record<string, unknown>;
  metadata: Record<string, unknown>;
  transient: { display_id?: string };
}

/**
 * Receives display messages. `update === true` means "replace the output that has
 * `bundle.transient.display_id`" (Jupyter's update_display_data).
 */
export type DisplaySink = (bundle: DisplayBundle, update: boolean) => void;

/** State shared by every copy of this module in one process (one kernel session). */
interface SessionState {
  /** The sink set by setDisplaySink, or null to use the kernel (or console) sink. */
  sink: DisplaySink | null;
  /** True once the Plotly loader has been sent in this kernel session. */
  loaderSent: boolean;
  /** Random prefix that keeps element ids unique across kernel sessions on one page. */
  sessionId: string;
  /** Number of ids handed out so far. */
  counter: number;
}

const STATE_KEY = '__fcnnDisplayState';

function state(): SessionState {
  const g = globalThis as unknown as Record<string, SessionState | undefined>;
  let s = g[STATE_KEY];
  if (s === undefined) {
    s = { sink: null, loaderSent: false, sessionId: randomBytes(4).toString('hex'), counter: 0 };
    g[STATE_KEY] = s;
  }
  return s;
}

type TslabWriter = (bundle: DisplayBundle, update: boolean) => void;

/**
 * tslab's writer for the cell that is running now (`lastWriteDisplayData` of tslab/dist/jupyter), found among
 * the modules the kernel has loaded; undefined when this process is not a tslab kernel. The module is never
 * required from here, because loading it outside a kernel would load ZeroMQ for nothing.
 */
function tslabWriter(): TslabWriter | undefined {
  for (const [file, mod] of Object.entries(require.cache)) {
    if (!/[\\/]tslab[\\/]dist[\\/]jupyter\.js$/.test(file)) continue;
    const writer = (mod?.exports as { lastWriteDisplayData?: unknown } | undefined)?.lastWriteDisplayData;
    if (typeof writer === 'function') return writer as TslabWriter;
  }
  return undefined;
}

/** True when running inside a tslab kernel that can display rich output. */
export function inKernel(): boolean {
  return tslabWriter() !== undefined;
}

/** Prints the text/plain part; used when there is no kernel. */
const consoleSink: DisplaySink = (bundle) => {
  const text = bundle.data['text/plain'];
  console.log(typeof text === 'string' ? text : '[rich output: ' + Object.keys(bundle.data).join(', ') + ']');
};

/**
 * Replaces the display sink (for tests, or to capture outputs); `null` restores the default (the tslab kernel
 * when there is one, else the console). Returns the sink that was set before.
 */
export function setDisplaySink(sink: DisplaySink | null): DisplaySink | null {
  if (sink !== null && typeof sink !== 'function') {
    throw new ArgumentError(`setDisplaySink: argument sink must be a function or null, got ${describe(sink)}`);
  }
  const s = state();
  const previous = s.sink;
  s.sink = sink;
  return previous;
}

/** Sends one display message through the current sink. */
export function sendDisplay(bundle: DisplayBundle, update = false): void {
  const s = state();
  const sink = s.sink ?? tslabWriter() ?? consoleSink;
  sink(bundle, update);
}

/** A new element/display id, unique on the page: `fcnn-<session>-<n>`. */
export function newDisplayId(): string {
  const s = state();
  s.counter += 1;
  return `fcnn-${s.sessionId}-${s.counter}`;
}

/**
 * Forgets that the Plotly loader was sent (kept for tests and old notebooks: plots no longer depend on it, each
 * plot output loads Plotly.js itself when the page lacks it).
 */
export function resetPlotlyLoader(): void {
  state().loaderSent = false;
}

/** True until `loadPlotly()` has been called in this kernel session. */
export function plotlyLoaderPending(): boolean {
  return !state().loaderSent;
}

/**
 * Sends a small output that makes sure Plotly.js is on the page (from the Notebook server's notebook extension)
 * and draws any plot still waiting for it. Plots do this themselves; this is for a page where they wait anyway.
 */
export function loadPlotly(): void {
  state().loaderSent = true;
  sendDisplay({
    data: { 'text/html': plotlyLoaderHtml(), 'text/plain': 'Plotly.js loader (classic Jupyter Notebook).' },
    metadata: {},
    transient: {},
  });
}

/** Options of `show` and `figureBundle`. */
export interface ShowOptions {
  /** Width in pixels; default: the full output width. */
  width?: number;
  /** Height in pixels; default: layout.height, else 420. */
  height?: number;
}

/** Options of `figureBundle` used by live plots. */
export interface FigureBundleOptions extends ShowOptions {
  /** Display id to put in `transient.display_id` (needed to update the output later). */
  displayId?: string;
  /**
   * Put the whole Plotly.js library (5 MB) in front of the plot's HTML, for a standalone HTML file that has no
   * other way to get it. Never used for notebook outputs.
   */
  includeLoader?: boolean;
}

function checkFigure(fn: string, figure: unknown): asserts figure is ShowableFigure {
  const f = figure as ShowableFigure | null;
  if (typeof f !== 'object' || f === null || !Array.isArray(f.data)) {
    throw new ArgumentError(
      `${fn}: argument figure must be a Plotly figure { data: [...traces], layout: {...} }, got ${describe(figure)}`,
    );
  }
  if (f.layout !== undefined && (typeof f.layout !== 'object' || f.layout === null)) {
    throw new ArgumentError(`${fn}: figure.layout must be an object, got ${describe(f.layout)}`);
  }
}

function checkSizes(fn: string, options: ShowOptions): void {
  if (options.width !== undefined) checkPositive(fn, 'options.width', options.width);
  if (options.height !== undefined) checkPositive(fn, 'options.height', options.height);
}

/** The title text of a figure, whether written as `{ text }` or (Plotly ≤ 2) as a string. */
function titleOf(layout: Record<string, unknown> | undefined): string | undefined {
  const title = layout?.title;
  if (typeof title === 'string') return title;
  if (typeof title === 'object' && title !== null && typeof (title as { text?: unknown }).text === 'string') {
    return (title as { text: string }).text;
  }
  return undefined;
}

/** One line describing a figure, for text/plain: `Plotly figure "Loss" — 2 traces (scatter, scatter)`. */
export function describeFigure(figure: ShowableFigure): string {
  checkFigure('describeFigure', figure);
  const title = titleOf(figure.layout);
  const types = figure.data.map((t) => (typeof t.type === 'string' ? t.type : 'scatter'));
  const n = figure.data.length;
  return (
    'Plotly figure' +
    (title !== undefined ? ` ${JSON.stringify(title)}` : '') +
    ` — ${n} trace${n === 1 ? '' : 's'}` +
    (n > 0 ? ` (${types.join(', ')})` : '')
  );
}

/**
 * Figures whose Plotly JSON is longer than this (characters) are sent without the application/vnd.plotly.v1+json
 * part (only classic Notebook's and the site's HTML rendering, which every course notebook uses, remains).
 */
export const PLOTLY_JSON_LIMIT = 20_000;

/** Significant digits kept in a displayed figure: 6 for coordinates, 4 for colour-mapped grids (z of heatmaps…). */
const DISPLAY_DIGITS = 6;
const GRID_DIGITS = 4;
const GRID_TRACES = new Set(['heatmap', 'contour', 'surface', 'histogram2dcontour']);

/** Animation frames stored in layout controls: `z` grids to GRID_DIGITS, every other number to DISPLAY_DIGITS. */
function roundFrames(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(roundFrames);
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, k === 'z' ? roundNumbers(v, GRID_DIGITS) : roundFrames(v)]));
  }
  return roundNumbers(value, DISPLAY_DIGITS);
}

/** `value` with every non-integer number rounded to `digits` significant digits (plain JSON in, plain JSON out). */
function roundNumbers(value: unknown, digits: number): unknown {
  if (typeof value === 'number') return Number.isInteger(value) ? value : Number(value.toPrecision(digits));
  if (Array.isArray(value)) return value.map((v) => roundNumbers(v, digits));
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, roundNumbers(v, digits)]));
  }
  return value;
}

/** Histograms with more raw values than this are displayed as their bar counts (the bins are fixed by the builder). */
const HISTOGRAM_RAW_LIMIT = 1000;

/**
 * A histogram trace with many raw values and fixed bins (as histogramFigure makes them), as the bar trace Plotly
 * would draw from it: the counts (or shares) per bin instead of every value, so a saved notebook does not carry
 * 20,000 activations to draw 40 bars. Any other trace is returned as it is.
 */
function binnedHistogram(trace: Record<string, unknown>): Record<string, unknown> {
  const x = trace.x, bins = trace.xbins as { start?: unknown; end?: unknown; size?: unknown } | undefined;
  if (trace.type !== 'histogram' || !Array.isArray(x) || x.length <= HISTOGRAM_RAW_LIMIT || !bins) return trace;
  const { start, end, size } = bins;
  if (typeof start !== 'number' || typeof end !== 'number' || typeof size !== 'number' || !(size > 0) || !(end > start)) return trace;
  const n = Math.round((end - start) / size);
  const counts = new Array<number>(n).fill(0);
  let counted = 0;
  for (const v of x) {
    if (typeof v !== 'number' || !Number.isFinite(v)) continue;
    const k = Math.floor((v - start) / size);
    if (k >= 0 && k < n) {
      counts[k] += 1;
      counted += 1;
    }
  }
  const share = trace.histnorm === 'probability';
  const { xbins: _bins, autobinx: _auto, histnorm: _norm, x: _x, ...rest } = trace;
  return {
    ...rest,
    type: 'bar',
    x: counts.map((_, k) => start + (k + 0.5) * size),
    y: share && counted > 0 ? counts.map((c) => c / counted) : counts,
    width: size,
  };
}

/**
 * The figure's traces as they are displayed and saved: numbers rounded to 6 significant digits, and the z grid of
 * heatmaps, contours and surfaces to 4 (a colour scale cannot show more; a 100×100 grid of full doubles is 200 KB,
 * which made a notebook saved after Run All weigh several MB). The figure itself is not changed.
 */
export function displayTraces(data: ReadonlyArray<Record<string, unknown>>): Record<string, unknown>[] {
  if (!Array.isArray(data)) throw new ArgumentError(`displayTraces: data must be an array of Plotly traces, got ${describe(data)}`);
  data.forEach((trace, i) => {
    if (typeof trace !== 'object' || trace === null || Array.isArray(trace)) {
      throw new ArgumentError(`displayTraces: data[${i}] must be a trace object, got ${describe(trace)}`);
    }
  });
  return data.map((original) => {
    const trace = binnedHistogram(original);
    const grid = GRID_TRACES.has(String(trace.type));
    return Object.fromEntries(
      Object.entries(trace).map(([k, v]) => [k, roundNumbers(v, grid && k === 'z' ? GRID_DIGITS : DISPLAY_DIGITS)]),
    );
  });
}

/**
 * The MIME bundle `show` sends: Plotly JSON, HTML (optionally with the loader in front) and plain text.
 * Pure apart from the id it draws when `displayId` is not given.
 */
export function figureBundle(figure: ShowableFigure, options: FigureBundleOptions = {}): DisplayBundle {
  checkFigure('figureBundle', figure);
  checkSizes('figureBundle', options);
  const plain = localizeFigure(toPlainJson(figure));
  plain.data = displayTraces(plain.data);
  const layout: Record<string, unknown> = { ...(plain.layout ?? {}) };
  // Animated lecture figures keep their frames inside the play button and slider: round those like the traces.
  for (const key of ['updatemenus', 'sliders']) if (layout[key] !== undefined) layout[key] = roundFrames(layout[key]);
  if (options.width !== undefined) layout.width = options.width;
  if (options.height !== undefined) layout.height = options.height;
  const height = typeof layout.height === 'number' ? layout.height : 420;
  const width = typeof layout.width === 'number' ? layout.width : undefined;
  const config = { responsive: true, displaylogo: false, ...(plain.config ?? {}) };
  const id = options.displayId ?? newDisplayId();
  const html =
    (options.includeLoader ? plotlyLoaderHtml({ inline: true }) + '\n' : '') +
    plotDivHtml({ data: plain.data as unknown[], layout, config }, { id: `${id}-plot`, width, height });
  const transient: DisplayBundle['transient'] = options.displayId !== undefined ? { display_id: id } : {};
  const plotlyJson = { data: plain.data, layout, config };
  // A large figure (e.g. two 100×100 grids) goes as HTML only: Jupyter saves the Plotly JSON pretty-printed, one
  // number per line, which tripled its size and pushed a notebook saved after Run All above 1 MB.
  const large = JSON.stringify(plotlyJson).length > PLOTLY_JSON_LIMIT;
  return {
    data: {
      ...(large ? {} : { [PLOTLY_MIME]: plotlyJson }),
      'text/html': html,
      'text/plain': describeFigure(plain),
    },
    metadata: {},
    transient,
  };
}

/**
 * Displays a Plotly figure as one output (Plotly JSON + offline HTML + plain text). Nothing is fetched from the
 * internet: the HTML draws with the Plotly.js the Notebook server (or the site page) provides, see html.ts.
 *
 * Example: nn.show(nn.activationFigure('relu'), { height: 300 });
 */
export function show(figure: ShowableFigure, options: ShowOptions = {}): void {
  checkFigure('show', figure);
  checkSizes('show', options);
  sendDisplay(figureBundle(figure, options));
}

/** The text between the tags of trusted HTML, in the current language (tags and attributes as they are). */
function translateHtmlText(html: string): string {
  if (getLanguage() === 'en') return html;
  return html.replace(/>([^<>]+)</g, (m, text: string) => (/[A-Za-z]/.test(text) ? `>${translate(text)}<` : m));
}

/**
 * Displays trusted HTML as it is. Text from data must be escaped first (escapeHtml); `showTable` and
 * `show` do that for you.
 *
 * Example: nn.showHtml(`<b>${nn.escapeHtml(name)}</b>`);
 */
export function showHtml(html: string, plainText?: string): void {
  if (typeof html !== 'string') {
    throw new ArgumentError(`showHtml: argument html must be a string, got ${describe(html)}`);
  }
  html = translateHtmlText(html);
  sendDisplay({
    data: { 'text/html': html, 'text/plain': plainText !== undefined ? translate(plainText) : html.replace(/<[^>]*>/g, '') },
    metadata: {},
    transient: {},
  });
}

/**
 * Displays Markdown (rendered by the notebook, including $…$ formulas).
 *
 * Example: nn.showMarkdown(`Final loss: **${loss.toFixed(3)}**`);
 */
export function showMarkdown(markdown: string): void {
  if (typeof markdown !== 'string') {
    throw new ArgumentError(`showMarkdown: argument markdown must be a string, got ${describe(markdown)}`);
  }
  markdown = translate(markdown);
  sendDisplay({ data: { 'text/markdown': markdown, 'text/plain': markdown }, metadata: {}, transient: {} });
}

/** Options of `tableHtml` and `showTable`. */
export interface TableOptions {
  /** Digits after the decimal point for non-integer numbers (default 4). */
  digits?: number;
  /** A caption above the table. */
  caption?: string;
}

/** A table cell: numbers are formatted, everything else is shown as text (escaped). */
export type TableCell = number | string | boolean | null | undefined;

/** Formats a number for a table: integers as they are, others with `digits` decimals; NaN and ±∞ by name. */
export function formatCell(value: TableCell, digits = 4): string {
  if (typeof value === 'number') {
    if (Number.isNaN(value)) return 'NaN';
    if (!Number.isFinite(value)) return value > 0 ? '∞' : '−∞';
    if (Number.isInteger(value)) return String(value);
    return value.toFixed(digits);
  }
  if (value === null || value === undefined) return '';
  return String(value);
}

function checkTable(fn: string, rows: unknown, columns: unknown, options: TableOptions): void {
  if (typeof options !== 'object' || options === null) throw new ArgumentError(`${fn}: options must be an object, got ${describe(options)}`);
  if (!Array.isArray(rows) || rows.some((r) => !Array.isArray(r))) {
    throw new ArgumentError(`${fn}: argument rows must be an array of rows (arrays of cells), got ${describe(rows)}`);
  }
  if (columns !== undefined && (!Array.isArray(columns) || columns.some((c) => typeof c !== 'string'))) {
    throw new ArgumentError(`${fn}: argument columns must be an array of strings, got ${describe(columns)}`);
  }
  if (options.digits !== undefined) {
    checkNonNegative(fn, 'options.digits', options.digits);
    checkInteger(fn, 'options.digits', options.digits, 0);
    if (options.digits > 100) throw new ArgumentError(`${fn}: options.digits must be at most 100, got ${options.digits}`);
  }
}

/**
 * An HTML table; every header, cell and caption is escaped. Numbers are right-aligned.
 *
 * Example: tableHtml([[1, 0.5]], ['x', 'y']) → '<table …><thead><tr><th>x</th><th>y</th></tr>…'
 */
export function tableHtml(rows: TableCell[][], columns?: string[], options: TableOptions = {}): string {
  checkTable('tableHtml', rows, columns, options);
  const digits = options.digits ?? 4;
  const parts: string[] = ['<table class="fcnn-table" style="border-collapse:collapse;font-family:monospace">'];
  if (options.caption !== undefined) parts.push(`<caption>${escapeHtml(options.caption)}</caption>`);
  if (columns !== undefined) {
    parts.push('<thead><tr>' + columns.map((c) => `<th>${escapeHtml(c)}</th>`).join('') + '</tr></thead>');
  }
  parts.push('<tbody>');
  for (const row of rows) {
    const cells = row.map((v) => {
      const align = typeof v === 'number' ? 'right' : 'left';
      return `<td style="text-align:${align};padding:2px 8px">${escapeHtml(formatCell(v, digits))}</td>`;
    });
    parts.push('<tr>' + cells.join('') + '</tr>');
  }
  parts.push('</tbody></table>');
  return parts.join('');
}

/** The same table as aligned plain text. */
export function tableText(rows: TableCell[][], columns?: string[], options: TableOptions = {}): string {
  checkTable('tableText', rows, columns, options);
  const digits = options.digits ?? 4;
  const lines: string[][] = [];
  if (columns !== undefined) lines.push(columns);
  for (const row of rows) lines.push(row.map((v) => formatCell(v, digits)));
  // reduce, not Math.max(...): spreading a long table overflows the call stack
  const nCols = lines.reduce((m, l) => Math.max(m, l.length), 0);
  const widths = Array.from({ length: nCols }, (_, j) => lines.reduce((m, l) => Math.max(m, (l[j] ?? '').length), 0));
  const text = lines.map((l) => l.map((c, j) => c.padStart(widths[j])).join('  ')).join('\n');
  return (options.caption !== undefined ? options.caption + '\n' : '') + text;
}

/**
 * Displays a table of numbers or text (e.g. a forward-pass trace), escaped, with a plain-text twin.
 *
 * Example: nn.showTable([[0, 0, 0.5], [0, 1, 0.73]], ['x1', 'x2', 'ŷ'], { digits: 3 });
 */
export function showTable(rows: TableCell[][], columns?: string[], options: TableOptions = {}): void {
  checkTable('showTable', rows, columns, options);
  // The zh edition shows the headers, caption and text cells in Chinese (numbers are formatted as they are).
  columns = columns?.map(translate);
  rows = rows.map((row) => row.map((v) => (typeof v === 'string' ? translate(v) : v)));
  if (options.caption !== undefined) options = { ...options, caption: translate(options.caption) };
  sendDisplay({
    data: { 'text/html': tableHtml(rows, columns, options), 'text/plain': tableText(rows, columns, options) },
    metadata: {},
    transient: {},
  });
}

