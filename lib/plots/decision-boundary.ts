/**
 * decisionBoundaryFigure: what a 2-input classifier predicts at every point of the plane.
 *
 * A resolution × resolution grid covers the data (plus `padding` on every side); `predict` is
 * called once with all grid points as rows [x₁, x₂]. The background shows
 *   - for one output column (a probability p of class 1): p itself, from the class-0 colour (p = 0)
 *     through white (p = 0.5) to the class-1 colour (p = 1), with the boundary p = 0.5 drawn as a line;
 *     or, with show: 'class', the predicted class p > 0.5;
 *   - for several output columns: the predicted class argmax_k y_k, in pale class colours.
 * The data points are drawn on top, one trace per true class, in the same colours. The axes have
 * equal scale, so the geometry is not distorted.
 *
 * Example:
 *   decisionBoundaryFigure((pts) => net.predict(pts), { x: data.x, labels: data.labels },
 *     { classNames: ['outside', 'inside'], title: 'Circle classifier' });
 */
import { ArgumentError, ShapeError, checkInteger, checkNonNegative, describe } from '../errors';
import { checkElements, plainRowsCost } from '../limits';
import {
  BaseFigureOptions,
  Figure,
  Trace,
  axis,
  baseLayout,
  defaultConfig,
  finiteExtent,
  finiteOrNull,
  lighten,
  linspace,
  paletteColor,
} from './figure';
import { checkCallable, checkMatrix, checkOneOf, checkOptionalString, checkOptions, checkStringArray } from './checks';

/** The labelled 2-D points drawn over the decision regions. */
export interface DecisionBoundaryData {
  /** One row [x₁, x₂] per sample. */
  x: ReadonlyArray<ArrayLike<number>>;
  /** Class index 0, 1, … per sample. */
  labels: ArrayLike<number>;
}

export interface DecisionBoundaryFigureOptions extends BaseFigureOptions {
  /** Grid points per axis (default 70, so predict sees 70² = 4 900 points; smooth at plot size, and a notebook saved
   *  after Run All stays small). */
  resolution?: number;
  /** Margin added around the data on each side, in data units (default 0.5). */
  padding?: number;
  /** Names of the classes, in label order. */
  classNames?: string[];
  /** Background: the probability of class 1 (default for one output column) or the predicted class. */
  show?: 'probability' | 'class';
  /** Axis titles (default 'x₁' and 'x₂'). */
  xLabel?: string;
  yLabel?: string;
}

const FN = 'decisionBoundaryFigure';

