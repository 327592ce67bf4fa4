/**
 * Sliding windows: turning a time series into (input, target) rows for a feed-forward network.
 *
 * A fully connected network sees one row at a time and has no memory, so "predict tomorrow from the
 * last few days" is posed by copying those days into one input row.
 *
 * Definition (rows of `series` are consecutive days 0 … n−1, columns are features):
 *   for every day t with  window − 1 ≤ t ≤ n − 1 − horizon  (t = the last day inside the window):
 *     x row = series[t − window + 1] ++ … ++ series[t]     (oldest day first; window · features numbers)
 *     y row = [ target[t + horizon] ]                        (the day `horizon` days after t)
 *   number of rows m = n − window − horizon + 1.
 * So with window = 3 and horizon = 1, days 0, 1, 2 predict day 3; days 1, 2, 3 predict day 4; …
 * `targetIndex[k]` is the day that row k predicts (t + horizon), e.g. to look up its date.
 *
 * The target day is never inside its own input window (horizon ≥ 1), so the network cannot just
 * copy the answer. For a fair test, split the windows chronologically (trainTestSplit with
 * chronological: true): windows overlap, so shuffling would put almost identical rows in train
 * and test.
 *
 * Example:
 *   makeWindows([[1], [2], [3], [4]], [10, 20, 30, 40], { window: 2 })
 *   // → x = [[1, 2], [2, 3]], y = [[30], [40]], targetIndex = [2, 3]
 */
import { ArgumentError, ShapeError, checkInteger, describe } from '../errors';
import { checkRows } from './check-rows';

/** Options of `makeWindows`. */
export interface WindowOptions {
  /** How many consecutive days form one input row (integer ≥ 1). */
  window: number;
  /** How many days after the window's last day the target is taken (integer ≥ 1, default 1 = the next day). */
  horizon?: number;
}

/** The result of `makeWindows`. */
export interface Windows {
  /** One row per window: `window` days of features, oldest first ([m][window · features]). */
  x: number[][];
  /** The target of each row as a one-element row ([m][1]), so it trains directly. */
  y: number[][];
  /** targetIndex[k] = index (in series/target) of the day that row k predicts. */
  targetIndex: number[];
}

/** Builds sliding-window rows from a time series; see the file comment for exactly which day predicts which. */
export function makeWindows(series: number[][], target: number[], options: WindowOptions): Windows {
  const fn = 'makeWindows';
  checkRows(fn, 'series', series);
  if (!Array.isArray(target)) {
    throw new ArgumentError(`${fn}: target must be an array of numbers (one per day), got ${describe(target)}`);
  }
  if (target.length !== series.length) {
    throw new ShapeError(
      `${fn}: target has ${target.length} values but series has ${series.length} rows (one target per day)`,
      [series.length],
      [target.length],
    );
  }
  target.forEach((v, i) => {
    if (typeof v !== 'number' || !Number.isFinite(v)) {
      throw new ArgumentError(`${fn}: target[${i}] must be a finite number, got ${describe(v)}`);
    }
  });
  if (options === null || typeof options !== 'object') {
    throw new ArgumentError(`${fn}: options must be an object like { window: 7 }, got ${describe(options)}`);
  }
  const { window } = options;
  const horizon = options.horizon ?? 1;
  checkInteger(fn, 'options.window', window, 1);
  checkInteger(fn, 'options.horizon', horizon, 1);
  const n = series.length;
  const m = n - window - horizon + 1;
  if (m < 1) {
    throw new ArgumentError(
      `${fn}: series has ${n} rows, but window ${window} + horizon ${horizon} needs at least ${window + horizon}`,
    );
  }
  const x: number[][] = [];
  const y: number[][] = [];
  const targetIndex: number[] = [];
  for (let t = window - 1; t <= n - 1 - horizon; t++) {
    const row: number[] = [];
    for (let d = t - window + 1; d <= t; d++) row.push(...series[d]);
    x.push(row);
    y.push([target[t + horizon]]);
    targetIndex.push(t + horizon);
  }
  return { x, y, targetIndex };
}
