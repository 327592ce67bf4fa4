/**
 * Safe HTML for notebook outputs: escaping of text, JSON that can sit inside a <script> element, and the
 * offline Plotly.js loader.
 *
 * How plots reach the page, without embedding Plotly.js (4.8 MB) in any output, so a notebook saved after Run All
 * stays small:
 * - Live, in classic Jupyter Notebook: `npm install` (scripts/setup.js) copies the installed Plotly.js into the
 *   project-local Jupyter data folder as the notebook extension file `nbextensions/fcnn-course/plotly.min.js`,
 *   which the Notebook server serves from localhost (offline). Every plot output asks the page's RequireJS for
 *   that module when `window.Plotly` is missing; RequireJS loads it once per page.
 * - On the site (`npm run site`): each page loads `assets/plotly.min.js` in its <head> (see run-notebooks.py), so
 *   `window.Plotly` is there before any output runs.
 * - Anywhere else (an HTML file written by hand, the tests): `plotlyLoaderHtml({ inline: true })` puts the
 *   whole library into one output, the old way.
 * A plot that cannot draw says why, inside its own box: before its script runs it shows a note that the plot needs a
 * trusted notebook (an untrusted notebook never runs output scripts, so that note is what a student sees instead
 * of blank space), and when Plotly.js cannot be loaded it names the fix.
 */
import { tr } from '../language';
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

/** Name under which scripts/setup.js installs Plotly.js as a classic-Notebook extension (RequireJS module id). */
export const PLOTLY_NBEXTENSION_MODULE = 'nbextensions/fcnn-course/plotly.min';

/** The page-wide JavaScript that draws queued plots once Plotly is available. */
const FLUSH_QUEUE_JS =
  'var q = window.__fcnnPlotlyQueue || []; window.__fcnnPlotlyQueue = [];' +
  ' for (var i = 0; i < q.length; i++) { try { q[i](); } catch (e) { console.warn("fcnn plot:", e); } }';

/**
 * What a plot's box says when Plotly.js cannot be loaded from the Notebook server. It must help a student who has
 * only a browser (a class server) as well as one who runs Jupyter themselves.
 */
function plotlyFailedNote(): string {
  return tr(
    `Plotly.js, which draws this plot, could not be loaded from this Notebook server (${PLOTLY_NBEXTENSION_MODULE}.js). ` +
      'Reload the page. If it stays, the Jupyter set-up lacks the course files: on your own machine run ' +
      '`npm run setup` in the course folder and restart `npm start`; on a class server, tell the lecturer.',
    `无法从这个 Notebook 服务器加载绘制此图的 Plotly.js（${PLOTLY_NBEXTENSION_MODULE}.js）。请重新加载页面。` +
      '如果仍然如此，说明 Jupyter 缺少课程文件：在自己的电脑上，请在课程文件夹中运行 `npm run setup` 并重新启动 `npm start`；' +
      '在班级服务器上，请告诉讲师。',
  );
}

/**
 * JavaScript (a function expression) that makes `window.Plotly` available and then draws the queued plots:
 * at once when Plotly is on the page; else, in classic Notebook (RequireJS on the page), by loading the notebook
 * extension module; `onFail(message)` is called when it cannot be loaded. RequireJS gives up on a module after
 * the page's waitSeconds (Notebook 6: 30 s); Plotly.js is 3.5 MB, which a busy class server can take longer to
 * send, so the wait is raised to 3 minutes first.
 */
function ensurePlotlyJs(): string {
  return (
    'function (onFail) {\n' +
    '    function flush() { ' + FLUSH_QUEUE_JS + ' }\n' +
    '    if (window.Plotly) { flush(); return; }\n' +
    '    if (typeof window.requirejs === "function" && window.Jupyter) {\n' +
    '      try { window.requirejs.config({ waitSeconds: 180 }); } catch (e) { /* keep the page\'s setting */ }\n' +
    `      window.requirejs([${JSON.stringify(PLOTLY_NBEXTENSION_MODULE)}], function (P) { if (!window.Plotly) window.Plotly = P; flush(); },\n` +
    `        function () { onFail(${jsonForScript(plotlyFailedNote())}); });\n` +
    '    }\n' +
    '  }'
  );
}

/** Options of `plotlyLoaderHtml`. */
export interface PlotlyLoaderOptions {
  /**
   * Put the whole Plotly.js source (about 5 MB) into the output, for pages that have neither the notebook
   * extension nor a <script src> for Plotly (a standalone HTML file). Default false: a small loader.
   */
  inline?: boolean;
}

/**
 * HTML for the output that makes sure Plotly.js is on the page and draws every plot waiting for it. By default a
 * few hundred bytes (it loads the notebook extension, see the top of this file); with `inline: true` it carries
 * the whole library and defines window.Plotly only when it is missing.
 */
