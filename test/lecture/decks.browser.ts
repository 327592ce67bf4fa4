/// <reference lib="dom" />
/**
 * The lecture decks in slides/ (built by `npm run slides`), opened from disk in headless Chromium:
 * no request leaves the machine, no console error, reveal counts the slides the notebook's markup asks for,
 * every figure renders on its slide, no slide is taller or wider than 1280×720, every section has speaker notes,
 * every animated figure has more than one frame and changes when played, the speaker view works offline, and each
 * PDF handout has one page per slide. Load times are written to artifacts/lecture/bench.json (a report, not a test).
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { pathToFileURL } from 'url';
import type { Browser, Page } from 'playwright-core';
import { ROOT, artifact, launchBrowser } from '../browser/helpers';
import { expectedDeck, DeckExpectation } from './expected';

/** SLIDES_LANG=zh checks the Chinese edition's decks (slides/zh, from notebooks/zh) the same way. */
const ZH = process.env.SLIDES_LANG === 'zh';
const SLIDES = path.join(ROOT, 'slides', ZH ? 'zh' : '');
const NOTEBOOKS = path.join(ROOT, 'notebooks', ZH ? 'zh' : '');
const WIDTH = 1280;
const HEIGHT = 720;

interface DeckEntry { file: string; pdf: string; notebook: string; title: string }
const built: DeckEntry[] = fs.existsSync(path.join(SLIDES, 'decks.json')) ? JSON.parse(fs.readFileSync(path.join(SLIDES, 'decks.json'), 'utf8')) : [];
/** SLIDES_ONLY=01,05 checks only those decks (while editing one deck's markup). */
const only = process.env.SLIDES_ONLY?.split(',').map((s) => s.trim());
const decks = only ? built.filter((d) => only.some((o) => d.file.startsWith(o))) : built;
const bench: Record<string, unknown>[] = [];

/** Number of pages in a PDF file (its /Type /Page objects). */
export function pdfPageCount(file: string): number {
  const text = fs.readFileSync(file).toString('latin1');
  return (text.match(/\/Type\s*\/Page(?![s\w])/g) ?? []).length;
}

interface Opened { page: Page; external: string[]; errors: string[]; loadMs: number }

async function openDeck(browser: Browser, file: string, query = ''): Promise<Opened> {
  const page = await browser.newPage({ viewport: { width: WIDTH, height: HEIGHT } });
  const external: string[] = [];
  const errors: string[] = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.route(/^(?!file:|data:|about:|blob:)/, (route) => { external.push(route.request().url()); return route.abort(); });
  const t0 = Date.now();
  // Generous limits: they only stop a hang (a busy machine can take long); the load time is reported, not tested.
  await page.goto(pathToFileURL(path.join(SLIDES, file)).href + query, { waitUntil: 'domcontentloaded', timeout: 300000 });
  await page.waitForSelector('html[data-fcnn-ready="true"]', { timeout: 300000 });
  return { page, external, errors, loadMs: Date.now() - t0 };
}

/** Waits until the deck has drawn, typeset and fitted the current slide (deck.js marks it data-fcnn-fitted). */
async function settle(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    const slide = (window as any).Reveal.getCurrentSlide() as HTMLElement;
    const mj = (window as any).MathJax?.Hub;
    return slide.getAttribute('data-fcnn-fitted') === 'true' && (!mj || (mj.queue.pending === 0 && mj.queue.running === 0));
  }, null, { timeout: 120000 });
}

