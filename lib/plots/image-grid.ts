/**
 * imageGridFigure: several small images (2-D arrays) side by side in a grid, each with a caption,
 * e.g. a row of handwritten digits, or the test images a network got wrong.
 *
 * Image k goes to row ⌊k / columns⌋, column k mod columns, on its own pair of axes (subplot domains),
 * with row 0 of each image at the top. All images share one colour range (the smallest and largest
 * value over all of them, unless zmin/zmax are given), so equal values look equal everywhere.
 *
 * Example:
 *   imageGridFigure(wrong.map((i) => digits.images[i]), {
 *     titles: wrong.map((i) => `true ${truth[i]}, predicted ${pred[i]}`), columns: 6, title: 'Misclassified digits' });
 */
import { ArgumentError, checkInteger, checkNumber, describe } from '../errors';
import { translate } from '../language';
import {
  BaseFigureOptions,
  Figure,
  Trace,
  baseLayout,
  cleanMatrix,
  defaultConfig,
  finiteExtent,
  hiddenAxis,
  wrapTitle,
} from './figure';
import { checkColorscale, checkMatrix, checkOptionalBoolean, checkOptions, checkStringArray } from './checks';
import { Colorscale } from './heatmap';

export interface ImageGridFigureOptions extends BaseFigureOptions {
  /** One caption per image. */
  titles?: string[];
  /** Images per row (default 5, or fewer if there are fewer images). */
  columns?: number;
  /** Colourscale (default: white to black, so ink is dark). */
  colorscale?: Colorscale;
  /** Shared colour range (default: the range of all images). */
  zmin?: number;
  zmax?: number;
  /** Draw row 0 of each image at the top (default true). */
  reverseY?: boolean;
  /**
   * Thin grid lines every `gridEvery` pixels inside each image (default: none), so that a shift of a few pixels is
   * visible when images are compared side by side. Every image always gets a frame.
   */
  gridEvery?: number;
}

/** Colour of the frame around each image and of its grid lines. */
const FRAME_COLOR = '#9a9a9a';
/** Grid lines inside an image: visible on white and on black ink. */
const GRID_COLOR = 'rgba(128,128,128,0.55)';

const FN = 'imageGridFigure';
const INK: [number, string][] = [
  [0, '#ffffff'],
  [1, '#111111'],
];

