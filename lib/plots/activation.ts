/**
 * activationFigure: activation functions h(z) and their derivatives h′(z) on one plot.
 *
 * Each activation gets one palette colour: its curve solid, its derivative dashed in the same colour,
 * grouped in the legend so one click hides both. The argument is structural, so the engine's
 * Activation objects (from getActivation) and hand-written ones both work.
 *
 * Example:
 *   activationFigure([getActivation('sigmoid'), getActivation('tanh')], { title: 'Sigmoid vs tanh' });
 *   activationFigure([{ name: 'square', output: (z) => z * z, derivative: (z) => 2 * z }], { range: [-2, 2] });
 */
import { ArgumentError, checkInteger, describe } from '../errors';
import { checkElements } from '../limits';
import {
  BaseFigureOptions,
  Figure,
  Trace,
  axis,
  baseLayout,
  legendStyle,
  cleanArray,
  defaultConfig,
  linspace,
  paletteColor,
} from './figure';
import { checkCallable, checkInterval, checkOptionalBoolean, checkOptions } from './checks';

/** What activationFigure needs from an activation (the engine's Activation has all of it). */
export interface PlottableActivation {
  name: string;
  /** Display name, e.g. 'Leaky ReLU (α = 0.1)'; defaults to name. */
  label?: string;
  /** False for activations that act on a whole row (softmax): those have no scalar curve. */
  elementwise?: boolean;
  /** h(z) for one pre-activation z. */
  output(z: number): number;
  /** h′(z) = dh/dz for one pre-activation z. */
  derivative(z: number): number;
}

export interface ActivationFigureOptions extends BaseFigureOptions {
  /** The z interval drawn (default [-6, 6]). */
  range?: [number, number];
  /** Number of sample points (default 241, so z steps by 0.05 on [-6, 6]). */
  points?: number;
  /** Also draw each derivative, dashed (default true). */
  derivative?: boolean;
}

const FN = 'activationFigure';

/** Plots h(z) (solid) and h′(z) (dashed, same colour) for each activation over options.range. */
export function activationFigure(
  activations: PlottableActivation | PlottableActivation[],
  options?: ActivationFigureOptions,
): Figure {
  const opts = checkOptions(FN, options, ['range', 'points', 'derivative']);
  const list = Array.isArray(activations) ? activations : [activations];
  if (list.length === 0) throw new ArgumentError(`${FN}: activations must contain at least one activation, got an empty array`);
  const range = opts.range ?? [-6, 6];
  checkInterval(FN, 'options.range', range);
  const points = opts.points ?? 241;
  checkInteger(FN, 'options.points', points, 2);
  checkElements(FN, `${points} points (options.points)`, points * 4);
  checkOptionalBoolean(FN, 'options.derivative', opts.derivative);
  const withDerivative = opts.derivative ?? true;

  const z = linspace(range[0], range[1], points);
  const data: Trace[] = [];
  list.forEach((act, i) => {
    if (act === null || typeof act !== 'object') {
      throw new ArgumentError(`${FN}: activations[${i}] must be an activation object {name, output, derivative}, got ${describe(act)}`);
    }
    if (typeof act.name !== 'string') throw new ArgumentError(`${FN}: activations[${i}].name must be a string, got ${describe(act.name)}`);
    if (act.elementwise === false) {
      throw new ArgumentError(
        `${FN}: activations[${i}] ('${act.name}') is not element-wise (it acts on a whole row, like softmax), so it has no curve h(z); ` +
          `plot its outputs for a few input rows with barFigure instead`,
      );
    }
    checkCallable(FN, `activations[${i}].output`, act.output);
    if (withDerivative) checkCallable(FN, `activations[${i}].derivative`, act.derivative);
    const label = act.label ?? act.name;
    const color = paletteColor(i);
    data.push({
      type: 'scatter',
      mode: 'lines',
      name: label,
      legendgroup: act.name,
      x: z,
      y: cleanArray(z.map((v) => act.output(v))),
      line: { color, width: 3 },
      hovertemplate: `<b>${label}</b><br>z = %{x:.3g}<br>h(z) = %{y:.4g}<extra></extra>`,
    });
    if (withDerivative) {
      data.push({
        type: 'scatter',
        mode: 'lines',
        name: `${label}: derivative`,
        legendgroup: act.name,
        x: z,
        y: cleanArray(z.map((v) => act.derivative(v))),
        line: { color, width: 2.5, dash: 'dash' },
        hovertemplate: `<b>${label}</b> derivative<br>z = %{x:.3g}<br>h′(z) = %{y:.4g}<extra></extra>`,
      });
    }
  });

  const defaultTitle = list.length === 1 ? `${list[0].label ?? list[0].name} activation` : 'Activation functions';
  return {
    data,
    layout: baseLayout(
      { ...opts, title: opts.title ?? defaultTitle },
      {
        xaxis: axis('pre-activation z', { zeroline: true, zerolinecolor: '#9a9a9a', range }),
        yaxis: axis(withDerivative ? 'h(z)  and  h′(z) (dashed)' : 'h(z)', { zeroline: true, zerolinecolor: '#9a9a9a' }),
        legend: legendStyle({ x: 0.02, y: 0.98 }),
      },
    ),
    config: defaultConfig(),
  };
}
