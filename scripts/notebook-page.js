// What a person sees on a classic Notebook page, as expressions evaluated in the page by the browser tests and the
// classroom load test (one definition, so "a plot" and "drawn" mean the same everywhere):
//   plot outputs: outputs the kernel sent as a course figure (Plotly JSON, or the course's HTML plot box);
//   drawn:        plot boxes on the page that hold an SVG drawn by Plotly.js;
//   notices:      what a plot box says instead of a plot ("could not be loaded", "Trust Notebook").
'use strict';

const PLOTLY_MIME = 'application/vnd.plotly.v1+json';

/** Number of plot outputs in the open notebook (Jupyter.notebook's output areas). */
const PLOT_OUTPUTS = `Jupyter.notebook.get_cells().flatMap((c) => c.output_area ? c.output_area.outputs : [])
  .filter((o) => o.data && (o.data['${PLOTLY_MIME}'] || String(o.data['text/html'] || '').includes('class="fcnn-plot"'))).length`;

/** { total, drawn }: plot boxes on the page, and those with a Plotly SVG in them. */
const PLOTS_DRAWN = `(() => {
  const plots = Array.from(document.querySelectorAll('.fcnn-plot'));
  return { total: plots.length, drawn: plots.filter((p) => p.querySelector('.main-svg')).length };
})()`;

/**
 * The texts shown in place of a plot for good: the loader's failure and the untrusted-notebook note. A box that
 * still says "Loading Plotly.js …" (a busy server) is not counted: it is waited for, and fails as not drawn.
 */
const PLOT_NOTICES = `Array.from(document.querySelectorAll('.output_area'))
  .map((o) => o.innerText || '')
  .filter((t) => /could not be loaded|is not loaded on this page|Trust Notebook/i.test(t))
  .map((t) => t.trim().split('\\n')[0].slice(0, 200))`;

/** True when every code cell has run (a number in its prompt) and the kernel is idle. */
const ALL_CELLS_RAN = `Jupyter.notebook.get_cells().every((c) => c.cell_type !== 'code' || typeof c.input_prompt_number === 'number')
  && document.querySelector('#kernel_indicator_icon.kernel_idle_icon') !== null`;

/** Error outputs and stderr text, as 'cell i: …' lines. */
const ERROR_OUTPUTS = `Jupyter.notebook.get_cells().map((c, i) => [i, c.output_area ? c.output_area.outputs : []])
  .flatMap(([i, outs]) => outs.filter((o) => o.output_type === 'error' || (o.output_type === 'stream' && o.name === 'stderr'))
  .map((o) => 'cell ' + i + ': ' + (o.ename ? o.ename + ': ' + o.evalue : o.text)))`;

module.exports = { PLOTLY_MIME, PLOT_OUTPUTS, PLOTS_DRAWN, PLOT_NOTICES, ALL_CELLS_RAN, ERROR_OUTPUTS };
