/**
 * learningRateComparisonFigure: several learning rates racing down the same one-parameter loss L(w), animated
 * step by step. Left: the loss curve with one walker per learning rate and its trail. Right: each run's loss
 * against the step (log scale), growing as the animation plays. Shows too small (crawls), good, too large
 * (oscillates across the valley) and diverging (leaves the plot, the loss grows — 梯度爆炸 is the network cousin).
 *
 * Example:
 *   const L = (w) => (w - 2) ** 2;
 *   const walk = (lr) => { const p = [-1]; for (let k = 0; k < 30; k++) p.push(p[k] - lr * 2 * (p[k] - 2)); return p; };
 *   learningRateComparisonFigure(L, [0.02, 0.3, 0.9, 1.05].map((lr) => ({ label: `η = ${lr}`, path: walk(lr) })), { wRange: [-3, 7] });
 */
import { ArgumentError, checkInteger, describe } from '../errors';
import { BaseFigureOptions, Figure, Trace, axis, baseLayout, cleanArray, defaultConfig, finiteOrNull, linspace, paletteColor } from './figure';
import { checkCallable, checkInterval, checkOptions } from './checks';
import { AnimationFrame, withAnimation } from './animation';
import { frameIndices } from './gradient-descent-walker';

/** One run of gradient descent: its name (e.g. 'η = 0.1') and the parameter after each step, the start first. */
export interface LearningRateRun {
  label: string;
  path: ArrayLike<number>;
}

export interface LearningRateComparisonOptions extends BaseFigureOptions {
  /** The w interval of the loss curve (left panel). */
  wRange: [number, number];
  /** Name of the parameter (default 'w'). */
  wLabel?: string;
  /** Milliseconds per step while playing (default 300). */
  frameDuration?: number;
  /** At most this many frames (default 60). */
  maxFrames?: number;
}

const FN = 'learningRateComparisonFigure';

/** Animated comparison of gradient-descent runs with different learning rates on one loss L(w). */
export function learningRateComparisonFigure(
  loss: (w: number) => number,
  runs: LearningRateRun[],
  options: LearningRateComparisonOptions,
): Figure {
  checkCallable(FN, 'loss', loss);
  if (options === undefined) throw new ArgumentError(`${FN}: options with wRange are required, got undefined`);
  const opts = checkOptions(FN, options, ['wRange', 'wLabel', 'frameDuration', 'maxFrames', 'title', 'width', 'height']);
  checkInterval(FN, 'options.wRange', opts.wRange);
  const max = opts.maxFrames ?? 60;
  checkInteger(FN, 'options.maxFrames', max, 2);
  if (!Array.isArray(runs) || runs.length === 0) throw new ArgumentError(`${FN}: runs must be a non-empty array of { label, path }, got ${describe(runs)}`);
  let steps = -1;
  runs.forEach((r, i) => {
    if (r === null || typeof r !== 'object' || typeof r.label !== 'string' || !r.path || typeof r.path.length !== 'number' || r.path.length < 2) {
      throw new ArgumentError(`${FN}: runs[${i}] must be { label: string, path: at least 2 numbers }, got ${describe(r)}`);
    }
    if (steps >= 0 && r.path.length !== steps) {
      throw new ArgumentError(`${FN}: runs[${i}].path has ${r.path.length} points, expected ${steps} like runs[0] (every run takes the same steps)`);
    }
    steps = r.path.length;
  });
  const wLabel = opts.wLabel ?? 'w';
  const [w0, w1] = opts.wRange;
  const grid = linspace(w0, w1, 201);
  const curve = grid.map((w) => loss(w));
  const lossOf = (r: LearningRateRun): (number | null)[] => cleanArray(Array.from(r.path, (w) => loss(w)));
  const curveMax = Math.max(...curve.filter(Number.isFinite));
  const curveMin = Math.min(...curve.filter(Number.isFinite));
  // A walker that left the plotted interval stays drawn at its edge (clamped), hollow, so the room sees it leave.
  const clampW = (w: number): number => Math.min(w1, Math.max(w0, w));
  const data: Trace[] = [
    { type: 'scatter', mode: 'lines', name: `loss L(${wLabel})`, x: grid, y: cleanArray(curve), line: { color: '#555555', width: 3 }, xaxis: 'x', yaxis: 'y', hoverinfo: 'skip' },
  ];
  const at = (r: LearningRateRun, k: number) => {
    const w = r.path[k];
    const out = !(w >= w0 && w <= w1);
    return { x: clampW(Number.isFinite(w) ? w : w1), y: Math.min(curveMax, finiteOrNull(loss(clampW(Number.isFinite(w) ? w : w1))) ?? curveMax), out };
  };
  runs.forEach((r, i) => {
    const p = at(r, 0);
    data.push({
      type: 'scatter', mode: 'markers', name: r.label, legendgroup: r.label, x: [p.x], y: [p.y], xaxis: 'x', yaxis: 'y',
      marker: { color: paletteColor(i), size: 18, line: { color: 'white', width: 2 }, symbol: 'circle' },
      hovertemplate: `${r.label}<br>${wLabel} = %{x:.3g}<extra></extra>`,
    });
  });
  runs.forEach((r, i) => {
    const y = lossOf(r);
    data.push({
      type: 'scatter', mode: 'lines+markers', name: `${r.label} loss`, legendgroup: r.label, showlegend: false,
      x: [0], y: [y[0]], xaxis: 'x2', yaxis: 'y2',
      line: { color: paletteColor(i), width: 3 }, marker: { size: 5 },
      hovertemplate: `${r.label}<br>step %{x}<br>loss %{y:.3g}<extra></extra>`,
    });
  });
  const n = runs.length;
  const allLoss = runs.flatMap((r) => lossOf(r)).filter((v): v is number => v !== null && v > 0);
  const lo = Math.log10(Math.max(Math.min(...allLoss), 1e-8));
  const hi = Math.log10(Math.min(Math.max(...allLoss), 1e12));
  const frames: AnimationFrame[] = frameIndices(steps, max).map((k) => ({
    name: `step ${k}`,
    traces: Array.from({ length: 2 * n }, (_, t) => t + 1),
    data: [
      ...runs.map((r) => {
        const p = at(r, k);
        return { x: [p.x], y: [p.y], 'marker.symbol': p.out ? 'circle-open' : 'circle' };
      }),
      ...runs.map((r) => ({ x: Array.from({ length: k + 1 }, (_, s) => s), y: lossOf(r).slice(0, k + 1) })),
    ],
  }));
  const layout = baseLayout(
    { ...opts, title: opts.title ?? 'Learning rates compared: same loss, same start' },
    {
      xaxis: axis(wLabel, { domain: [0, 0.46], range: [w0, w1] }),
      yaxis: axis(`L(${wLabel})`, { range: [curveMin - 0.05 * (curveMax - curveMin), curveMax * 1.05] }),
      xaxis2: axis('step', { domain: [0.58, 1], anchor: 'y2', range: [0, steps - 1] }),
      yaxis2: axis('loss (log scale)', { anchor: 'x2', type: 'log', range: [lo - 0.2, hi + 0.2] }),
      legend: { orientation: 'h', x: 0, y: 1.0, yanchor: 'bottom', font: { size: 15 } },
      height: opts.height ?? 520,
      margin: { l: 70, r: 30, t: 100, b: 60 },
    },
  );
  return withAnimation({ data, layout, config: defaultConfig() }, frames, { label: 'step', frameDuration: opts.frameDuration ?? 300, redraw: false });
}
