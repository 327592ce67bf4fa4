/**
 * lossHistoryFigure: the loss (or another metric) against the training epoch (训练轮次).
 *
 * Draws the training curve and, if present, the validation curve. Epochs are 1-based: the first
 * value is epoch 1. If history.convergedEpoch is a number, a dotted vertical line at that epoch
 * and the note "converged at epoch N" mark where the loss stopped decreasing.
 *
 * Example:
 *   const history = train(net, { ... , convergence: { patience: 10, minDelta: 1e-4 } });
 *   lossHistoryFigure(history, { title: 'Training the XOR network', logY: true });
 *   lossHistoryFigure(history, { metricName: 'accuracy' });   // history.metrics.accuracy
 */
import { ArgumentError, ShapeError, checkNumberArray, describe } from '../errors';
import {
  BaseFigureOptions,
  Figure,
  NEUTRAL_COLOR,
  Trace,
  axis,
  logAxis,
  baseLayout,
  legendStyle,
  cleanArray,
  defaultConfig,
  paletteColor,
} from './figure';
import { checkOptionalBoolean, checkOptionalString, checkOptions } from './checks';

/** What lossHistoryFigure needs from a training History. */
export interface PlottableHistory {
  loss: ArrayLike<number>;
  valLoss?: ArrayLike<number>;
  /** Other metrics per epoch, e.g. { accuracy: [...] } (used when options.metricName is not 'loss'). */
  metrics?: Record<string, ArrayLike<number>>;
  valMetrics?: Record<string, ArrayLike<number>>;
  /** The 1-based epoch at which training was judged converged, or null. */
  convergedEpoch?: number | null;
}

export interface LossHistoryFigureOptions extends BaseFigureOptions {
  /** Logarithmic y axis (default false): shows the slow tail of the loss. */
  logY?: boolean;
  /**
   * Which quantity to draw (default 'loss'). 'loss' draws history.loss and history.valLoss; any other
   * name draws history.metrics[name] and history.valMetrics[name].
   */
  metricName?: string;
  /** Title of the y axis (default: the metric name, e.g. 'loss'). */
  yLabel?: string;
  /** Legend name of the second curve (default 'validation'), e.g. 'test' when the held-out data is a test set. */
  validationLabel?: string;
}

const FN = 'lossHistoryFigure';

/** Plots training (and validation) curves per epoch, with a convergence marker when known. */
export function lossHistoryFigure(history: PlottableHistory, options?: LossHistoryFigureOptions): Figure {
  const opts = checkOptions(FN, options, ['logY', 'metricName', 'yLabel', 'validationLabel']);
  if (history === null || typeof history !== 'object') {
    throw new ArgumentError(`${FN}: history must be an object {loss, valLoss?, convergedEpoch?}, got ${describe(history)}`);
  }
  checkOptionalBoolean(FN, 'options.logY', opts.logY);
  checkOptionalString(FN, 'options.metricName', opts.metricName);
  checkOptionalString(FN, 'options.yLabel', opts.yLabel);
  checkOptionalString(FN, 'options.validationLabel', opts.validationLabel);
  const valLabel = opts.validationLabel ?? 'validation';
  const metric = opts.metricName ?? 'loss';

  let train: ArrayLike<number>;
  let val: ArrayLike<number> | undefined;
  let trainArg: string;
  let valArg: string;
  if (metric === 'loss') {
    train = history.loss;
    val = history.valLoss;
    trainArg = 'history.loss';
    valArg = 'history.valLoss';
  } else {
    const available = Object.keys(history.metrics ?? {});
    if (!history.metrics || !(metric in history.metrics)) {
      throw new ArgumentError(
        `${FN}: options.metricName is '${metric}' but history.metrics has no such entry; ` +
          `available: ${['loss', ...available].map((n) => `'${n}'`).join(', ')}`,
      );
    }
    train = history.metrics[metric];
    val = history.valMetrics?.[metric];
    trainArg = `history.metrics.${metric}`;
    valArg = `history.valMetrics.${metric}`;
  }
  checkNumberArray(FN, trainArg, train);
  if (train.length === 0) throw new ArgumentError(`${FN}: ${trainArg} is empty: there is nothing to plot`);
  if (val !== undefined) {
    checkNumberArray(FN, valArg, val);
    if (val.length !== train.length) {
      throw new ShapeError(
        `${FN}: ${valArg} has length ${val.length}, expected ${train.length} (one value per epoch, like ${trainArg})`,
        [train.length],
        [val.length],
      );
    }
  }
  const converged = history.convergedEpoch;
  if (converged !== undefined && converged !== null) {
    if (typeof converged !== 'number' || !Number.isInteger(converged) || converged < 1 || converged > train.length) {
      throw new ArgumentError(
        `${FN}: history.convergedEpoch must be null or an integer epoch in [1, ${train.length}], got ${describe(converged)}`,
      );
    }
  }

  const epochs = Array.from({ length: train.length }, (_, i) => i + 1);
  const data: Trace[] = [
    {
      type: 'scatter',
      mode: train.length <= 30 ? 'lines+markers' : 'lines',
      name: `training ${metric}`,
      x: epochs,
      y: cleanArray(train),
      line: { color: paletteColor(0), width: 2.5 },
      marker: { color: paletteColor(0), size: 6 },
      hovertemplate: `epoch %{x}<br>training ${metric} = %{y:.4g}<extra></extra>`,
    },
  ];
  if (val !== undefined) {
    data.push({
      type: 'scatter',
      mode: train.length <= 30 ? 'lines+markers' : 'lines',
      name: `${valLabel} ${metric}`,
      x: epochs,
      y: cleanArray(val),
      line: { color: paletteColor(1), width: 2.5 },
      marker: { color: paletteColor(1), size: 6 },
      hovertemplate: `epoch %{x}<br>${valLabel} ${metric} = %{y:.4g}<extra></extra>`,
    });
  }

  const extra: Record<string, unknown> = {
    xaxis: axis('epoch', train.length === 1 ? { range: [0.5, 1.5] } : { range: [1, train.length] }),
    yaxis: opts.logY ? logAxis(opts.yLabel ?? metric, [...train, ...(val ?? [])]) : axis(opts.yLabel ?? metric),
    legend: legendStyle({ x: 0.98, xanchor: 'right', y: 0.98 }),
    showlegend: true,
  };
  if (typeof converged === 'number') {
    extra.shapes = [
      {
        type: 'line',
        xref: 'x',
        yref: 'paper',
        x0: converged,
        x1: converged,
        y0: 0,
        y1: 1,
        line: { color: NEUTRAL_COLOR, width: 2, dash: 'dot' },
      },
    ];
    extra.annotations = [
      {
        xref: 'x',
        yref: 'paper',
        x: converged,
        y: 1,
        yanchor: 'bottom',
        xanchor: converged > train.length * 0.7 ? 'right' : 'left',
        text: `converged at epoch ${converged}`,
        showarrow: false,
        font: { size: 14, color: '#555555' },
      },
    ];
  }

  return {
    data,
    layout: baseLayout({ ...opts, title: opts.title ?? (metric === 'loss' ? 'Loss per epoch' : `${metric} per epoch`) }, extra),
    config: defaultConfig(),
  };
}
