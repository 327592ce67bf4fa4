/**
 * Numerical gradient check (梯度检验): compares backpropagation's gradient with a finite-difference estimate
 * for EVERY parameter:
 *   numeric = (L(w + ε) − L(w − ε)) / (2ε)       (central difference, error O(ε²))
 *   relative error = |analytic − numeric| / max(|analytic| + |numeric|, 1e-8)
 * A correct backward pass gives relative errors around 1e-7 or smaller in float64.
 *
 *   const r = gradientCheck(net, X, T, 'mse');
 *   r.maxRelativeError;  // e.g. 3e-10
 *   r.worst;             // { layer: 2, parameter: 'weights', index: [0, 1], analytic, numeric, relativeError }
 */
import { ArgumentError, checkPositive } from './errors';
import type { Loss } from './losses/types';
import { Matrix, toMatrix } from './matrix';
import type { Network } from './network';

export interface GradientCheckEntry {
  /** 1-based layer number. */
  layer: number;
  parameter: 'weights' | 'biases';
  /** [i, j] for a weight (input i → neuron j), [j] for a bias. */
  index: number[];
  analytic: number;
  numeric: number;
  relativeError: number;
}

export interface GradientCheckResult {
  /** Largest relative error over all parameters. */
  maxRelativeError: number;
  /** Largest absolute difference over all parameters. */
  maxAbsoluteError: number;
  /** The parameter with the largest relative error. */
  worst: GradientCheckEntry;
  /** Number of parameters checked. */
  checked: number;
  /** Every parameter's comparison (in parameterList order). */
  entries: GradientCheckEntry[];
}

export function gradientCheck(
  net: Network,
  x: Matrix | number[][],
  t: Matrix | number[][] | number[],
  loss: string | Loss,
  options: { epsilon?: number } = {},
): GradientCheckResult {
  const epsilon = options.epsilon ?? 1e-5;
  checkPositive('gradientCheck', 'epsilon', epsilon);
  const X = toMatrix(x, 'x', 'gradientCheck');
  const T = toMatrix(t, 't', 'gradientCheck');
  net.computeGradients(X, T, loss);
  const entries: GradientCheckEntry[] = [];
  net.layers.forEach((layer, li) => {
    for (const parameter of ['weights', 'biases'] as const) {
      const value = parameter === 'weights' ? layer.W.data : layer.b;
      const analyticAll = (parameter === 'weights' ? layer.dLoss_dW.data : layer.dLoss_db).slice();
      for (let k = 0; k < value.length; k++) {
        const saved = value[k];
        value[k] = saved + epsilon;
        const plus = net.evaluate(X, T, loss);
        value[k] = saved - epsilon;
        const minus = net.evaluate(X, T, loss);
        value[k] = saved;
        const numeric = (plus - minus) / (2 * epsilon);
        const analytic = analyticAll[k];
        const diff = Math.abs(analytic - numeric);
        entries.push({
          layer: li + 1,
          parameter,
          index: parameter === 'weights' ? [Math.floor(k / layer.units), k % layer.units] : [k],
          analytic,
          numeric,
          relativeError: diff / Math.max(Math.abs(analytic) + Math.abs(numeric), 1e-8),
        });
      }
    }
  });
  if (entries.length === 0) throw new ArgumentError('gradientCheck: the network has no parameters');
  let worst = entries[0], maxAbs = 0;
  for (const e of entries) {
    if (!(e.relativeError <= worst.relativeError)) worst = e;
    maxAbs = Math.max(maxAbs, Math.abs(e.analytic - e.numeric));
  }
  // Leave the network's gradients as backprop computed them.
  net.computeGradients(X, T, loss);
  return { maxRelativeError: worst.relativeError, maxAbsoluteError: maxAbs, worst, checked: entries.length, entries };
}
