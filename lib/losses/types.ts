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
  /** L(Y, T), averaged over the batch. Y and T have shape [batch, outputs]. */
  value(Y: Matrix, T: Matrix): number;
  /** dL/dY, same shape as Y (already divided by the batch size, matching `value`). */
  gradient(Y: Matrix, T: Matrix, out?: Matrix): Matrix;
  /** The formula in LaTeX. */
  readonly latex: string;
}
