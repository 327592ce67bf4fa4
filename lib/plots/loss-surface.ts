/**
 * lossSurfaceFigure: a loss L(a, b) of two parameters as a contour map and/or a 3-D surface,
 * optionally with the path gradient descent took across it.
 *
 * The surface is sampled on a resolution × resolution grid: z[j][i] = f(a_i, b_j). With logZ the
 * plotted height is log₁₀ L (non-positive values become gaps), which shows the flat valley floor.
 * The path's start is a white circle and its end a star; in 3-D the path lies on the surface
 * (z = f(a, b) at each step, lifted by PATH_LIFT = 1 % of the z range so the surface cannot hide it). kind 'both' puts the surface (left) and the contour map (right) side by side.
 *
 * Example:
 *   const loss = (w, b) => mse(w, b);               // any function of two numbers
 *   lossSurfaceFigure(loss, { aRange: [-2, 4], bRange: [-3, 3], kind: 'both',
 *     path: steps.map((s) => [s.w, s.b]), aLabel: 'w', bLabel: 'b', title: 'Gradient descent on the MSE' });
 */
import { ArgumentError, checkInteger, describe } from '../errors';
import { checkElements, plainRowsCost } from '../limits';
import {
  BaseFigureOptions,
  Figure,
  Trace,
  axis,
  baseLayout,
  legendStyle,
  defaultConfig,
  finiteExtent,
  finiteOrNull,
  linspace,
} from './figure';
import { checkCallable, checkInterval, checkOneOf, checkOptionalBoolean, checkOptionalString, checkOptions } from './checks';

export type LossSurfaceKind = 'contour' | 'surface' | 'both';

export interface LossSurfaceFigureOptions extends BaseFigureOptions {
  /** Interval of the first parameter, drawn along x. */
  aRange: [number, number];
  /** Interval of the second parameter, drawn along y. */
  bRange: [number, number];
  /** Grid points per axis (default 60). */
  resolution?: number;
  /** 'contour' (default), 'surface' (3-D) or 'both' side by side. */
  kind?: LossSurfaceKind;
  /** Successive parameter values [a, b], e.g. the steps of gradient descent. */
  path?: ReadonlyArray<readonly [number, number] | ArrayLike<number>>;
  /** Names of the two parameters (default 'a' and 'b'). */
  aLabel?: string;
  bLabel?: string;
  /** Name of the plotted quantity (default 'loss'). */
  zLabel?: string;
  /** Plot log₁₀ of the loss (default false). */
  logZ?: boolean;
}

const FN = 'lossSurfaceFigure';
const PATH_COLOR = '#e4002b';
const COLORSCALE = 'Viridis';
/** In 3-D the path is drawn this fraction of the z range above the surface, so it stays visible. */
export const PATH_LIFT = 0.01;

