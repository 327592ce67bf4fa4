/**
 * A fully connected network (全连接神经网络): input layer → hidden layer(s) → output layer, each layer a `Dense`.
 *
 *   const net = Network.create({ inputSize: 2, layers: [{ units: 4, activation: 'tanh' }, { units: 1, activation: 'sigmoid' }], seed: 1 });
 *   net.forward([[0, 1]]);   // forward propagation (前向传播): returns the output matrix
 *   net.trace();             // every layer's input, Z and A from that forward pass
 *   net.computeGradients(X, T, 'mse');  // forward + loss + backpropagation (反向传播); returns the loss
 *   net.gradients();         // dL/dW and dL/db of every layer as plain arrays
 */
import { activationNames, getActivation } from './activations/registry';
import type { Activation } from './activations/types';
import { Dense } from './dense';
import { ArgumentError, ShapeError, checkFiniteData, checkInteger, checkOptionNames, describe, formatShape } from './errors';
import { defaultInitFor, initWeights, type InitName } from './init';
import { checkElements } from './limits';
import { getLoss } from './losses/registry';
import type { Loss } from './losses/types';
import { Matrix, toMatrix } from './matrix';
import { toRandom, type Random } from './random';
import { loadNetwork } from './serialize';

/** One layer in `Network.create`. */
export interface LayerSpec {
  /** Number of neurons. */
  units: number;
  /** Activation name or object (default 'identity'). */
  activation?: string | Activation;
}

export interface NetworkSpec {
  /** Number of input features. */
  inputSize: number;
  /** Hidden layers then the output layer. */
  layers: LayerSpec[];
  /** Weight initialiser (default 'auto': He for ReLU-like activations, Xavier otherwise). */
  init?: InitName | 'auto' | 'glorot';
  /** Seed for the weights (default 42), or a Random to draw from. */
  seed?: number | Random;
}

/** One layer with explicit parameters, for `Network.fromWeights`. */
export interface LayerWeights {
  /** weights[i][j]: from input i to neuron j (shape [inputs][units]). */
  weights: number[][];
  /** One bias per neuron. */
  biases: number[];
  /** Activation name or object (default 'identity'). */
  activation?: string | Activation;
}

/** Parameters (or their gradients) of one layer, as plain arrays. */
export interface LayerParameters {
  weights: number[][];
  biases: number[];
}

/** One layer of a forward trace. */
export interface LayerTrace {
  /** 1-based layer number (layer 1 = first hidden layer). */
  layer: number;
  activation: string;
  /** The layer's input (the previous layer's A, or the features). */
  input: number[][];
  /** Pre-activations Z = input·W + b. */
  Z: number[][];
  /** Outputs A = h(Z). */
  A: number[][];
}

/** A parameter array with its gradient, as the optimisers see it. */
export interface Parameter {
  /** e.g. 'layer 1 weights' */
  name: string;
  /** The values, updated in place by the optimiser. */
  value: Float64Array;
  /** The latest gradient dL/d(value). */
  grad: Float64Array;
}

export class Network {
  /** The layers, first hidden layer first, output layer last. */
  readonly layers: Dense[];

  constructor(layers: Dense[]) {
    if (!Array.isArray(layers) || layers.length === 0) {
      throw new ArgumentError('Network: needs at least one layer');
    }
    for (let i = 1; i < layers.length; i++) {
      if (layers[i].inputSize !== layers[i - 1].units) {
        throw new ShapeError(
          `Network: layer ${i + 1} expects ${layers[i].inputSize} inputs but layer ${i} has ${layers[i - 1].units} units`,
          [layers[i - 1].units],
          [layers[i].inputSize],
        );
      }
    }
    for (let i = 0; i < layers.length - 1; i++) {
      if (!layers[i].activation.elementwise) {
        throw new ArgumentError(`Network: softmax may only be used in the output layer (found in layer ${i + 1})`);
      }
    }
    this.layers = layers;
  }

