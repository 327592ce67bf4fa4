/**
 * heatmapFigure: a 2-D array of numbers as coloured cells, e.g. an 8 × 8 handwritten digit or
 * the output of a 2-input neuron over a grid.
 *
 * z[i][j] is the cell in row i and column j. By default row 0 is drawn at the bottom (like a y axis);
 * reverseY: true draws row 0 at the top, as images are stored. Cells are square unless x and y
 * coordinates with different spacing are given.
 *
 * Example:
 *   heatmapFigure(digits.images[0], { title: 'A handwritten 3', colorscale: 'Greys', reverseY: true });
 *   heatmapFigure(outputGrid, { x: xs, y: ys, xLabel: 'x₁', yLabel: 'x₂', title: 'Neuron output', zLabel: 'a' });
 */
import { ArgumentError, ShapeError, checkNumber, checkNumberArray, describe } from '../errors';
import {
  BaseFigureOptions,
  Figure,
  axis,
  baseLayout,
  cleanArray,
  cleanMatrix,
  defaultConfig,
} from './figure';
import { checkColorscale, checkMatrix, checkOptionalBoolean, checkOptionalString, checkOptions } from './checks';

/** A Plotly colourscale: a named one ('Viridis', 'Greys', 'RdBu', …) or a list of [position 0–1, colour]. */
export type Colorscale = string | [number, string][];

export interface HeatmapFigureOptions extends BaseFigureOptions {
  /** Colourscale (default 'Viridis'). */
  colorscale?: Colorscale;
  /** Reverse the colourscale (e.g. 'Greys' reversed draws large values dark on white). */
  reverseScale?: boolean;
  /** Value mapped to the lowest colour (default: the smallest value). */
  zmin?: number;
  /** Value mapped to the highest colour (default: the largest value). */
  zmax?: number;
  /** Show the colour bar (default true). */
  showScale?: boolean;
  /** Draw row 0 at the top, as for images (default false). */
  reverseY?: boolean;
  /** Coordinates of the columns and rows (default 0, 1, 2, …). */
  x?: ArrayLike<number>;
  y?: ArrayLike<number>;
  /** Axis titles (default: none, for images). */
  xLabel?: string;
  yLabel?: string;
  /** Name of the values, shown in hover text and on the colour bar (default 'value'). */
  zLabel?: string;
  /** Keep cells square (default true). */
  equalAspect?: boolean;
}

const FN = 'heatmapFigure';

/** Draws a 2-D array as a heat map. */
export function heatmapFigure(z: ReadonlyArray<ArrayLike<number>>, options?: HeatmapFigureOptions): Figure {
  const opts = checkOptions(FN, options, [
    'colorscale',
    'reverseScale',
    'zmin',
    'zmax',
    'showScale',
    'reverseY',
    'x',
    'y',
    'xLabel',
    'yLabel',
    'zLabel',
    'equalAspect',
  ]);
  const [rows, cols] = checkMatrix(FN, 'z', z);
  if (opts.colorscale !== undefined) checkColorscale(FN, 'options.colorscale', opts.colorscale);
  if (opts.zmin !== undefined) checkNumber(FN, 'options.zmin', opts.zmin);
  if (opts.zmax !== undefined) checkNumber(FN, 'options.zmax', opts.zmax);
  if (opts.zmin !== undefined && opts.zmax !== undefined && !(opts.zmin < opts.zmax)) {
    throw new ArgumentError(`${FN}: options.zmin (${opts.zmin}) must be less than options.zmax (${opts.zmax})`);
  }
  checkOptionalBoolean(FN, 'options.showScale', opts.showScale);
  checkOptionalBoolean(FN, 'options.reverseY', opts.reverseY);
  checkOptionalBoolean(FN, 'options.reverseScale', opts.reverseScale);
  checkOptionalBoolean(FN, 'options.equalAspect', opts.equalAspect);
  checkOptionalString(FN, 'options.xLabel', opts.xLabel);
  checkOptionalString(FN, 'options.yLabel', opts.yLabel);
  checkOptionalString(FN, 'options.zLabel', opts.zLabel);
  if (opts.x !== undefined) checkCoordinates(FN, 'options.x', opts.x, cols, 'columns');
  if (opts.y !== undefined) checkCoordinates(FN, 'options.y', opts.y, rows, 'rows');

  const zLabel = opts.zLabel ?? 'value';
  const xName = opts.xLabel ?? 'column';
  const yName = opts.yLabel ?? 'row';
  const trace: Record<string, unknown> = {
    type: 'heatmap',
    name: zLabel,
    z: cleanMatrix(z),
    colorscale: opts.colorscale ?? 'Viridis',
    reversescale: opts.reverseScale ?? false,
    showscale: opts.showScale ?? true,
    colorbar: { title: { text: zLabel, side: 'right' }, thickness: 16, len: 0.85 },
    hovertemplate: `${xName} %{x}<br>${yName} %{y}<br>${zLabel} = %{z:.4g}<extra></extra>`,
  };
  if (opts.x !== undefined) trace.x = cleanArray(opts.x);
  if (opts.y !== undefined) trace.y = cleanArray(opts.y);
  if (opts.zmin !== undefined) trace.zmin = opts.zmin;
  if (opts.zmax !== undefined) trace.zmax = opts.zmax;

  const equal = opts.equalAspect ?? true;
  const isImage = opts.x === undefined && opts.y === undefined && opts.xLabel === undefined && opts.yLabel === undefined;
  const xaxis = axis(opts.xLabel ?? '', { constrain: 'domain', showgrid: false, ...(isImage ? { showticklabels: false, ticks: '', showline: false } : {}) });
  const yaxis = axis(opts.yLabel ?? '', {
    constrain: 'domain',
    showgrid: false,
    ...(isImage ? { showticklabels: false, ticks: '', showline: false } : {}),
    ...(equal ? { scaleanchor: 'x', scaleratio: 1 } : {}),
    ...(opts.reverseY ? { autorange: 'reversed' } : {}),
  });
  return {
    data: [trace],
    layout: baseLayout({ ...opts, title: opts.title ?? '' }, { xaxis, yaxis }),
    config: defaultConfig(),
  };
}

function checkCoordinates(fn: string, arg: string, value: unknown, length: number, what: string): void {
  checkNumberArray(fn, arg, value);
  if (value.length !== length) {
    throw new ShapeError(`${fn}: ${arg} has length ${value.length}, expected ${length} (one per ${what.slice(0, -1)} of z)`, [length], [value.length]);
  }
}
