// What a student's Jupyter Notebook server needs beyond Jupyter itself, defined once. `npm start` installs it into
// the project's .jupyter/ folders; the classroom installs the same files into its shared runtime, which every
// student's server reads (JUPYTER_PATH and JUPYTER_CONFIG_PATH), so the two cannot drift apart:
//   <data>/nbextensions/fcnn-course/plotly.min.js  Plotly.js, which every plot output asks for by this module name
//   <data>/nbextensions/fcnn-course/main.js        loaded on every notebook page: MathJax settings, Plotly preload
//   <config>/nbconfig/notebook.json                enables main.js (merged into what is there)
//   <config>/jupyter_notebook_config.py            Markdown (the solutions) served as UTF-8
// The kernel is the other half of a student's runtime: scripts/tslab-kernel.js, which both kernel specs run.
//
// Plain CommonJS without dependencies: it runs during `npm install` and as root in the classroom.
'use strict';

const fs = require('fs');
const path = require('path');

const ROOT = path.resolve(__dirname, '..');
/** The notebook extension's folder name, and the module id the plot outputs load Plotly.js by. */
const EXTENSION = 'fcnn-course';
const PLOTLY_MODULE = `nbextensions/${EXTENSION}/plotly.min`;

/** The installed Plotly.js bundle. */
function plotlySource() {
  return path.join(ROOT, 'node_modules', 'plotly.js-dist-min', 'plotly.min.js');
}

/**
 * The extension every notebook page loads:
 * 1. MathJax without automatic line-breaking: Notebook 6 turns it on, and then formulas in table cells (02's
 *    summary, 08's feature table) wrap onto three or four lines beside an empty column;
 * 2. Plotly.js loaded once per page from this extension's folder (offline), then any plot that was waiting for it;
 * 3. a notice when the open notebook changed on disk (a course update), before the student saves over it;
 * 4. on a class server, the cells a course update did not bring in because the student had changed them too.
 */
const MAIN_JS = `// Written by fcnn-course (scripts/student-runtime.js); changes here are overwritten.
define(['base/js/dialog', 'base/js/events'], function (dialog, events) {
  // 3. A notebook that changed on disk while it was open here (a course update pulled into the student's copy,
  //    a git pull): say so before the student saves over it. Jupyter itself asks only when they save, and its
  //    "Overwrite" then silently removes the update.
  function watchDisk() {
    var nb = window.Jupyter && Jupyter.notebook;
    if (!nb || !nb.contents || !nb.notebook_path) return;
    var told = false;
    function check() {
      if (told || !nb.last_modified) return;
      nb.contents.get(nb.notebook_path, { content: false }).then(function (model) {
        var disk = new Date(model.last_modified).getTime();
        if (told || !(disk - new Date(nb.last_modified).getTime() > 1000)) return;
        told = true;
        dialog.modal({
          title: 'This notebook was updated',
          body: 'The file on disk changed after you opened it here: the course was updated, and the update was ' +
            'merged into your saved copy. Reload the page to see it; your saved work is kept. Anything you typed ' +
            'here since your last save is not in the updated file: copy it first. If you save this page instead, ' +
            'choose "Reload" when Jupyter asks; "Overwrite" would remove the update.',
          buttons: { 'Keep working here': {}, 'Reload': { 'class': 'btn-primary', click: function () { window.location.reload(); } } },
          notebook: nb, keyboard_manager: nb.keyboard_manager,
        });
      }, function () {});
    }
    setInterval(check, 15000);
    window.addEventListener('focus', check);
  }
  // 4. Cells that a course update did not bring in because the student had changed them too (on a class server,
  //    classroom/course_contents.py puts them in the notebook's metadata): shown once, removed before any save.
  function showUpdateReport() {
    var nb = Jupyter.notebook;
    var rep = nb.metadata && nb.metadata.fcnn_update_report;
    if (!rep) return;
    delete nb.metadata.fcnn_update_report;
    var key = 'fcnn-update-report:' + nb.notebook_path + ':' + rep.update;
    try { if (window.localStorage.getItem(key)) return; window.localStorage.setItem(key, '1'); } catch (e) { /* no storage: show it */ }
    var body = document.createElement('div');
    var intro = document.createElement('p');
    intro.textContent = 'The course update changed ' + rep.cells.length + ' cell(s) of this notebook that you had changed ' +
      'too. Where you both changed the same lines, your version was kept, so the course’s change is not in them:';
    body.appendChild(intro);
    var list = document.createElement('ul');
    rep.cells.forEach(function (c) {
      var li = document.createElement('li');
      li.textContent = 'Cell ' + c.index + (c.kept ? ': your version was kept. ' : ': both changes are in it; check it. ') +
        'Yours: \u201c' + c.yours + '\u201d; the course’s: \u201c' + c.course + '\u201d';
      list.appendChild(li);
    });
    body.appendChild(list);
    var outro = document.createElement('p');
    outro.textContent = 'To get the course’s version: rename this notebook (File → Rename), then open the hub’s ' +
      'address again; the course’s version comes back beside your renamed copy, and you can copy cells between them.';
    body.appendChild(outro);
    dialog.modal({
      title: 'Your version was kept in ' + rep.cells.length + ' cell(s)',
      body: body,
      buttons: { 'OK': { 'class': 'btn-primary', click: function () { nb.select(rep.cells[0].index - 1); nb.scroll_to_cell(rep.cells[0].index - 1); } } },
      notebook: nb, keyboard_manager: nb.keyboard_manager,
    });
  }
  function load_ipython_extension() {
    watchDisk();
    if (Jupyter.notebook && Jupyter.notebook._fully_loaded) showUpdateReport();
    else events.on('notebook_loaded.Notebook', showUpdateReport);
    // 1. Formulas stay on one line. 'End Config' has usually passed already: MathJax then calls the hook at once.
    if (window.MathJax && window.MathJax.Hub) {
      var noBreaks = { linebreaks: { automatic: false } };
      MathJax.Hub.Register.StartupHook('End Config', function () {
        MathJax.Hub.Config({ 'HTML-CSS': noBreaks, CommonHTML: noBreaks, SVG: noBreaks });
      });
      // formulas typeset before this ran are typeset again with the setting above
      if (MathJax.isReady) MathJax.Hub.Queue(['Rerender', MathJax.Hub]);
    }
    // 2. Plotly.js from this extension's folder, then any plot that was waiting for it.
    window.requirejs([${JSON.stringify(PLOTLY_MODULE)}], function (Plotly) {
      if (!window.Plotly) window.Plotly = Plotly;
      var q = window.__fcnnPlotlyQueue || [];
      window.__fcnnPlotlyQueue = [];
      for (var i = 0; i < q.length; i++) { try { q[i](); } catch (e) { console.warn('fcnn plot:', e); } }
    }, function (err) { console.warn('fcnn-course: could not load Plotly.js (${PLOTLY_MODULE}.js)', err); });
  }
  return { load_ipython_extension: load_ipython_extension };
});
`;

