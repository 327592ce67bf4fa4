/**
 * The training loop: for every epoch (训练轮次), shuffle the samples with the seeded generator, cut them into
 * mini-batches, and for each batch run forward → loss → backward → optimiser step.
 *
 *   const history = train(net, { x, y, loss: 'mse', optimizer: sgd({ learningRate: 0.1 }), epochs: 200, batchSize: 32, seed: 1 });
 *   history.loss            // one mean training loss per epoch
 *   history.convergedEpoch  // where the loss flattened (or null)
 *
 * Checked once at the start (not inside the loop): option names (a misspelt `batchsize` is an error, not ignored),
 * `learningRate` only together with an optimizer NAME (an optimizer object has its own), every value of x and y
 * finite (a NaN names its row and column), targets the loss can use (binary cross-entropy: in [0, 1]; softmax
 * cross-entropy: probability rows).
 * During training the loop refuses a loss that stops being finite, and checks after every epoch that the
 * parameters are finite (so the last step is checked too): it throws a TrainingError naming the epoch and batch
 * and suggesting a smaller learning rate. A run that ends with huge weights and a loss that no longer moves
 * (diverged into saturation) gets a warning in `history.warnings` (and on the console unless `warnings: false`).
 */
import { ConvergenceDetector, type ConvergenceOptions } from './convergence';
import { ArgumentError, ShapeError, checkFiniteData, checkInteger, checkOptionNames, describe, formatShape } from './errors';
import type { Loss } from './losses/types';
import { METRICS } from './metrics';
import { Matrix, toMatrix } from './matrix';
import { BatchBuffers, type Network } from './network';
import { getOptimizer } from './optimizers/registry';
import type { Optimizer } from './optimizers/types';
import { toRandom, type Random } from './random';

type Data = Matrix | number[][] | number[];

/** Thrown when the loss becomes NaN or ±Infinity during training. */
export class TrainingError extends Error {
  constructor(message: string, readonly epoch: number, readonly batch: number, readonly loss: number) {
    super(message);
    this.name = 'TrainingError';
  }
}

export interface EpochInfo {
  /** 1-based epoch number. */
  epoch: number;
  /** Mean training loss over the epoch's batches. */
  loss: number;
  /** Validation loss at the end of the epoch, if validation data was given. */
  valLoss?: number;
  /** Training metrics at the end of the epoch. */
  metrics: Record<string, number>;
  /** Validation metrics at the end of the epoch. */
  valMetrics?: Record<string, number>;
  /** The history so far (for live plots). */
  history: History;
}

export interface BatchInfo {
  epoch: number;
  /** 1-based batch number within the epoch. */
  batch: number;
  /** Loss of this batch (before the update). */
  loss: number;
  /** Number of samples in this batch. */
  size: number;
}

export interface TrainOptions {
  /** Inputs, one sample per row. */
  x: Data;
  /** Targets, one row per sample (one-hot rows for softmax cross-entropy). */
  y: Data;
  /** Loss name or object (default 'mse'). */
  loss?: string | Loss;
  /** Optimiser object or name (default 'sgd'). */
  optimizer?: Optimizer | string;
  /** Learning rate when `optimizer` is given by name (default 0.01). */
  learningRate?: number;
  /** Number of passes over the data (an integer ≥ 1). */
  epochs: number;
  /** Samples per mini-batch (default 32; use the data size for full-batch gradient descent, 1 for pure SGD). */
  batchSize?: number;
  /** Seed (or generator) for shuffling (default 42). */
  seed?: number | Random;
  /** Shuffle before each epoch (default true). */
  shuffle?: boolean;
  /** Data to evaluate on after each epoch. */
  validation?: { x: Data; y: Data };
  /** Metric names computed after each epoch: 'accuracy', 'mae', 'rmse', 'r2'. */
  metrics?: string[];
  /** Convergence detection (on the training loss, or validation loss if `monitor` is 'valLoss'); false to disable. */
  convergence?: ConvergenceOptions | false;
  /** Which loss the convergence detector watches (default 'loss'). */
  monitor?: 'loss' | 'valLoss';
  /** Stop training as soon as convergence is detected (default false). */
  stopOnConvergence?: boolean;
  /** Called after every batch. */
  onBatchEnd?: (info: BatchInfo) => void;
  /** Called after every epoch. Return false to stop training. */
  onEpochEnd?: (info: EpochInfo) => void | boolean;
  /** Print warnings (e.g. divergence into saturation) with console.warn (default true); they are always in history.warnings. */
  warnings?: boolean;
}

