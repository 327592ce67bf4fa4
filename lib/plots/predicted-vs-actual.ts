/**
 * predictedVsActualFigure: how close a regression model's predictions are to the true values.
 *
 * mode 'scatter' (default): one point (actual, predicted) per sample and the diagonal y = x;
 *   a perfect model puts every point on the diagonal. Both axes use the same scale.
 * mode 'series': actual and predicted as two lines over x (time, by default the sample number 1, 2, …),
 *   e.g. tomorrow's temperature predicted day by day.
 *
 * Example:
 *   predictedVsActualFigure(net.predict(xTest).map((r) => r[0]), yTest, { units: '°C', title: 'Temperature model' });
 *   predictedVsActualFigure(pred, actual, { mode: 'series', x: dates, units: '°C' });
 */
import { ArgumentError, ShapeError, checkNumberArray, describe } from '../errors';
import {
  BaseFigureOptions,
  Figure,
  NEUTRAL_COLOR,
  axis,
  baseLayout,
  legendStyle,
  cleanArray,
  defaultConfig,
  finiteExtent,
  labelWithUnit,
  paletteColor,
  withUnit,
} from './figure';
import { checkOneOf, checkOptionalString, checkOptions } from './checks';

export interface PredictedVsActualFigureOptions extends BaseFigureOptions {
  /** Unit of the target, e.g. '°C' (shown on axes and in hover text). */
  units?: string;
  /** 'scatter' (default) or 'series'. */
  mode?: 'scatter' | 'series';
  /** For 'series': the x value (number, or string such as a date) of each sample; default 1, 2, …. */
  x?: ReadonlyArray<number | string>;
  /** For 'series': title of the x axis (default 'sample'). */
  xLabel?: string;
  /** Name of the predicted quantity (default 'value'). */
  quantity?: string;
}

const FN = 'predictedVsActualFigure';

/** Compares predictions with true values, as a scatter around y = x or as two series. */
export function predictedVsActualFigure(
  predicted: ArrayLike<number>,
  actual: ArrayLike<number>,
  options?: PredictedVsActualFigureOptions,
): Figure {
  const opts = checkOptions(FN, options, ['units', 'mode', 'x', 'xLabel', 'quantity']);
  checkNumberArray(FN, 'predicted', predicted);
  checkNumberArray(FN, 'actual', actual);
  if (predicted.length !== actual.length) {
    throw new ShapeError(
      `${FN}: predicted has length ${predicted.length} but actual has length ${actual.length}; they must match (one prediction per sample)`,
      [actual.length],
      [predicted.length],
    );
  }
  if (predicted.length === 0) throw new ArgumentError(`${FN}: predicted and actual are empty: there is nothing to plot`);
  const mode = opts.mode ?? 'scatter';
  checkOneOf(FN, 'options.mode', mode, ['scatter', 'series'] as const);
  checkOptionalString(FN, 'options.units', opts.units);
  checkOptionalString(FN, 'options.xLabel', opts.xLabel);
  checkOptionalString(FN, 'options.quantity', opts.quantity);
  const quantity = opts.quantity ?? 'value';
  const units = opts.units;
  const pred = cleanArray(predicted);
  const act = cleanArray(actual);

  if (mode === 'series') {
    let xs: (number | string | null)[];
    if (opts.x === undefined) {
      xs = Array.from({ length: act.length }, (_, i) => i + 1);
    } else {
      if (!Array.isArray(opts.x)) throw new ArgumentError(`${FN}: options.x must be an array of numbers or strings, got ${describe(opts.x)}`);
      if (opts.x.length !== act.length) {
        throw new ShapeError(`${FN}: options.x has length ${opts.x.length}, expected ${act.length} (one x per sample)`, [act.length], [opts.x.length]);
      }
      xs = opts.x.map((v, i) => {
        if (typeof v === 'string') return v;
        if (typeof v === 'number') return Number.isFinite(v) ? v : null;
        throw new ArgumentError(`${FN}: options.x[${i}] must be a number or a string, got ${describe(v)}`);
      });
    }
    const xLabel = opts.xLabel ?? 'sample';
    const many = act.length > 60;
    return {
      data: [
        {
          type: 'scatter',
          mode: many ? 'lines' : 'lines+markers',
          name: 'actual',
          x: xs,
          y: act,
          line: { color: paletteColor(0), width: 2.5 },
          marker: { color: paletteColor(0), size: 6 },
          hovertemplate: `${xLabel} %{x}<br>actual ${quantity} = ${withUnit('%{y:.4g}', units)}<extra></extra>`,
        },
        {
          type: 'scatter',
          mode: many ? 'lines' : 'lines+markers',
          name: 'predicted',
          x: xs,
          y: pred,
          line: { color: paletteColor(1), width: 2.5, dash: 'dash' },
          marker: { color: paletteColor(1), size: 6 },
          hovertemplate: `${xLabel} %{x}<br>predicted ${quantity} = ${withUnit('%{y:.4g}', units)}<extra></extra>`,
        },
      ],
      layout: baseLayout(
        { ...opts, title: opts.title ?? 'Predicted and actual values' },
        {
          xaxis: axis(xLabel),
          yaxis: axis(labelWithUnit(quantity, units)),
          hovermode: 'x unified',
          legend: legendStyle({ orientation: 'h', x: 1, xanchor: 'right', y: 1.02, yanchor: 'bottom' }),
        },
      ),
      config: defaultConfig(),
    };
  }

  const ext = finiteExtent([...(act.filter((v) => v !== null) as number[]), ...(pred.filter((v) => v !== null) as number[])]);
  let lo = ext ? ext[0] : 0;
  let hi = ext ? ext[1] : 1;
  if (lo === hi) {
    lo -= 1;
    hi += 1;
  }
  const margin = (hi - lo) * 0.05;
  const range = [lo - margin, hi + margin];
  return {
    data: [
      {
        type: 'scatter',
        mode: 'lines',
        name: 'perfect prediction (y = x)',
        x: range,
        y: range,
        line: { color: NEUTRAL_COLOR, width: 2, dash: 'dash' },
        hoverinfo: 'skip',
      },
      {
        type: 'scatter',
        mode: 'markers',
        name: 'samples',
        x: act,
        y: pred,
        marker: { color: paletteColor(0), size: act.length > 500 ? 5 : 8, opacity: 0.75, line: { color: 'white', width: 0.8 } },
        hovertemplate: `actual = ${withUnit('%{x:.4g}', units)}<br>predicted = ${withUnit('%{y:.4g}', units)}<extra></extra>`,
      },
    ],
    layout: baseLayout(
      { ...opts, title: opts.title ?? 'Predicted vs actual' },
      {
        xaxis: axis(labelWithUnit(`actual ${quantity}`, units), { range, constrain: 'domain' }),
        yaxis: axis(labelWithUnit(`predicted ${quantity}`, units), { range, scaleanchor: 'x', scaleratio: 1, constrain: 'domain' }),
        legend: legendStyle({ x: 0.02, y: 0.98 }),
      },
    ),
    config: defaultConfig(),
  };
}