/** Draws small images in a grid of subplots. */
export function imageGridFigure(images: ReadonlyArray<ReadonlyArray<ArrayLike<number>>>, options?: ImageGridFigureOptions): Figure {
  const opts = checkOptions(FN, options, ['titles', 'columns', 'colorscale', 'zmin', 'zmax', 'reverseY', 'gridEvery']);
  if (!Array.isArray(images) || images.length === 0) {
    throw new ArgumentError(`${FN}: images must be a non-empty array of 2-D arrays, got ${describe(images)}`);
  }
  const shapes = images.map((img, k) => checkMatrix(FN, `images[${k}]`, img));
  if (opts.titles !== undefined) checkStringArray(FN, 'options.titles', opts.titles, images.length);
  const columnsWanted = opts.columns ?? 5;
  checkInteger(FN, 'options.columns', columnsWanted, 1);
  if (opts.colorscale !== undefined) checkColorscale(FN, 'options.colorscale', opts.colorscale);
  if (opts.zmin !== undefined) checkNumber(FN, 'options.zmin', opts.zmin);
  if (opts.zmax !== undefined) checkNumber(FN, 'options.zmax', opts.zmax);
  checkOptionalBoolean(FN, 'options.reverseY', opts.reverseY);
  if (opts.gridEvery !== undefined) checkInteger(FN, 'options.gridEvery', opts.gridEvery, 1);

  const ext = finiteExtent(images.flatMap((img) => img.flatMap((row: ArrayLike<number>) => Array.from(row)))) ?? [0, 1];
  const zmin = opts.zmin ?? ext[0];
  let zmax = opts.zmax ?? ext[1];
  if (!(zmin < zmax)) zmax = zmin + 1;

  const n = images.length;
  const columns = Math.min(columnsWanted, n);
  const rows = Math.ceil(n / columns);
  const hasTitles = opts.titles !== undefined;
  const gapX = 0.04;
  const cellW = (1 - gapX * (columns - 1)) / columns;
  // captions wider than their image wrap onto more lines (about 7.5 px per character at 13 px; without a width the
  // figure fills a notebook cell of about 900 px), so neighbouring captions never run into each other
  const maxChars = Math.max(8, Math.floor((cellW * ((opts.width ?? 900) - 40)) / 7.5));
  const captions = opts.titles?.map((t) => wrapTitle(translate(t), maxChars));
  const captionLines = captions ? Math.max(...captions.map((c) => c.split('<br>').length)) : 0;
  const gapY = hasTitles ? 0.14 * captionLines : 0.04;
  const rowGap = rows > 1 ? Math.min(gapY, 0.5 / (rows - 1)) : 0;
  const topRoom = hasTitles ? (0.08 * captionLines) / rows : 0;
  const cellH = (1 - rowGap * (rows - 1) - topRoom) / rows;

  const data: Trace[] = [];
  const extra: Record<string, unknown> = {};
  const annotations: Record<string, unknown>[] = [];
  const frames: Record<string, unknown>[] = [];
  images.forEach((img, k) => {
    const r = Math.floor(k / columns);
    const c = k % columns;
    const suffix = k === 0 ? '' : String(k + 1);
    const x0 = c * (cellW + gapX);
    const yTop = 1 - r * (cellH + rowGap) - topRoom;
    const [h, w] = shapes[k];
    data.push({
      type: 'heatmap',
      name: opts.titles?.[k] ?? `image ${k + 1}`,
      z: cleanMatrix(img),
      zmin,
      zmax,
      colorscale: opts.colorscale ?? INK,
      showscale: false,
      xaxis: `x${suffix}`,
      yaxis: `y${suffix}`,
      hovertemplate: `${opts.titles?.[k] ?? `image ${k + 1}`}<br>row %{y}, column %{x}<br>value %{z:.3g}<extra></extra>`,
    });
    extra[`xaxis${suffix}`] = hiddenAxis({ domain: [round(x0), round(x0 + cellW)], anchor: `y${suffix}`, range: [-0.5, w - 0.5], constrain: 'domain' });
    extra[`yaxis${suffix}`] = hiddenAxis({
      domain: [round(yTop - cellH), round(yTop)],
      anchor: `x${suffix}`,
      scaleanchor: `x${suffix}`,
      scaleratio: 1,
      constrain: 'domain',
      range: (opts.reverseY ?? true) ? [h - 0.5, -0.5] : [-0.5, h - 0.5],
    });
    // the frame shows where each image ends; grid lines at the same pixels in every image make a shift visible
    const ref = { xref: `x${suffix}`, yref: `y${suffix}` };
    frames.push({ type: 'rect', ...ref, x0: -0.5, x1: w - 0.5, y0: -0.5, y1: h - 0.5, line: { color: FRAME_COLOR, width: 1.5 }, layer: 'above' });
    const every = opts.gridEvery;
    if (every !== undefined) {
      for (let c2 = every; c2 < w; c2 += every) {
        frames.push({ type: 'line', ...ref, x0: c2 - 0.5, x1: c2 - 0.5, y0: -0.5, y1: h - 0.5, line: { color: GRID_COLOR, width: 1 }, layer: 'above' });
      }
      for (let r2 = every; r2 < h; r2 += every) {
        frames.push({ type: 'line', ...ref, x0: -0.5, x1: w - 0.5, y0: r2 - 0.5, y1: r2 - 0.5, line: { color: GRID_COLOR, width: 1 }, layer: 'above' });
      }
    }
    if (hasTitles) {
      annotations.push({
        text: (captions as string[])[k],
        xref: 'paper',
        yref: 'paper',
        x: round(x0 + cellW / 2),
        y: round(yTop),
        xanchor: 'center',
        yanchor: 'bottom',
        showarrow: false,
        font: { size: 13 },
      });
    }
  });
  if (annotations.length > 0) extra.annotations = annotations;
  extra.shapes = frames;

  const height = opts.height ?? Math.max(220, Math.min(1400, 70 + rows * (hasTitles ? 150 + 20 * captionLines : 140)));
  const layout = baseLayout({ ...opts, title: opts.title ?? '' }, { ...extra, height, showlegend: false });
  // narrow side margins; the top one from baseLayout (it grows with a title that wraps onto two lines)
  const top = (layout.margin as { t: number }).t;
  layout.margin = { l: 20, r: 20, t: opts.title ? top + 6 : 30, b: 20 };
  return {
    data,
    layout,
    config: defaultConfig(),
  };
}

function round(v: number): number {
  return Math.round(v * 1e4) / 1e4;
}