/** Draws f(a, b) as a contour map, a 3-D surface, or both, with an optional descent path. */
export function lossSurfaceFigure(f: (a: number, b: number) => number, options: LossSurfaceFigureOptions): Figure {
  checkCallable(FN, 'f', f);
  if (options === undefined) throw new ArgumentError(`${FN}: options with aRange and bRange are required, got undefined`);
  const opts = checkOptions(FN, options, ['aRange', 'bRange', 'resolution', 'kind', 'path', 'aLabel', 'bLabel', 'zLabel', 'logZ']);
  checkInterval(FN, 'options.aRange', opts.aRange);
  checkInterval(FN, 'options.bRange', opts.bRange);
  const resolution = opts.resolution ?? 60;
  checkInteger(FN, 'options.resolution', resolution, 2);
  checkElements(FN, `a ${resolution}×${resolution} grid (options.resolution)`, plainRowsCost(resolution * resolution, 3));
  const kind = opts.kind ?? 'contour';
  checkOneOf(FN, 'options.kind', kind, ['contour', 'surface', 'both'] as const);
  checkOptionalString(FN, 'options.aLabel', opts.aLabel);
  checkOptionalString(FN, 'options.bLabel', opts.bLabel);
  checkOptionalString(FN, 'options.zLabel', opts.zLabel);
  checkOptionalBoolean(FN, 'options.logZ', opts.logZ);
  const path = opts.path === undefined ? undefined : checkPath(opts.path);

  const aLabel = opts.aLabel ?? 'a';
  const bLabel = opts.bLabel ?? 'b';
  const baseZ = opts.zLabel ?? 'loss';
  const zLabel = opts.logZ ? `log₁₀ ${baseZ}` : baseZ;
  const height = (v: number): number | null => finiteOrNull(opts.logZ ? (v > 0 ? Math.log10(v) : NaN) : v);

  const av = linspace(opts.aRange[0], opts.aRange[1], resolution);
  const bv = linspace(opts.bRange[0], opts.bRange[1], resolution);
  const z = bv.map((b) => av.map((a) => height(f(a, b))));
  const ext = finiteExtent(z.flat().filter((v): v is number => v !== null));
  if (!ext) throw new ArgumentError(`${FN}: f returned no finite ${opts.logZ ? 'positive ' : ''}value on the grid, so there is nothing to draw`);

  const hover = `${aLabel} = %{x:.3g}<br>${bLabel} = %{y:.3g}<br>${zLabel} = %{z:.4g}<extra></extra>`;
  const showContour = kind !== 'surface';
  const showSurface = kind !== 'contour';
  const data: Trace[] = [];

  if (showSurface) {
    data.push({
      type: 'surface',
      name: zLabel,
      x: av,
      y: bv,
      z,
      cmin: ext[0],
      cmax: ext[1],
      colorscale: COLORSCALE,
      showscale: !showContour,
      colorbar: { title: { text: zLabel, side: 'right' }, thickness: 16, len: 0.7, exponentformat: 'power' },
      contours: { z: { show: true, usecolormap: true, project: { z: false }, width: 1 } },
      opacity: 0.95,
      scene: 'scene',
      hovertemplate: hover,
    });
  }
  if (showContour) {
    data.push({
      type: 'contour',
      name: zLabel,
      x: av,
      y: bv,
      z,
      zmin: ext[0],
      zmax: ext[1],
      colorscale: COLORSCALE,
      ncontours: 24,
      contours: { coloring: 'fill', showlines: true },
      line: { color: 'rgba(255,255,255,0.35)', width: 0.8 },
      // next to the contour map (not at the figure's right edge)
      colorbar: { title: { text: zLabel, side: 'right' }, thickness: 16, len: 0.8, exponentformat: 'power', ...(kind === 'both' ? { x: 0.94, xanchor: 'left' } : {}) },
      xaxis: 'x',
      yaxis: 'y',
      hovertemplate: hover,
    });
  }

  if (path) {
    const pa = path.map((p) => finiteOrNull(p[0]));
    const pb = path.map((p) => finiteOrNull(p[1]));
    const last = path.length - 1;
    const stepHover = `step %{customdata}<br>${aLabel} = %{x:.4g}<br>${bLabel} = %{y:.4g}`;
    const steps = path.map((_, i) => i);
    if (showSurface) {
      // Lifted by 1 % of the height range so that the surface does not hide the path where it lies flat.
      const lift = PATH_LIFT * (ext[1] - ext[0]);
      const pz = path.map((p) => {
        const h = height(f(p[0], p[1]));
        return h === null ? null : h + lift;
      });
      data.push(
        {
          type: 'scatter3d',
          mode: 'lines+markers',
          name: 'gradient-descent path',
          legendgroup: 'path',
          showlegend: !showContour,
          x: pa,
          y: pb,
          z: pz,
          customdata: steps,
          line: { color: PATH_COLOR, width: 6 },
          marker: { color: PATH_COLOR, size: 3 },
          scene: 'scene',
          hovertemplate: `${stepHover}<br>${zLabel} = %{z:.4g}<extra></extra>`,
        },
        {
          type: 'scatter3d',
          mode: 'markers',
          name: 'start',
          legendgroup: 'start',
          showlegend: !showContour,
          x: [pa[0]],
          y: [pb[0]],
          z: [pz[0]],
          marker: { color: 'white', size: 7, symbol: 'circle', line: { color: '#111111', width: 2 } },
          scene: 'scene',
          hovertemplate: `start<br>${aLabel} = %{x:.4g}<br>${bLabel} = %{y:.4g}<br>${zLabel} = %{z:.4g}<extra></extra>`,
        },
        {
          type: 'scatter3d',
          mode: 'markers',
          name: 'end',
          legendgroup: 'end',
          showlegend: !showContour,
          x: [pa[last]],
          y: [pb[last]],
          z: [pz[last]],
          marker: { color: '#ffd60a', size: 7, symbol: 'diamond', line: { color: '#111111', width: 2 } },
          scene: 'scene',
          hovertemplate: `end (step ${last})<br>${aLabel} = %{x:.4g}<br>${bLabel} = %{y:.4g}<br>${zLabel} = %{z:.4g}<extra></extra>`,
        },
      );
    }
    if (showContour) {
      data.push(
        {
          type: 'scatter',
          mode: 'lines+markers',
          name: 'gradient-descent path',
          legendgroup: 'path',
          x: pa,
          y: pb,
          customdata: steps,
          line: { color: PATH_COLOR, width: 3 },
          marker: { color: PATH_COLOR, size: 5, line: { color: 'white', width: 0.8 } },
          xaxis: 'x',
          yaxis: 'y',
          hovertemplate: `${stepHover}<extra></extra>`,
        },
        {
          type: 'scatter',
          mode: 'markers',
          name: 'start',
          legendgroup: 'start',
          x: [pa[0]],
          y: [pb[0]],
          marker: { color: 'white', size: 14, symbol: 'circle', line: { color: '#111111', width: 2.5 } },
          xaxis: 'x',
          yaxis: 'y',
          hovertemplate: `start<br>${aLabel} = %{x:.4g}<br>${bLabel} = %{y:.4g}<extra></extra>`,
        },
        {
          type: 'scatter',
          mode: 'markers',
          name: 'end',
          legendgroup: 'end',
          x: [pa[last]],
          y: [pb[last]],
          marker: { color: '#ffd60a', size: 20, symbol: 'star', line: { color: '#111111', width: 1.5 } },
          xaxis: 'x',
          yaxis: 'y',
          hovertemplate: `end (step ${last})<br>${aLabel} = %{x:.4g}<br>${bLabel} = %{y:.4g}<extra></extra>`,
        },
      );
    }
  }

  const extra: Record<string, unknown> = {
    // at the bottom of the figure, below the axis title (not on it)
    legend: legendStyle({ orientation: 'h', x: 0, xanchor: 'left', yref: 'container', y: 0.01, yanchor: 'bottom' }),
    showlegend: path !== undefined,
  };
  if (showSurface) {
    extra.scene = {
      domain: kind === 'both' ? { x: [0, 0.5], y: [0, 1] } : { x: [0, 1], y: [0, 1] },
      // few ticks, powers of ten as 10⁻³: the labels of a tilted axis must not run into each other
      xaxis: { title: { text: aLabel }, range: opts.aRange, nticks: 6, exponentformat: 'power' },
      yaxis: { title: { text: bLabel }, range: opts.bRange, nticks: 6, exponentformat: 'power' },
      // the lowest z tick lifted off the corner where the a-axis labels start
      zaxis: { title: { text: zLabel }, nticks: 5, exponentformat: 'power', tickfont: { size: 12 }, range: [ext[0] - 0.15 * (ext[1] - ext[0] || 1), ext[1] + 0.02 * (ext[1] - ext[0] || 1)] },
      aspectmode: 'manual',
      aspectratio: { x: 1, y: 1, z: 0.75 },
      // close enough that the surface fills its box
      // (alone, the scene is wide and short: a lower eye keeps the axis labels of the floor inside it)
      camera: { eye: kind === 'both' ? { x: 1.15, y: -1.15, z: 0.8 } : { x: 1.25, y: -1.25, z: 0.7 } },
    };
  }
  if (showContour) {
    extra.xaxis = axis(aLabel, { range: opts.aRange, domain: kind === 'both' ? [0.56, 0.92] : [0, 1], anchor: 'y', mirror: true, showgrid: false });
    extra.yaxis = axis(bLabel, { range: opts.bRange, anchor: 'x', mirror: true, showgrid: false });
  }
  const layout = baseLayout({ ...opts, title: opts.title ?? `${baseZ} surface` }, extra);
  const margin = layout.margin as Record<string, number>;
  if (showSurface) {
    if (opts.height === undefined) layout.height = 620;
    margin.l = 10;   // a 3-D scene has no axis labels in the margins: give its width to the surface
    if (kind === 'surface') margin.r = 10;
  }
  if (path !== undefined) margin.b = showContour ? 110 : 50;   // room for the legend below the axis title
  return { data, layout, config: defaultConfig() };
}

function checkPath(path: unknown): [number, number][] {
  if (!Array.isArray(path) || path.length === 0) {
    throw new ArgumentError(`${FN}: options.path must be a non-empty array of points [a, b], got ${describe(path)}`);
  }
  return path.map((p: unknown, i: number) => {
    const ok =
      (Array.isArray(p) || ArrayBuffer.isView(p)) &&
      (p as ArrayLike<unknown>).length === 2 &&
      typeof (p as ArrayLike<unknown>)[0] === 'number' &&
      typeof (p as ArrayLike<unknown>)[1] === 'number' &&
      Number.isFinite((p as ArrayLike<number>)[0]) &&
      Number.isFinite((p as ArrayLike<number>)[1]);
    if (!ok) throw new ArgumentError(`${FN}: options.path[${i}] must be a point [a, b] of two finite numbers, got ${describe(p)}`);
    return [(p as ArrayLike<number>)[0], (p as ArrayLike<number>)[1]];
  });
}
