/**
 * An independent oracle for the engine: TensorFlow.js (cpu backend, float32) builds the same network with the
 * same weights, and we compare forward outputs, losses, every gradient, and 10 optimiser steps.
 *
 * The tfjs side is written with tfjs ops (tf.matMul, tf.tanh, tf.leakyRelu, tf.losses.*) and differentiated by
 * tfjs's own autodiff (tf.valueAndGrads); none of our code runs on that side. Weights follow the same layout in
 * both: W is [inputs, units], b is [units].
 *
 * Agreement criterion, element by element (tfjs computes in float32, we compute in float64):
 *     |ours − tfjs| ≤ RTOL·max(|ours|, |tfjs|) + ATOL,   RTOL = 1e-4, ATOL = 1e-6.
 * To remove input rounding from the comparison, every weight, bias and input is first rounded to float32
 * (Math.fround) on our side too, so both libraries start from exactly the same numbers.
 */
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as tf from '@tensorflow/tfjs';
import { activationFromFormula } from '../../lib/activations/from-formula';
import { getActivation } from '../../lib/activations/registry';
import type { Activation } from '../../lib/activations/types';
import { Network, type LayerParameters } from '../../lib/network';
import { adam } from '../../lib/optimizers/adam';
import { momentum } from '../../lib/optimizers/momentum';
import { sgd } from '../../lib/optimizers/sgd';
import type { Optimizer } from '../../lib/optimizers/types';
import { Random } from '../../lib/random';
import { train } from '../../lib/train';

/** Relative tolerance: float32 has ~7 significant digits; 1e-4 leaves room for a few hundred roundings. */
const RTOL = 1e-4;
/** Absolute floor for values near 0, where a relative error means nothing. */
const ATOL = 1e-6;
/** Samples per batch. */
const BATCH = 12;

type Nested = number | number[] | number[][];

function flatten(v: Nested): number[] {
  return Array.isArray(v) ? (v as Array<number | number[]>).flat() : [v];
}

/**
 * Asserts |ours − ref| ≤ RTOL·max(|ours|, |ref|) + ATOL for every element; the message names the first
 * offending element. Returns the worst ratio |diff| / tolerance (< 1 when everything agrees).
 */
function assertClose(ours: Nested, ref: Nested, what: string): number {
  const a = flatten(ours), b = flatten(ref);
  assert.equal(a.length, b.length, `${what}: ours has ${a.length} values, tfjs has ${b.length}`);
  let worst = 0;
  for (let i = 0; i < a.length; i++) {
    const diff = Math.abs(a[i] - b[i]);
    const tol = RTOL * Math.max(Math.abs(a[i]), Math.abs(b[i])) + ATOL;
    if (!(diff <= tol)) {
      assert.fail(`${what}, element ${i}: ours ${a[i]}, tfjs ${b[i]}, |difference| ${diff.toExponential(3)} > tolerance ${tol.toExponential(3)}`);
    }
    worst = Math.max(worst, diff / tol);
  }
  return worst;
}

/**
 * Runs `f` inside tf.tidy (so every tensor it makes is disposed), checks that no tensor survived, and returns
 * its plain-data result.
 */
function tidyData<T>(f: () => T): T {
  const before = tf.memory().numTensors;
  let out: T | undefined;
  tf.tidy(() => {
    out = f();
  });
  assert.equal(tf.memory().numTensors, before, 'tfjs tensors leaked');
  return out as T;
}

type LossName = 'mse' | 'binary-cross-entropy' | 'softmax-cross-entropy';

interface LayerCase {
  units: number;
  /** Our activation (name or object). */
  activation: string | Activation;
  /** The same activation written with tfjs ops. */
  tfActivation: (z: tf.Tensor2D) => tf.Tensor2D;
}

interface OracleCase {
  title: string;
  seed: number;
  inputSize: number;
  layers: LayerCase[];
  loss: LossName;
}

const swishFormula = 'x / (1 + exp(-x))';