  /** Builds a network from layer sizes and activations, with seeded random weights. */
  static create(spec: NetworkSpec): Network {
    if (typeof spec !== 'object' || spec === null) throw new ArgumentError(`Network.create: expected a spec object, got ${describe(spec)}`);
    checkOptionNames('Network.create', 'spec', spec, ['inputSize', 'layers', 'init', 'seed']);
    checkInteger('Network.create', 'inputSize', spec.inputSize);
    if (!Array.isArray(spec.layers) || spec.layers.length === 0) {
      throw new ArgumentError(`Network.create: layers must be a non-empty array of {units, activation}, got ${describe(spec.layers)}`);
    }
    let count = 0, prev = spec.inputSize;
    spec.layers.forEach((l, i) => {
      checkInteger('Network.create', `layers[${i}].units`, l?.units);
      count += (prev + 1) * l.units * 2; // weights and biases, and their gradients
      prev = l.units;
    });
    checkElements('Network.create', `a network of sizes ${[spec.inputSize, ...spec.layers.map((l) => l.units)].join('-')}`, count);
    const rng = toRandom(spec.seed, 42, 'Network.create');
    const layers: Dense[] = [];
    let fanIn = spec.inputSize;
    spec.layers.forEach((l, i) => {
      checkInteger('Network.create', `layers[${i}].units`, l?.units);
      const activation = activationFor('Network.create', `layers[${i}].activation`, l.activation);
      const init = spec.init === undefined || spec.init === 'auto' ? defaultInitFor(activation.name) : spec.init;
      layers.push(new Dense(fanIn, l.units, activation, initWeights(init, fanIn, l.units, rng)));
      fanIn = l.units;
    });
    return new Network(layers);
  }

  /** Builds a network from explicit weights and biases given as plain arrays. */
  static fromWeights(spec: { layers: LayerWeights[] }): Network {
    if (typeof spec !== 'object' || spec === null || !Array.isArray(spec.layers) || spec.layers.length === 0) {
      throw new ArgumentError('Network.fromWeights: expected { layers: [{ weights: number[][], biases: number[], activation }] }');
    }
    const layers = spec.layers.map((l, i) => {
      const where = `layers[${i}]`;
      const W = toMatrix(l?.weights, `${where}.weights`, 'Network.fromWeights');
      if (W.rows === 0 || W.cols === 0) {
        throw new ShapeError(`Network.fromWeights: ${where}.weights has shape ${formatShape(W.shape)}, expected at least one input and one neuron`, [null, null], W.shape);
      }
      checkFiniteData('Network.fromWeights', `${where}.weights`, W.data, W.cols);
      if (!Array.isArray(l.biases) || l.biases.some((v) => typeof v !== 'number' || !Number.isFinite(v))) {
        throw new ArgumentError(`Network.fromWeights: ${where}.biases must be an array of finite numbers, got ${describe(l.biases)}`);
      }
      if (l.biases.length !== W.cols) {
        throw new ShapeError(
          `Network.fromWeights: ${where}.biases has length ${l.biases.length}, expected ${W.cols} (one per neuron; weights have shape ${formatShape(W.shape)} = [inputs, units])`,
          [W.cols],
          [l.biases.length],
        );
      }
      return new Dense(W.rows, W.cols, activationFor('Network.fromWeights', `${where}.activation`, l.activation), W.data, Float64Array.from(l.biases));
    });
    return new Network(layers);
  }

  /** Rebuilds a network saved with `toJSON()` / `saveNetwork` (validated; see serialize.ts). */
  static fromJSON(json: string | NetworkJson): Network {
    return loadNetwork(json);
  }

  /** Layer sizes: [inputs, units of layer 1, …, outputs]. */
  get sizes(): number[] {
    return [this.layers[0].inputSize, ...this.layers.map((l) => l.units)];
  }

  get inputSize(): number {
    return this.layers[0].inputSize;
  }

  get outputSize(): number {
    return this.layers[this.layers.length - 1].units;
  }

  /** Total number of weights and biases. */
  get parameterCount(): number {
    return this.layers.reduce((s, l) => s + l.W.data.length + l.b.length, 0);
  }

