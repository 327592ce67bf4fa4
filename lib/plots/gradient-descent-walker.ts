/**
 * gradientDescentWalkerFigure: the walker of gradient descent stepping down a loss surface L(a, b), one step per
 * animation frame (play/pause and a step slider), on a contour map seen from above. Built on lossSurfaceFigure:
 * the same surface and colours, with the path drawn as a growing trail and the walker as a large marker. The
 * frames are computed in the notebook and replayed by the browser, so the walk plays without a kernel.
 *
 * Example:
 *   const path = [[-1.5, 2]]; // …then one [w, b] per gradient step
 *   gradientDescentWalkerFigure((w, b) => mse(w, b), path, { aRange: [-2, 3], bRange: [-3, 3], aLabel: 'w', bLabel: 'b' });
 */
import { translate } from '../language';
import { ArgumentError, describe } from '../errors';
import { Figure, Trace, finiteOrNull } from './figure';
import { checkOptions } from './checks';
import { LossSurfaceFigureOptions, lossSurfaceFigure } from './loss-surface';
import { AnimationFrame, namedAs, withAnimation } from './animation';

export interface GradientDescentWalkerOptions extends Omit<LossSurfaceFigureOptions, 'kind' | 'path'> {
  /** Milliseconds per step while playing (default 200). */
  frameDuration?: number;
  /** Show at most this many frames; longer paths are sampled evenly, always keeping the last step (default 60). */
  maxFrames?: number;
}

const FN = 'gradientDescentWalkerFigure';

/** Indices 0 … n−1 thinned to at most `max`, evenly, always with the first and the last. */
export function frameIndices(n: number, max: number): number[] {
  if (n <= max) return Array.from({ length: n }, (_, i) => i);
  const out: number[] = [];
  for (let k = 0; k < max; k++) out.push(Math.round((k * (n - 1)) / (max - 1)));
  return [...new Set(out)];
}

/** Contour map of f with an animated walker following `path` (one [a, b] point per step, the start first). */
export function gradientDescentWalkerFigure(
  f: (a: number, b: number) => number,
  path: ReadonlyArray<readonly [number, number] | ArrayLike<number>>,
  options: GradientDescentWalkerOptions,
): Figure {
  if (options === undefined) throw new ArgumentError(`${FN}: options with aRange and bRange are required, got undefined`);
  const { frameDuration, maxFrames, ...surfaceOptions } = checkOptions(FN, options, [
    'aRange', 'bRange', 'resolution', 'aLabel', 'bLabel', 'zLabel', 'logZ', 'frameDuration', 'maxFrames',
  ]);
  if (!Array.isArray(path) || path.length < 2) {
    throw new ArgumentError(`${FN}: path must hold at least 2 points [a, b] (the start and one step), got ${describe(path)}`);
  }
  const max = maxFrames ?? 60;
  if (!Number.isInteger(max) || max < 2) throw new ArgumentError(`${FN}: options.maxFrames must be an integer ≥ 2, got ${describe(max)}`);
  // lossSurfaceFigure checks every point and draws start, end and the full path; the animation replaces the
  // full path by the trail walked so far and adds the walker.
  const base = namedAs(FN, () =>
    lossSurfaceFigure(f, {
      ...surfaceOptions,
      kind: 'contour',
      path,
      title: surfaceOptions.title ?? 'Gradient descent: the walker goes down the slope',
    }),
  );
  const pts = path.map((p) => [finiteOrNull(p[0]), finiteOrNull(p[1])]);
  const trailIndex = base.data.findIndex((t) => t.name === 'gradient-descent path');
  const aLabel = surfaceOptions.aLabel ?? 'a';
  const bLabel = surfaceOptions.bLabel ?? 'b';
  const walker: Trace = {
    type: 'scatter',
    mode: 'markers',
    name: 'walker',
    x: [pts[0][0]],
    y: [pts[0][1]],
    marker: { color: '#e4002b', size: 22, symbol: 'circle', line: { color: 'white', width: 3 } },
    hovertemplate: `walker<br>${aLabel} = %{x:.4g}<br>${bLabel} = %{y:.4g}<extra></extra>`,
  };
  const data: Trace[] = base.data.map((t, i) => (i === trailIndex ? { ...t, x: [pts[0][0]], y: [pts[0][1]], customdata: [0] } : t));
  data.push(walker);
  const walkerIndex = data.length - 1;
  const z = (k: number): string => {
    const v = f(path[k][0], path[k][1]);
    return Number.isFinite(v) ? v.toPrecision(4) : String(v);
  };
  const frames: AnimationFrame[] = frameIndices(path.length, max).map((k) => ({
    name: `step ${k}`,
    traces: [trailIndex, walkerIndex],
    data: [
      { x: pts.slice(0, k + 1).map((p) => p[0]), y: pts.slice(0, k + 1).map((p) => p[1]), customdata: pts.slice(0, k + 1).map((_, i) => i) },
      { x: [pts[k][0]], y: [pts[k][1]] },
    ],
    layout: { 'title.text': `${(base.layout.title as { text: string }).text} — ${translate(`step ${k}, loss ${z(k)}`)}` },
  }));
  const layout = { ...base.layout, legend: { orientation: 'h', x: 0, y: 1.0, yanchor: 'bottom', font: { size: 14 } } };
  return withAnimation({ ...base, data, layout }, frames, { label: 'step', frameDuration: frameDuration ?? 200, redraw: true });
}