const CASES: OracleCase[] = [
  {
    title: '3-5-4-2, tanh → sigmoid → identity, MSE',
    seed: 11,
    inputSize: 3,
    layers: [
      { units: 5, activation: 'tanh', tfActivation: (z) => tf.tanh(z) },
      { units: 4, activation: 'sigmoid', tfActivation: (z) => tf.sigmoid(z) },
      { units: 2, activation: 'identity', tfActivation: (z) => z },
    ],
    loss: 'mse',
  },
  {
    title: '4-6-3, relu → softmax, softmax cross-entropy',
    seed: 12,
    inputSize: 4,
    layers: [
      { units: 6, activation: 'relu', tfActivation: (z) => tf.relu(z) },
      { units: 3, activation: 'softmax', tfActivation: (z) => tf.softmax(z) },
    ],
    loss: 'softmax-cross-entropy',
  },
  {
    title: '3-4-1, leaky-relu (α = 0.2) → sigmoid, binary cross-entropy',
    seed: 13,
    inputSize: 3,
    layers: [
      { units: 4, activation: getActivation('leaky-relu', { alpha: 0.2 }), tfActivation: (z) => tf.leakyRelu(z, 0.2) },
      { units: 1, activation: 'sigmoid', tfActivation: (z) => tf.sigmoid(z) },
    ],
    loss: 'binary-cross-entropy',
  },
  {
    title: '5-7-3, sigmoid → sigmoid, binary cross-entropy with 3 labels per sample',
    seed: 14,
    inputSize: 5,
    layers: [
      { units: 7, activation: 'sigmoid', tfActivation: (z) => tf.sigmoid(z) },
      { units: 3, activation: 'sigmoid', tfActivation: (z) => tf.sigmoid(z) },
    ],
    loss: 'binary-cross-entropy',
  },
  {
    title: '2-8-6-5-4, relu → tanh → leaky-relu (α = 0.01) → softmax, softmax cross-entropy',
    seed: 15,
    inputSize: 2,
    layers: [
      { units: 8, activation: 'relu', tfActivation: (z) => tf.relu(z) },
      { units: 6, activation: 'tanh', tfActivation: (z) => tf.tanh(z) },
      { units: 5, activation: 'leaky-relu', tfActivation: (z) => tf.leakyRelu(z, 0.01) },
      { units: 4, activation: 'softmax', tfActivation: (z) => tf.softmax(z) },
    ],
    loss: 'softmax-cross-entropy',
  },
  {
    title: `3-5-2, custom formula "${swishFormula}" (swish) → identity, MSE`,
    seed: 16,
    inputSize: 3,
    layers: [
      { units: 5, activation: activationFromFormula(swishFormula, { name: 'swish' }), tfActivation: (z) => tf.mul(z, tf.sigmoid(z)) },
      { units: 2, activation: 'identity', tfActivation: (z) => z },
    ],
    loss: 'mse',
  },
];

const f32 = (v: number): number => Math.fround(v);

/** One oracle set-up: our network and the same parameters, inputs and targets as plain float32-exact arrays. */
interface Setup {
  net: Network;
  params: LayerParameters[];
  X: number[][];
  T: number[][];
}

function setUp(c: OracleCase): Setup {
  const net = Network.create({ inputSize: c.inputSize, layers: c.layers.map((l) => ({ units: l.units, activation: l.activation })), seed: c.seed });
  const rng = new Random(c.seed + 1000);
  // The lib's initial weights, rounded to float32; biases made non-zero so their gradients start from a general point.
  const params = net.parameters().map((p) => ({
    weights: p.weights.map((row) => row.map(f32)),
    biases: p.biases.map(() => f32(rng.uniform(-0.5, 0.5))),
  }));
  net.setParameters(params);
  const X = Array.from({ length: BATCH }, () => Array.from({ length: c.inputSize }, () => f32(rng.normal(0, 1))));
  const k = c.layers[c.layers.length - 1].units;
  let T: number[][];
  if (c.loss === 'softmax-cross-entropy') {
    T = Array.from({ length: BATCH }, () => {
      const row = new Array<number>(k).fill(0);
      row[rng.int(k)] = 1;
      return row;
    });
  } else if (c.loss === 'binary-cross-entropy') {
    T = Array.from({ length: BATCH }, () => Array.from({ length: k }, () => rng.int(2)));
  } else {
    T = Array.from({ length: BATCH }, () => Array.from({ length: k }, () => f32(rng.normal(0, 1))));
  }
  return { net, params, X, T };
}

/** The tfjs forward pass: returns the last layer's pre-activation Z (logits) and output A. */
function tfForward(c: OracleCase, vars: tf.Tensor[], X: tf.Tensor2D): { Z: tf.Tensor2D; A: tf.Tensor2D } {
  let A = X;
  let Z = X;
  c.layers.forEach((layer, i) => {
    Z = tf.add(tf.matMul(A, vars[2 * i] as tf.Tensor2D), vars[2 * i + 1]);
    A = layer.tfActivation(Z);
  });
  return { Z, A };
}

