/**
 * Live plots: a loss curve that redraws IN PLACE while training runs.
 *
 * The plot is one notebook output with a display id; every redraw replaces that output (Jupyter's
 * update_display_data), so the notebook shows one growing curve, and the last state stays in the saved notebook
 * and in exported HTML.
 *
 * Throttling (so drawing never slows training by more than 10%): a redraw is allowed only when
 *   time since the end of the previous redraw ≥ max(intervalMs, 9 · cost of the previous redraw),
 * so every redraw after the first is paid for by at least 9× its cost in training time: drawing takes at most
 * cost / (cost + 9·cost) = 10% of the wall-clock time (plus the one first draw), and at most one redraw
 * happens per `intervalMs` (default 250 ms). The first point and the final state (`done()`, or the last epoch
 * when `epochs` is given) are always drawn. The clock is injectable, so the rule is tested deterministically.
 *
 * Example (in a notebook):
 *   const plot = nn.livePlot({ title: 'XOR', epochs: 500 });
 *   const history = nn.train(net, { ..., epochs: 500, onEpochEnd: plot.onEpochEnd });
 *   plot.done(history);   // draws the final state (also shows convergence)
 */
import { ArgumentError, checkInteger, checkNonNegative, describe } from '../errors';
import { Figure } from './figure';
import { PlottableHistory, lossHistoryFigure } from './loss-history';
import { figureBundle, newDisplayId, sendDisplay, DisplaySink } from './show';

/** What a live plot needs from the training loop's onEpochEnd info (lib/train.ts EpochInfo fits). */
export interface LivePlotEpoch {
  /** Epoch number as the trainer counts it (only used for ordering; points are appended). */
  epoch: number;
  /** Training loss of this epoch. */
  loss: number;
  /** Validation loss of this epoch, when there is validation data. */
  valLoss?: number;
  /** Other metrics of this epoch, e.g. { accuracy: 0.93 }. */
  metrics?: Record<string, number>;
  /** Validation metrics of this epoch, if the trainer reports them. */
  valMetrics?: Record<string, number>;
}

/** Options of `livePlot`. */
export interface LivePlotOptions {
  /** Figure title (default 'Loss per epoch'). */
  title?: string;
  /** Logarithmic loss axis. */
  logY?: boolean;
  /** Draw this metric instead of the loss, e.g. 'accuracy' (from info.metrics). */
  metricName?: string;
  /** Total number of epochs: the last one is always drawn, even without done(). */
  epochs?: number;
  /** Minimum milliseconds between redraws (default 250). */
  intervalMs?: number;
  /** Height in pixels (default 360). */
  height?: number;
  /** Width in pixels (default: full width). */
  width?: number;
  /** Builds the figure from the history so far (default: lossHistoryFigure). */
  figure?: (history: PlottableHistory) => Figure;
  /** Milliseconds clock (default performance.now); tests inject a fake one. */
  clock?: () => number;
  /** Where display messages go (default: the kernel, see setDisplaySink); tests inject one. */
  sink?: DisplaySink;
}

const OPTION_KEYS = ['title', 'logY', 'metricName', 'epochs', 'intervalMs', 'height', 'width', 'figure', 'clock', 'sink'];

/** A live-updating training plot; create it with `livePlot()`. */
export class LiveLossPlot {
  /** Display id of the one output this plot keeps replacing. */
  readonly displayId: string;
  /** History collected so far (by push/onEpochEnd) or last given to update(). */
  readonly history: { loss: number[]; valLoss?: number[]; metrics: Record<string, number[]>; valMetrics?: Record<string, number[]>; convergedEpoch?: number | null };
  /** Number of redraws sent so far (the first display counts as one). */
  renders = 0;
  /** Number of redraw requests skipped by the throttle. */
  skipped = 0;
  /** The callback to pass as train(..., { onEpochEnd }). Bound, so it can be passed around. */
  readonly onEpochEnd: (info: LivePlotEpoch) => void;

  private readonly options: LivePlotOptions;
  private readonly clock: () => number;
  /** Clock time when the previous redraw finished, or undefined before the first. */
  private lastRenderEnd: number | undefined;
  /** Duration of the previous redraw in ms. */
  private lastRenderCost = 0;
  /** True once the output exists (later redraws are updates). */
  private displayed = false;
  /** True when the history changed since the last redraw. */
  private dirty = false;

  constructor(options: LivePlotOptions = {}) {
    const fn = 'livePlot';
    if (typeof options !== 'object' || options === null) {
      throw new ArgumentError(`${fn}: argument options must be an object, got ${describe(options)}`);
    }
    for (const key of Object.keys(options)) {
      if (!OPTION_KEYS.includes(key)) {
        throw new ArgumentError(`${fn}: unknown option '${key}'; valid options: ${OPTION_KEYS.join(', ')}`);
      }
    }
    if (options.intervalMs !== undefined) checkNonNegative(fn, 'options.intervalMs', options.intervalMs);
    if (options.epochs !== undefined) checkInteger(fn, 'options.epochs', options.epochs, 1);
    for (const key of ['figure', 'clock', 'sink'] as const) {
      if (options[key] !== undefined && typeof options[key] !== 'function') {
        throw new ArgumentError(`${fn}: options.${key} must be a function, got ${describe(options[key])}`);
      }
    }
    this.options = options;
    this.clock = options.clock ?? (() => performance.now());
    this.displayId = newDisplayId();
    this.history = { loss: [], metrics: {} };
    this.onEpochEnd = (info: LivePlotEpoch) => {
      this.push(info);
    };
  }

