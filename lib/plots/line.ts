/**
 * lineFigure: a family of curves y(x) on one pair of axes.
 *
 * Each series is drawn as a line in the next palette colour (unless it sets its own).
 * Typical use: a neuron's output a = h(w·x + b) for several values of w.
 *
 * Example:
 *   const x = linspace(-5, 5, 101);
 *   lineFigure(
 *     [1, 2, 5].map((w) => ({ x, y: x.map((v) => 1 / (1 + Math.exp(-w * v))), name: `w = ${w}` })),
 *     { title: 'Sigmoid neuron for several w', xLabel: 'x', yLabel: 'a' },
 *   );
 */
import { ArgumentError, ShapeError, checkNumberArray, describe } from '../errors';
import {
  BaseFigureOptions,
  Figure,
  Trace,
  axis,
  finiteExtent,
  logAxis,
  baseLayout,
  cleanArray,
  defaultConfig,
  labelWithUnit,
  paletteColor,
  withUnit,
} from './figure';
import { checkOptionalBoolean, checkOptionalString, checkOptions } from './checks';

/** One curve of a line figure. */
export interface LineSeries {
  x: ArrayLike<number>;
  y: ArrayLike<number>;
  /** Legend name. */
  name?: string;
  /** Plotly dash style: 'solid', 'dot', 'dash', 'longdash', 'dashdot', 'longdashdot' or a px list like '5px,3px'. */
  dash?: string;
  /** Line colour; by default the i-th palette colour. */
  color?: string;
  /** 'lines' (default), 'markers' or 'lines+markers'. */
  mode?: 'lines' | 'markers' | 'lines+markers';
}

export interface LineFigureOptions extends BaseFigureOptions {
  /** Title of the x axis (default 'x'). */
  xLabel?: string;
  /** Title of the y axis (default 'y'). */
  yLabel?: string;
  /** Unit of x, shown in the axis title and the hover text. */
  xUnit?: string;
  /** Unit of y, shown in the axis title and the hover text. */
  yUnit?: string;
  /** Logarithmic y axis (default false): one label per power of ten or 1-2-5 steps, written 10⁻⁵, never "10µ". */
  logY?: boolean;
  /**
   * x counts whole things, such as years (default false): ticks only at whole numbers, printed without a thousands
   * separator ("2013", not "2,012.5").
   */
  xInteger?: boolean;
}

const FN = 'lineFigure';
const DASHES = ['solid', 'dot', 'dash', 'longdash', 'dashdot', 'longdashdot'];
const MODES = ['lines', 'markers', 'lines+markers'];

/** Draws one or more curves y(x). Non-finite y values become gaps. */
export function lineFigure(series: LineSeries | LineSeries[], options?: LineFigureOptions): Figure {
  const opts = checkOptions(FN, options, ['xLabel', 'yLabel', 'xUnit', 'yUnit', 'logY', 'xInteger']);
  const list = Array.isArray(series) ? series : [series];
  if (list.length === 0) throw new ArgumentError(`${FN}: series must contain at least one curve, got an empty array`);
  checkOptionalString(FN, 'options.xLabel', opts.xLabel);
  checkOptionalString(FN, 'options.yLabel', opts.yLabel);
  checkOptionalString(FN, 'options.xUnit', opts.xUnit);
  checkOptionalString(FN, 'options.yUnit', opts.yUnit);
  checkOptionalBoolean(FN, 'options.logY', opts.logY);
  checkOptionalBoolean(FN, 'options.xInteger', opts.xInteger);
  const xLabel = opts.xLabel ?? 'x';
  const yLabel = opts.yLabel ?? 'y';

  const data: Trace[] = list.map((s, i) => {
    if (s === null || typeof s !== 'object') throw new ArgumentError(`${FN}: series[${i}] must be an object {x, y}, got ${describe(s)}`);
    checkNumberArray(FN, `series[${i}].x`, s.x);
    checkNumberArray(FN, `series[${i}].y`, s.y);
    if (s.x.length !== s.y.length) {
      throw new ShapeError(
        `${FN}: series[${i}].y has length ${s.y.length}, expected ${s.x.length} (the length of series[${i}].x)`,
        [s.x.length],
        [s.y.length],
      );
    }
    checkOptionalString(FN, `series[${i}].name`, s.name);
    checkOptionalString(FN, `series[${i}].color`, s.color);
    if (s.dash !== undefined && (typeof s.dash !== 'string' || !(DASHES.includes(s.dash) || /^\d+(px|%)?(,\s*\d+(px|%)?)*$/.test(s.dash)))) {
      throw new ArgumentError(`${FN}: series[${i}].dash must be one of ${DASHES.join(', ')} or a dash list like '5px,3px', got ${describe(s.dash)}`);
    }
    if (s.mode !== undefined && !MODES.includes(s.mode)) {
      throw new ArgumentError(`${FN}: series[${i}].mode must be one of ${MODES.join(', ')}, got ${describe(s.mode)}`);
    }
    const name = s.name ?? `series ${i + 1}`;
    const color = s.color ?? paletteColor(i);
    return {
      type: 'scatter',
      mode: s.mode ?? 'lines',
      name,
      x: cleanArray(s.x),
      y: cleanArray(s.y),
      line: { color, width: 2.5, dash: s.dash ?? 'solid' },
      marker: { color, size: 7 },
      hovertemplate:
        `<b>${name}</b><br>${xLabel} = ${withUnit('%{x:.4g}', opts.xUnit)}<br>` +
        `${yLabel} = ${withUnit('%{y:.4g}', opts.yUnit)}<extra></extra>`,
    };
  });

  return {
    data,
    layout: baseLayout(opts, {
      xaxis: axis(labelWithUnit(xLabel, opts.xUnit), opts.xInteger ? integerTicks(list.flatMap((s) => Array.from(s.x))) : {}),
      yaxis: opts.logY ? logAxis(labelWithUnit(yLabel, opts.yUnit), list.flatMap((s) => Array.from(s.y))) : axis(labelWithUnit(yLabel, opts.yUnit)),
      showlegend: list.length > 1 || list[0].name !== undefined,
    }),
    config: defaultConfig(),
  };
}

/** Whole-number ticks over the x values: a step of 1, 2, 5, 10, 20, … giving at most 10 ticks, format 'd' (no separators). */
function integerTicks(xs: number[]): Record<string, unknown> {
  const ext = finiteExtent(xs) ?? [0, 1];
  const span = ext[1] - ext[0];
  let step = 1;
  for (let e = 0; span / step > 10; e++) {
    step = [1, 2, 5].map((m) => m * 10 ** e).find((st) => span / st <= 10) ?? 10 ** (e + 1);
  }
  return { tickmode: 'linear', tick0: 0, dtick: step, tickformat: 'd' };
}
