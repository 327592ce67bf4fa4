/**
 * What a student does in the live classic Notebook, for every course notebook (issue 12):
 *   Run All → Save → close → reopen.
 * Checks:
 * - the saved .ipynb is under 1 MB (Plotly.js used to be embedded in the first plot output: 02 grew to 5.56 MB);
 * - after reopening (trusted: the student's own save), every saved plot renders from the saved outputs;
 * - formulas in tables stay on one line (MathJax automatic line-breaking is off);
 * - an untrusted copy (edited outside Jupyter, so its signature no longer matches) shows, in each plot's place, the
 *   note that says how to trust it, instead of blank space.
 * The notebooks are copied to a temporary folder (with links to dist/, data/ and node_modules/), so the committed
 * notebooks are never written. Sizes go to artifacts/saved-notebook-sizes.json and the test log.
 */
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { Browser, Page } from 'playwright-core';
import { PLOTLY_MIME } from '../../lib/plots/show';
import { UNTRUSTED_PLOT_NOTE } from '../../lib/plots/html';
import { isKnownNotebookConsoleError, ROOT, NotebookServer, artifact, withLiveNotebook } from './helpers';

const MB = 1024 * 1024;
/** All course notebooks, or those whose names start with one of $FCNN_NOTEBOOKS (e.g. FCNN_NOTEBOOKS=02,08). */
const NOTEBOOKS = fs
  .readdirSync(path.join(ROOT, 'notebooks'))
  .filter((f) => /^\d\d-.*\.ipynb$/.test(f))
  .filter((f) => !process.env.FCNN_NOTEBOOKS || process.env.FCNN_NOTEBOOKS.split(',').some((p) => f.startsWith(p.trim())))
  .sort()
  // and one notebook of the Chinese edition, live: its kernel runs in notebooks/zh, so the lib shows Chinese
  .concat(!process.env.FCNN_NOTEBOOKS || process.env.FCNN_NOTEBOOKS.includes('zh') ? ['zh/01-the-neuron.ipynb'] : []);

/** A temporary course folder: notebooks copied, everything they read linked. */
function tempCourse(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fcnn-saved-'));
  fs.mkdirSync(path.join(dir, 'notebooks'));
  fs.mkdirSync(path.join(dir, 'notebooks', 'zh'));
  for (const f of NOTEBOOKS) fs.copyFileSync(path.join(ROOT, 'notebooks', f), path.join(dir, 'notebooks', f));
  fs.symlinkSync(path.join(ROOT, 'notebooks', 'solutions'), path.join(dir, 'notebooks', 'solutions'));
  fs.copyFileSync(path.join(ROOT, 'notebooks', 'zh', 'course-language.json'), path.join(dir, 'notebooks', 'zh', 'course-language.json'));
  for (const name of ['translations', 'solutions']) fs.symlinkSync(path.join(ROOT, 'notebooks', 'zh', name), path.join(dir, 'notebooks', 'zh', name));
  for (const name of ['dist', 'data', 'node_modules', 'package.json']) fs.symlinkSync(path.join(ROOT, name), path.join(dir, name));
  return dir;
}

const COUNT_PLOTS = `(() => {
  const plots = Array.from(document.querySelectorAll('.fcnn-plot'));
  return { total: plots.length, rendered: plots.filter((p) => p.querySelector('.main-svg')).length };
})()`;

/** Heights (px) of the formulas inside Markdown tables; a formula broken over lines is two or more lines high. */
const TABLE_FORMULA_HEIGHTS = `Array.from(document.querySelectorAll('.text_cell_render table .MathJax, .text_cell_render table .mjx-chtml'))
  .map((m) => ({ text: (m.closest('td') || m).textContent.slice(0, 40), height: m.getBoundingClientRect().height }))`;

async function openNotebook(page: Page, server: NotebookServer, file: string): Promise<void> {
  await page.goto(`${server.url}/notebooks/${file.split('/').map(encodeURIComponent).join('/')}?token=${server.token}`, { waitUntil: 'domcontentloaded', timeout: 300_000 });
  await page.waitForFunction(
    `window.Jupyter && Jupyter.notebook && Jupyter.notebook._fully_loaded && Jupyter.notebook.kernel && Jupyter.notebook.kernel.is_connected()`,
    undefined,
    { timeout: 600_000 }, // a kernel start took over two minutes on the shared, overloaded test machine
  );
}

