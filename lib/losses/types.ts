/**
 * A loss function (损失函数): one number saying how far the predictions Y are from the targets T,
 * plus its gradient dL/dY, the starting point of backpropagation.
 */
import type { Matrix } from '../matrix';

export interface Loss {
  /** Registry name, e.g. 'mse'. */
  readonly name: string;
  /** Display name, e.g. 'Mean squared error'. */
  readonly label: string;
  /**
   * What the loss reads: 'output' = the network's output A (after the last activation);
   * 'logits' = the last layer's pre-activation Z (softmax cross-entropy, fused for stability).
   */
  readonly input: 'output' | 'logits';
  /**
   * For a loss that reads logits: the output activation it is fused with ('softmax' or 'sigmoid'). The network
   * refuses the loss when its output layer has another activation.
   */
  readonly fusedWith?: string;
  /**
   * For a loss that reads the output A: the same loss computed from the logits, which the network uses instead
   * when its output layer has that loss's `fusedWith` activation (binary cross-entropy with a sigmoid output:
   * exact gradient (p − t)/(N·K) with respect to z even where the sigmoid saturates).
   */
  readonly logitForm?: Loss;
  /**
   * Throws a clear error (naming `fn`, `arg` and the first bad element) when T holds targets this loss cannot
   * use, e.g. binary cross-entropy targets outside [0, 1]. `value` and `gradient` call it; `train` calls it once
   * for the whole data set.
   */
  checkTargets?(fn: string, T: Matrix, arg?: string): void;
  /** L(Y, T), averaged over the batch. Y and T have shape [batch, outputs]. */
  value(Y: Matrix, T: Matrix): number;
  /** dL/dY, same shape as Y (already divided by the batch size, matching `value`). */
  gradient(Y: Matrix, T: Matrix, out?: Matrix): Matrix;
  /** The formula in LaTeX. */
  readonly latex: string;
}
