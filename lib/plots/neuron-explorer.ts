/**
 * neuronExplorerFigure: one neuron with one input, a = h(w·x + b), with a slider for w and a slider for b.
 *
 * Every (w, b) pair on the two grids is computed in advance (one curve trace each). The w slider sets which
 * curves are `visible`, the b slider sets which have `opacity` 1: only the curve of the current (w, b) pair is
 * both, so the two sliders combine without a kernel. A dotted line marks where w·x + b = 0 (x = −b/w), the
 * point the bias moves. Start values: the w and b nearest 1 and 0.
 *
 * Example:
 *   neuronExplorerFigure(getActivation('sigmoid'), { wValues: [-2, -1, 0.5, 1, 2, 4], bValues: [-4, -2, 0, 2, 4] });
 */
import { ArgumentError, checkInteger, describe } from '../errors';
import { BaseFigureOptions, Figure, Trace, axis, baseLayout, cleanArray, defaultConfig, linspace, paletteColor } from './figure';
import { checkCallable, checkInterval, checkOptions } from './checks';
import { checkElements } from '../limits';

export interface NeuronExplorerOptions extends BaseFigureOptions {
  /** Weights on the w slider (default −3 … 3 in steps of 0.5). */
  wValues?: number[];
  /** Biases on the b slider (default −4 … 4 in steps of 1). */
  bValues?: number[];
  /** The x interval drawn (default [−6, 6]). */
  range?: [number, number];
  /** Sample points per curve (default 121). */
  points?: number;
}

const FN = 'neuronExplorerFigure';

function numberGrid(name: string, values: unknown, fallback: number[]): number[] {
  if (values === undefined) return fallback;
  if (!Array.isArray(values) || values.length === 0 || values.some((v) => typeof v !== 'number' || !Number.isFinite(v))) {
    throw new ArgumentError(`${FN}: options.${name} must be a non-empty array of finite numbers, got ${describe(values)}`);
  }
  return values as number[];
}

function nearest(values: number[], target: number): number {
  let best = 0;
  for (let i = 1; i < values.length; i++) if (Math.abs(values[i] - target) < Math.abs(values[best] - target)) best = i;
  return best;
}

/** Draws a = h(w·x + b) over x with sliders for w and b; `activation` needs `output(z)` and a name. */
export function neuronExplorerFigure(
  activation: { name: string; label?: string; output(z: number): number },
  options?: NeuronExplorerOptions,
): Figure {
  const opts = checkOptions(FN, options, ['wValues', 'bValues', 'range', 'points']);
  if (activation === null || typeof activation !== 'object' || typeof activation.name !== 'string') {
    throw new ArgumentError(`${FN}: activation must be an activation object {name, output}, got ${describe(activation)}`);
  }
  checkCallable(FN, 'activation.output', activation.output);
  const ws = numberGrid('wValues', opts.wValues, linspace(-3, 3, 13));
  const bs = numberGrid('bValues', opts.bValues, linspace(-4, 4, 9));
  const range = opts.range ?? [-6, 6];
  checkInterval(FN, 'options.range', range);
  const points = opts.points ?? 121;
  checkInteger(FN, 'options.points', points, 2);

  checkElements(FN, `${ws.length} weights × ${bs.length} biases × ${points} points`, ws.length * bs.length * (points + 8));
  const xs = linspace(range[0], range[1], points);
  const w0 = nearest(ws, 1);
  const b0 = nearest(bs, 0);
  const name = activation.label ?? activation.name;
  const curves: Trace[] = [];
  ws.forEach((w, i) =>
    bs.forEach((b, j) => {
      curves.push({
        type: 'scatter',
        mode: 'lines',
        name: `a = ${name}(${w}·x + ${b})`,
        x: xs,
        y: cleanArray(xs.map((x) => activation.output(w * x + b))),
        line: { color: paletteColor(0), width: 4 },
        visible: i === w0,
        opacity: j === b0 ? 1 : 0,
        showlegend: false,
        hovertemplate: `w = ${w}, b = ${b}<br>x = %{x:.2f}<br>a = %{y:.3f}<extra></extra>`,
      });
    }),
  );
  // x where w·x + b = 0, per pair (none when w = 0): drawn as one marker trace per pair like the curves.
  const ys = curves.flatMap((c) => (c.y as (number | null)[]).filter((v): v is number => v !== null));
  const yLo = Math.min(...ys);
  const yHi = Math.max(...ys);
  const pad = 0.08 * (yHi - yLo || 1);
  const yRange: [number, number] = [yLo - pad, yHi + pad];
  const zeroMarks: Trace[] = [];
  ws.forEach((w, i) =>
    bs.forEach((b, j) => {
      const x0 = w === 0 ? null : -b / w;
      const inside = x0 !== null && x0 >= range[0] && x0 <= range[1];
      zeroMarks.push({
        type: 'scatter',
        mode: 'lines',
        name: 'w·x + b = 0',
        x: inside ? [x0, x0] : [],
        y: inside ? yRange : [],
        line: { color: paletteColor(1), width: 2, dash: 'dot' },
        visible: i === w0,
        opacity: j === b0 ? 1 : 0,
        showlegend: false,
        hoverinfo: 'skip',
      });
    }),
  );
  const n = curves.length;
  const all = Array.from({ length: 2 * n }, (_, k) => k);
  const pairIndex = (k: number): [number, number] => [Math.floor((k % n) / bs.length), (k % n) % bs.length];
  const slider = (label: string, values: number[], active: number, y: number, set: (k: number, step: number) => unknown, prop: string) => ({
    active,
    x: 0.08,
    len: 0.92,
    y,
    yanchor: 'top',
    pad: { t: 10 },
    currentvalue: { prefix: `${label} = `, visible: true, xanchor: 'left', offset: 6, font: { size: 16 } },
    steps: values.map((v, step) => ({ label: String(v), method: 'restyle', args: [{ [prop]: all.map((k) => set(k, step)) }, all] })),
  });
  const layout = baseLayout(
    { ...opts, title: opts.title ?? `One neuron: a = ${name}(w·x + b)` },
    {
      xaxis: axis('input x', { range, zeroline: true, zerolinecolor: '#bbbbbb' }),
      yaxis: axis(`output a = ${name}(w·x + b)`, { range: yRange, zeroline: true, zerolinecolor: '#bbbbbb' }),
      height: opts.height ?? 560,
      margin: { l: 70, r: 30, t: 64, b: 190 },
      sliders: [
        slider('w', ws, w0, -0.16, (k, step) => pairIndex(k)[0] === step, 'visible'),
        slider('b', bs, b0, -0.42, (k, step) => (pairIndex(k)[1] === step ? 1 : 0), 'opacity'),
      ],
    },
  );
  return { data: [...curves, ...zeroMarks], layout, config: defaultConfig() };
}