async function shutDownKernels(server: NotebookServer): Promise<void> {
  const sessions = (await (await fetch(`${server.url}/api/sessions?token=${server.token}`)).json()) as { id: string }[];
  for (const s of sessions) await fetch(`${server.url}/api/sessions/${s.id}?token=${server.token}`, { method: 'DELETE' });
}

describe('live Notebook: Run All, save, reopen (every notebook)', () => {
  let course: string;
  const sizes: Record<string, number> = {};

  before(() => {
    course = tempCourse();
  });
  after(() => {
    fs.writeFileSync(artifact('saved-notebook-sizes.json'), JSON.stringify(sizes, null, 1) + '\n');
    fs.rmSync(course, { recursive: true, force: true });
  });

  it('keeps every saved notebook under 1 MB and draws its plots again after reopening', { timeout: 60 * 60_000 }, async () => {
    await withLiveNotebook(path.join(course, 'notebooks'), async (server: NotebookServer, browser: Browser) => {
      const problems: string[] = [];
      for (const file of NOTEBOOKS) {
        const context = await browser.newContext({ viewport: { width: 1280, height: 1000 } });
        const page = await context.newPage();
        const consoleErrors: string[] = [];
        page.on('console', (msg) => {
          if (msg.type() !== 'error') return;
          const where = msg.location().url;
          if (isKnownNotebookConsoleError(msg.text(), where)) return;
          consoleErrors.push(`${msg.text()} (${where})`);
        });
        page.on('pageerror', (err) => consoleErrors.push(`page error: ${err.message}`));
        const started = Date.now();

        // Run All, then save, as a student does
        await openNotebook(page, server, file);
        await page.evaluate(`Jupyter.notebook.set_autosave_interval(0)`);
        await page.evaluate(`Jupyter.notebook.execute_all_cells()`);
        await page.waitForFunction(
          `Jupyter.notebook.get_cells().every((c) => c.cell_type !== 'code' || typeof c.input_prompt_number === 'number')
             && document.querySelector('#kernel_indicator_icon.kernel_idle_icon') !== null`,
          undefined,
          { timeout: 20 * 60_000, polling: 500 },
        );
        const errors = (await page.evaluate(
          `Jupyter.notebook.get_cells().map((c, i) => [i, c.output_area ? c.output_area.outputs : []])
             .flatMap(([i, outs]) => outs.filter((o) => o.output_type === 'error').map((o) => 'cell ' + i + ': ' + o.ename + ': ' + o.evalue))`,
        )) as string[];
        await page.evaluate(`Jupyter.notebook.save_notebook()`);
        await page.waitForFunction(`!Jupyter.notebook.dirty`, undefined, { timeout: 60_000 });
        const saved = path.join(course, 'notebooks', file);
        const nb = JSON.parse(fs.readFileSync(saved, 'utf8')) as { cells: { outputs?: { data?: Record<string, unknown> }[] }[] };
        const plotsSaved = nb.cells.flatMap((c) => c.outputs ?? []).filter((o) => o.data && (o.data[PLOTLY_MIME] || [o.data['text/html']].flat().join('').includes('class="fcnn-plot"'))).length;
        sizes[file] = fs.statSync(saved).size;
        await shutDownKernels(server);
        await context.close();

        // reopen the saved notebook (trusted: saved by this browser) without running anything
        const context2 = await browser.newContext({ viewport: { width: 1280, height: 1000 } });
        const page2 = await context2.newPage();
        page2.on('pageerror', (err) => consoleErrors.push(`page error after reopening: ${err.message}`));
        await openNotebook(page2, server, file);
        await page2
          .waitForFunction(`${COUNT_PLOTS}.rendered >= ${plotsSaved}`, undefined, { timeout: 120_000 })
          .catch(() => undefined);
        await page2.waitForFunction(`window.MathJax && MathJax.Hub && MathJax.Hub.queue.pending === 0 && MathJax.isReady`, undefined, { timeout: 60_000 }).catch(() => undefined);
        const counts = (await page2.evaluate(COUNT_PLOTS)) as { total: number; rendered: number };
        const formulas = (await page2.evaluate(TABLE_FORMULA_HEIGHTS)) as { text: string; height: number }[];
        const trusted = (await page2.evaluate(`Jupyter.notebook.trusted`)) as boolean;
        await page2.screenshot({ path: artifact(`saved-${file.replace('/', '-').replace(/\.ipynb$/, '')}.png`) });
        await shutDownKernels(server);
        await context2.close();

        const seconds = ((Date.now() - started) / 1000).toFixed(0);
        const tallest = formulas.reduce((m, f) => Math.max(m, f.height), 0);
        console.log(
          `# ${file}: saved ${(sizes[file] / 1024).toFixed(0)} KB, ${plotsSaved} plots; after reopening ${counts.rendered}/${counts.total} drawn` +
            `${formulas.length > 0 ? `; ${formulas.length} table formulas, tallest ${tallest.toFixed(0)} px` : ''} (${seconds} s)`,
        );
        if (errors.length > 0) problems.push(`${file}: error outputs: ${errors.join('; ')}`);
        if (sizes[file] >= MB) problems.push(`${file}: saved size ${(sizes[file] / MB).toFixed(2)} MB ≥ 1 MB`);
        if (plotsSaved === 0) problems.push(`${file}: no plot outputs were saved`);
        if (file.startsWith('zh/')) {
          // the zh edition's figures and prints are Chinese in the live Notebook too
          const outputs = JSON.stringify(nb.cells.flatMap((c) => c.outputs ?? []));
          const han = (outputs.match(/\\u[4-9][0-9a-f]{3}|\p{Script=Han}/giu) ?? []).length;
          if (han < 100) problems.push(`${file}: only ${han} Chinese characters in its outputs; the lib did not switch to Chinese`);
        }
        if (!trusted) problems.push(`${file}: not trusted after the student's own save`);
        if (counts.total !== plotsSaved || counts.rendered !== plotsSaved) {
          problems.push(`${file}: after reopening ${counts.rendered} of ${counts.total} plot boxes drawn, ${plotsSaved} saved`);
        }
        for (const f of formulas) if (f.height > 40) problems.push(`${file}: a table formula is ${f.height.toFixed(0)} px high (broken over lines): ${f.text}`);
        // Console messages are reported, not failed on: during Run All, Notebook 6's MathJax logs a blocked font load
        // ('about:blank', a font Debian's Notebook does not ship) that is not this course's doing. Errors of the
        // course's own plot code are failures.
        if (consoleErrors.length > 0) console.log(`# ${file}: console: ${consoleErrors.join('; ')}`);
        const ours = consoleErrors.filter((e) => /fcnn/i.test(e));
        if (ours.length > 0) problems.push(`${file}: errors from the course's plot code: ${ours.join('; ')}`);
      }
      // An untrusted copy: the saved 02 edited outside Jupyter, so its signature no longer matches.
      const source = path.join(course, 'notebooks', NOTEBOOKS.find((f) => f.startsWith('02-')) ?? NOTEBOOKS[0]);
      const copy = JSON.parse(fs.readFileSync(source, 'utf8')) as { metadata: Record<string, unknown> };
      copy.metadata.fcnn_received_from = 'someone else';
      fs.writeFileSync(path.join(course, 'notebooks', 'untrusted-copy.ipynb'), JSON.stringify(copy, null, 1));
      const context = await browser.newContext({ viewport: { width: 1280, height: 1000 } });
      const page = await context.newPage();
      await openNotebook(page, server, 'untrusted-copy.ipynb');
      await page.waitForTimeout(3000);
      const state = (await page.evaluate(`({
        trusted: Jupyter.notebook.trusted,
        boxes: document.querySelectorAll('.fcnn-plot').length,
        drawn: document.querySelectorAll('.fcnn-plot .main-svg').length,
        notes: Array.from(document.querySelectorAll('.fcnn-plot')).filter((p) => p.textContent.includes('File → Trust Notebook')).length,
      })`)) as { trusted: boolean; boxes: number; drawn: number; notes: number };
      await page.locator('.fcnn-plot').first().scrollIntoViewIfNeeded();
      await page.screenshot({ path: artifact('saved-untrusted-copy.png') });
      await shutDownKernels(server);
      await context.close();
      console.log(`# untrusted copy: ${state.boxes} plot boxes, ${state.notes} show the trust note, ${state.drawn} drawn`);
      assert.deepEqual(problems, []);
      assert.equal(state.trusted, false);
      assert.ok(state.boxes > 0);
      assert.equal(state.notes, state.boxes, `every plot box should say: ${UNTRUSTED_PLOT_NOTE}`);
      assert.equal(state.drawn, 0);
    });
  });
});
