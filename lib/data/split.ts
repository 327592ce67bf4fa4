/**
 * Splitting a data set into a training part, an optional validation part and a test part.
 *
 * The network learns from the training rows only; the test rows are kept aside to measure how well
 * it does on data it has never seen (a model that only memorised its training rows — overfitting —
 * does well on train and badly on test). The validation rows are for choices made while training
 * (epochs, learning rate), so that the test rows stay untouched until the end.
 *
 * Sizes: nTest = round(n · testFraction), nValidation = round(n · validationFraction),
 * nTrain = n − nTest − nValidation; each part must get at least one row.
 *
 * Two ways to choose the rows:
 *   - shuffled (default): a random permutation from `Random(seed)`, so the same seed gives the
 *     same split on every machine. Right for independent samples (penguins, digits).
 *   - chronological: true: no shuffling; the first rows are train, then validation, and the last
 *     rows are test. Right for a time series (weather): the model is tested on days *after* the
 *     ones it learned from, as when it forecasts the real future.
 * With `stratify: labels` the shuffled split keeps each class's share (about) the same in every part.
 *
 * Example:
 *   const { train, test } = trainTestSplit(X, Y, { testFraction: 0.2, seed: 1 });
 *   train.x.length + test.x.length === X.length   // true
 */
import { ArgumentError, ShapeError, describe } from '../errors';
import { Random, toRandom } from '../random';

/** Options of `trainTestSplit`. */
export interface SplitOptions {
  /** Share of the rows that go to the test part, in (0, 1). */
  testFraction: number;
  /** Share of the rows that go to the validation part, in (0, 1); default: no validation part. */
  validationFraction?: number;
  /** Seed (or generator) of the shuffle; default 42. */
  seed?: number | Random;
  /** Shuffle the rows before splitting (default true). */
  shuffle?: boolean;
  /** Keep the original order: earlier rows train, last rows test (for time series). Default false. */
  chronological?: boolean;
  /** Class of each row: keep the class proportions in every part (shuffled splits only). */
  stratify?: ReadonlyArray<string | number>;
}

/** One part of a split: the selected rows of x and y, and their positions in the original arrays. */
export interface SplitPart<XRow, YRow> {
  x: XRow[];
  y: YRow[];
  /** indices[k] = position in the original x and y of the k-th row of this part. */
  indices: number[];
}

/** The result of `trainTestSplit`. */
export interface Split<XRow, YRow> {
  train: SplitPart<XRow, YRow>;
  /** Present only when options.validationFraction was given. */
  validation?: SplitPart<XRow, YRow>;
  test: SplitPart<XRow, YRow>;
}

/**
 * Splits the rows of x and y (which must have the same length) into train / validation / test.
 * Row i of x always stays with row i of y. See the file comment for sizes and options.
 */
