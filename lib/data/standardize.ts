/**
 * Standardisation (z-scores): rescale every feature column to mean 0 and standard deviation 1.
 *
 * Formula, for column j:  z = (x − mean_j) / std_j,   and back:  x = z · std_j + mean_j
 *   mean_j = (1/n) Σ_i x[i][j],   std_j = sqrt((1/n) Σ_i (x[i][j] − mean_j)²)   (population std, divide by n)
 *
 * Why: features on very different scales (body mass ≈ 4000 g, bill depth ≈ 17 mm) make gradient
 * descent zig-zag, because one learning rate cannot suit all weights at once; after
 * standardisation every input has the same scale.
 *
 * Fit on the training rows only, then transform train, validation and test with those same
 * statistics. Fitting on all rows would let the test rows influence the preprocessing (data
 * leakage, 数据泄漏): the measured test score would then be slightly optimistic, because in real
 * use the future data are not available when the model is built.
 *
 * A column whose values are all equal (zero variance) gets std = 1 instead of 0, so transform
 * maps it to all zeros instead of dividing by zero.
 *
 * Example:
 *   const scaler = fitStandardizer(train.x);
 *   const trainZ = scaler.transform(train.x);   // each column: mean ≈ 0, std ≈ 1
 *   const testZ = scaler.transform(test.x);     // uses the training mean and std
 *   scaler.inverseTransform(trainZ);            // ≈ train.x
 */
import { checkRows } from './check-rows';

/** A fitted standardiser (see `fitStandardizer`). */
export interface Standardizer {
  /** mean[j] = mean of column j of the data it was fitted on. */
  readonly mean: number[];
  /** std[j] = standard deviation (divide by n) of column j; 1 for a constant column. */
  readonly std: number[];
  /** (x − mean) / std, column by column; x must have as many columns as the fitted data. */
  transform(x: number[][]): number[][];
  /** z · std + mean, column by column: undoes `transform` (e.g. turns predictions back into °C). */
  inverseTransform(z: number[][]): number[][];
}

/** Computes each column's mean and standard deviation of `x` (the training rows) and returns a Standardizer. */
export function fitStandardizer(x: number[][]): Standardizer {
  const cols = checkRows('fitStandardizer', 'x', x);
  const n = x.length;
  const mean = new Array<number>(cols).fill(0);
  for (const row of x) for (let j = 0; j < cols; j++) mean[j] += row[j] / n;
  const variance = new Array<number>(cols).fill(0);
  for (const row of x) for (let j = 0; j < cols; j++) variance[j] += (row[j] - mean[j]) ** 2 / n;
  // Constant columns: variance 0 (or rounding noise far below the values' size) → std 1.
  const std = variance.map((v, j) => (Math.sqrt(v) <= 1e-12 * Math.max(1, Math.abs(mean[j])) ? 1 : Math.sqrt(v)));
  return {
    mean,
    std,
    transform(data: number[][]): number[][] {
      checkRows('Standardizer.transform', 'x', data, cols);
      return data.map((row) => row.map((v, j) => (v - mean[j]) / std[j]));
    },
    inverseTransform(z: number[][]): number[][] {
      checkRows('Standardizer.inverseTransform', 'z', z, cols);
      return z.map((row) => row.map((v, j) => v * std[j] + mean[j]));
    },
  };
}