  /** Smallest wait (ms) between the end of one redraw and the next: max(intervalMs, 9 · last cost). */
  get minGapMs(): number {
    return Math.max(this.options.intervalMs ?? 250, 9 * this.lastRenderCost);
  }

  /**
   * Appends one epoch and redraws if the throttle allows (always on the first epoch and on epoch `epochs`).
   * Returns true when it redrew.
   */
  push(info: LivePlotEpoch): boolean {
    if (typeof info !== 'object' || info === null || typeof info.loss !== 'number') {
      throw new ArgumentError(`LiveLossPlot.push: argument info must be {epoch, loss, valLoss?, metrics?}, got ${describe(info)}`);
    }
    const h = this.history;
    h.loss.push(info.loss);
    if (info.valLoss !== undefined) (h.valLoss ??= []).push(info.valLoss);
    for (const [name, value] of Object.entries(info.metrics ?? {})) (h.metrics[name] ??= []).push(value);
    for (const [name, value] of Object.entries(info.valMetrics ?? {})) ((h.valMetrics ??= {})[name] ??= []).push(value);
    this.dirty = true;
    const last = this.options.epochs !== undefined && h.loss.length >= this.options.epochs;
    return this.maybeRender(last);
  }

  /**
   * Replaces the history with `history` (e.g. arrays you keep yourself) and redraws if the throttle allows,
   * or always with `force`. Returns true when it redrew.
   */
  update(history: PlottableHistory, options: { force?: boolean } = {}): boolean {
    if (typeof history !== 'object' || history === null || history.loss === undefined) {
      throw new ArgumentError(`LiveLossPlot.update: argument history must be {loss, valLoss?, metrics?}, got ${describe(history)}`);
    }
    const h = this.history;
    h.loss = Array.from(history.loss);
    h.valLoss = history.valLoss !== undefined ? Array.from(history.valLoss) : undefined;
    h.metrics = Object.fromEntries(Object.entries(history.metrics ?? {}).map(([k, v]) => [k, Array.from(v)]));
    h.valMetrics =
      history.valMetrics !== undefined
        ? Object.fromEntries(Object.entries(history.valMetrics).map(([k, v]) => [k, Array.from(v)]))
        : undefined;
    h.convergedEpoch = history.convergedEpoch;
    this.dirty = true;
    return this.maybeRender(options.force === true);
  }

  /** Draws the final state now (pass the History returned by train() to also mark convergence). */
  done(history?: PlottableHistory): void {
    if (history !== undefined) {
      this.update(history, { force: true });
    } else if (this.dirty || !this.displayed) {
      this.render();
    }
  }

  private maybeRender(force: boolean): boolean {
    if (this.history.loss.length === 0) return false;
    const now = this.clock();
    const due = this.lastRenderEnd === undefined || now - this.lastRenderEnd >= this.minGapMs;
    if (!force && !due) {
      this.skipped += 1;
      return false;
    }
    this.render();
    return true;
  }

  private render(): void {
    if (this.history.loss.length === 0) return;
    const start = this.clock();
    const build = this.options.figure ?? ((h: PlottableHistory) =>
      lossHistoryFigure(h, { title: this.options.title, logY: this.options.logY, metricName: this.options.metricName }));
    const figure = build(this.history);
    const bundle = figureBundle(figure, {
      displayId: this.displayId,
      height: this.options.height ?? (typeof figure.layout.height === 'number' ? figure.layout.height : 360),
      width: this.options.width,
    });
    const sink = this.options.sink;
    if (sink !== undefined) sink(bundle, this.displayed);
    else sendDisplay(bundle, this.displayed);
    this.displayed = true;
    this.dirty = false;
    this.renders += 1;
    const end = this.clock();
    this.lastRenderCost = Math.max(0, end - start);
    this.lastRenderEnd = end;
  }
}

/**
 * Creates a live training plot. Pass `plot.onEpochEnd` to train(), then call `plot.done(history)`.
 *
 * Example:
 *   const plot = nn.livePlot({ title: 'Training loss', logY: true, epochs: 300 });
 *   const history = nn.train(net, { x, y, loss: 'mse', optimizer, epochs: 300, batchSize: 4, seed: 1, onEpochEnd: plot.onEpochEnd });
 *   plot.done(history);
 */
export function livePlot(options: LivePlotOptions = {}): LiveLossPlot {
  return new LiveLossPlot(options);
}
