/**
 * Turns a scalar activation (h and h') into one that works on batches: A = h(Z) and dL/dZ = dL/dA ⊙ h'(Z).
 */
import { ShapeError, formatShape } from '../errors';
import type { Matrix } from '../matrix';
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

export function elementwise(spec: ElementwiseSpec): Activation {
  const { output, derivative } = spec;
  const fromOutput = spec.derivativeFromOutput;
  return Object.freeze({
    name: spec.name,
    label: spec.label,
    elementwise: true,
    output,
    derivative,
    forward(Z: Matrix, A: Matrix): void {
      checkSameShape(`${spec.name}.forward`, ['Z', 'A'], [Z, A]);
      const z = Z.data, a = A.data;
      for (let i = 0; i < z.length; i++) a[i] = output(z[i]);
    },
    backward(Z: Matrix, A: Matrix, dLoss_dA: Matrix, dLoss_dZ: Matrix): void {
      checkSameShape(`${spec.name}.backward`, ['Z', 'A', 'dLoss_dA', 'dLoss_dZ'], [Z, A, dLoss_dA, dLoss_dZ]);
      const z = Z.data, a = A.data, g = dLoss_dA.data, out = dLoss_dZ.data;
      if (fromOutput) {
        for (let i = 0; i < z.length; i++) out[i] = g[i] * fromOutput(z[i], a[i]);
      } else {
        for (let i = 0; i < z.length; i++) out[i] = g[i] * derivative(z[i]);
      }
    },
    latex: spec.latex,
    latexDerivative: spec.latexDerivative,
    expression: spec.expression,
    range: spec.range,
    pros: Object.freeze([...spec.pros]),
    cons: Object.freeze([...spec.cons]),
  });
}
