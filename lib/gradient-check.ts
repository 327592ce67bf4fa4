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
 *   gradientCheck(bigNet, X, T, 'mse', { sample: 200 });  // 200 parameters chosen at random (seeded by options.seed)
 * A network with more than MAX_FULL_CHECK parameters needs `sample` (checking all would run for minutes).
 */
import { ArgumentError, checkInteger, checkOptionNames, checkPositive, describe } from './errors';
import { LimitError } from './limits';
import type { Loss } from './losses/types';
import { Matrix, toMatrix } from './matrix';
import { Network } from './network';
import { Random } from './random';

/** Most parameters gradientCheck checks one by one without `sample` (each costs two forward passes). */
export const MAX_FULL_CHECK = 20_000;

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
  options: { epsilon?: number; sample?: number; seed?: number } = {},
): GradientCheckResult {
  checkOptionNames('gradientCheck', 'options', options, ['epsilon', 'sample', 'seed']);
  if (!(net instanceof Network)) throw new ArgumentError(`gradientCheck: net must be a Network, got ${describe(net)}`);
  const epsilon = options.epsilon ?? 1e-5;
  checkPositive('gradientCheck', 'epsilon', epsilon);
  const X = toMatrix(x, 'x', 'gradientCheck');
  const T = toMatrix(t, 't', 'gradientCheck');
  const total = net.parameterCount;
  if (options.sample !== undefined) checkInteger('gradientCheck', 'options.sample', options.sample, 1);
  // Every checked parameter costs two forward passes over the batch: refuse a run that would go on for minutes.
  if (options.sample === undefined && total > MAX_FULL_CHECK) {
    throw new LimitError(
      `gradientCheck: the network has ${total} parameters; checking every one needs ${2 * total} forward passes over the batch. ` +
        `Pass { sample: 200 } to check 200 parameters chosen at random (seeded), or check a smaller network`,
      'maxElements',
      total,
    );
  }
  let chosen: Uint8Array | null = null;
  if (options.sample !== undefined && options.sample < total) {
    chosen = new Uint8Array(total);
    const order = new Random(options.seed ?? 1).permutation(total);
    for (let i = 0; i < options.sample; i++) chosen[order[i]] = 1;
  }
  net.computeGradients(X, T, loss);
  const entries: GradientCheckEntry[] = [];
  let flat = 0;
  net.layers.forEach((layer, li) => {
    for (const parameter of ['weights', 'biases'] as const) {
      const value = parameter === 'weights' ? layer.W.data : layer.b;
      const analyticAll = (parameter === 'weights' ? layer.dLoss_dW.data : layer.dLoss_db).slice();
      for (let k = 0; k < value.length; k++) {
        if (chosen !== null && chosen[flat++] === 0) continue;
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