/** Draws predicted class regions (or probabilities) over the plane, with the data points on top. */
export function decisionBoundaryFigure(
  predict: (points: number[][]) => ArrayLike<number>[] | ArrayLike<number>,
  data: DecisionBoundaryData,
  options?: DecisionBoundaryFigureOptions,
): Figure {
  const opts = checkOptions(FN, options, ['resolution', 'padding', 'classNames', 'show', 'xLabel', 'yLabel']);
  checkCallable(FN, 'predict', predict);
  if (data === null || typeof data !== 'object') throw new ArgumentError(`${FN}: data must be an object {x, labels}, got ${describe(data)}`);
  const [n, d] = checkMatrix(FN, 'data.x', data.x);
  if (d !== 2) throw new ShapeError(`${FN}: data.x has shape [${n}, ${d}], expected [n, 2] (two input features)`, [null, 2], [n, d]);
  const labels = data.labels;
  if (!labels || typeof labels !== 'object' || typeof labels.length !== 'number') {
    throw new ArgumentError(`${FN}: data.labels must be an array of class indices, got ${describe(labels)}`);
  }
  if (labels.length !== n) {
    throw new ShapeError(`${FN}: data.labels has length ${labels.length}, expected ${n} (one label per row of data.x)`, [n], [labels.length]);
  }
  for (let i = 0; i < n; i++) {
    const l = labels[i];
    if (typeof l !== 'number' || !Number.isInteger(l) || l < 0) {
      throw new ArgumentError(`${FN}: data.labels[${i}] must be a class index (an integer ≥ 0), got ${describe(l)}`);
    }
  }
  const resolution = opts.resolution ?? 70;
  checkInteger(FN, 'options.resolution', resolution, 2);
  checkElements(FN, `a ${resolution}×${resolution} grid (options.resolution)`, plainRowsCost(resolution * resolution, 3));
  const padding = opts.padding ?? 0.5;
  checkNonNegative(FN, 'options.padding', padding);
  if (opts.classNames !== undefined) checkStringArray(FN, 'options.classNames', opts.classNames);
  if (opts.show !== undefined) checkOneOf(FN, 'options.show', opts.show, ['probability', 'class'] as const);
  checkOptionalString(FN, 'options.xLabel', opts.xLabel);
  checkOptionalString(FN, 'options.yLabel', opts.yLabel);

  // The grid: x₁ along columns, x₂ along rows; point (i, j) is grid[j * resolution + i].
  const xExt = finiteExtent(Array.from(data.x, (r) => r[0]));
  const yExt = finiteExtent(Array.from(data.x, (r) => r[1]));
  if (!xExt || !yExt) throw new ArgumentError(`${FN}: data.x has no finite points to draw`);
  const pad = (ext: [number, number]): [number, number] => {
    const p = padding > 0 || ext[1] > ext[0] ? padding : 1; // never a zero-width interval
    return [ext[0] - p, ext[1] + p];
  };
  const [x0, x1] = pad(xExt);
  const [y0, y1] = pad(yExt);
  const gx = linspace(x0, x1, resolution);
  const gy = linspace(y0, y1, resolution);
  const grid: number[][] = [];
  for (let j = 0; j < resolution; j++) for (let i = 0; i < resolution; i++) grid.push([gx[i], gy[j]]);

  const out = predict(grid);
  const probs = readPredictions(out, grid.length);
  const outputs = probs.cols;
  let numClasses = outputs === 1 ? 2 : outputs;
  for (let i = 0; i < n; i++) numClasses = Math.max(numClasses, labels[i] + 1);
  if (opts.classNames && opts.classNames.length < numClasses) {
    throw new ShapeError(
      `${FN}: options.classNames has ${opts.classNames.length} names, expected ${numClasses} (one per class)`,
      [numClasses],
      [opts.classNames.length],
    );
  }
  const names = Array.from({ length: numClasses }, (_, k) => opts.classNames?.[k] ?? `class ${k}`);
  const show = opts.show ?? (outputs === 1 ? 'probability' : 'class');
  if (show === 'probability' && outputs !== 1) {
    throw new ArgumentError(
      `${FN}: options.show 'probability' needs predict to return one column (p of class 1), but it returned ${outputs} columns; use show: 'class'`,
    );
  }

  const xLabel = opts.xLabel ?? 'x₁';
  const yLabel = opts.yLabel ?? 'x₂';
  const traces: Trace[] = [];
  const hoverXY = `${xLabel} = %{x:.3g}<br>${yLabel} = %{y:.3g}`;
  if (show === 'probability') {
    const z: (number | null)[][] = [];
    for (let j = 0; j < resolution; j++) {
      z.push(Array.from({ length: resolution }, (_, i) => finiteOrNull(probs.values[j * resolution + i])));
    }
    const c0 = paletteColor(0);
    const c1 = paletteColor(1);
    traces.push({
      type: 'heatmap',
      name: `P(${names[1]})`,
      x: gx,
      y: gy,
      z,
      zmin: 0,
      zmax: 1,
      colorscale: [
        [0, lighten(c0, 0.25)],
        [0.5, '#ffffff'],
        [1, lighten(c1, 0.25)],
      ],
      opacity: 0.75,
      zsmooth: 'best',
      // horizontal, centred under the (square, centred) plot: on the right it would sit at the figure's edge, far away
      colorbar: {
        title: { text: `P(${names[1]})`, side: 'right' },
        orientation: 'h',
        x: 0.5,
        xanchor: 'center',
        yref: 'container',
        y: 0.01,
        yanchor: 'bottom',
        lenmode: 'pixels',
        len: 320,
        thickness: 14,
        tickformat: '.1f',
      },
      hovertemplate: `${hoverXY}<br>P(${names[1]}) = %{z:.3f}<extra></extra>`,
    });
    traces.push({
      type: 'contour',
      name: 'decision boundary (p = 0.5)',
      x: gx,
      y: gy,
      z,
      contours: { start: 0.5, end: 0.5, size: 1, coloring: 'none', showlabels: false },
      line: { color: '#333333', width: 2.5 },
      showscale: false,
      showlegend: true,
      hoverinfo: 'skip',
    });
  } else {
    const z: number[][] = [];
    const text: string[][] = [];
    for (let j = 0; j < resolution; j++) {
      const zRow: number[] = [];
      const tRow: string[] = [];
      for (let i = 0; i < resolution; i++) {
        const k = probs.predictedClass(j * resolution + i);
        zRow.push(k);
        tRow.push(names[k]);
      }
      z.push(zRow);
      text.push(tRow);
    }
    traces.push({
      type: 'heatmap',
      name: 'predicted class',
      x: gx,
      y: gy,
      z,
      text,
      zmin: -0.5,
      zmax: numClasses - 0.5,
      colorscale: discreteColorscale(numClasses),
      showscale: false,
      hovertemplate: `${hoverXY}<br>predicted: %{text}<extra></extra>`,
    });
  }

  for (let k = 0; k < numClasses; k++) {
    const xs: (number | null)[] = [];
    const ys: (number | null)[] = [];
    for (let i = 0; i < n; i++) {
      if (labels[i] !== k) continue;
      xs.push(finiteOrNull(data.x[i][0]));
      ys.push(finiteOrNull(data.x[i][1]));
    }
    if (xs.length === 0) continue;
    traces.push({
      type: 'scatter',
      mode: 'markers',
      name: names[k],
      x: xs,
      y: ys,
      marker: { color: paletteColor(k), size: n > 500 ? 6 : 9, line: { color: 'white', width: 1.2 }, symbol: MARKER_SYMBOLS[k % MARKER_SYMBOLS.length] },
      hovertemplate: `<b>${names[k]}</b><br>${hoverXY}<extra></extra>`,
    });
  }

  const layout = baseLayout(
    { ...opts, title: opts.title ?? 'Decision boundary' },
    {
      xaxis: axis(xLabel, { range: [x0, x1], constrain: 'domain', showgrid: false, mirror: true }),
      yaxis: axis(yLabel, { range: [y0, y1], scaleanchor: 'x', scaleratio: 1, constrain: 'domain', showgrid: false, mirror: true }),
      legend: { bgcolor: 'rgba(255,255,255,0)', font: { size: 14 }, orientation: 'h', x: 0.5, xanchor: 'center', y: 1.01, yanchor: 'bottom' },
      height: opts.height ?? 600,
    },
  );
  // the probability colour bar lies under the x axis title
  if (traces.some((t) => (t.colorbar as { orientation?: string } | undefined)?.orientation === 'h')) (layout.margin as Record<string, number>).b = 130;
  return {
    data: traces,
    layout,
    config: defaultConfig(),
  };
}