export function trainTestSplit<XRow, YRow>(x: XRow[], y: YRow[], options: SplitOptions): Split<XRow, YRow> {
  const fn = 'trainTestSplit';
  if (!Array.isArray(x)) throw new ArgumentError(`${fn}: x must be an array of rows, got ${describe(x)}`);
  if (!Array.isArray(y)) throw new ArgumentError(`${fn}: y must be an array of rows, got ${describe(y)}`);
  if (x.length !== y.length) {
    throw new ShapeError(`${fn}: x has ${x.length} rows but y has ${y.length} (row i of x must match row i of y)`, [x.length], [y.length]);
  }
  const n = x.length;
  if (n === 0) throw new ArgumentError(`${fn}: x and y are empty (expected at least 3 rows)`);
  if (options === null || typeof options !== 'object') {
    throw new ArgumentError(`${fn}: options must be an object like { testFraction: 0.2, seed: 1 }, got ${describe(options)}`);
  }
  const { testFraction, validationFraction, chronological = false } = options;
  const shuffle = options.shuffle ?? !chronological;
  checkFraction(fn, 'options.testFraction', testFraction);
  if (validationFraction !== undefined) checkFraction(fn, 'options.validationFraction', validationFraction);
  const vf = validationFraction ?? 0;
  if (testFraction + vf >= 1) {
    throw new ArgumentError(
      `${fn}: options.testFraction + options.validationFraction must be < 1 (something must be left to train on), got ${testFraction} + ${vf}`,
    );
  }
  if (chronological && shuffle) {
    throw new ArgumentError(`${fn}: options.chronological: true keeps the order, so options.shuffle cannot be true`);
  }
  if (options.stratify !== undefined) {
    if (!shuffle) throw new ArgumentError(`${fn}: options.stratify needs a shuffled split (chronological or shuffle: false keeps the order)`);
    if (!Array.isArray(options.stratify) || options.stratify.length !== n) {
      throw new ShapeError(
        `${fn}: options.stratify must be an array with one class per row (${n}), got ${describe(options.stratify)}`,
        [n],
        Array.isArray(options.stratify) ? [options.stratify.length] : undefined,
      );
    }
  }

  const nTest = Math.round(n * testFraction);
  const nValidation = Math.round(n * vf);
  const nTrain = n - nTest - nValidation;
  const sizes = `${n} rows give ${nTrain} train, ${validationFraction !== undefined ? `${nValidation} validation, ` : ''}${nTest} test`;
  if (nTest < 1 || nTrain < 1 || (validationFraction !== undefined && nValidation < 1)) {
    throw new ArgumentError(`${fn}: every part needs at least one row, but ${sizes}; use more data or other fractions`);
  }

  let trainIdx: number[];
  let validationIdx: number[];
  let testIdx: number[];
  if (!shuffle) {
    const order = Array.from({ length: n }, (_, i) => i);
    trainIdx = order.slice(0, nTrain);
    validationIdx = order.slice(nTrain, nTrain + nValidation);
    testIdx = order.slice(nTrain + nValidation);
  } else {
    const rng = toRandom(options.seed, 42, 'trainTestSplit');
    if (options.stratify === undefined) {
      const order = Array.from(rng.permutation(n));
      trainIdx = order.slice(0, nTrain);
      validationIdx = order.slice(nTrain, nTrain + nValidation);
      testIdx = order.slice(nTrain + nValidation);
    } else {
      [trainIdx, validationIdx, testIdx] = stratifiedParts(options.stratify, nTest, nValidation, rng);
    }
  }

  const part = (idx: number[]): SplitPart<XRow, YRow> => ({
    x: idx.map((i) => x[i]),
    y: idx.map((i) => y[i]),
    indices: idx,
  });
  const result: Split<XRow, YRow> = { train: part(trainIdx), test: part(testIdx) };
  if (validationFraction !== undefined) result.validation = part(validationIdx);
  return result;
}

function checkFraction(fn: string, arg: string, value: unknown): asserts value is number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0 || value >= 1) {
    throw new ArgumentError(`${fn}: ${arg} must be a number in (0, 1), got ${describe(value)}`);
  }
}

/**
 * Stratified allocation: each class gives the parts (about) its share of rows. Per-class quotas
 * n_c · nTest / n are rounded down, and the rows still missing go to the classes with the largest
 * remainders, so the part sizes equal the unstratified ones exactly.
 */
function stratifiedParts(
  classes: ReadonlyArray<string | number>,
  nTest: number,
  nValidation: number,
  rng: Random,
): [number[], number[], number[]] {
  const byClass = new Map<string, number[]>();
  for (let i = 0; i < classes.length; i++) {
    const key = String(classes[i]);
    if (!byClass.has(key)) byClass.set(key, []);
    byClass.get(key)!.push(i);
  }
  const keys = [...byClass.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const groups = keys.map((k) => rng.shuffle(byClass.get(k)!));
  const available = groups.map((g) => g.length);
  const testCounts = allocate(available, nTest);
  const left = available.map((a, c) => a - testCounts[c]);
  const validationCounts = allocate(left, nValidation);
  const train: number[] = [];
  const validation: number[] = [];
  const test: number[] = [];
  groups.forEach((g, c) => {
    test.push(...g.slice(0, testCounts[c]));
    validation.push(...g.slice(testCounts[c], testCounts[c] + validationCounts[c]));
    train.push(...g.slice(testCounts[c] + validationCounts[c]));
  });
  return [rng.shuffle(train), rng.shuffle(validation), rng.shuffle(test)];
}

/** Splits `total` rows among groups in proportion to their `capacity` (largest remainder), never above it. */
function allocate(capacity: number[], total: number): number[] {
  const sum = capacity.reduce((s, v) => s + v, 0);
  const quotas = capacity.map((c) => (sum === 0 ? 0 : (c * total) / sum));
  const counts = quotas.map((q, c) => Math.min(capacity[c], Math.floor(q)));
  let missing = total - counts.reduce((s, v) => s + v, 0);
  const order = quotas.map((q, c) => ({ c, r: q - Math.floor(q) })).sort((a, b) => b.r - a.r || a.c - b.c);
  while (missing > 0) {
    let progressed = false;
    for (const { c } of order) {
      if (missing === 0) break;
      if (counts[c] < capacity[c]) {
        counts[c]++;
        missing--;
        progressed = true;
      }
    }
    if (!progressed) break;
  }
  return counts;
}