/** The option names train() accepts; any other name is an error (a misspelt option would be silently ignored). */
export const TRAIN_OPTIONS: readonly string[] = Object.freeze([
  'x', 'y', 'loss', 'optimizer', 'learningRate', 'epochs', 'batchSize', 'seed', 'shuffle', 'validation', 'metrics',
  'convergence', 'monitor', 'stopOnConvergence', 'onBatchEnd', 'onEpochEnd', 'warnings',
]);

/** Largest |parameter| above which a run whose loss has stopped moving is reported as diverged into saturation. */
export const SATURATION_WEIGHT = 1e3;

export interface History {
  /** Mean training loss per epoch (index 0 = epoch 1). */
  loss: number[];
  /** Validation loss per epoch. */
  valLoss?: number[];
  /** Training metrics per epoch. */
  metrics: Record<string, number[]>;
  /** Validation metrics per epoch. */
  valMetrics?: Record<string, number[]>;
  /** The epoch where the loss flattened (收敛), or null. */
  convergedEpoch: number | null;
  /** Epochs actually run. */
  epochs: number;
  /** True when training stopped before `epochs` (convergence or a callback). */
  stoppedEarly: boolean;
  /** Wall-clock seconds spent training. */
  seconds: number;
  /** Problems noticed during training that did not stop it (e.g. divergence into saturation); empty if none. */
  warnings: string[];
}

function checkData(net: Network, x: Data, y: Data, what: string): [Matrix, Matrix] {
  const X = toMatrix(x, `${what}.x`, 'train');
  const Y = toMatrix(y, `${what}.y`, 'train');
  if (X.rows === 0) throw new ArgumentError(`train: ${what}.x is empty (0 samples)`);
  if (X.rows !== Y.rows) {
    throw new ShapeError(`train: ${what}.x has ${X.rows} samples but ${what}.y has ${Y.rows}; they must match`, [X.rows], [Y.rows]);
  }
  if (X.cols !== net.inputSize) {
    throw new ShapeError(
      `train: ${what}.x has shape ${formatShape(X.shape)}, expected ${formatShape([X.rows, net.inputSize])} (the network has ${net.inputSize} inputs)`,
      [X.rows, net.inputSize],
      X.shape,
    );
  }
  if (Y.cols !== net.outputSize) {
    throw new ShapeError(
      `train: ${what}.y has shape ${formatShape(Y.shape)}, expected ${formatShape([Y.rows, net.outputSize])} (the network has ${net.outputSize} outputs)` +
        (Y.cols === 1 && net.outputSize > 1 ? '; encode class labels with oneHot(labels)' : ''),
      [Y.rows, net.outputSize],
      Y.shape,
    );
  }
  // Once per call, at the boundary: a NaN here would otherwise surface epochs later as "loss became NaN".
  checkFiniteData('train', `${what}.x`, X.data, X.cols, ' (clean or drop that row before training)');
  checkFiniteData('train', `${what}.y`, Y.data, Y.cols, ' (clean or drop that row before training)');
  return [X, Y];
}

/** The largest |value| over all parameters, and where it is (NaN counts as largest). */
function largestParameter(net: Network): { value: number; name: string; index: number } {
  let best = { value: 0, name: '', index: -1 };
  for (const p of net.parameterList()) {
    const w = p.value;
    for (let i = 0; i < w.length; i++) {
      const a = Math.abs(w[i]);
      if (!(a <= best.value)) {
        best = { value: a, name: p.name, index: i };
        if (Number.isNaN(a)) return best;
      }
    }
  }
  return best;
}

