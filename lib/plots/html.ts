/**
 * Safe HTML for notebook outputs: escaping of text, JSON that can sit inside a <script> element, and the
 * offline Plotly.js loader.
 *
 * How plots reach the page (classic Notebook, exported HTML, re-opened notebooks):
 * - Plotly.js is read from the installed `plotly.js-dist-min` package (no CDN, works offline) and sent to the
 *   page by ONE loader output (`plotlyLoaderHtml()`), normally inside the first `show()` of a kernel session.
 *   The loader defines `window.Plotly` only if it is not already defined, so a re-run or a second copy is harmless.
 * - Every plot output (`plotDivHtml()`) draws at once when `window.Plotly` exists; otherwise it queues itself on
 *   `window.__fcnnPlotlyQueue`, and the loader draws the queue when it has run. So the order in which outputs
 *   are rendered does not matter (a page loaded fresh, an exported HTML file, a notebook re-opened with saved
 *   outputs). If no loader ever arrives (outputs cleared while the kernel kept running), the plot says so after
 *   a few seconds and names the fix: run `loadPlotly()` or restart the kernel.
 */
import * as fs from 'fs';
import { describe } from '../errors';

const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/**
 * Escapes text for use in HTML element content or in a quoted attribute value.
 * Replaces & < > " ' by entities; anything that is not a string is first converted with String().
 *
 * Example: escapeHtml('<img src=x onerror=alert(1)>') === '&lt;img src=x onerror=alert(1)&gt;'
 */
export function escapeHtml(text: unknown): string {
  if (typeof text === 'object' && text !== null && typeof (text as { toString?: unknown }).toString !== 'function') text = describe(text);
  return String(text).replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]);
}

/** JSON.stringify replacer: typed arrays become plain arrays (Plotly and JSON readers expect arrays). */
function plainJsonReplacer(_key: string, value: unknown): unknown {
  if (ArrayBuffer.isView(value) && !(value instanceof DataView)) {
    return Array.from(value as unknown as ArrayLike<number>);
  }
  return value;
}

/**
 * Converts a value to plain JSON data (typed arrays → arrays, NaN/±Infinity → null, undefined fields dropped),
 * the form a Jupyter MIME bundle needs.
 */
export function toPlainJson<T>(value: T): T {
  const text = JSON.stringify(value, plainJsonReplacer);
  return (text === undefined ? null : JSON.parse(text)) as T;
}

/**
 * JSON text that is safe inside an HTML <script> element: `<`, `>`, `&`, U+2028 and U+2029 are written as
 * \u escapes, so a string such as "</script><img onerror=…>" cannot end the script or start markup.
 * The result is still valid JSON and a valid JavaScript expression with the same value.
 *
 * Example: jsonForScript({ t: '</script>' }) === '{"t":"\\u003c/script\\u003e"}'
 */
export function jsonForScript(value: unknown): string {
  const text = JSON.stringify(value, plainJsonReplacer) ?? 'null';
  return text.replace(/[<>&\u2028\u2029]/g, (c) => '\\u' + c.charCodeAt(0).toString(16).padStart(4, '0'));
}

let plotlySourceCache: string | undefined;

/** Path of the installed Plotly.js bundle (node_modules/plotly.js-dist-min/plotly.min.js). */
export function plotlyAssetPath(): string {
  return require.resolve('plotly.js-dist-min/plotly.min.js');
}

/** Version of the installed Plotly.js bundle, e.g. "4.1.2". */
export function plotlyVersion(): string {
  const pkgPath = require.resolve('plotly.js-dist-min/package.json');
  return (JSON.parse(fs.readFileSync(pkgPath, 'utf8')) as { version: string }).version;
}

/**
 * The Plotly.js source, made safe for an inline <script>: "</script" and "<!--" cannot occur in it
 * (they are rewritten as "<\/script" and "<\!--", which mean the same inside JavaScript strings).
 * Plotly cannot be `require`d in Node (it needs a DOM), so it is read as text.
 */
