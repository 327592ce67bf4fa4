/**
 * Turns a scalar activation (h and h') into one that works on batches: A = h(Z) and dL/dZ = dL/dA ⊙ h'(Z).
 *
 * The generic loops call h or h' once per element. The built-in activations also hand in their own loops
 * (`forwardLoop` / `backwardLoop`, the same formula written inline), which compute the same numbers faster:
 * a call through a function that differs from activation to activation cannot be inlined by the JIT.
 */
import { ArgumentError, ShapeError, describe, formatShape } from '../errors';
import { Matrix } from '../matrix';
import type { Activation, ElementwiseSpec } from './types';

export function checkSameShape(fn: string, names: string[], ms: Matrix[]): void {
  const [r, c] = [ms[0].rows, ms[0].cols];
  for (let i = 1; i < ms.length; i++) {
    if (ms[i].rows !== r || ms[i].cols !== c) {
      throw new ShapeError(
        `${fn}: ${names[i]} has shape ${formatShape(ms[i].shape)}, expected ${formatShape([r, c])} like ${names[0]}`,
        [r, c],
        ms[i].shape,
      );
    }
  }
}

function sameShape(a: Matrix, b: Matrix): boolean {
  return a.rows === b.rows && a.cols === b.cols;
}

/** Throws unless every argument is a Matrix. */
export function checkMatrices(fn: string, names: string[], ms: unknown[]): void {
  ms.forEach((m, i) => {
    if (!(m instanceof Matrix)) throw new ArgumentError(`${fn}: ${names[i]} must be a Matrix, got ${describe(m)}`);
  });
}

export function elementwise(spec: ElementwiseSpec): Activation {
  if (typeof spec !== 'object' || spec === null) throw new ArgumentError(`elementwise: spec must be an object, got ${describe(spec)}`);
  for (const key of ['name', 'label', 'latex', 'latexDerivative', 'expression', 'range'] as const) {
    if (typeof spec[key] !== 'string') throw new ArgumentError(`elementwise: spec.${key} must be a string, got ${describe(spec[key])}`);
  }
  for (const key of ['output', 'derivative'] as const) {
    if (typeof spec[key] !== 'function') throw new ArgumentError(`elementwise: spec.${key} must be a function, got ${describe(spec[key])}`);
  }
  if (!Array.isArray(spec.pros) || !Array.isArray(spec.cons)) throw new ArgumentError('elementwise: spec.pros and spec.cons must be arrays of strings');
  const { output, derivative } = spec;
  const fromOutput = spec.derivativeFromOutput;

  /** a[i] = h(z[i]), calling h for each element. */
  function genericForward(z: Float64Array, a: Float64Array): void {
    for (let i = 0; i < z.length; i++) a[i] = output(z[i]);
  }
  /** out[i] = g[i]·h'(z[i]), calling h' for each element (from the output a when the spec allows it). */
  function genericBackward(z: Float64Array, a: Float64Array, g: Float64Array, out: Float64Array): void {
    if (fromOutput) {
      for (let i = 0; i < z.length; i++) out[i] = g[i] * fromOutput(z[i], a[i]);
    } else {
      for (let i = 0; i < z.length; i++) out[i] = g[i] * derivative(z[i]);
    }
  }
  const forwardLoop = spec.forwardLoop ?? genericForward;
  const backwardLoop = spec.backwardLoop ?? genericBackward;

  return Object.freeze({
    name: spec.name,
    label: spec.label,
    elementwise: true,
    // The scalar forms check their argument (a string would silently become NaN); the batch loops do not.
    output: (z: number): number => {
      if (typeof z !== 'number') throw new ArgumentError(`${spec.name}.output: z must be a number, got ${describe(z)}`);
      return output(z);
    },
    derivative: (z: number): number => {
      if (typeof z !== 'number') throw new ArgumentError(`${spec.name}.derivative: z must be a number, got ${describe(z)}`);
      return derivative(z);
    },
    forward(Z: Matrix, A: Matrix): void {
      checkMatrices(`${spec.name}.forward`, ['Z', 'A'], [Z, A]);
      if (!sameShape(Z, A)) checkSameShape(`${spec.name}.forward`, ['Z', 'A'], [Z, A]);
      forwardLoop(Z.data, A.data);
    },
    backward(Z: Matrix, A: Matrix, dLoss_dA: Matrix, dLoss_dZ: Matrix): void {
      checkMatrices(`${spec.name}.backward`, ['Z', 'A', 'dLoss_dA', 'dLoss_dZ'], [Z, A, dLoss_dA, dLoss_dZ]);
      if (!sameShape(Z, A) || !sameShape(Z, dLoss_dA) || !sameShape(Z, dLoss_dZ)) {
        checkSameShape(`${spec.name}.backward`, ['Z', 'A', 'dLoss_dA', 'dLoss_dZ'], [Z, A, dLoss_dA, dLoss_dZ]);
      }
      backwardLoop(Z.data, A.data, dLoss_dA.data, dLoss_dZ.data);
    },
    latex: spec.latex,
    latexDerivative: spec.latexDerivative,
    expression: spec.expression,
    range: spec.range,
    pros: Object.freeze([...spec.pros]),
    cons: Object.freeze([...spec.cons]),
  });
}