function computeMetrics(names: string[], net: Network, X: Matrix, Y: Matrix): Record<string, number> {
  const out: Record<string, number> = {};
  if (names.length === 0) return out;
  const P = net.forward(X);
  for (const name of names) out[name] = METRICS[name](P, Y);
  return out;
}

/** Trains `net` in place and returns the history of losses and metrics. */
export function train(net: Network, options: TrainOptions): History {
  if (typeof options !== 'object' || options === null) throw new ArgumentError(`train: expected an options object, got ${describe(options)}`);
  checkOptionNames('train', 'options', options, TRAIN_OPTIONS);
  if (options.optimizer !== undefined && typeof options.optimizer === 'object' && options.learningRate !== undefined) {
    throw new ArgumentError(
      `train: learningRate ${describe(options.learningRate)} was given together with an optimizer object, which has its own learning rate ` +
        `(${describe((options.optimizer as Optimizer).learningRate)}); set it there, e.g. optimizer: adam({ learningRate: ${describe(options.learningRate)} }), or pass the optimizer by name`,
    );
  }
  const loss = net.resolveLoss(options.loss ?? 'mse');
  checkInteger('train', 'epochs', options.epochs);
  const batchSizeOption = options.batchSize ?? 32;
  checkInteger('train', 'batchSize', batchSizeOption);
  const optimizer = getOptimizer(options.optimizer ?? 'sgd', { learningRate: options.learningRate ?? 0.01 });
  const [X, Y] = checkData(net, options.x, options.y, 'data');
  loss.checkTargets?.('train', Y, 'data.y');
  if (options.validation !== undefined) checkOptionNames('train', 'validation', options.validation, ['x', 'y']);
  const validation = options.validation ? checkData(net, options.validation.x, options.validation.y, 'validation') : null;
  if (validation) loss.checkTargets?.('train', validation[1], 'validation.y');
  const metricNames = options.metrics ?? [];
  if (!Array.isArray(metricNames)) throw new ArgumentError(`train: metrics must be an array of names (${Object.keys(METRICS).join(', ')}), got ${describe(metricNames)}`);
  for (const m of metricNames) {
    if (!Object.prototype.hasOwnProperty.call(METRICS, m)) {
      throw new ArgumentError(`train: unknown metric ${describe(m)}; valid names are: ${Object.keys(METRICS).join(', ')}`);
    }
  }
  if (options.monitor === 'valLoss' && !validation) throw new ArgumentError("train: monitor 'valLoss' needs validation data");
  const rng = toRandom(options.seed, 42, 'train');
  const shuffle = options.shuffle ?? true;
  const n = X.rows;
  const batchSize = Math.min(batchSizeOption, n);
  const detector = options.convergence === false ? null : new ConvergenceDetector(options.convergence ?? {});
  const params = net.parameterList();

  const history: History = {
    loss: [],
    ...(validation ? { valLoss: [] as number[], valMetrics: Object.fromEntries(metricNames.map((m) => [m, [] as number[]])) } : {}),
    metrics: Object.fromEntries(metricNames.map((m) => [m, [] as number[]])),
    convergedEpoch: null,
    epochs: 0,
    stoppedEarly: false,
    seconds: 0,
    warnings: [],
  };
  const start = performance.now();
  let order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  const batches = Math.ceil(n / batchSize);
  // Every batch has batchSize samples except perhaps the last. For each of the (at most two) sizes, the batch's
  // rows and all the matrices of its forward and backward pass live in buffers made once and reused, and
  // net.gradientStep skips the argument checks that checkData did above for the whole data set.
  const lastSize = n - (batches - 1) * batchSize;
  const full = { x: new Matrix(batchSize, X.cols), y: new Matrix(batchSize, Y.cols), buffers: new BatchBuffers(net, batchSize) };
  const last = lastSize === batchSize ? full
    : { x: new Matrix(lastSize, X.cols), y: new Matrix(lastSize, Y.cols), buffers: new BatchBuffers(net, lastSize) };

  for (let epoch = 1; epoch <= options.epochs; epoch++) {
    if (shuffle) order = rng.permutation(n);
    let sum = 0;
    for (let b = 0; b < batches; b++) {
      const from = b * batchSize, to = Math.min(n, from + batchSize);
      const idx = order.subarray(from, to);
      const size = to - from;
      const batch = size === batchSize ? full : last;
      X.selectRows(idx, batch.x);
      Y.selectRows(idx, batch.y);
      const value = net.gradientStep(batch.x, batch.y, loss, batch.buffers);
      if (!Number.isFinite(value)) {
        net.detachBuffers();
        history.seconds = (performance.now() - start) / 1000;
        throw new TrainingError(
          `train: loss became ${value} at epoch ${epoch}, batch ${b + 1}; the learning rate ${optimizer.learningRate} is probably too large ` +
            `(the data was checked: it is finite). Try a smaller learning rate.`,
          epoch,
          b + 1,
          value,
        );
      }
      optimizer.step(params);
      sum += value * size;
      if (options.onBatchEnd) {
        net.detachBuffers(); // what the callback sees of the layers is never overwritten by the next batch
        options.onBatchEnd({ epoch, batch: b + 1, loss: value, size });
      }
    }
    net.detachBuffers();
    // The loss check above sees the parameters of every step but the epoch's last; check those here (O(parameters)
    // once per epoch, outside the batch loop).
    const largest = largestParameter(net);
    if (!Number.isFinite(largest.value)) {
      history.seconds = (performance.now() - start) / 1000;
      throw new TrainingError(
        `train: ${largest.name}[${largest.index}] became ${largest.value === Infinity ? 'infinite' : 'NaN'} in the last step of epoch ${epoch} (batch ${batches}); ` +
          `the learning rate ${optimizer.learningRate} is probably too large. Try a smaller learning rate.`,
        epoch,
        batches,
        NaN,
      );
    }
    const epochLoss = sum / n;
    history.loss.push(epochLoss);
    const metrics = computeMetrics(metricNames, net, X, Y);
    for (const m of metricNames) history.metrics[m].push(metrics[m]);
    let valLoss: number | undefined;
    let valMetrics: Record<string, number> | undefined;
    if (validation) {
      valLoss = net.evaluate(validation[0], validation[1], loss);
      history.valLoss!.push(valLoss);
      valMetrics = computeMetrics(metricNames, net, validation[0], validation[1]);
      for (const m of metricNames) history.valMetrics![m].push(valMetrics[m]);
    }
    history.epochs = epoch;
    history.seconds = (performance.now() - start) / 1000;
    let stop = false;
    if (detector && detector.update(options.monitor === 'valLoss' ? (valLoss as number) : epochLoss)) {
      history.convergedEpoch = detector.convergedEpoch;
      if (options.stopOnConvergence) stop = true;
    }
    const r = options.onEpochEnd?.({ epoch, loss: epochLoss, valLoss, metrics, valMetrics, history });
    if (r === false) stop = true;
    if (stop && epoch < options.epochs) {
      history.stoppedEarly = true;
      break;
    }
  }
  history.seconds = (performance.now() - start) / 1000;
  checkSaturation(net, history, options.warnings !== false);
  return history;
}

/**
 * Warns when training ended with huge weights and a loss that no longer moves: the units have saturated (sigmoid
 * or tanh at 0/1/±1, gradients ≈ 0) after a too-large step, and more epochs will not help.
 */
function checkSaturation(net: Network, history: History, print: boolean): void {
  const largest = largestParameter(net);
  const L = history.loss, k = L.length;
  if (largest.value < SATURATION_WEIGHT || k < 2) return;
  const recent = L.slice(Math.max(0, k - 5));
  const spread = Math.max(...recent) - Math.min(...recent);
  if (spread > 1e-6 * Math.max(1e-12, Math.abs(L[k - 1]))) return;
  const message =
    `train: the loss stopped moving at ${L[k - 1]} while ${largest.name}[${largest.index}] reached ${largest.value.toPrecision(3)} (|w| ≥ ${SATURATION_WEIGHT}): ` +
    `training probably diverged into saturation (units stuck where their gradient is ≈ 0). Try a smaller learning rate or re-initialise the network.`;
  history.warnings.push(message);
  if (print) console.warn(message);
}