export function plotlyLoaderHtml(options: PlotlyLoaderOptions = {}): string {
  if (options.inline) {
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
  return (
    '<script type="text/javascript">\n' +
    `(${ensurePlotlyJs()})(function (message) { console.warn("fcnn: " + message); });\n` +
    '</script>'
  );
}

/**
 * The note a plot's box shows until its script has drawn it. Jupyter runs output scripts only in a trusted
 * notebook, so in an untrusted one (received from someone else) this note is what stays instead of blank space.
 */
export const UNTRUSTED_PLOT_NOTE =
  'This plot is drawn by JavaScript, which Jupyter runs only in a trusted notebook: ' +
  'choose File → Trust Notebook (or re-run the cell) to see it.';

/** The same note in the zh edition (see ../language.ts). */
const UNTRUSTED_PLOT_NOTE_ZH =
  '这幅图由 JavaScript 绘制，而 Jupyter 只在受信任的笔记本中运行脚本：选择 File → Trust Notebook（信任笔记本），' +
  '或重新运行这个单元格，就能看到它。';

/** Options of `plotDivHtml`. */
export interface PlotDivOptions {
  /** Element id of the plot's <div>; must be unique on the page. */
  id: string;
  /** CSS width in pixels; omitted = the full output width. */
  width?: number;
  /** CSS height in pixels (default 420). */
  height?: number;
  /** Milliseconds to wait for Plotly.js before showing the "not loaded" note (default 15000). */
  loaderTimeoutMs?: number;
}

/**
 * HTML for one plot: a <div> (holding the untrusted-notebook note until it is drawn) and a script that draws
 * `figure` with Plotly.newPlot, now or as soon as Plotly.js is on the page (loading it itself in classic Notebook).
 * All figure text is inside JSON made safe by `jsonForScript`; Plotly itself renders titles and labels as SVG
 * text, so data cannot inject markup.
 */
export function plotDivHtml(
  figure: { data: unknown[]; layout?: unknown; config?: unknown },
  options: PlotDivOptions,
): string {
  const height = options.height ?? 420;
  const style = `width:${options.width !== undefined ? `${options.width}px` : '100%'};height:${height}px;`;
  const timeout = options.loaderTimeoutMs ?? 15000;
  const id = escapeHtml(options.id);
  return (
    `<div class="fcnn-plot" id="${id}" style="${style}">` +
    `<p class="fcnn-plot-note" style="color:#666;font-style:italic;margin:8px 0">${escapeHtml(tr(UNTRUSTED_PLOT_NOTE, UNTRUSTED_PLOT_NOTE_ZH))}</p></div>\n` +
    '<script type="text/javascript">\n' +
    '(function () {\n' +
    `  var id = ${jsonForScript(options.id)};\n` +
    `  var fig = ${jsonForScript({ data: figure.data, layout: figure.layout ?? {}, config: figure.config ?? {} })};\n` +
    '  var drawn = false;\n' +
    '  function note(text) {\n' +
    '    var el = document.getElementById(id);\n' +
    '    if (drawn || !el) return;\n' +
    '    el.style.height = "auto";\n' +
    '    el.textContent = text;\n' +
    '  }\n' +
    '  function draw() {\n' +
    '    var el = document.getElementById(id);\n' +
    '    if (!el || drawn) return;\n' +
    '    drawn = true; el.textContent = "";\n' +
    `    el.style.height = "${height}px";\n` +
    '    window.Plotly.newPlot(el, fig.data, fig.layout, fig.config);\n' +
    '  }\n' +
    '  if (window.Plotly) { draw(); return; }\n' +
    '  var el = document.getElementById(id);\n' +
    '  if (el) el.textContent = "";\n' +
    '  (window.__fcnnPlotlyQueue = window.__fcnnPlotlyQueue || []).push(draw);\n' +
    `  (${ensurePlotlyJs()})(note);\n` +
    '  setTimeout(function () {\n' +
    '    if (drawn || window.Plotly) return;\n' +
    // in classic Notebook the library is still on its way (a busy server); elsewhere nothing will bring it
    '    if (typeof window.requirejs === "function" && window.Jupyter) {\n' +
    `      note(${jsonForScript(tr('Loading Plotly.js, which draws this plot … (a busy server can take a minute)', '正在加载绘制此图的 Plotly.js……（服务器繁忙时可能需要一分钟）'))});\n` +
    '      return;\n' +
    '    }\n' +
    '    note("Plotly.js is not loaded on this page. Open the notebook with `npm start` (it serves Plotly.js " +\n' +
    '      "offline), or use Kernel > Restart & Run All.");\n' +
    `  }, ${timeout});\n` +
    '})();\n' +
    '</script>'
  );
}
