// One student of the classroom load test in a real browser window (headless Chromium through playwright-core):
// they log in on the hub's login page, wait while their server starts and nbgitpuller fetches their copy, open
// notebook 01 from their file list, choose Cell → Run All, and we count what they see: the plot outputs, the
// plots actually drawn (an SVG from Plotly.js in each plot box), and any notice in place of a plot ("could not be
// loaded", "Trust Notebook"). Every wait is bounded: a student whose connection drops for longer than
// `disconnectMs` is reported as failed at once, never waited on for minutes.
'use strict';

const fs = require('fs');
const path = require('path');
const page = require('../scripts/notebook-page');

const BROWSER_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'];

/** Headless Chromium ($CHROMIUM_PATH or /usr/bin/chromium); throws with the install hint when it is missing. */
async function launchBrowser() {
  const executablePath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
  if (!fs.existsSync(executablePath)) {
    throw new Error(`loadtest: Chromium not found at ${executablePath} (browser students need it): sudo apt-get install chromium, or set CHROMIUM_PATH`);
  }
  const { chromium } = require('playwright-core');
  return chromium.launch({ executablePath, timeout: 60000, args: BROWSER_ARGS });
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Logs in on the hub's login page and waits for the student's file list (server started, course pulled). */
async function logIn(tab, base, st, courseDir) {
  await tab.goto(`${base}/hub/login`, { timeout: 60000 });
  await tab.fill('input[name="username"]', st.name);
  await tab.fill('input[name="password"]', st.code);
  await Promise.all([tab.waitForNavigation({ timeout: 60000 }).catch(() => undefined), tab.click('#login_submit')]);
  await tab.waitForURL(new RegExp(`/user/${st.name}/tree/${courseDir}/notebooks`), { timeout: 300000 });
}

/** A browser window of one student. A page on a busy classroom server answers slowly; a student waits, not for ever. */
async function studentContext(browser) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  context.setDefaultTimeout(120000);
  return context;
}

/** The student opens the hub's address again in another tab (a bookmark, the link on the board): that pulls the course. */
async function visitHub(context, base, st, courseDir) {
  const other = await context.newPage();
  await other.goto(`${base}/`, { timeout: 60000 });
  await other.waitForURL(new RegExp(`/user/${st.name}/tree/${courseDir}/notebooks`), { timeout: 120000 });
  await other.close();
}

const KERNEL_READY = `window.Jupyter && Jupyter.notebook && Jupyter.notebook.kernel && Jupyter.notebook.kernel.is_connected() && Jupyter.notebook.kernel.name === 'tslab'`;

/** Saves the open notebook as the student would (File → Save and Checkpoint) and waits until it is saved. */
async function save(tab) {
  await tab.evaluate(`Jupyter.notebook.save_checkpoint()`);
  await tab.waitForFunction(`!Jupyter.notebook.dirty`, undefined, { timeout: 30000 });
}

/**
 * Runs one browser student. `notebook` is the path inside their course copy (e.g. notebooks/01-the-neuron.ipynb).
 * Returns { name, browser: true, ok, plots, drawn, notices, errors, spawn_s, first_plot_s, total_s, error }.
 */
