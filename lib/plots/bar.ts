/**
 * barFigure: one value per category, e.g. the gradient norm of each layer (to show vanishing
 * gradients) or the time per epoch of two implementations.
 *
 * `values` is one list (one bar per category) or several named lists (grouped bars, one colour per
 * list). Each bar is labelled with its value; logY helps when values span orders of magnitude.
 *
 * Example:
 *   barFigure(['layer 1', 'layer 2', 'layer 3'], [1e-4, 3e-3, 0.2], { title: 'Gradient norm per layer', yLabel: '‖∂L/∂W‖', logY: true });
 *   barFigure(['forward', 'backward'], [{ name: 'loops', values: [12, 30] }, { name: 'matmul', values: [2, 5] }], { unit: 'ms' });
 */
import { ArgumentError, ShapeError, checkNumberArray, describe } from '../errors';
import {
  BaseFigureOptions,
  Figure,
  Trace,
  axis,
  logAxis,
  readableNumber,
  baseLayout,
  cleanArray,
  defaultConfig,
  labelWithUnit,
  legendStyle,
  paletteColor,
  withUnit,
} from './figure';
import { checkOneOf, checkOptionalBoolean, checkOptionalString, checkOptions, checkStringArray } from './checks';

/** One named group of bars (one value per category). */
export interface BarSeries {
  name: string;
  values: ArrayLike<number>;
}

export interface BarFigureOptions extends BaseFigureOptions {
  /** Title of the category axis (default: none). */
  xLabel?: string;
  /** Title of the value axis (default 'value'). */
  yLabel?: string;
  /** Unit of the values, shown on the value axis and in labels, e.g. 'ms'. */
  unit?: string;
  /** Logarithmic value axis (default false). */
  logY?: boolean;
  /** 'v' vertical bars (default) or 'h' horizontal bars (for long category names). */
  orientation?: 'v' | 'h';
  /** Print each bar's value on it (default true). */
  showValues?: boolean;
}

const FN = 'barFigure';

/** Draws bars for one or several series over the same categories. */
export function barFigure(categories: string[], values: ArrayLike<number> | BarSeries[], options?: BarFigureOptions): Figure {
  const opts = checkOptions(FN, options, ['xLabel', 'yLabel', 'unit', 'logY', 'orientation', 'showValues']);
  checkStringArray(FN, 'categories', categories);
  if (categories.length === 0) throw new ArgumentError(`${FN}: categories must not be empty`);
  if (new Set(categories).size !== categories.length) {
    throw new ArgumentError(`${FN}: categories must be distinct (each names one bar), got ${JSON.stringify(categories)}`);
  }
  checkOptionalString(FN, 'options.xLabel', opts.xLabel);
  checkOptionalString(FN, 'options.yLabel', opts.yLabel);
  checkOptionalString(FN, 'options.unit', opts.unit);
  checkOptionalBoolean(FN, 'options.logY', opts.logY);
  checkOptionalBoolean(FN, 'options.showValues', opts.showValues);
  const orientation = opts.orientation ?? 'v';
  checkOneOf(FN, 'options.orientation', orientation, ['v', 'h'] as const);

  const grouped = Array.isArray(values) && values.length > 0 && typeof values[0] === 'object' && values[0] !== null;
  const list: BarSeries[] = grouped ? (values as BarSeries[]) : [{ name: opts.yLabel ?? 'value', values: values as ArrayLike<number> }];
  list.forEach((s, i) => {
    const arg = grouped ? `values[${i}].values` : 'values';
    if (grouped) {
      if (s === null || typeof s !== 'object') throw new ArgumentError(`${FN}: values[${i}] must be {name, values}, got ${describe(s)}`);
      if (typeof s.name !== 'string') throw new ArgumentError(`${FN}: values[${i}].name must be a string, got ${describe(s.name)}`);
    }
    checkNumberArray(FN, arg, s.values);
    if (s.values.length !== categories.length) {
      throw new ShapeError(
        `${FN}: ${arg} has length ${s.values.length}, expected ${categories.length} (one value per category)`,
        [categories.length],
        [s.values.length],
      );
    }
  });

  const valueLabel = labelWithUnit(opts.yLabel ?? 'value', opts.unit);
  const showValues = opts.showValues ?? true;
  const horizontal = orientation === 'h';
  const v = horizontal ? 'x' : 'y';
  const cat = horizontal ? 'y' : 'x';
  const data: Trace[] = list.map((s, i) => ({
    type: 'bar',
    name: s.name,
    orientation,
    [cat]: categories,
    [v]: cleanArray(s.values),
    marker: { color: paletteColor(i), line: { color: 'white', width: 1 } },
    // 2.86×10⁻⁷, not 0.000000286
    ...(showValues ? { text: Array.from(s.values, readableNumber), texttemplate: withUnit('%{text}', opts.unit), textposition: 'outside', cliponaxis: false } : {}),
    hovertemplate: `${list.length > 1 ? `<b>${s.name}</b><br>` : ''}%{${cat}}<br>${withUnit(`%{${v}:.4g}`, opts.unit)}<extra></extra>`,
  }));

  const valueAxis = opts.logY ? logAxis(valueLabel, list.flatMap((s) => Array.from(s.values))) : axis(valueLabel, { rangemode: 'tozero' });
  const categoryAxis = axis(opts.xLabel ?? '', { type: 'category', ...(horizontal ? { autorange: 'reversed' } : {}) });
  return {
    data,
    layout: baseLayout(
      { ...opts, title: opts.title ?? '' },
      {
        barmode: 'group',
        bargap: 0.25,
        xaxis: horizontal ? valueAxis : categoryAxis,
        yaxis: horizontal ? categoryAxis : valueAxis,
        showlegend: list.length > 1,
        legend: legendStyle({ orientation: 'h', x: 1, xanchor: 'right', y: 1.02, yanchor: 'bottom' }),
        uniformtext: { minsize: 10, mode: 'hide' },
      },
    ),
    config: defaultConfig(),
  };
}
