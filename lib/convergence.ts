/**
 * Convergence (收敛): training has converged when the loss stops going down.
 *
 * Rule: the loss "improves" at an epoch when it is below the best loss so far by more than `minDelta`
 * (relative: best·minDelta, plus a tiny absolute floor). If `patience` epochs pass without an improvement,
 * training converged at the epoch of the last improvement — where the curve flattened.
 *
 *   detectConvergence([1, 0.5, 0.3, 0.29999, 0.29998, …], { patience: 3 })  // → 3
 */
import { checkInteger, checkNonNegative, checkNumberArray } from './errors';

export interface ConvergenceOptions {
  /** Epochs without improvement before declaring convergence (default 10). */
  patience?: number;
  /** Relative improvement that counts (default 1e-3 = 0.1%). */
  minDelta?: number;
}

/** Online detector used by the training loop: feed one loss per epoch. */
export class ConvergenceDetector {
  /** Lowest loss seen so far. */
  private best = Infinity;
  /** 1-based epoch of the last real improvement. */
  private bestEpoch = 0;
  /** 1-based epoch count so far. */
  private epoch = 0;
  /** The epoch training converged at, once detected. */
  convergedEpoch: number | null = null;
  readonly patience: number;
  readonly minDelta: number;

  constructor(options: ConvergenceOptions = {}) {
    this.patience = options.patience ?? 10;
    this.minDelta = options.minDelta ?? 1e-3;
    checkInteger('ConvergenceDetector', 'patience', this.patience);
    checkNonNegative('ConvergenceDetector', 'minDelta', this.minDelta);
  }

  /** Records the loss of the next epoch; returns true the moment convergence is detected. */
  update(loss: number): boolean {
    this.epoch++;
    if (loss < this.best - Math.abs(this.best) * this.minDelta - 1e-12 || this.best === Infinity) {
      this.best = loss;
      this.bestEpoch = this.epoch;
    }
    if (this.convergedEpoch === null && this.epoch - this.bestEpoch >= this.patience) {
      this.convergedEpoch = this.bestEpoch;
      return true;
    }
    return false;
  }
}

/** The epoch (1-based) at which a loss history converged, or null if it was still improving. */
export function detectConvergence(losses: number[], options: ConvergenceOptions = {}): number | null {
  checkNumberArray('detectConvergence', 'losses', losses);
  const d = new ConvergenceDetector(options);
  for (const l of losses) d.update(l);
  return d.convergedEpoch;
}
