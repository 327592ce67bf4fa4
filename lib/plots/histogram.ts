/**
 * histogramFigure: how values are distributed, e.g. a layer's weights before and after training,
 * or the activations of a saturated sigmoid layer.
 *
 * All series share the same bins, computed here (not by Plotly) from the finite values:
 * `bins` equal-width bins spanning [min, max]. Several series are overlaid, half transparent.
 * Non-finite values are left out (the hover of the first trace says how many).
 * Default bins: ⌈√n⌉ clamped to [5, 50], n = number of finite values of all series.
 *
 * Example:
 *   histogramFigure(net.parameters()[0].weights.flat(), { title: 'First-layer weights', xLabel: 'w' });
 *   histogramFigure([{ values: before, name: 'before' }, { values: after, name: 'after' }], { bins: 30 });
 */
import { ArgumentError, checkInteger, checkNumberArray, describe } from '../errors';
import { checkElements } from '../limits';
import {
  BaseFigureOptions,
  Figure,
  Trace,
  axis,
  baseLayout,
  defaultConfig,
  finiteExtent,
  legendStyle,
  paletteColor,
} from './figure';
import { checkOptionalBoolean, checkOptionalString, checkOptions } from './checks';

/** One distribution of a histogram figure. */
export interface HistogramSeries {
  values: ArrayLike<number>;
  name?: string;
}

export interface HistogramFigureOptions extends BaseFigureOptions {
  /** Title of the x axis (default 'value'). */
  xLabel?: string;
  /** Number of equal-width bins shared by all series. */
  bins?: number;
  /** Show the share of each series' values per bin instead of counts (default false). */
  normalize?: boolean;
}

const FN = 'histogramFigure';

/** Draws one histogram per series, all on the same bins. */
export function histogramFigure(series: ArrayLike<number> | HistogramSeries[], options?: HistogramFigureOptions): Figure {
  const opts = checkOptions(FN, options, ['xLabel', 'bins', 'normalize']);
  checkOptionalString(FN, 'options.xLabel', opts.xLabel);
  checkOptionalBoolean(FN, 'options.normalize', opts.normalize);
  let list: HistogramSeries[];
  if (Array.isArray(series) && series.length > 0 && typeof series[0] === 'object' && series[0] !== null) {
    list = series as HistogramSeries[];
    list.forEach((s, i) => {
      if (s === null || typeof s !== 'object') throw new ArgumentError(`${FN}: series[${i}] must be {values, name?}, got ${describe(s)}`);
      checkNumberArray(FN, `series[${i}].values`, s.values);
      checkOptionalString(FN, `series[${i}].name`, s.name);
    });
  } else {
    checkNumberArray(FN, 'series', series);
    list = [{ values: series as ArrayLike<number> }];
  }

  const finite = list.map((s) => Array.from(s.values).filter((v) => Number.isFinite(v)));
  const total = finite.reduce((acc, v) => acc + v.length, 0);
  if (total === 0) throw new ArgumentError(`${FN}: there are no finite values to count`);
  const bins = opts.bins ?? Math.min(50, Math.max(5, Math.ceil(Math.sqrt(total))));
  checkInteger(FN, 'options.bins', bins, 1);
  checkElements(FN, `${bins} bins (options.bins)`, bins * 4);
  const ext = finiteExtent(finite.flat()) as [number, number];
  let [lo, hi] = ext;
  if (lo === hi) {
    lo -= 0.5;
    hi += 0.5;
  }
  // A size a hair above (hi − lo)/bins keeps the largest value inside the last bin.
  const size = ((hi - lo) / bins) * (1 + 1e-9);
  const xLabel = opts.xLabel ?? 'value';
  const normalize = opts.normalize ?? false;

  const data: Trace[] = list.map((s, i) => {
    const name = s.name ?? (list.length === 1 ? 'values' : `series ${i + 1}`);
    const dropped = s.values.length - finite[i].length;
    return {
      type: 'histogram',
      name,
      x: finite[i],
      xbins: { start: lo, end: lo + bins * size, size },
      autobinx: false,
      histnorm: normalize ? 'probability' : '',
      marker: { color: paletteColor(i), line: { color: 'white', width: 1 } },
      opacity: list.length > 1 ? 0.6 : 0.9,
      hovertemplate:
        `<b>${name}</b><br>${xLabel} in %{x}<br>${normalize ? 'share = %{y:.1%}' : 'count = %{y}'}` +
        (dropped > 0 ? `<br>(${dropped} non-finite values left out)` : '') +
        '<extra></extra>',
    };
  });

  return {
    data,
    layout: baseLayout(
      { ...opts, title: opts.title ?? 'Histogram' },
      {
        barmode: 'overlay',
        bargap: 0.02,
        xaxis: axis(xLabel),
        yaxis: axis(normalize ? 'share of values' : 'count', normalize ? { tickformat: '.0%' } : {}),
        showlegend: list.length > 1,
        legend: legendStyle({ x: 0.98, xanchor: 'right', y: 0.98 }),
      },
    ),
    config: defaultConfig(),
  };
}
