/**
 * What a deck must contain, read straight from the SOURCE notebook's slide markup (not from the deck builder), so
 * the deck tests compare the built decks with what the notebook asks for.
 */
import * as fs from 'fs';
import * as path from 'path';
import { ROOT } from '../browser/helpers';

export interface DeckExpectation {
  /** The notebook has slide markup (at least one slide or subslide cell). */
  marked: boolean;
  /** Slides reveal shows: the first visible cell opens one, then every 'slide' and 'subslide' cell. */
  slides: number;
  /** Horizontal slides (sections): the first visible cell, then every 'slide' cell. */
  sections: number;
  /** Plot outputs of the visible code cells, from the executed copy of the notebook. */
  figures: number;
  /** Of those, the ones with a play button. */
  animated: number;
}

type Cell = { cell_type: string; metadata?: { slideshow?: { slide_type?: string } }; outputs?: { data?: Record<string, any> }[] };

export function expectedDeck(notebook: string, zh = false): DeckExpectation {
  const source = JSON.parse(fs.readFileSync(path.join(ROOT, 'notebooks', zh ? 'zh' : '', notebook), 'utf8')) as { cells: Cell[] };
  const executedFile = path.join(ROOT, 'artifacts', 'lecture', zh ? 'executed-zh' : 'executed', notebook);
  const executed = fs.existsSync(executedFile) ? (JSON.parse(fs.readFileSync(executedFile, 'utf8')) as { cells: Cell[] }) : null;
  let slides = 0;
  let sections = 0;
  let figures = 0;
  let animated = 0;
  let first = true;
  let marked = false;
  source.cells.forEach((cell, i) => {
    const t = cell.metadata?.slideshow?.slide_type ?? '-';
    if (t === 'slide' || t === 'subslide') marked = true;
    if (t === 'skip' || t === 'notes') return;
    if (first || t === 'slide') sections += 1;
    if (first || t === 'slide' || t === 'subslide') slides += 1;
    first = false;
    for (const out of executed?.cells[i]?.outputs ?? []) {
      const fig = out.data?.['application/vnd.plotly.v1+json'];
      const rawHtml = out.data?.['text/html'];
      const html: string = Array.isArray(rawHtml) ? rawHtml.join('') : typeof rawHtml === 'string' ? rawHtml : '';
      if (fig) {
        figures += 1;
        if ((fig.layout?.updatemenus ?? []).some((m: any) => (m.buttons ?? []).some((b: any) => b.method === 'animate'))) animated += 1;
      } else if (html.includes('class="fcnn-plot"')) {
        // a large figure is sent as HTML only (lib/plots/show.ts, PLOTLY_JSON_LIMIT)
        figures += 1;
        if (/"method":\s*"animate"/.test(html)) animated += 1;
      }
    }
  });
  return { marked, slides, sections, figures, animated };
}