describe(`lecture decks (${path.relative(ROOT, SLIDES)}/)`, () => {
  let browser: Browser;
  before(async () => { browser = await launchBrowser(); });
  after(async () => {
    await browser?.close();
    fs.writeFileSync(artifact('lecture-bench.json'), JSON.stringify(bench, null, 1));
    for (const b of bench) console.log(`# bench ${b.deck}: first slide in ${b.loadMs} ms, tallest slide ${b.tallest} px`);
  });

  it('are built: slides/decks.json lists a deck for every notebook 01–08 with slide markup, and an index', () => {
    const marked = fs.readdirSync(NOTEBOOKS).filter((f) => /^0[1-8]-.*\.ipynb$/.test(f) && expectedDeck(f, ZH).marked);
    assert.ok(marked.length > 0, 'no notebook has slide markup');
    assert.deepEqual(built.map((d) => d.notebook).sort(), marked.sort(), 'run `npm run slides` to build the decks');
    assert.ok(fs.existsSync(path.join(SLIDES, 'index.html')));
  });

  for (const deck of decks) {
    describe(deck.file, () => {
      const want: DeckExpectation = expectedDeck(deck.notebook, ZH);
      // One page per deck for the checks below; requests and console errors are collected over all of them.
      let opened: Opened | undefined;
      before(async () => {
        opened = await openDeck(browser, deck.file);
      });
      after(async () => {
        await opened?.page.close();
      });

      it(`reveal counts ${want.slides} slides, as the notebook's slide markup asks`, async () => {
        const total = await opened!.page.evaluate(() => (window as any).Reveal.getTotalSlides());
        assert.equal(total, want.slides, 'slides counted by reveal vs slide/subslide cells in the notebook');
      });

      it('has speaker notes in every section (every horizontal slide)', async () => {
        const sections = await opened!.page.evaluate(() =>
          Array.from(document.querySelectorAll('.reveal .slides > section')).map((s) => ({
            title: (s.querySelector('h1, h2, h3')?.textContent ?? s.textContent ?? '').trim().slice(0, 60),
            notes: Array.from(s.querySelectorAll('aside.notes')).map((n) => (n.textContent ?? '').trim()).join(' '),
          })),
        );
        assert.equal(sections.length, want.sections);
        // "a few sentences": 80 characters of English, or as much Chinese (a Chinese character counts as two)
        const size = (text: string) => [...text].reduce((n, c) => n + (/\p{Script=Han}/u.test(c) ? 2 : 1), 0);
        const missing = sections.filter((s) => size(s.notes) < 80).map((s) => s.title);
        assert.deepEqual(missing, [], 'sections without speaker notes (at least a few sentences)');
      });

      it('walking all slides: every figure renders, no slide is taller or wider than 1280×720, every animation plays', async () => {
        const page = opened!.page;
        const slides = await page.evaluate(() => (window as any).Reveal.getSlides().map((s: Element) => (window as any).Reveal.getIndices(s)));
        let tallest = 0;
        let figures = 0;
        let animated = 0;
        const overflow: string[] = [];
        for (let k = 0; k < slides.length; k++) {
          await page.evaluate(({ h, v }) => (window as any).Reveal.slide(h, v ?? 0, Number.MAX_SAFE_INTEGER), slides[k]);
          await settle(page);
          const m = await page.evaluate(() => {
            const s = (window as any).Reveal.getCurrentSlide() as HTMLElement;
            const plots = Array.from(s.querySelectorAll('.fcnn-plot')) as HTMLElement[];
            return {
              height: s.scrollHeight,
              width: s.scrollWidth,
              plots: plots.length,
              // drawn: Plotly's SVG with at least one drawn trace (a trace group, a heatmap's image) or a WebGL canvas
              // (3-D), and a real size
              blank: plots.filter((p) => !(p.querySelector('.main-svg') && p.querySelector('g.trace, g.hm image, .imagelayer image, .gl-container canvas') && p.getBoundingClientRect().width > 100)).length,
              text: (s.textContent || '').replace(/\s+/g, ' ').trim().slice(0, 60),
            };
          });
          tallest = Math.max(tallest, m.height);
          figures += m.plots;
          assert.equal(m.blank, 0, `slide ${k + 1}: a figure did not render`);
          if (m.height > HEIGHT || m.width > WIDTH) overflow.push(`slide ${k + 1} (${m.width}×${m.height} px): ${m.text}`);
          // Every animated figure on this slide: more than one frame, and the plot changes after play.
          const count = await page.evaluate(() => {
            const s = (window as any).Reveal.getCurrentSlide() as HTMLElement;
            return Array.from(s.querySelectorAll('.js-plotly-plot')).filter((p: any) => (p.layout.updatemenus ?? []).some((u: any) => u.buttons?.some((b: any) => b.method === 'animate'))).length;
          });
          for (let i = 0; i < count; i++) {
            const before = await page.evaluate((i) => {
              const s = (window as any).Reveal.getCurrentSlide() as HTMLElement;
              const el = Array.from(s.querySelectorAll('.js-plotly-plot')).filter((p: any) => (p.layout.updatemenus ?? []).length)[i] as any;
              el.setAttribute('data-test-animated', 'yes');
              return { frames: el.layout.updatemenus[0].buttons[0].args[0].length, data: JSON.stringify(el.data.map((t: any) => [t.x, t.y, t.z])) };
            }, i);
            assert.ok(before.frames > 1, `slide ${k + 1}: animated figure has ${before.frames} frame(s)`);
            await page.locator('.present [data-test-animated="yes"] .updatemenu-button').first().click();
            await page.waitForFunction((old) => {
              const el = document.querySelector('.present [data-test-animated="yes"]') as any;
              return JSON.stringify(el.data.map((t: any) => [t.x, t.y, t.z])) !== old;
            }, before.data, { timeout: 120000 });
            await page.evaluate(() => document.querySelector('.present [data-test-animated="yes"]')!.removeAttribute('data-test-animated'));
            animated += 1;
          }
        }
        bench.push({ deck: deck.file, loadMs: opened!.loadMs, tallest, slides: slides.length, figures, animated });
        assert.deepEqual(overflow, [], 'slides taller or wider than 1280×720');
        assert.equal(figures, want.figures, 'figures on the slides vs plot outputs of the visible cells');
        assert.equal(animated, want.animated, 'animated figures played');
      });

      it('opens the speaker view offline (press S): the current slide\'s notes, the next slide and the timer', async () => {
        const page = opened!.page;
        // the first slide of a section that has notes
        await page.evaluate(() => {
          const R = (window as any).Reveal;
          const withNotes = R.getSlides().find((s: Element) => s.querySelector('aside.notes'));
          const { h, v } = R.getIndices(withNotes);
          R.slide(h, v ?? 0);
        });
        const expectedNotes = await page.evaluate(() => ((window as any).Reveal.getCurrentSlide().querySelector('aside.notes')?.textContent ?? '').trim().slice(0, 30));
        const popupPromise = page.waitForEvent('popup', { timeout: 120000 });
        await page.keyboard.press('s');
        const speaker = await popupPromise;
        try {
          await speaker.waitForFunction((text) => (document.querySelector('.speaker-controls-notes .value')?.textContent ?? '').includes(text), expectedNotes, { timeout: 120000 });
          const view = await speaker.evaluate(() => ({
            timer: document.querySelector('.speaker-controls-time .clock-value')?.textContent ?? '',
            frames: Array.from(document.querySelectorAll('iframe')).map((f) => f.getAttribute('src') ?? ''),
          }));
          assert.match(view.timer, /\d+:\d\d/);
          assert.equal(view.frames.length, 2, 'current and upcoming slide');
          assert.ok(view.frames.every((src) => src.startsWith('file:')), `the speaker view's slides come from disk: ${view.frames}`);
        } finally {
          await speaker.close();
        }
      });

      it('links to the same deck in the other edition (English ↔ 中文)', async () => {
        const href = (await opened!.page.evaluate(() => document.querySelector('a.fcnn-lang')?.getAttribute('href'))) as string | null;
        assert.ok(href, 'no language switch (a.fcnn-lang) in the deck');
        assert.ok(fs.existsSync(path.join(SLIDES, href)), `the language switch points at ${href}, which was not built`);
        if (ZH) {
          const text = (await opened!.page.evaluate(() => document.querySelector('.reveal .slides section')?.textContent ?? '')) as string;
          assert.match(text, /\p{Script=Han}/u, 'the first slide of a zh deck shows no Chinese');
        }
      });

      it('sent no request off the machine and logged no console error during all of the above', () => {
        assert.deepEqual(opened!.external, [], 'requests that tried to leave the machine');
        assert.deepEqual(opened!.errors, [], 'console errors');
      });

      it(`has a PDF handout with one page per slide (${want.slides})`, () => {
        const file = path.join(SLIDES, deck.pdf);
        assert.ok(fs.existsSync(file), `${deck.pdf} is missing`);
        assert.equal(pdfPageCount(file), want.slides);
      });
    });
  }
});
