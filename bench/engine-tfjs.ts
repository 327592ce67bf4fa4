/**
 * The same training written with TensorFlow.js ops: variables built from the lib's starting weights
 * (tfjs dense kernels are [inputs, units], like ours), tf.losses.*, tf.train.sgd and optimizer.minimize.
 * Batches are taken in order (no shuffle), one tensor per batch created inside the timed loop, just as the
 * lib's `train` copies each batch's rows.
 */
import * as tf from '@tensorflow/tfjs';
import type { LayerParameters } from '../dist/network';
import type { Task } from './tasks';

export interface EngineResult {
  /** Wall-clock seconds of the whole repetition (`task.epochsPerRep` epochs). */
  seconds: number;
  /** Mean batch loss of the last epoch (each batch's loss before its update), as the engine reports it. */
  meanBatchLoss: number;
  /** Final weights, for recomputing the loss with one common evaluator. */
  parameters: LayerParameters[];
}

export async function useBackend(name: 'cpu' | 'wasm'): Promise<void> {
  if (name === 'wasm') await import('@tensorflow/tfjs-backend-wasm'); // registers the backend
  if (!(await tf.setBackend(name))) throw new Error(`bench: tfjs backend ${name} failed to initialise`);
  await tf.ready();
}

function activate(name: string, z: tf.Tensor2D): tf.Tensor2D {
  switch (name) {
    case 'relu': return tf.relu(z);
    case 'tanh': return tf.tanh(z);
    case 'sigmoid': return tf.sigmoid(z);
    default: throw new Error(`bench: no tfjs mapping for activation ${name}`);
  }
}

export async function runTfjs(task: Task): Promise<EngineResult> {
  const layers = task.initial.layers;
  const weights = layers.map((l) => tf.variable(tf.tensor2d(Float32Array.from(l.W.data), [l.inputSize, l.units])));
  const biases = layers.map((l) => tf.variable(tf.tensor1d(Float32Array.from(l.b))));
  const optimizer = tf.train.sgd(task.learningRate);
  const n = task.x.rows, inputs = task.x.cols, outputs = task.y.cols;
  const xs = Float32Array.from(task.x.data), ys = Float32Array.from(task.y.data);
  const last = layers.length - 1;

  const lossOf = (x: tf.Tensor2D, y: tf.Tensor2D): tf.Scalar => {
    let a = x;
    for (let i = 0; i <= last; i++) {
      const z = tf.add(tf.matMul(a, weights[i]), biases[i]) as tf.Tensor2D;
      if (i < last) a = activate(task.activations[i], z);
      else if (task.loss === 'softmax-cross-entropy') return tf.losses.softmaxCrossEntropy(y, z) as tf.Scalar;
      else return tf.losses.meanSquaredError(y, activate(task.activations[i], z)) as tf.Scalar;
    }
    throw new Error('unreachable');
  };

  let meanBatchLoss = NaN;
  const start = performance.now();
  for (let epoch = 0; epoch < task.epochsPerRep; epoch++) {
    const losses: tf.Scalar[] = [];
    for (let from = 0; from < n; from += task.batchSize) {
      const to = Math.min(n, from + task.batchSize);
      const x = tf.tensor2d(xs.subarray(from * inputs, to * inputs), [to - from, inputs]);
      const y = tf.tensor2d(ys.subarray(from * outputs, to * outputs), [to - from, outputs]);
      const loss = optimizer.minimize(() => lossOf(x, y), true) as tf.Scalar;
      losses.push(tf.mul(loss, to - from) as tf.Scalar);
      loss.dispose();
      x.dispose();
      y.dispose();
    }
    // Reading the losses back forces all queued work to finish inside the timed region.
    const total = tf.addN(losses);
    meanBatchLoss = (await total.data())[0] / n;
    total.dispose();
    losses.forEach((t) => t.dispose());
  }
  const seconds = (performance.now() - start) / 1000;

  const parameters: LayerParameters[] = [];
  for (let i = 0; i <= last; i++) {
    parameters.push({ weights: (await weights[i].array()) as number[][], biases: (await biases[i].array()) as number[] });
  }
  weights.forEach((w) => w.dispose());
  biases.forEach((b) => b.dispose());
  optimizer.dispose();
  return { seconds, meanBatchLoss, parameters };
}