/** Circle, square, diamond, …: classes differ in shape as well as colour (helps colour-blind readers and grey print). */
const MARKER_SYMBOLS = ['circle', 'square', 'diamond', 'triangle-up', 'cross', 'x', 'star', 'hexagon', 'pentagon', 'triangle-down'];

/** A colourscale mapping integer z = k (with zmin −0.5, zmax K − 0.5) to a pale version of palette colour k. */
function discreteColorscale(numClasses: number): [number, string][] {
  const scale: [number, string][] = [];
  for (let k = 0; k < numClasses; k++) {
    const c = lighten(paletteColor(k), 0.6);
    scale.push([k / numClasses, c], [(k + 1) / numClasses, c]);
  }
  return scale;
}

interface Predictions {
  cols: number;
  /** Row-major values, rows × cols. */
  values: Float64Array;
  predictedClass(row: number): number;
}

/** Checks and flattens what predict returned: rows × cols numbers (a flat array counts as one column). */
function readPredictions(out: unknown, rows: number): Predictions {
  const isArrayLike = (v: unknown): v is ArrayLike<unknown> =>
    Array.isArray(v) || (ArrayBuffer.isView(v) && !(v instanceof DataView));
  if (!isArrayLike(out)) {
    throw new ArgumentError(`${FN}: predict must return an array with one row per grid point, got ${describe(out)}`);
  }
  if (out.length !== rows) {
    throw new ShapeError(
      `${FN}: predict returned ${out.length} rows for ${rows} grid points, expected one row per point`,
      [rows, null],
      [out.length],
    );
  }
  const flat = typeof out[0] === 'number';
  const cols = flat ? 1 : isArrayLike(out[0]) ? out[0].length : 0;
  if (cols < 1) throw new ArgumentError(`${FN}: predict must return rows of numbers, got ${describe(out[0])} as row 0`);
  const values = new Float64Array(rows * cols);
  for (let r = 0; r < rows; r++) {
    const row = out[r];
    if (flat) {
      if (typeof row !== 'number') throw new ArgumentError(`${FN}: predict returned ${describe(row)} at index ${r}, expected a number`);
      values[r] = row;
      continue;
    }
    if (!isArrayLike(row) || row.length !== cols) {
      throw new ShapeError(`${FN}: predict returned row ${r} of length ${isArrayLike(row) ? row.length : describe(row)}, expected ${cols}`, [rows, cols], [rows]);
    }
    for (let c = 0; c < cols; c++) {
      const v = row[c];
      if (typeof v !== 'number') throw new ArgumentError(`${FN}: predict returned ${describe(v)} at [${r}][${c}], expected a number`);
      values[r * cols + c] = v;
    }
  }
  return {
    cols,
    values,
    predictedClass(row: number): number {
      if (cols === 1) return values[row] > 0.5 ? 1 : 0;
      let best = 0;
      for (let c = 1; c < cols; c++) if (values[row * cols + c] > values[row * cols + best]) best = c;
      return best;
    },
  };
}
