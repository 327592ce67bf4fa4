/**
 * `npm run screenshots`: the README's pictures of the course, taken from the executed notebooks (the pages that
 * `npm run site` writes) in headless Chromium, offline. Each picture is one plot as the notebook drew it, found by
 * its title, saved as docs/images/<name>.png (PNG, 1× scale, kept under 150 KB).
 *
 *   npm run screenshots            uses site/ as it is (builds it first if it is missing)
 *   npm run screenshots -- --site  rebuilds site/ first (after a change to a notebook or the lib)
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { ROOT, SITE, ensureSite, launchBrowser } from '../test/browser/helpers';

interface Shot {
  /** File name in docs/images/ (without .png). */
  name: string;
  /** Site page (executed notebook). */
  page: string;
  /** The start of the plot's title, as Plotly draws it (its first line: a long title wraps onto several). */
  title: string;
  /** What it shows, for the README's alt text (printed). */
  alt: string;
}

const SHOTS: Shot[] = [
  {
    name: '02-vanishing-gradient',
    page: '02-activation-functions.html',
    title: 'Per-weight gradient size per layer',
    alt: 'Gradient size per layer of a 10-layer network on a log axis: sigmoid’s gradient shrinks a million-fold towards the input, ReLU’s and tanh’s do not',
  },
  {
    name: '04-loss-surface',
    page: '04-loss-mse.html',
    title: 'MSE of the line ŷ = w·x + b over (w, b)',
    alt: 'The MSE of a linear regression over (w, b), as a 3-D surface and as a contour map',
  },
  {
    name: '05-walking-down',
    page: '05-gradient-descent.html',
    title: 'Walking down L(a, b)',
    alt: 'Gradient descent as a walk down a 3-D loss surface: the path of 40 steps from the start to the valley floor',
  },
  {
    name: '07-penguins',
    page: '07-classification.html',
    title: 'Penguins: predicted species',
    alt: 'A network’s decision regions for three penguin species over two measurements, with the test penguins as points',
  },
];

const MAX_BYTES = 150 * 1024;
const OUT = path.join(ROOT, 'docs', 'images');

async function main(): Promise<number> {
  if (process.argv.includes('--site')) {
    const r = spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'run-notebooks.js'), '--site', SITE, '--summary', path.join(ROOT, 'artifacts', 'notebooks.json')], { stdio: 'inherit', cwd: ROOT });
    if (r.status !== 0) return 1;
  }
  const browser = await launchBrowser();
  let failed = 0;
  try {
    ensureSite();
    fs.mkdirSync(OUT, { recursive: true });
    const context = await browser.newContext({ viewport: { width: 900, height: 800 }, deviceScaleFactor: 1 });
    await context.route('**/*', (route) => (route.request().url().startsWith('file:') ? route.continue() : route.abort()));
    for (const shot of SHOTS) {
      const page = await context.newPage();
      await page.goto(pathToFileURL(path.join(SITE, shot.page)).href, { waitUntil: 'load', timeout: 120_000 });
      const plot = page.locator('.fcnn-plot', { has: page.locator('.gtitle', { hasText: shot.title }) }).first();
      try {
        await plot.waitFor({ timeout: 60_000 });
      } catch {
        console.error(`screenshots: no plot titled "${shot.title}" in site/${shot.page}`);
        failed += 1;
        await page.close();
        continue;
      }
      await plot.scrollIntoViewIfNeeded();
      await page.waitForTimeout(500); // let Plotly finish its transitions
      const file = path.join(OUT, `${shot.name}.png`);
      await plot.screenshot({ path: file });
      const bytes = fs.statSync(file).size;
      const note = bytes > MAX_BYTES ? ` — larger than ${MAX_BYTES / 1024} KB` : '';
      if (bytes > MAX_BYTES) failed += 1;
      console.log(`${path.relative(ROOT, file)}: ${(bytes / 1024).toFixed(0)} KB${note}\n  ${shot.alt}`);
      await page.close();
    }
  } finally {
    await browser.close();
  }
  return failed === 0 ? 0 : 1;
}

main().then(
  (code) => (process.exitCode = code),
  (err) => {
    console.error(`screenshots: ${err instanceof Error ? err.message : err}`);
    process.exitCode = 1;
  },
);
