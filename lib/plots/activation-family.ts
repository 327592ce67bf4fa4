/**
 * activationFamilyFigure: a slider that steps through activation functions, drawing h(z) (solid) and its
 * derivative h′(z) (dashed) on shared axes, with a grey band where |h′(z)| < 0.05 — where the gradient vanishes
 * (梯度消失). All curves are computed in advance; the slider only switches which pair is visible, so it works
 * without a kernel.
 *
 * Example:
 *   activationFamilyFigure(['sigmoid', 'tanh', 'relu', 'leaky-relu'].map((n) => getActivation(n)));
 */
import { translate } from '../language';
import { ArgumentError, checkInteger, describe } from '../errors';
import { BaseFigureOptions, Figure, Trace, axis, baseLayout, cleanArray, defaultConfig, linspace, paletteColor } from './figure';
import { checkCallable, checkInterval, checkOptions } from './checks';
import { checkElements } from '../limits';
import type { PlottableActivation } from './activation';

export interface ActivationFamilyOptions extends BaseFigureOptions {
  /** The z interval drawn (default [−5, 5]). */
  range?: [number, number];
  /** Sample points per curve (default 201). */
  points?: number;
  /** |h′(z)| below this counts as a vanished gradient and is shaded (default 0.05; 0 turns the band off). */
  vanishingBelow?: number;
}

const FN = 'activationFamilyFigure';

/** Where |h′| < threshold, as maximal z intervals. */
function flatIntervals(z: number[], d: number[], threshold: number): [number, number][] {
  const out: [number, number][] = [];
  let start: number | null = null;
  for (let i = 0; i < z.length; i++) {
    const flat = Number.isFinite(d[i]) && Math.abs(d[i]) < threshold;
    if (flat && start === null) start = z[i];
    if (!flat && start !== null) {
      out.push([start, z[i - 1]]);
      start = null;
    }
  }
  if (start !== null) out.push([start, z[z.length - 1]]);
  return out.filter(([a, b]) => b > a);
}

/** One slider step per activation; each step shows h and h′ of that activation. */
export function activationFamilyFigure(activations: PlottableActivation[], options?: ActivationFamilyOptions): Figure {
  const opts = checkOptions(FN, options, ['range', 'points', 'vanishingBelow']);
  if (!Array.isArray(activations) || activations.length === 0) {
    throw new ArgumentError(`${FN}: activations must be a non-empty array of activation objects, got ${describe(activations)}`);
  }
  const range = opts.range ?? [-5, 5];
  checkInterval(FN, 'options.range', range);
  const points = opts.points ?? 201;
  checkInteger(FN, 'options.points', points, 2);
  const threshold = opts.vanishingBelow ?? 0.05;
  if (typeof threshold !== 'number' || !(threshold >= 0)) {
    throw new ArgumentError(`${FN}: options.vanishingBelow must be a number ≥ 0, got ${describe(threshold)}`);
  }
  checkElements(FN, `${activations.length} activations × ${points} points (options.points)`, activations.length * points * 4);
  const z = linspace(range[0], range[1], points);
  const data: Trace[] = [];
  const bands: [number, number][][] = [];
  activations.forEach((act, i) => {
    if (act === null || typeof act !== 'object' || typeof act.name !== 'string') {
      throw new ArgumentError(`${FN}: activations[${i}] must be an activation object {name, output, derivative}, got ${describe(act)}`);
    }
    if (act.elementwise === false) {
      throw new ArgumentError(`${FN}: activations[${i}] ('${act.name}') acts on a whole row (like softmax), so it has no curve h(z)`);
    }
    checkCallable(FN, `activations[${i}].output`, act.output);
    checkCallable(FN, `activations[${i}].derivative`, act.derivative);
    const label = act.label ?? act.name;
    const h = z.map((v) => act.output(v));
    const d = z.map((v) => act.derivative(v));
    bands.push(threshold > 0 ? flatIntervals(z, d, threshold) : []);
    data.push(
      {
        type: 'scatter',
        mode: 'lines',
        name: `${label}: h(z)`,
        x: z,
        y: cleanArray(h),
        line: { color: paletteColor(0), width: 4 },
        visible: i === 0,
        hovertemplate: `${label}<br>z = %{x:.2f}<br>h(z) = %{y:.3f}<extra></extra>`,
      },
      {
        type: 'scatter',
        mode: 'lines',
        name: `${label}: h′(z)`,
        x: z,
        y: cleanArray(d),
        line: { color: paletteColor(1), width: 3, dash: 'dash' },
        visible: i === 0,
        hovertemplate: `${label}<br>z = %{x:.2f}<br>h′(z) = %{y:.3f}<extra></extra>`,
      },
    );
  });
  const shapesFor = (k: number): Record<string, unknown>[] =>
    bands[k].map(([a, b]) => ({
      type: 'rect',
      xref: 'x',
      yref: 'paper',
      x0: a,
      x1: b,
      y0: 0,
      y1: 1,
      fillcolor: 'rgba(120,120,120,0.14)',
      line: { width: 0 },
      layer: 'below',
    }));
  const titleFor = (k: number): string => {
    const a = activations[k];
    const band = bands[k].length > 0 ? ` — shaded: |h′(z)| < ${threshold} (梯度消失)` : '';
    return `${a.label ?? a.name} and its derivative${band}`;
  };
  const n = activations.length;
  const layout = baseLayout(
    { ...opts, title: opts.title ?? titleFor(0) },
    {
      xaxis: axis('pre-activation z', { range, zeroline: true, zerolinecolor: '#bbbbbb' }),
      yaxis: axis('h(z) and h′(z)', { zeroline: true, zerolinecolor: '#bbbbbb' }),
      legend: { orientation: 'h', x: 0, y: 1.0, yanchor: 'bottom', font: { size: 15 } },
      shapes: shapesFor(0),
      height: opts.height ?? 540,
      margin: { l: 70, r: 30, t: 90, b: 130 },
      sliders: [
        {
          active: 0,
          x: 0,
          len: 1,
          y: -0.14,
          yanchor: 'top',
          currentvalue: { prefix: 'activation: ', visible: true, font: { size: 16 } },
          steps: activations.map((a, k) => ({
            label: a.label ?? a.name,
            method: 'update',
            args: [
              { visible: Array.from({ length: 2 * n }, (_, t) => Math.floor(t / 2) === k) },
              { shapes: shapesFor(k), 'title.text': translate(opts.title ?? titleFor(k)) },
            ],
          })),
        },
      ],
    },
  );
  return { data, layout, config: defaultConfig() };
}