async function runBrowserStudent(browser, { base, st, courseDir, notebook, screenshot, runTimeoutMs = 600000, disconnectMs = 60000 }) {
  const r = { name: st.name, browser: true, ok: false, plots: 0, drawn: 0, notices: [], errors: [] };
  const arrived = Date.now();
  const since = () => (Date.now() - arrived) / 1000;
  const context = await studentContext(browser);
  const tab = await context.newPage();
  const consoleErrors = [];
  tab.on('pageerror', (err) => consoleErrors.push(err.message));
  try {
    // 1. the hub's login page, as the student sees it; 2. the hub starts their server, nbgitpuller brings their
    // copy, and they land on their file list
    await logIn(tab, base, st, courseDir);
    r.spawn_s = since();
    // 3. they open notebook 01 from the list (a link in the file list opens it in a new tab)
    const name = path.basename(notebook);
    const [nbTab] = await Promise.all([
      context.waitForEvent('page', { timeout: 60000 }),
      tab.click(`a.item_link[href$="${name}"]`),
    ]);
    nbTab.on('pageerror', (err) => consoleErrors.push(err.message));
    await nbTab.waitForFunction(KERNEL_READY, undefined, { timeout: 120000 });
    await tab.close();
    // 4. Cell → Run All, from the menu
    await nbTab.click('#celllink');
    await nbTab.click('#run_all_cells');
    const until = Date.now() + runTimeoutMs;
    let lostSince;
    for (;;) {
      const state = await nbTab.evaluate(`({ done: ${page.ALL_CELLS_RAN}, connected: Jupyter.notebook.kernel.is_connected(), drawn: ${page.PLOTS_DRAWN}.drawn })`);
      if (state.drawn > 0 && r.first_plot_s === undefined) r.first_plot_s = since();
      if (state.done) break;
      if (!state.connected) {
        lostSince ??= Date.now();
        if (Date.now() - lostSince > disconnectMs) throw new Error(`the notebook lost its kernel connection for ${disconnectMs / 1000} s`);
      } else lostSince = undefined;
      if (Date.now() > until) throw new Error(`Run All did not finish within ${runTimeoutMs / 1000} s`);
      await sleep(500);
    }
    // 5. what they see: every plot box drawn (Plotly draws right after the output arrives; allow it a moment)
    r.plots = await nbTab.evaluate(page.PLOT_OUTPUTS);
    await nbTab.waitForFunction(`${page.PLOTS_DRAWN}.drawn >= ${r.plots} || ${page.PLOT_NOTICES}.length > 0`, undefined, { timeout: 120000 }).catch(() => undefined);
    const counts = await nbTab.evaluate(page.PLOTS_DRAWN);
    r.drawn = counts.drawn;
    if (r.first_plot_s === undefined && r.drawn > 0) r.first_plot_s = since();
    r.notices = await nbTab.evaluate(page.PLOT_NOTICES);
    r.errors = (await nbTab.evaluate(page.ERROR_OUTPUTS)).concat(consoleErrors.map((e) => `page error: ${e}`));
    if (screenshot) {
      // the first plot as the student sees it (the notebook scrolls inside the page, so a full-page shot shows little)
      const first = nbTab.locator('.fcnn-plot').first();
      if (await first.count()) {
        await first.scrollIntoViewIfNeeded().catch(() => undefined);
        await nbTab.evaluate(`document.getElementById('site').scrollTop -= 120`).catch(() => undefined);
      }
      await nbTab.screenshot({ path: screenshot });
    }
    r.total_s = since();
    await save(nbTab); // their work, with its outputs, as a student keeps it
    if (r.plots === 0) throw new Error('the notebook made no plot outputs');
    if (counts.total !== r.plots) throw new Error(`${counts.total} plot boxes on the page for ${r.plots} plot outputs`);
    if (r.drawn !== r.plots) throw new Error(`${r.drawn} of ${r.plots} plots drawn${r.notices.length ? `; the page says: ${r.notices[0]}` : ''}`);
    if (r.notices.length) throw new Error(`${r.notices.length} notice(s) in place of plots: ${r.notices[0]}`);
    if (r.errors.length) throw new Error(`errors on the page: ${r.errors.slice(0, 3).join(' | ')}`);
    r.ok = true;
  } catch (err) {
    r.error = String(err && err.message ? err.message : err).split('\n')[0];
    if (screenshot) {
      const pages = context.pages();
      await pages[pages.length - 1]?.screenshot({ path: screenshot }).catch(() => undefined);
    }
  } finally {
    await context.close().catch(() => undefined);
  }
  return r;
}

/**
 * A course update that changes a notebook the student has open (and has run and saved): the lecturer publishes
 * (`publishUpdate()` returns a text the update put into the notebook), the student opens the hub's address in
 * another tab (which pulls the update into their copy), comes back to the notebook, and we record what they see:
 * the notice that the notebook changed on disk, then, after Reload, whether the notebook is trusted, the update
 * is in it, and their saved plots are drawn. Returns { ok, detail, notice }.
 */
