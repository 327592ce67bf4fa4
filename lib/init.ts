/**
 * Weight initialisers (权重初始化). Every one draws from the seeded `Random`, so the same seed gives
 * bit-identical weights on every machine.
 *
 *   zeros   : w = 0                         (a trap for hidden layers: every neuron stays identical)
 *   uniform : w ~ U(−0.05, 0.05)            (small random numbers)
 *   normal  : w ~ N(0, 0.05²)
 *   xavier  : w ~ U(−√(6/(fanIn+fanOut)), +√(6/(fanIn+fanOut)))   Glorot & Bengio (2010), for tanh/sigmoid
 *   he      : w ~ N(0, 2/fanIn)                                     He et al. (2015), for ReLU
 * Biases always start at 0.
 */
import { ArgumentError, checkInteger, describe } from './errors';
import { checkElements } from './limits';
import { Random } from './random';

export type InitName = 'zeros' | 'uniform' | 'normal' | 'xavier' | 'he';

export const INIT_NAMES: readonly InitName[] = ['zeros', 'uniform', 'normal', 'xavier', 'he'];

/** Fills a fanIn × fanOut weight matrix (row-major) with the chosen initialiser. */
export function initWeights(kind: InitName | string, fanIn: number, fanOut: number, rng: Random): Float64Array {
  checkInteger('initWeights', 'fanIn', fanIn);
  checkInteger('initWeights', 'fanOut', fanOut);
  if (!(rng instanceof Random)) throw new ArgumentError(`initWeights: rng must be a Random (e.g. new Random(42)), got ${describe(rng)}`);
  checkElements('initWeights', `a ${fanIn}×${fanOut} weight matrix`, fanIn * fanOut);
  const w = new Float64Array(fanIn * fanOut);
  const key = kind === 'glorot' ? 'xavier' : kind;
  switch (key) {
    case 'zeros':
      return w;
    case 'uniform':
      for (let i = 0; i < w.length; i++) w[i] = rng.uniform(-0.05, 0.05);
      return w;
    case 'normal':
      for (let i = 0; i < w.length; i++) w[i] = rng.normal(0, 0.05);
      return w;
    case 'xavier': {
      const limit = Math.sqrt(6 / (fanIn + fanOut));
      for (let i = 0; i < w.length; i++) w[i] = rng.uniform(-limit, limit);
      return w;
    }
    case 'he': {
      const std = Math.sqrt(2 / fanIn);
      for (let i = 0; i < w.length; i++) w[i] = rng.normal(0, std);
      return w;
    }
    default:
      throw new ArgumentError(`initWeights: unknown initialiser ${describe(kind)}; valid names are: ${INIT_NAMES.join(', ')}, glorot`);
  }
}

/** The initialiser that suits an activation: He for the ReLU family, Xavier otherwise. */
export function defaultInitFor(activationName: string): InitName {
  return activationName === 'relu' || activationName === 'leaky-relu' ? 'he' : 'xavier';
}
