// PDF handouts: each deck opened from disk in reveal's print mode (?print-pdf) in headless Chromium and printed
// with page.pdf, one page per slide (fragments shown, speaker notes left out). Used by lecture/build.js.
'use strict';

const path = require('path');
const { pathToFileURL } = require('url');

/** Chromium through playwright-core, as the browser tests start it (no network, no first-run work). */
async function launchChromium() {
  const fs = require('fs');
  const executablePath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
  if (!fs.existsSync(executablePath)) {
    throw new Error(`slides: Chromium not found at ${executablePath} (needed for the PDF handouts). Install it (Debian/Ubuntu: sudo apt-get install chromium), set CHROMIUM_PATH, or use --no-pdf.`);
  }
  const { chromium } = require('playwright-core');
  return chromium.launch({
    executablePath,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
}

/** Waits until reveal laid out the print view, every figure is drawn and MathJax has finished. */
async function waitForPrintView(page) {
  await page.waitForSelector('html[data-fcnn-pdf-ready="true"]', { timeout: 180000 });
  await page.waitForFunction(
    () => {
      const plots = Array.from(document.querySelectorAll('.fcnn-plot'));
      const drawn = plots.every((p) => p.querySelector('.main-svg'));
      const mj = window.MathJax && window.MathJax.Hub;
      const mathDone = !mj || (mj.queue && mj.queue.pending === 0 && mj.queue.running === 0);
      return drawn && mathDone;
    },
    null,
    { timeout: 180000 },
  );
}

/** Prints every deck to DIR/<deck>.pdf; returns { [deck file]: number of pages reveal laid out }. */
async function printDecks(dir, decks) {
  const browser = await launchChromium();
  const pages = {};
  try {
    for (const d of decks) {
      const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
      try {
        await page.route(/^(?!file:|data:|about:|blob:)/, (route) => route.abort());
        const t0 = Date.now();
        await page.goto(pathToFileURL(path.join(dir, d.file)).href + '?print-pdf', { waitUntil: 'domcontentloaded', timeout: 120000 });
        await waitForPrintView(page);
        pages[d.file] = await page.evaluate(() => document.querySelectorAll('.pdf-page').length);
        const t1 = Date.now();
        await page.pdf({ path: path.join(dir, d.pdf), preferCSSPageSize: true, printBackground: true });
        console.log(`slides: wrote ${d.pdf} (${pages[d.file]} pages; laid out in ${((t1 - t0) / 1000).toFixed(1)} s, printed in ${((Date.now() - t1) / 1000).toFixed(1)} s)`);
      } finally {
        await page.close();
      }
    }
  } finally {
    await browser.close();
  }
  return pages;
}

module.exports = { printDecks, launchChromium };