async function updateWhileOpen(browser, { base, st, courseDir, notebook, publishUpdate, screenshot }) {
  const context = await studentContext(browser);
  try {
    const tab = await context.newPage();
    await logIn(tab, base, st, courseDir);
    await tab.goto(`${base}/user/${st.name}/notebooks/${courseDir}/${notebook}`, { timeout: 60000 });
    await tab.waitForFunction(KERNEL_READY, undefined, { timeout: 120000 });
    const before = await tab.evaluate(`({ trusted: Jupyter.notebook.trusted, plots: ${page.PLOT_OUTPUTS} })`);
    if (!before.trusted || before.plots === 0) return { ok: false, detail: `before the update: trusted=${before.trusted}, ${before.plots} saved plot outputs (the student's saved run is missing)` };
    const marker = publishUpdate();
    // the student opens the hub's address again (a bookmark, the link on the board): that pulls the update
    await visitHub(context, base, st, courseDir);
    await tab.bringToFront();
    await tab.evaluate(`window.dispatchEvent(new Event('focus'))`);
    const notice = await tab.waitForSelector('.modal-dialog .modal-title', { timeout: 40000 }).then((el) => el.innerText()).catch(() => undefined);
    await sleep(800); // the dialog fades in
    if (screenshot) await tab.screenshot({ path: screenshot.replace(/\.png$/, '-notice.png') });
    if (!notice) return { ok: false, detail: 'no notice appeared in the open notebook after the update changed it on disk' };
    await Promise.all([tab.waitForNavigation({ timeout: 60000 }), tab.click('.modal-footer button:has-text("Reload")')]);
    await tab.waitForFunction(KERNEL_READY, undefined, { timeout: 120000 });
    const plots = await tab.evaluate(page.PLOT_OUTPUTS);
    await tab.waitForFunction(`${page.PLOTS_DRAWN}.drawn >= ${plots} || ${page.PLOT_NOTICES}.length > 0`, undefined, { timeout: 120000 }).catch(() => undefined);
    const after = await tab.evaluate(`({ trusted: Jupyter.notebook.trusted, drawn: ${page.PLOTS_DRAWN}.drawn, notices: ${page.PLOT_NOTICES},
      updated: Jupyter.notebook.get_cells().some((c) => c.get_text().includes(${JSON.stringify(marker)})) })`);
    if (screenshot) await tab.screenshot({ path: screenshot });
    const detail = `notice "${notice}"; after Reload: trusted=${after.trusted}, update in the notebook=${after.updated}, ${after.drawn}/${plots} saved plots drawn${after.notices.length ? `, notices: ${after.notices[0]}` : ''}`;
    return { ok: after.trusted && after.updated && plots > 0 && after.drawn === plots && after.notices.length === 0, detail, notice };
  } catch (err) {
    // what the student was looking at when it failed
    if (screenshot) {
      const pages = context.pages();
      await pages[pages.length - 1]?.screenshot({ path: screenshot.replace(/\.png$/, '-failed.png') }).catch(() => undefined);
    }
    const url = context.pages().map((pg) => pg.url()).join(', ');
    throw new Error(`${String(err && err.message ? err.message : err).split('\n')[0]} (open: ${url})`);
  } finally {
    await context.close().catch(() => undefined);
  }
}

/**
 * A course update that changes a line the student changed too: the student edits `line` of the notebook's first
 * cell and saves, the lecturer publishes a change to the same line (`publishUpdate()`), the student opens the
 * hub's address (nbgitpuller merges; the student's line wins) and reopens the notebook. Returns { ok, detail }:
 * ok when the student is told which cell kept their version.
 */
async function conflictAfterUpdate(browser, { base, st, courseDir, notebook, line, publishUpdate, screenshot }) {
  const context = await studentContext(browser);
  try {
    const tab = await context.newPage();
    await logIn(tab, base, st, courseDir);
    const url = `${base}/user/${st.name}/notebooks/${courseDir}/${notebook}`;
    await tab.goto(url, { timeout: 60000 });
    await tab.waitForFunction(KERNEL_READY, undefined, { timeout: 120000 });
    const mine = `My own note: ${Date.now()}`;
    const edited = await tab.evaluate(`(() => { const c = Jupyter.notebook.get_cell(0); const t = c.get_text();
      if (!t.includes(${JSON.stringify(line)})) return false; c.set_text(t.replace(${JSON.stringify(line)}, ${JSON.stringify(mine)})); c.render(); return true; })()`);
    if (!edited) return { ok: false, detail: `the first cell does not hold "${line}"` };
    await save(tab);
    publishUpdate();
    await visitHub(context, base, st, courseDir);
    await tab.goto(url, { timeout: 60000 });
    const title = await tab.waitForSelector('.modal-dialog .modal-title:has-text("Your version was kept")', { timeout: 60000 })
      .then((el) => el.innerText()).catch(() => undefined);
    const items = title ? await tab.locator('.modal-dialog li').allInnerTexts() : [];
    await sleep(800); // the dialog fades in
    if (screenshot) await tab.screenshot({ path: screenshot });
    const text = await tab.evaluate(`Jupyter.notebook.get_cell(0).get_text()`);
    const ok = !!title && items.length === 1 && /^Cell 1: your version was kept/.test(items[0]) && text.includes(mine);
    return { ok, detail: title ? `"${title}": ${items.join(' | ')}` : 'no dialog told the student which cells kept their version' };
  } finally {
    await context.close().catch(() => undefined);
  }
}

module.exports = { launchBrowser, runBrowserStudent, updateWhileOpen, conflictAfterUpdate };
