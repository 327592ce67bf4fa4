/**
 * Browser tests in real headless Chromium (run by `npm run test:browser`, part of `npm test`):
 * 1. every exported page in site/ renders every Plotly output as an SVG with the network blocked, and logs no
 *    console errors; a page with hostile figure text runs no injected script;
 * 2. the live Jupyter Notebook UI runs notebooks/00-start-here.ipynb with the tslab kernel and draws its plots.
 * Screenshots go to artifacts/.
 */
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import { pathToFileURL } from 'url';
import type { Browser, Page } from 'playwright-core';
import { figureBundle, PLOTLY_MIME } from '../../lib/plots/show';
import {
  ARTIFACTS,
  isKnownNotebookConsoleError,
  ROOT,
  SITE,
  artifact,
  ensureSite,
  launchBrowser,
  withLiveNotebook,
} from './helpers';

interface PageProblems {
  consoleErrors: string[];
  blocked: string[];
  dialogs: string[];
}

/** Blocks every request that is not file: or data:, and records console errors, page errors and dialogs. */
async function offlinePage(browser: Browser): Promise<{ page: Page; problems: PageProblems }> {
  const context = await browser.newContext({ viewport: { width: 1200, height: 900 } });
  const page = await context.newPage();
  const problems: PageProblems = { consoleErrors: [], blocked: [], dialogs: [] };
  await page.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith('file:') || url.startsWith('data:')) return route.continue();
    problems.blocked.push(url);
    return route.abort();
  });
  page.on('console', (msg) => {
    if (msg.type() === 'error') problems.consoleErrors.push(msg.text());
  });
  page.on('pageerror', (err) => problems.consoleErrors.push(`page error: ${err.message}`));
  page.on('dialog', (dialog) => {
    problems.dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  return { page, problems };
}

const COUNT_PLOTS = `(() => {
  const plots = Array.from(document.querySelectorAll('.fcnn-plot'));
  return { total: plots.length, rendered: plots.filter((p) => p.querySelector('.main-svg')).length };
})()`;

describe('exported site (offline)', () => {
  let browser: Browser;
  let pages: ReturnType<typeof ensureSite>;

  before(async () => {
    // the browser first, before the (slow) site build, so a machine without a working Chromium fails at once
    browser = await launchBrowser();
    pages = ensureSite();
  });
  after(async () => {
    await browser?.close();
  });

  it('has an index that links every notebook page in order', async () => {
    const { page, problems } = await offlinePage(browser);
    await page.goto(pathToFileURL(path.join(SITE, 'index.html')).href);
    const links = (await page.evaluate(`Array.from(document.querySelectorAll('ol a')).map((a) => a.getAttribute('href'))`)) as string[];
    assert.deepEqual(links, pages.map((p) => p.page));
    assert.deepEqual(problems, { consoleErrors: [], blocked: [], dialogs: [] });
  });

  it('renders every Plotly output of every page as SVG, with no network and no console errors', async () => {
    assert.ok(pages.length > 0, 'no pages in site/');
    for (const entry of pages) {
      const { page, problems } = await offlinePage(browser);
      const started = Date.now();
      await page.goto(pathToFileURL(path.join(SITE, entry.page)).href, { waitUntil: 'load', timeout: 120_000 });
      await page.waitForFunction(`${COUNT_PLOTS}.rendered >= ${entry.plots}`, undefined, { timeout: 60_000 }).catch(() => undefined);
      const counts = (await page.evaluate(COUNT_PLOTS)) as { total: number; rendered: number };
      const seconds = ((Date.now() - started) / 1000).toFixed(1);
      await page.screenshot({ path: artifact(`site-${path.basename(entry.page, '.html')}.png`), fullPage: true });
      console.log(`# ${entry.page}: ${counts.rendered}/${counts.total} plots rendered in ${seconds} s`);
      assert.equal(counts.total, entry.plots, `${entry.page}: number of plot outputs`);
      assert.equal(counts.rendered, entry.plots, `${entry.page}: plots rendered as SVG`);
      assert.deepEqual(problems, { consoleErrors: [], blocked: [], dialogs: [] }, `${entry.page}: console errors, network requests or dialogs`);
      await page.context().close();
    }
  });

  it('keeps every formula in a table on one line (no MathJax automatic line-breaking)', { timeout: 600_000 }, async () => {
    // 02's summary and 08's feature table: with line-breaking on, formulas wrapped onto 2-4 lines (41-88 px high);
    // on one line they are at most ~22 px
    let tables = 0;
    for (const entry of pages) {
      const { page, problems } = await offlinePage(browser);
      await page.goto(pathToFileURL(path.join(SITE, entry.page)).href, { waitUntil: 'load', timeout: 120_000 });
      const hasMath = (await page.evaluate(`document.querySelectorAll('table').length > 0 && !!window.MathJax`)) as boolean;
      if (hasMath) {
        await page.waitForFunction(`MathJax.isReady && MathJax.Hub.queue.pending === 0 && MathJax.Hub.queue.running === 0`, undefined, { timeout: 120_000 });
        const heights = (await page.evaluate(
          `Array.from(document.querySelectorAll('table .MathJax_CHTML')).map((m) => ({ text: (m.closest('td') || m).textContent.slice(0, 40), height: m.getBoundingClientRect().height }))`,
        )) as { text: string; height: number }[];
        tables += heights.length;
        const tall = heights.filter((h) => h.height > 32).map((h) => `${h.text} (${h.height.toFixed(0)} px)`);
        assert.deepEqual(tall, [], `${entry.page}: formulas in tables broken over lines`);
      }
      assert.deepEqual(problems.consoleErrors, [], `${entry.page}: console errors`);
      await page.context().close();
    }
    console.log(`# site: ${tables} formulas in tables, each on one line`);
    assert.ok(tables > 0, 'no formula in any table was found: the check itself is suspect');
  });

  it('runs no script hidden in titles, trace names or category names', async () => {
    const evil = `</script><img src=x onerror="alert('xss')"><script>alert('xss2')</script>`;
    const bundle = figureBundle(
      { data: [{ type: 'bar', x: [evil, 'b'], y: [1, 2], name: evil }], layout: { title: { text: evil }, xaxis: { title: { text: evil } } } },
      { includeLoader: true, displayId: 'xss-test' },
    );
    assert.ok(bundle.data[PLOTLY_MIME]);
    const file = artifact('xss-test.html');
    fs.writeFileSync(file, `<!DOCTYPE html><html><head><meta charset="utf-8"><title>xss</title></head><body>${bundle.data['text/html']}</body></html>`);
    const { page, problems } = await offlinePage(browser);
    await page.goto(pathToFileURL(file).href);
    await page.waitForFunction(`${COUNT_PLOTS}.rendered === 1`, undefined, { timeout: 30_000 });
    await page.waitForTimeout(500);
    const injected = await page.evaluate(`document.querySelectorAll('img[src="x"]').length`);
    await page.screenshot({ path: artifact('xss-test.png') });
    assert.equal(injected, 0);
    assert.deepEqual(problems, { consoleErrors: [], blocked: [], dialogs: [] });
    await page.context().close();
  });
});

describe('live Jupyter Notebook', () => {
  it('runs 00-start-here.ipynb with the tslab kernel and draws every plot', { timeout: 300_000 }, async () => {
    const file = path.join(ROOT, 'notebooks', '00-start-here.ipynb');
    const hashBefore = createHash('sha256').update(fs.readFileSync(file)).digest('hex');
    await withLiveNotebook(path.join(ROOT, 'notebooks'), async (server, browser) => {
      const consoleErrors: string[] = [];
      const context = await browser.newContext({ viewport: { width: 1280, height: 1000 } });
      const page = await context.newPage();
      page.on('console', (msg) => {
        if (msg.type() !== 'error') return;
        const where = msg.location().url;
        if (isKnownNotebookConsoleError(msg.text(), where)) return;
        consoleErrors.push(`${msg.text()} (${where})`);
      });
      page.on('pageerror', (err) => consoleErrors.push(`page error: ${err.message}`));
      const started = Date.now();
      await page.goto(`${server.url}/notebooks/00-start-here.ipynb?token=${server.token}`);
      await page.waitForFunction(
        `window.Jupyter && Jupyter.notebook && Jupyter.notebook.kernel && Jupyter.notebook.kernel.is_connected() && Jupyter.notebook.kernel.name === 'tslab'`,
        undefined,
        { timeout: 60_000 },
      );
      // never write outputs into the committed notebook
      await page.evaluate(`Jupyter.notebook.set_autosave_interval(0)`);
      await page.evaluate(`Jupyter.notebook.execute_all_cells()`);
      await page.waitForFunction(
        `Jupyter.notebook.get_cells().every((c) => c.cell_type !== 'code' || typeof c.input_prompt_number === 'number')
           && document.querySelector('#kernel_indicator_icon.kernel_idle_icon') !== null`,
        undefined,
        { timeout: 180_000, polling: 250 },
      );
      const expected = (await page.evaluate(
        `Jupyter.notebook.get_cells().flatMap((c) => c.output_area ? c.output_area.outputs : [])
           .filter((o) => o.data && o.data['${PLOTLY_MIME}']).length`,
      )) as number;
      await page
        .waitForFunction(`document.querySelectorAll('.fcnn-plot .main-svg').length > 0 && Array.from(document.querySelectorAll('.fcnn-plot')).every((p) => p.querySelector('.main-svg'))`, undefined, { timeout: 60_000 })
        .catch(() => undefined);
      const seconds = ((Date.now() - started) / 1000).toFixed(1);
      const counts = (await page.evaluate(COUNT_PLOTS)) as { total: number; rendered: number };
      const errors = (await page.evaluate(
        `Jupyter.notebook.get_cells().map((c, i) => [i, c.output_area ? c.output_area.outputs : []])
           .flatMap(([i, outs]) => outs.filter((o) => o.output_type === 'error' || (o.output_type === 'stream' && o.name === 'stderr'))
           .map((o) => 'cell ' + i + ': ' + (o.ename ? o.ename + ': ' + o.evalue : o.text)))`,
      )) as string[];
      console.log(`# live notebook: ran all cells and rendered ${counts.rendered}/${counts.total} plots in ${seconds} s`);
      await page.screenshot({ path: artifact('notebook-00-start-here.png') });
      const plots = page.locator('.fcnn-plot');
      for (let i = 0; i < (await plots.count()); i++) {
        await plots.nth(i).scrollIntoViewIfNeeded();
        await plots.nth(i).screenshot({ path: artifact(`notebook-00-plot-${String(i + 1).padStart(2, '0')}.png`) });
      }
      const summaryFile = path.join(ARTIFACTS, 'notebooks.json');
      const summary = fs.existsSync(summaryFile) ? (JSON.parse(fs.readFileSync(summaryFile, 'utf8')) as { notebook: string; plots: number }[]) : [];
      const fromNbclient = summary.find((s) => s.notebook === '00-start-here.ipynb')?.plots;

      assert.deepEqual(errors, [], 'error outputs in the notebook');
      assert.ok(expected > 0, 'the notebook made no plot outputs');
      if (fromNbclient !== undefined) assert.equal(expected, fromNbclient, 'plot outputs in the UI and in the nbclient run');
      assert.equal(counts.total, expected, 'plot elements on the page');
      assert.equal(counts.rendered, expected, 'plots rendered as SVG');
      assert.deepEqual(consoleErrors, [], 'console errors');
    });
    const hashAfter = createHash('sha256').update(fs.readFileSync(file)).digest('hex');
    assert.equal(hashAfter, hashBefore, 'the browser test must not change the committed notebook');
  });
});
