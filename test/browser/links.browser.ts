/**
 * Every link a student can click resolves (issue 12), in both places the course is read:
 * - the site (site/*.html, offline): every relative link points at a file that exists in site/, and a link to a
 *   #fragment finds that element in the page it points at;
 * - the live classic Notebook: every link in every notebook's rendered Markdown, followed through the Notebook
 *   server, answers 200 (not 404), and a solutions page is served with a charset so its characters are not garbled.
 * External links (http:, https:, mailto:) are listed in the log but not fetched: the tests run offline.
 */
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { fileURLToPath, pathToFileURL } from 'url';
import type { Browser } from 'playwright-core';
import { ROOT, SITE, NotebookServer, ensureSite, launchBrowser, withLiveNotebook } from './helpers';

const NOTEBOOKS = fs.readdirSync(path.join(ROOT, 'notebooks')).filter((f) => /^\d\d-.*\.ipynb$/.test(f)).sort();
const LINKS = `Array.from(document.querySelectorAll('a[href]')).map((a) => ({ href: a.getAttribute('href'), url: a.href, text: a.textContent.trim().slice(0, 60) }))`;
const isExternal = (href: string) => /^(https?:|mailto:)/i.test(href);

describe('links on the site', () => {
  let browser: Browser;
  before(async () => {
    browser = await launchBrowser();
    ensureSite();
  });
  after(async () => {
    await browser?.close();
  });

  it('every relative link of every page points at a file (and element) that exists', { timeout: 600_000 }, async () => {
    // Both editions: site/*.html, site/solutions/, and the Chinese pages in site/zh/ and site/zh/solutions/.
    const pages = ['', 'solutions', 'zh', 'zh/solutions']
      .filter((dir) => fs.existsSync(path.join(SITE, dir)))
      .flatMap((dir) => fs.readdirSync(path.join(SITE, dir)).filter((f) => f.endsWith('.html')).map((f) => (dir ? `${dir}/${f}` : f)))
      .sort();
    assert.ok(pages.includes('index.html'), 'site/index.html is missing');
    assert.ok(pages.includes('zh/index.html'), 'site/zh/index.html is missing (npm run test:notebooks:zh builds it)');
    const broken: string[] = [];
    const external = new Set<string>();
    let checked = 0;
    const context = await browser.newContext();
    await context.route('**/*', (route) => (route.request().url().startsWith('file:') ? route.continue() : route.abort()));
    const page = await context.newPage();
    const idsCache = new Map<string, Set<string>>();
    const idsOf = async (file: string): Promise<Set<string>> => {
      if (!idsCache.has(file)) {
        const p = await context.newPage();
        await p.goto(pathToFileURL(file).href, { waitUntil: 'domcontentloaded', timeout: 180_000 });
        idsCache.set(file, new Set((await p.evaluate(`Array.from(document.querySelectorAll('[id], a[name]')).map((e) => e.id || e.getAttribute('name'))`)) as string[]));
        await p.close();
      }
      return idsCache.get(file)!;
    };
    for (const name of pages) {
      await page.goto(pathToFileURL(path.join(SITE, name)).href, { waitUntil: 'domcontentloaded', timeout: 180_000 });
      const links = (await page.evaluate(LINKS)) as { href: string; url: string; text: string }[];
      // every page has the language switch to the same page in the other edition (checked as a link below)
      const switches = (await page.evaluate(`document.querySelectorAll('a.fcnn-lang').length`)) as number;
      if (switches !== 1) broken.push(`${name}: ${switches} language switches (a.fcnn-lang), expected 1`);
      for (const link of links) {
        if (isExternal(link.href)) {
          external.add(link.href);
          continue;
        }
        checked += 1;
        const url = new URL(link.url);
        if (url.protocol !== 'file:') {
          broken.push(`${name}: "${link.text}" → ${link.href} (not a file link)`);
          continue;
        }
        const target = fileURLToPath(url);
        if (!fs.existsSync(target) || !fs.statSync(target).isFile()) {
          broken.push(`${name}: "${link.text}" → ${link.href} (no such file in site/)`);
          continue;
        }
        // a browser looks for the fragment as written, then percent-decoded (nbconvert writes heading ids encoded)
        const raw = url.hash.slice(1);
        const fragment = decodeURIComponent(raw);
        const ids = raw && target.endsWith('.html') ? await idsOf(target) : undefined;
        if (ids && !ids.has(raw) && !ids.has(fragment)) {
          broken.push(`${name}: "${link.text}" → ${link.href} (no element #${fragment})`);
        }
      }
    }
    await context.close();
    console.log(`# site: ${checked} relative links checked in ${pages.length} pages, ${broken.length} broken; ${external.size} external links not fetched`);
    assert.deepEqual(broken, [], 'broken links on the site');
    assert.ok(checked > pages.length, 'the pages have almost no links: the check itself is suspect');
  });
});

describe('links in the live Notebook', () => {
  it("every link in every notebook's Markdown answers 200 through the Notebook server", { timeout: 1_800_000 }, async () => {
    await withLiveNotebook(path.join(ROOT, 'notebooks'), async (server: NotebookServer, browser: Browser) => {
      const broken: string[] = [];
      let checked = 0;
      for (const file of NOTEBOOKS) {
        const context = await browser.newContext();
        const page = await context.newPage();
        await page.goto(`${server.url}/notebooks/${encodeURIComponent(file)}?token=${server.token}`, { waitUntil: 'domcontentloaded', timeout: 300_000 });
        await page.waitForFunction(`window.Jupyter && Jupyter.notebook && Jupyter.notebook._fully_loaded`, undefined, { timeout: 600_000 });
        const links = (await page.evaluate(
          `Array.from(document.querySelectorAll('.text_cell_render a[href]')).map((a) => ({ href: a.getAttribute('href'), url: a.href, text: a.textContent.trim().slice(0, 60) }))`,
        )) as { href: string; url: string; text: string }[];
        for (const link of links) {
          if (isExternal(link.href) || link.href.startsWith('#')) continue;
          checked += 1;
          const url = new URL(link.url);
          url.hash = '';
          url.searchParams.set('token', server.token);
          const res = await fetch(url, { redirect: 'follow', signal: AbortSignal.timeout(30_000) });
          const type = res.headers.get('content-type') ?? '';
          if (res.status !== 200) broken.push(`${file}: "${link.text}" → ${link.href} answered ${res.status}`);
          else if (/\.md$/i.test(url.pathname) && /^text\//.test(type) && !/charset=/i.test(type)) {
            broken.push(`${file}: "${link.text}" → ${link.href} is served as "${type}" without a charset (non-ASCII text shows garbled)`);
          }
        }
        const sessions = (await (await fetch(`${server.url}/api/sessions?token=${server.token}`)).json()) as { id: string }[];
        for (const s of sessions) await fetch(`${server.url}/api/sessions/${s.id}?token=${server.token}`, { method: 'DELETE' });
        await context.close();
      }
      console.log(`# live Notebook: ${checked} links checked in ${NOTEBOOKS.length} notebooks, ${broken.length} broken`);
      assert.deepEqual(broken, [], 'broken links in the live Notebook');
      assert.ok(checked > 0, 'no links found: the check itself is suspect');
    });
  });
});