  /** Forward propagation: returns the output of the last layer for a batch (one sample per row). */
  forward(X: Matrix | number[][]): Matrix {
    let A = this.checkInput(X);
    for (const layer of this.layers) A = layer.forward(A);
    return A;
  }

  /** X as a Matrix with inputSize columns, or a clear error. */
  private checkInput(X: Matrix | number[][]): Matrix {
    const Xm = toMatrix(X, 'X', 'Network.forward');
    if (Xm.cols !== this.inputSize) {
      throw new ShapeError(
        `Network.forward: X has shape ${formatShape(Xm.shape)}, expected ${formatShape([null, this.inputSize])} (${this.inputSize} features per sample)`,
        [null, this.inputSize],
        Xm.shape,
      );
    }
    return Xm;
  }

  /** Forward pass returning plain arrays (one row of outputs per sample). */
  predict(X: Matrix | number[][]): number[][] {
    return this.forward(X).toArray();
  }

  /** Every layer's input, Z and A from the most recent forward pass, as plain arrays. */
  trace(): LayerTrace[] {
    return this.layers.map((l, i) => {
      if (!l.X || !l.Z || !l.A) throw new ArgumentError('Network.trace: run forward(X) first');
      return { layer: i + 1, activation: l.activation.name, input: l.X.toArray(), Z: l.Z.toArray(), A: l.A.toArray() };
    });
  }

  /**
   * Checks a loss against the output layer and returns the form the network computes: a loss that reads logits
   * needs its activation in the output layer (softmax cross-entropy: softmax); binary cross-entropy with a sigmoid
   * output layer becomes its logit form (computed from z, exact gradient (p − t)/(N·K) at any z).
   */
  resolveLoss(loss: string | Loss): Loss {
    const L = getLoss(loss);
    const last = this.layers[this.layers.length - 1].activation.name;
    if (L.input === 'logits') {
      const needs = L.fusedWith ?? 'softmax';
      if (last !== needs) {
        throw new ArgumentError(
          `Network: the loss "${L.name}" reads the logits of a ${needs} output layer, but the output layer's activation is "${last}"; use activation '${needs}' in the last layer`,
        );
      }
      return L;
    }
    if (L.logitForm !== undefined && L.logitForm.fusedWith === last) return L.logitForm;
    return L;
  }

  private checkTargets(fn: string, T: Matrix, rows: number): void {
    if (T.rows !== rows || T.cols !== this.outputSize) {
      throw new ShapeError(
        `${fn}: targets have shape ${formatShape(T.shape)}, expected ${formatShape([rows, this.outputSize])} (one row per sample, ${this.outputSize} outputs)` +
          (T.cols === 1 && this.outputSize > 1 ? '; class labels must be one-hot encoded (oneHot(labels))' : ''),
        [rows, this.outputSize],
        T.shape,
      );
    }
  }

  /** The loss of the network on (X, T) without computing gradients. */
  evaluate(X: Matrix | number[][], T: Matrix | number[][] | number[], loss: string | Loss): number {
    const L = this.resolveLoss(loss);
    const out = this.forward(X);
    const Tm = toMatrix(T, 'T', 'Network.evaluate');
    this.checkTargets('Network.evaluate', Tm, out.rows);
    const last = this.layers[this.layers.length - 1];
    return L.value(L.input === 'logits' ? (last.Z as Matrix) : out, Tm);
  }

  /**
   * Backpropagation from a given gradient of the loss with respect to the output A
   * (or to the last Z if `withRespectToLogits`). Fills every layer's dLoss_dW and dLoss_db.
   */
  backward(dLoss_dOutput: Matrix, withRespectToLogits = false): void {
    const n = this.layers.length;
    let g: Matrix | null = dLoss_dOutput;
    for (let i = n - 1; i >= 0; i--) {
      const layer = this.layers[i];
      g = i === n - 1 && withRespectToLogits ? layer.backward(null, g as Matrix, i > 0) : layer.backward(g as Matrix, undefined, i > 0);
    }
  }