/** The loss computed by tfjs's own loss functions (default reduction: mean over the batch / all elements). */
function tfLoss(c: OracleCase, vars: tf.Tensor[], X: tf.Tensor2D, T: tf.Tensor2D): tf.Scalar {
  const { Z, A } = tfForward(c, vars, X);
  switch (c.loss) {
    case 'mse':
      return tf.losses.meanSquaredError(T, A) as tf.Scalar;
    case 'softmax-cross-entropy':
      return tf.losses.softmaxCrossEntropy(T, Z) as tf.Scalar; // takes the logits
    case 'binary-cross-entropy':
      return tf.losses.sigmoidCrossEntropy(T, Z) as tf.Scalar; // takes the logits
  }
}

function tfParams(params: LayerParameters[]): tf.Tensor[] {
  return params.flatMap((p) => [tf.tensor2d(p.weights), tf.tensor1d(p.biases)]);
}

/** Our gradients in the same order as the tfjs variables: [dW1, db1, dW2, db2, …]. */
function ourGradientList(net: Network): Nested[] {
  return net.gradients().flatMap((g) => [g.weights, g.biases]);
}

function gradientName(c: OracleCase, i: number): string {
  return `layer ${Math.floor(i / 2) + 1} ${i % 2 === 0 ? 'dL/dW' : 'dL/db'} (${c.title})`;
}

before(async () => {
  tf.enableProdMode(); // silences the "install tfjs-node" banner; does not change any arithmetic
  const ok = await tf.setBackend('cpu');
  assert.ok(ok, 'tfjs cpu backend must initialise');
  await tf.ready();
  assert.equal(tf.getBackend(), 'cpu');
});

