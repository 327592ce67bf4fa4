/**
 * The two benchmark workloads and their synthetic, seeded data.
 *
 *   mnist: 784-128-64-10, ReLU hidden layers, softmax output + cross-entropy, batch 64, SGD lr 0.1,
 *          10,000 samples shaped like MNIST (784 features in [0, 1), 10 classes). One epoch per repetition.
 *   small: 2-16-16-1, tanh hidden layers, sigmoid output, mean squared error, batch 32, SGD lr 0.1,
 *          1,000 samples of a two-feature XOR-like problem. `epochsPerRep` epochs per repetition, because
 *          one epoch takes only milliseconds.
 *
 * All numbers come from the project's seeded `Random`, so every run trains on the same data from the same weights.
 */
import { Network } from '../dist/network';
import { Matrix } from '../dist/matrix';
import { Random } from '../dist/random';

export interface Task {
  /** Short name used in the output and in the RATIO line. */
  name: 'mnist' | 'small';
  /** Human description for the table. */
  title: string;
  /** Layer sizes, inputs first. */
  sizes: number[];
  /** Activation of each layer (hidden layers, then output). */
  activations: string[];
  /** The lib's loss name. */
  loss: 'softmax-cross-entropy' | 'mse';
  batchSize: number;
  learningRate: number;
  /** Epochs trained in one timed repetition. */
  epochsPerRep: number;
  x: Matrix;
  y: Matrix;
  /** The starting weights every engine and every repetition uses. */
  initial: Network;
}

/** A class prototype per label plus uniform noise: learnable, so the loss falls during the epoch. */
function mnistLike(n: number, rng: Random): { x: Matrix; y: Matrix } {
  const features = 784, classes = 10;
  const prototypes = Array.from({ length: classes }, () => Float64Array.from({ length: features }, () => rng.uniform()));
  const x = new Matrix(n, features), y = new Matrix(n, classes);
  for (let i = 0; i < n; i++) {
    const label = rng.int(classes);
    y.data[i * classes + label] = 1;
    for (let j = 0; j < features; j++) x.data[i * features + j] = 0.5 * prototypes[label][j] + 0.5 * rng.uniform();
  }
  return { x, y };
}

/** Two features in [−1, 1); target 1 when they have the same sign (XOR pattern), else 0. */
function xorLike(n: number, rng: Random): { x: Matrix; y: Matrix } {
  const x = new Matrix(n, 2), y = new Matrix(n, 1);
  for (let i = 0; i < n; i++) {
    const a = rng.uniform(-1, 1), b = rng.uniform(-1, 1);
    x.data[2 * i] = a;
    x.data[2 * i + 1] = b;
    y.data[i] = a * b > 0 ? 1 : 0;
  }
  return { x, y };
}

function network(sizes: number[], activations: string[], seed: number): Network {
  return Network.create({
    inputSize: sizes[0],
    layers: sizes.slice(1).map((units, i) => ({ units, activation: activations[i] })),
    seed,
  });
}

export function mnistTask(samples = 10_000): Task {
  const sizes = [784, 128, 64, 10], activations = ['relu', 'relu', 'softmax'];
  return {
    name: 'mnist',
    title: `784-128-64-10 ReLU/softmax + cross-entropy, ${samples} samples, batch 64, SGD 0.1`,
    sizes, activations, loss: 'softmax-cross-entropy', batchSize: 64, learningRate: 0.1, epochsPerRep: 1,
    ...mnistLike(samples, new Random(2024)),
    initial: network(sizes, activations, 7),
  };
}

export function smallTask(samples = 1_000, epochsPerRep = 20): Task {
  const sizes = [2, 16, 16, 1], activations = ['tanh', 'tanh', 'sigmoid'];
  return {
    name: 'small',
    title: `2-16-16-1 tanh/sigmoid + MSE, ${samples} samples, batch 32, SGD 0.1`,
    sizes, activations, loss: 'mse', batchSize: 32, learningRate: 0.1, epochsPerRep,
    ...xorLike(samples, new Random(2025)),
    initial: network(sizes, activations, 8),
  };
}

/**
 * Floating-point operations of one epoch, counting 2·m·n·k per matrix product:
 * forward Z = X·W, backward dL/dW = Xᵀ·dL/dZ, and dL/dX = dL/dZ·Wᵀ for every layer but the first
 * (no engine computes the gradient with respect to the data). Element-wise work is not counted.
 */
export function flopsPerEpoch(task: Task): number {
  const n = task.x.rows;
  let perSample = 0;
  for (let l = 1; l < task.sizes.length; l++) {
    const product = 2 * task.sizes[l - 1] * task.sizes[l];
    perSample += product * (l === 1 ? 2 : 3);
  }
  return perSample * n;
}