  /** Forward pass, loss, and backward pass on one batch. Returns the loss; gradients are left in the layers. */
  computeGradients(X: Matrix | number[][], T: Matrix | number[][] | number[], loss: string | Loss): number {
    const L = this.resolveLoss(loss);
    const Xm = this.checkInput(X);
    const Tm = toMatrix(T, 'T', 'Network.computeGradients');
    this.checkTargets('Network.computeGradients', Tm, Xm.rows);
    return this.gradientStep(Xm, Tm, L, new BatchBuffers(this, Xm.rows));
  }

  /**
   * What computeGradients does once its arguments are checked: forward pass, loss, backward pass, with every
   * intermediate matrix written into `buffers`. computeGradients passes new buffers each time; the training
   * loop (train.ts), which checks its data once, passes the same buffers for every batch of the same size.
   * X must be [buffers.batchSize, inputSize] and T [buffers.batchSize, outputSize]; L must be resolved.
   */
  gradientStep(X: Matrix, T: Matrix, L: Loss, buffers: BatchBuffers): number {
    const layers = this.layers, last = layers.length - 1;
    const { Z, A, dLoss_dZ, dLoss_dA } = buffers;
    let input = X;
    for (let i = 0; i <= last; i++) {
      layers[i].forwardInto(input, Z[i], A[i]);
      input = A[i];
    }
    let value: number;
    if (L.input === 'logits') {
      // Softmax cross-entropy (and binary cross-entropy after a sigmoid) reads the logits Z and hands back dL/dZ
      // of the output layer directly.
      value = L.value(Z[last], T);
      L.gradient(Z[last], T, dLoss_dZ[last]);
      layers[last].backwardInto(null, dLoss_dZ[last], last > 0 ? dLoss_dA[last - 1] : null);
    } else {
      value = L.value(A[last], T);
      L.gradient(A[last], T, dLoss_dA[last]);
      layers[last].backwardInto(dLoss_dA[last], dLoss_dZ[last], last > 0 ? dLoss_dA[last - 1] : null);
    }
    // dL/dX of layer i + 1 is dL/dA of layer i.
    for (let i = last - 1; i >= 0; i--) layers[i].backwardInto(dLoss_dA[i], dLoss_dZ[i], i > 0 ? dLoss_dA[i - 1] : null);
    return value;
  }

  /**
   * Gives every layer its own copies of the matrices it keeps from the last pass (X, Z, A, dLoss_dZ), so they no
   * longer share memory with reusable BatchBuffers. train() calls it before handing control to user code.
   */
  detachBuffers(): void {
    for (const l of this.layers) {
      if (l.X) l.X = l.X.clone();
      if (l.Z) l.Z = l.Z.clone();
      if (l.A) l.A = l.A.clone();
      if (l.dLoss_dZ) l.dLoss_dZ = l.dLoss_dZ.clone();
    }
  }

  /** Weights and biases of every layer as plain arrays (copies). */
  parameters(): LayerParameters[] {
    return this.layers.map((l) => ({ weights: l.W.toArray(), biases: Array.from(l.b) }));
  }

  /** dL/dW and dL/db of every layer from the last backward pass, as plain arrays (copies). */
  gradients(): LayerParameters[] {
    return this.layers.map((l) => ({ weights: l.dLoss_dW.toArray(), biases: Array.from(l.dLoss_db) }));
  }

  /** Replaces all weights and biases (shapes must match). */
  setParameters(params: LayerParameters[]): void {
    if (!Array.isArray(params) || params.length !== this.layers.length) {
      throw new ShapeError(`Network.setParameters: expected ${this.layers.length} layers of parameters, got ${describe(params)}`);
    }
    params.forEach((p, i) => {
      const W = toMatrix(p.weights, `params[${i}].weights`, 'Network.setParameters');
      const l = this.layers[i];
      if (W.rows !== l.W.rows || W.cols !== l.W.cols) {
        throw new ShapeError(
          `Network.setParameters: params[${i}].weights has shape ${formatShape(W.shape)}, expected ${formatShape(l.W.shape)}`,
          l.W.shape,
          W.shape,
        );
      }
      if (!Array.isArray(p.biases) || p.biases.length !== l.b.length) {
        throw new ShapeError(`Network.setParameters: params[${i}].biases must have length ${l.b.length}`, [l.b.length]);
      }
      l.W.data.set(W.data);
      l.b.set(p.biases);
    });
  }