export function plotlyScriptSource(): string {
  if (plotlySourceCache === undefined) {
    const source = fs.readFileSync(plotlyAssetPath(), 'utf8');
    plotlySourceCache = source.replace(/<\/(script)/gi, '<\\/$1').replace(/<!--/g, '<\\!--');
  }
  return plotlySourceCache;
}

/** The page-wide JavaScript that draws queued plots once Plotly is available. */
const FLUSH_QUEUE_JS =
  'var q = window.__fcnnPlotlyQueue || []; window.__fcnnPlotlyQueue = [];' +
  ' for (var i = 0; i < q.length; i++) { try { q[i](); } catch (e) { console.warn("fcnn plot:", e); } }';

/**
 * HTML for the one output that puts Plotly.js on the page (about 5 MB of JavaScript from the installed package).
 * Defines window.Plotly only when it is missing, then draws every plot that was waiting for it.
 */
export function plotlyLoaderHtml(): string {
  return (
    '<script type="text/javascript">\n' +
    '(function () {\n' +
    '  if (!window.Plotly) {\n' +
    '    (function (module, exports, define) {\n' +
    plotlyScriptSource() +
    '\n    }).call(window);\n' +
    '  }\n' +
    '  ' +
    FLUSH_QUEUE_JS +
    '\n})();\n' +
    '</script>\n' +
    `<!-- fcnn: Plotly.js ${escapeHtml(plotlyVersion())} loaded from the installed package -->`
  );
}

/** Options of `plotDivHtml`. */
export interface PlotDivOptions {
  /** Element id of the plot's <div>; must be unique on the page. */
  id: string;
  /** CSS width in pixels; omitted = the full output width. */
  width?: number;
  /** CSS height in pixels (default 420). */
  height?: number;
  /** Milliseconds to wait for the Plotly loader before showing the "not loaded" note (default 8000). */
  loaderTimeoutMs?: number;
}

/**
 * HTML for one plot: a <div> and a script that draws `figure` with Plotly.newPlot, now or as soon as the
 * loader has run. All figure text is inside JSON made safe by `jsonForScript`; Plotly itself renders titles and
 * labels as SVG text, so data cannot inject markup.
 */
export function plotDivHtml(
  figure: { data: unknown[]; layout?: unknown; config?: unknown },
  options: PlotDivOptions,
): string {
  const height = options.height ?? 420;
  const style = `width:${options.width !== undefined ? `${options.width}px` : '100%'};height:${height}px;`;
  const timeout = options.loaderTimeoutMs ?? 8000;
  const id = escapeHtml(options.id);
  return (
    `<div class="fcnn-plot" id="${id}" style="${style}"></div>\n` +
    '<script type="text/javascript">\n' +
    '(function () {\n' +
    `  var id = ${jsonForScript(options.id)};\n` +
    `  var fig = ${jsonForScript({ data: figure.data, layout: figure.layout ?? {}, config: figure.config ?? {} })};\n` +
    '  var drawn = false;\n' +
    '  function draw() {\n' +
    '    var el = document.getElementById(id);\n' +
    '    if (!el || drawn) return;\n' +
    '    drawn = true; el.textContent = "";\n' +
    `    el.style.height = "${height}px";\n` +
    '    window.Plotly.newPlot(el, fig.data, fig.layout, fig.config);\n' +
    '  }\n' +
    '  if (window.Plotly) { draw(); return; }\n' +
    '  (window.__fcnnPlotlyQueue = window.__fcnnPlotlyQueue || []).push(draw);\n' +
    '  setTimeout(function () {\n' +
    '    var el = document.getElementById(id);\n' +
    '    if (drawn || !el || window.Plotly) return;\n' +
    '    el.style.height = "auto";\n' +
    '    el.textContent = "Plotly.js is not loaded on this page (its loader output was cleared). " +\n' +
    '      "Run loadPlotly() in a cell, or use Kernel > Restart & Run All.";\n' +
    `  }, ${timeout});\n` +
    '})();\n' +
    '</script>'
  );
}
