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

const SLIDES = path.join(ROOT, 'slides');
const WIDTH = 1280;
const HEIGHT = 720;

interface DeckEntry { file: string; pdf: string; notebook: string; title: string }
const decks: DeckEntry[] = fs.existsSync(path.join(SLIDES, 'decks.json')) ? JSON.parse(fs.readFileSync(path.join(SLIDES, 'decks.json'), 'utf8')) : [];
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
  await page.goto(pathToFileURL(path.join(SLIDES, file)).href + query);
  await page.waitForSelector('html[data-fcnn-ready="true"]', { timeout: 30000 });
  return { page, external, errors, loadMs: Date.now() - t0 };
}

/** Waits until the deck has drawn, typeset and fitted the current slide (deck.js marks it data-fcnn-fitted). */
async function settle(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    const slide = (window as any).Reveal.getCurrentSlide() as HTMLElement;
    const mj = (window as any).MathJax?.Hub;
    return slide.getAttribute('data-fcnn-fitted') === 'true' && (!mj || (mj.queue.pending === 0 && mj.queue.running === 0));
  }, null, { timeout: 30000 });
}

describe('lecture decks (slides/)', () => {
  let browser: Browser;
  before(async () => { browser = await launchBrowser(); });
  after(async () => {
    await browser?.close();
    fs.writeFileSync(artifact('lecture-bench.json'), JSON.stringify(bench, null, 1));
    for (const b of bench) console.log(`# bench ${b.deck}: first slide in ${b.loadMs} ms, tallest slide ${b.tallest} px`);
  });

  it('are built: slides/decks.json lists a deck for every notebook 01–08 with slide markup, and an index', () => {
    const marked = fs.readdirSync(path.join(ROOT, 'notebooks')).filter((f) => /^0[1-8]-.*\.ipynb$/.test(f) && expectedDeck(f).marked);
    assert.ok(marked.length > 0, 'no notebook has slide markup');
    assert.deepEqual(decks.map((d) => d.notebook).sort(), marked.sort(), 'run `npm run slides` to build the decks');
    assert.ok(fs.existsSync(path.join(SLIDES, 'index.html')));
  });

  for (const deck of decks) {
    describe(deck.file, () => {
      const want: DeckExpectation = expectedDeck(deck.notebook);

      it(`opens from disk with no external request and no console error; reveal counts ${want.slides} slides; walking them, every figure renders, nothing overflows 1280×720, animations play`, async () => {
        const { page, external, errors, loadMs } = await openDeck(browser, deck.file);
        try {
          const total = await page.evaluate(() => (window as any).Reveal.getTotalSlides());
          assert.equal(total, want.slides, 'slides counted by reveal vs slide/subslide cells in the notebook');
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
                // drawn: Plotly's SVG with at least one trace group (2-D) or a WebGL canvas (3-D), and a real size
                blank: plots.filter((p) => !(p.querySelector('.main-svg') && (p.querySelector('g.trace') || p.querySelector('.gl-container canvas')) && p.getBoundingClientRect().width > 100)).length,
                text: (s.textContent || '').trim().slice(0, 60),
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
              }, before.data, { timeout: 10000 });
              await page.evaluate(() => document.querySelector('.present [data-test-animated="yes"]')!.removeAttribute('data-test-animated'));
              animated += 1;
            }
          }
          assert.deepEqual(overflow, [], 'slides taller or wider than 1280×720');
          assert.equal(figures, want.figures, 'figures on the slides vs plot outputs of the visible cells');
          assert.equal(animated, want.animated, 'animated figures played');
          assert.deepEqual(external, [], 'requests that tried to leave the machine');
          assert.deepEqual(errors, [], 'console errors');
          bench.push({ deck: deck.file, loadMs, tallest, slides: total, figures, animated });
        } finally {
          await page.close();
        }
      });

      it('has speaker notes in every section (every horizontal slide)', async () => {
        const { page } = await openDeck(browser, deck.file);
        try {
          const sections = await page.evaluate(() =>
            Array.from(document.querySelectorAll('.reveal .slides > section')).map((s) => ({
              title: (s.querySelector('h1, h2, h3')?.textContent ?? s.textContent ?? '').trim().slice(0, 60),
              notes: Array.from(s.querySelectorAll('aside.notes')).map((n) => (n.textContent ?? '').trim()).join(' '),
            })),
          );
          assert.equal(sections.length, want.sections);
          const missing = sections.filter((s) => s.notes.length < 80).map((s) => s.title);
          assert.deepEqual(missing, [], 'sections without speaker notes (at least a few sentences)');
        } finally {
          await page.close();
        }
      });

      it('opens the speaker view offline (press S): current notes, next slide and timer', async () => {
        const { page, external } = await openDeck(browser, deck.file);
        try {
          const popupPromise = page.waitForEvent('popup', { timeout: 10000 });
          await page.keyboard.press('s');
          const speaker = await popupPromise;
          await speaker.waitForSelector('.speaker-controls-notes', { timeout: 10000 });
          await page.keyboard.press('ArrowRight');
          await page.keyboard.press('ArrowRight');
          await speaker.waitForFunction(() => (document.querySelector('.speaker-controls-notes .value')?.textContent ?? '').trim().length > 40, null, { timeout: 10000 });
          const view = await speaker.evaluate(() => ({
            timer: document.querySelector('.speaker-controls-time .clock-value')?.textContent ?? '',
            frames: document.querySelectorAll('iframe').length,
          }));
          assert.match(view.timer, /\d+:\d\d/);
          assert.equal(view.frames, 2, 'current and upcoming slide');
          assert.deepEqual(external, []);
          await speaker.close();
        } finally {
          await page.close();
        }
      });

      it(`has a PDF handout with one page per slide (${want.slides})`, () => {
        const file = path.join(SLIDES, deck.pdf);
        assert.ok(fs.existsSync(file), `${deck.pdf} is missing`);
        assert.equal(pdfPageCount(file), want.slides);
      });
    });
  }
});