  /** The parameter arrays with their gradients, in a fixed order (layer 1 weights, layer 1 biases, …). */
  parameterList(): Parameter[] {
    const list: Parameter[] = [];
    this.layers.forEach((l, i) => {
      list.push({ name: `layer ${i + 1} weights`, value: l.W.data, grad: l.dLoss_dW.data });
      list.push({ name: `layer ${i + 1} biases`, value: l.b, grad: l.dLoss_db });
    });
    return list;
  }

  /** An independent copy with the same weights. */
  clone(): Network {
    return new Network(this.layers.map((l) => new Dense(l.inputSize, l.units, l.activation, l.W.data.slice(), l.b.slice())));
  }

  /** A short text summary: one line per layer with shapes and parameter counts. */
  summary(): string {
    const lines = [`Network ${this.sizes.join('-')} (${this.parameterCount} parameters)`];
    this.layers.forEach((l, i) => {
      const kind = i === this.layers.length - 1 ? 'output' : 'hidden';
      lines.push(
        `  layer ${i + 1} (${kind}): ${l.inputSize} → ${l.units}, ${l.activation.label}, W ${formatShape(l.W.shape)}, b [${l.units}], ${l.W.data.length + l.b.length} parameters`,
      );
    });
    return lines.join('\n');
  }

  /** A JSON-ready description (format 'fcnn-network', version 1). Custom formula activations keep their formula. */
  toJSON(): NetworkJson {
    return {
      format: 'fcnn-network',
      version: 1,
      layers: this.layers.map((l) => ({
        activation: l.activation.name,
        ...(isBuiltinName(l.activation.name) ? {} : { formula: l.activation.expression }),
        ...(l.activation.name === 'leaky-relu' ? { alpha: leakyAlpha(l.activation) } : {}),
        weights: l.W.toArray(),
        biases: Array.from(l.b),
      })),
    };
  }
}

/**
 * The matrices one forward + backward pass over a batch of `batchSize` samples writes, for every layer i:
 * Z[i], A[i], dLoss_dZ[i] and dLoss_dA[i], each of shape [batchSize, units of layer i]. (dLoss_dA[i] is also
 * the dL/dX that layer i + 1 hands back; for the output layer it holds the loss gradient dL/dY.)
 * The training loop makes one set per batch size and reuses it for every batch, instead of allocating
 * about a dozen new matrices per batch.
 */
export class BatchBuffers {
  readonly Z: Matrix[];
  readonly A: Matrix[];
  readonly dLoss_dZ: Matrix[];
  readonly dLoss_dA: Matrix[];

  constructor(net: Network, readonly batchSize: number) {
    if (!(net instanceof Network)) throw new ArgumentError(`BatchBuffers: net must be a Network, got ${describe(net)}`);
    checkInteger('BatchBuffers', 'batchSize', batchSize);
    const make = () => net.layers.map((l) => new Matrix(batchSize, l.units));
    this.Z = make();
    this.A = make();
    this.dLoss_dZ = make();
    this.dLoss_dA = make();
  }
}

export interface NetworkJson {
  format: 'fcnn-network';
  version: 1;
  layers: Array<{ activation: string; formula?: string; alpha?: number; weights: number[][]; biases: number[] }>;
}

/** getActivation, with its error message prefixed by the calling function and argument. */
function activationFor(fn: string, arg: string, a: string | Activation | undefined): Activation {
  try {
    return getActivation(a ?? 'identity');
  } catch (err) {
    if (err instanceof ArgumentError) throw new ArgumentError(`${fn}: ${arg}: ${err.message}`);
    throw err;
  }
}

/** True for a name the activation registry knows (saved by name); other activations are saved with their formula. */
function isBuiltinName(name: string): boolean {
  return activationNames().includes(name);
}
function leakyAlpha(a: Activation): number {
  return a.derivative(-1);
}
