/**
 * One-hot encoding (独热编码): class label k out of K classes becomes a row of K numbers with a 1 at
 * position k and 0 elsewhere — the target a softmax output layer is trained to match.
 *
 * Formula: oneHot(labels)[i][k] = 1 if labels[i] = k, else 0.
 * The inverse is the arg-max of each row (argmaxRows in metrics.ts).
 *
 * Example:
 *   oneHot([0, 2, 1])      // [[1, 0, 0], [0, 0, 1], [0, 1, 0]]
 *   oneHot([1], 4)         // [[0, 1, 0, 0]]
 */
import { ArgumentError, describe } from '../errors';
import { checkElements, plainRowsCost } from '../limits';

/**
 * Encodes integer labels 0 … numClasses−1 as one-hot rows.
 * numClasses defaults to (largest label + 1); pass it when a class may be absent from `labels`
 * (e.g. a small test set), so that all encodings have the same width.
 */
export function oneHot(labels: ReadonlyArray<number>, numClasses?: number): number[][] {
  const fn = 'oneHot';
  if (!Array.isArray(labels) || labels.length === 0) {
    throw new ArgumentError(`${fn}: labels must be a non-empty array of integer class labels, got ${describe(labels)}`);
  }
  if (numClasses !== undefined && (typeof numClasses !== 'number' || !Number.isInteger(numClasses) || numClasses < 1)) {
    throw new ArgumentError(`${fn}: numClasses must be an integer ≥ 1, got ${describe(numClasses)}`);
  }
  labels.forEach((label, i) => {
    if (typeof label !== 'number' || !Number.isInteger(label) || label < 0) {
      throw new ArgumentError(`${fn}: labels[${i}] must be an integer ≥ 0 (a class index), got ${describe(label)}`);
    }
    if (numClasses !== undefined && label >= numClasses) {
      throw new ArgumentError(
        `${fn}: labels[${i}] must be an integer in [0, ${numClasses - 1}] (numClasses = ${numClasses}), got ${label}`,
      );
    }
  });
  let largest = 0; // a loop, not Math.max(...labels): spreading 200 000 labels overflows the call stack
  for (const label of labels) if (label > largest) largest = label;
  const k = numClasses ?? largest + 1;
  checkElements(fn, `${labels.length} one-hot rows of ${k} classes`, plainRowsCost(labels.length, k));
  return labels.map((label) => {
    const row = new Array<number>(k).fill(0);
    row[label] = 1;
    return row;
  });
}