describe('TensorFlow.js oracle (|ours − tfjs| ≤ 1e-4·max(|ours|, |tfjs|) + 1e-6 per element)', () => {
  for (const c of CASES) {
    describe(c.title, () => {
      it(`gives the same forward output, loss and every dW and db as tfjs on a batch of ${BATCH}`, () => {
        const { net, params, X, T } = setUp(c);
        const loss = net.computeGradients(X, T, c.loss);
        const output = net.forward(X).toArray();
        const ours = ourGradientList(net);

        const ref = tidyData(() => {
          const Xt = tf.tensor2d(X), Tt = tf.tensor2d(T);
          const vars = tfParams(params);
          const { value, grads } = tf.valueAndGrads((...ps: tf.Tensor[]) => tfLoss(c, ps, Xt, Tt))(vars);
          return {
            output: tfForward(c, vars, Xt).A.arraySync() as number[][],
            loss: value.arraySync() as number,
            grads: grads.map((g) => g.arraySync() as Nested),
          };
        });

        if (c.loss === 'binary-cross-entropy') {
          // Keep clear of our ε = 1e-12 clip and of tfjs's float32 limits, so both compute the unclipped formula.
          for (const p of output.flat()) assert.ok(p > 1e-3 && p < 1 - 1e-3, `probability ${p} too close to 0 or 1 for this test`);
        }
        assertClose(output, ref.output, `forward output (${c.title})`);
        assertClose(loss, ref.loss, `loss (${c.title})`);
        assert.equal(ours.length, ref.grads.length);
        ours.forEach((g, i) => assertClose(g, ref.grads[i], gradientName(c, i)));
      });

      const optimizers: Array<{ title: string; ours: () => Optimizer; theirs: () => tf.Optimizer }> = [
        { title: 'SGD (η = 0.1)', ours: () => sgd({ learningRate: 0.1 }), theirs: () => tf.train.sgd(0.1) },
        {
          // Same convention in both: v ← β·v + g, w ← w − η·v.
          title: 'momentum (η = 0.1, β = 0.9)',
          ours: () => momentum({ learningRate: 0.1, beta: 0.9 }),
          theirs: () => tf.train.momentum(0.1, 0.9),
        },
        {
          // Same formula in both, ε added to √v̂ after bias correction: w ← w − η·m̂ / (√v̂ + ε).
          // Same tolerance as the rest, though Adam uses more of it (about 60% at worst, vs about 1.5% for SGD and
          // momentum): tfjs forms 1 − β₂ᵗ in float32 from β₂ = 0.999 rounded to float32, which loses ~1e-5 relative
          // precision by cancellation, and Adam's step ≈ η whatever the gradient's size, so ~10·η·1e-5 absolute.
          // (With β₁ = β₂ = 0.5, exact in float32, the worst drops to about 5% of the tolerance.)
          title: 'Adam (η = 0.01, β₁ = 0.9, β₂ = 0.999, ε = 1e-8)',
          ours: () => adam({ learningRate: 0.01, beta1: 0.9, beta2: 0.999, epsilon: 1e-8 }),
          theirs: () => tf.train.adam(0.01, 0.9, 0.999, 1e-8),
        },
      ];
      for (const o of optimizers) {
        it(`gives the same parameters and losses as tfjs after 10 full-batch ${o.title} steps`, () => {
          const { net, params, X, T } = setUp(c);
          const history = train(net, {
            x: X, y: T, loss: c.loss, optimizer: o.ours(), epochs: 10, batchSize: BATCH, shuffle: false, convergence: false,
          });

          const Xt = tf.tensor2d(X), Tt = tf.tensor2d(T);
          const vars = tfParams(params).map((t) => {
            const v = tf.variable(t);
            t.dispose();
            return v;
          });
          const optimizer = o.theirs();
          const losses: number[] = [];
          for (let step = 0; step < 10; step++) {
            const cost = optimizer.minimize(() => tfLoss(c, vars, Xt, Tt), true, vars);
            losses.push(cost!.arraySync() as number);
            cost!.dispose();
          }
          const finalParams = vars.map((v) => v.arraySync() as Nested);
          // (tfjs's optimizers keep one or two scalar constants alive even after dispose(); not our leak.)
          optimizer.dispose();
          tf.dispose([...vars, Xt, Tt]);

          // history.loss[e] is the loss of the single batch before step e + 1, as is tfjs's cost.
          assertClose(history.loss, losses, `losses before each ${o.title} step (${c.title})`);
          const ours = net.parameters().flatMap((p) => [p.weights, p.biases]);
          ours.forEach((p, i) =>
            assertClose(p, finalParams[i], `layer ${Math.floor(i / 2) + 1} ${i % 2 === 0 ? 'W' : 'b'} after 10 ${o.title} steps (${c.title})`),
          );
        });
      }
    });
  }

  it('computes binary cross-entropy as −mean(t·log p + (1 − t)·log(1 − p)) like tfjs does on probabilities', () => {
    // tf.losses.sigmoidCrossEntropy (used above) works from logits; here the same loss by hand from p with tf ops.
    const c = CASES[2];
    const { net, X, T } = setUp(c);
    const ourLoss = net.evaluate(X, T, 'binary-cross-entropy');
    const P = net.predict(X);
    const ref = tidyData(() => {
      const p = tf.tensor2d(P), t = tf.tensor2d(T);
      const terms = tf.add(tf.mul(t, tf.log(p)), tf.mul(tf.sub(1, t), tf.log(tf.sub(1, p))));
      return tf.neg(tf.mean(terms)).arraySync() as number;
    });
    assertClose(ourLoss, ref, 'binary cross-entropy by hand');
  });
});

describe(`activationFromFormula('${swishFormula}') against tfjs's x·sigmoid(x) and its autodiff derivative`, () => {
  const swish = activationFromFormula(swishFormula);
  const grid = Array.from({ length: 161 }, (_, i) => f32(-20 + i * 0.25));

  it('gives the same values and derivatives on a grid over [−20, 20]', () => {
    const ref = tidyData(() => {
      const f = (x: tf.Tensor) => tf.mul(x, tf.sigmoid(x));
      const x = tf.tensor1d(grid);
      return { values: f(x).arraySync() as number[], derivatives: tf.grad(f)(x).arraySync() as number[] };
    });
    assertClose(grid.map((x) => swish.output(x)), ref.values, 'swish(x)');
    assertClose(grid.map((x) => swish.derivative(x)), ref.derivatives, "swish'(x)");
  });

  it(
    'gives a finite derivative (≈ 0) for very negative x, like tfjs, where the symbolic form overflows to Infinity/Infinity',
    () => {
      const xs = [-700, -710, -800, -1000];
      const ref = tidyData(() => tf.grad((x: tf.Tensor) => tf.mul(x, tf.sigmoid(x)))(tf.tensor1d(xs)).arraySync() as number[]);
      assertClose(xs.map((x) => swish.derivative(x)), ref, "swish'(x) for very negative x");
    },
  );
});
