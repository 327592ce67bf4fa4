/**
 * A dense (fully connected, 全连接) layer: every input connects to every neuron.
 *
 * Forward, for a batch X of shape [batch, inputs]:
 *   Z = X·W + b      (W: [inputs, units], W[i][j] = weight from input i to neuron j; b: [units])
 *   A = h(Z)
 * Backward, given dL/dA (or dL/dZ directly when the loss is fused with the activation):
 *   dL/dZ = dL/dA ⊙ h'(Z)          (the activation's chain rule; a Jacobian–vector product for softmax)
 *   dL/dW = Xᵀ·dL/dZ               [inputs, units]
 *   dL/db = Σ over the batch of dL/dZ
 *   dL/dX = dL/dZ·Wᵀ               [batch, inputs]  — handed to the previous layer
 */
import type { Activation } from './activations/types';
import { isActivation } from './activations/registry';
import { ArgumentError, ShapeError, checkInteger, describe, formatShape } from './errors';
import { Matrix, addRowVector, matmul, matmulTransA, matmulTransB, sumRows } from './matrix';

export class Dense {
  /** Number of inputs each neuron receives. */
  readonly inputSize: number;
  /** Number of neurons. */
  readonly units: number;
  /** The activation h. */
  readonly activation: Activation;
  /** Weights, shape [inputSize, units]: W(i, j) multiplies input i on its way into neuron j. */
  readonly W: Matrix;
  /** Biases, one per neuron. */
  readonly b: Float64Array;
  /** This derivative equals dL/dW (filled by backward). */
  readonly dLoss_dW: Matrix;
  /** This derivative equals dL/db (filled by backward). */
  readonly dLoss_db: Float64Array;
  /** The input of the last forward pass (null before the first). */
  X: Matrix | null = null;
  /** The pre-activations Z = X·W + b of the last forward pass. */
  Z: Matrix | null = null;
  /** The outputs A = h(Z) of the last forward pass. */
  A: Matrix | null = null;
  /** This derivative equals dL/dZ of the last backward pass. */
  dLoss_dZ: Matrix | null = null;

  constructor(inputSize: number, units: number, activation: Activation, weights: Float64Array, biases?: Float64Array) {
    checkInteger('Dense', 'inputSize', inputSize);
    checkInteger('Dense', 'units', units);
    if (!isActivation(activation)) throw new ArgumentError(`Dense: activation must be an Activation object (see getActivation), got ${describe(activation)}`);
    if (!(weights instanceof Float64Array) || weights.length !== inputSize * units) {
      throw new ShapeError(`Dense: weights must be a Float64Array of inputSize·units = ${inputSize * units} numbers, got ${describe(weights)}`, [inputSize * units]);
    }
    if (biases !== undefined && !(biases instanceof Float64Array)) throw new ArgumentError(`Dense: biases must be a Float64Array, got ${describe(biases)}`);
    this.inputSize = inputSize;
    this.units = units;
    this.activation = activation;
    this.W = new Matrix(inputSize, units, weights);
    this.b = biases ?? new Float64Array(units);
    if (this.b.length !== units) {
      throw new ShapeError(`Dense: biases have length ${this.b.length}, expected ${units} (one per neuron)`, [units], [this.b.length]);
    }
    this.dLoss_dW = new Matrix(inputSize, units);
    this.dLoss_db = new Float64Array(units);
  }

  /** Z = X·W + b, A = h(Z). Keeps X, Z and A for the backward pass and for traces. Returns A (a new matrix). */
  forward(X: Matrix): Matrix {
    if (X.cols !== this.inputSize) {
      throw new ShapeError(
        `Dense.forward: input X has shape ${formatShape(X.shape)}, expected ${formatShape([null, this.inputSize])} (${this.inputSize} features per row)`,
        [null, this.inputSize],
        X.shape,
      );
    }
    const A = new Matrix(X.rows, this.units);
    this.forwardInto(X, new Matrix(X.rows, this.units), A);
    return A;
  }

  /**
   * The forward pass itself, writing into given matrices Z and A of shape [batch, units] (forward() passes new
   * ones; the training loop passes the same ones for every batch, so it allocates nothing). X is not checked here.
   */
  forwardInto(X: Matrix, Z: Matrix, A: Matrix): void {
    matmul(X, this.W, Z); //         Z = X·W
    addRowVector(Z, this.b); //        + b
    this.activation.forward(Z, A); // A = h(Z)
    this.X = X;
    this.Z = Z;
    this.A = A;
  }

  /**
   * Backward step. Pass dL/dA, or pass `null` and dL/dZ when the loss already gave the gradient with
   * respect to Z (softmax cross-entropy). Fills dLoss_dW and dLoss_db; returns dL/dX (a new matrix) unless
   * `needInputGradient` is false.
   */
  backward(dLoss_dA: Matrix | null, dLoss_dZGiven?: Matrix, needInputGradient = true): Matrix | null {
    const { X, Z, A } = this;
    if (X === null || Z === null || A === null) {
      throw new ShapeError('Dense.backward: call forward before backward (there is no stored input)');
    }
    let dLoss_dZ: Matrix;
    if (dLoss_dA !== null) {
      if (dLoss_dA.rows !== A.rows || dLoss_dA.cols !== A.cols) {
        throw new ShapeError(
          `Dense.backward: dLoss_dA has shape ${formatShape(dLoss_dA.shape)}, expected ${formatShape(A.shape)} like the layer's output`,
          A.shape,
          dLoss_dA.shape,
        );
      }
      dLoss_dZ = new Matrix(Z.rows, Z.cols);
    } else {
      if (!dLoss_dZGiven || dLoss_dZGiven.rows !== Z.rows || dLoss_dZGiven.cols !== Z.cols) {
        throw new ShapeError(
          `Dense.backward: dLoss_dZ must have shape ${formatShape(Z.shape)} when dLoss_dA is null`,
          Z.shape,
          dLoss_dZGiven?.shape,
        );
      }
      dLoss_dZ = dLoss_dZGiven;
    }
    const dLoss_dX = needInputGradient ? new Matrix(X.rows, this.inputSize) : null;
    this.backwardInto(dLoss_dA, dLoss_dZ, dLoss_dX);
    return dLoss_dX;
  }

  /**
   * The backward step itself, writing into given matrices (backward() passes new ones; the training loop reuses
   * its own). With dLoss_dA = null, dLoss_dZ must already hold dL/dZ; otherwise it receives dL/dA ⊙ h'(Z).
   * dL/dX goes into dLoss_dX unless that is null. Shapes are not checked here.
   */
  backwardInto(dLoss_dA: Matrix | null, dLoss_dZ: Matrix, dLoss_dX: Matrix | null): void {
    const X = this.X as Matrix;
    if (dLoss_dA !== null) this.activation.backward(this.Z as Matrix, this.A as Matrix, dLoss_dA, dLoss_dZ); // dL/dZ = dL/dA ⊙ h'(Z)
    this.dLoss_dZ = dLoss_dZ;
    matmulTransA(X, dLoss_dZ, this.dLoss_dW); //                 dL/dW = Xᵀ·dL/dZ
    sumRows(dLoss_dZ, this.dLoss_db); //                         dL/db = Σ_batch dL/dZ
    if (dLoss_dX !== null) matmulTransB(dLoss_dZ, this.W, dLoss_dX); // dL/dX = dL/dZ·Wᵀ
  }
}