/**
 * Notebook server settings: Markdown files (the solutions) are served as UTF-8. Notebook 6 sends them as
 * `text/markdown` without a charset, so the browser guesses Latin-1 and "σ′ ≤ ¼" turns into "Ïâ² â¤ Â¼".
 */
const NOTEBOOK_CONFIG = `# Written by fcnn-course (scripts/student-runtime.js); changes here are overwritten.
import mimetypes
mimetypes.add_type("text/markdown; charset=UTF-8", ".md")
`;

/** The files of a student runtime under `dataDir` (a JUPYTER_PATH entry) and `configDir` (a config path entry). */
function files({ dataDir, configDir }) {
  const ext = path.join(dataDir, 'nbextensions', EXTENSION);
  return {
    plotly: path.join(ext, 'plotly.min.js'),
    mainJs: path.join(ext, 'main.js'),
    nbconfig: path.join(configDir, 'nbconfig', 'notebook.json'),
    notebookConfig: path.join(configDir, 'jupyter_notebook_config.py'),
  };
}

function readJson(file) {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
}

/** Writes the student runtime (see the top of this file); returns its files. Throws when Plotly.js is missing. */
function install({ dataDir, configDir }) {
  const f = files({ dataDir, configDir });
  const source = plotlySource();
  if (!fs.existsSync(source)) throw new Error(`${path.relative(ROOT, source)} is missing (run npm install)`);
  fs.mkdirSync(path.dirname(f.plotly), { recursive: true });
  if (!(fs.existsSync(f.plotly) && fs.readFileSync(f.plotly).equals(fs.readFileSync(source)))) fs.copyFileSync(source, f.plotly);
  fs.writeFileSync(f.mainJs, MAIN_JS);
  // merged, not replaced: the same file holds the student's own front-end settings (shortcuts, other extensions)
  const nbconfig = readJson(f.nbconfig) || {};
  nbconfig.load_extensions = { ...(nbconfig.load_extensions || {}), [`${EXTENSION}/main`]: true };
  fs.mkdirSync(path.dirname(f.nbconfig), { recursive: true });
  fs.writeFileSync(f.nbconfig, JSON.stringify(nbconfig, null, 2) + '\n');
  fs.writeFileSync(f.notebookConfig, NOTEBOOK_CONFIG);
  return f;
}

/** Whether the student runtime under these folders is installed and current: { ok, detail }. */
function status({ dataDir, configDir }, relativeTo = ROOT) {
  const f = files({ dataDir, configDir });
  const rel = (p) => path.relative(relativeTo, p);
  if (!fs.existsSync(f.plotly)) return { ok: false, detail: `${rel(f.plotly)} is missing` };
  if (!fs.existsSync(plotlySource()) || !fs.readFileSync(f.plotly).equals(fs.readFileSync(plotlySource()))) {
    return { ok: false, detail: `${rel(f.plotly)} differs from the installed plotly.js-dist-min` };
  }
  const same = (file, text) => fs.existsSync(file) && fs.readFileSync(file, 'utf8') === text;
  if (!same(f.mainJs, MAIN_JS)) return { ok: false, detail: `${rel(f.mainJs)} is missing or out of date` };
  if (!same(f.notebookConfig, NOTEBOOK_CONFIG)) return { ok: false, detail: `${rel(f.notebookConfig)} is missing or out of date` };
  const nbconfig = readJson(f.nbconfig);
  if (!nbconfig || !nbconfig.load_extensions || nbconfig.load_extensions[`${EXTENSION}/main`] !== true) {
    return { ok: false, detail: `${rel(f.nbconfig)} does not enable ${EXTENSION}/main` };
  }
  return { ok: true, detail: `${rel(f.plotly)}, ${rel(f.mainJs)} (enabled in ${rel(f.nbconfig)})` };
}

module.exports = { EXTENSION, PLOTLY_MODULE, MAIN_JS, NOTEBOOK_CONFIG, plotlySource, files, install, status };
