/**
 * Hyperbolic tangent: tanh(z) = (e^z − e^(−z)) / (e^z + e^(−z)) = 2σ(2z) − 1, tanh'(z) = 1 − tanh²(z).
 * A rescaled sigmoid with range (−1, 1), centred on 0.
 */
import { elementwise } from './elementwise';
import { simdTanh } from '../wasm/simd-tanh';

/**
 * From this many elements on, the forward pass uses the WebAssembly SIMD kernel (lib/wasm/tanh.wat), which
 * gives the same doubles as Math.tanh (it does fdlibm's operations, as V8 does) in less time; below it, the
 * call and the copies in and out cost more than they save. Measured in Node 20 (ns per element, Math.tanh loop
 * vs kernel): 8 elements 30 vs 32, 16: 27 vs 22, 32: 29 vs 16, 512: 29 vs 11. In processes where Math.tanh runs
 * at 57 ns instead (see lib/wasm/base64.ts; the benchmark's process is one) the kernel gains more.
 */
export const SIMD_TANH_MIN_LENGTH = 16;

export const tanh = elementwise({
  name: 'tanh',
  label: 'Tanh',
  output: (z) => Math.tanh(z),
  derivative: (z) => {
    const t = Math.tanh(z);
    return 1 - t * t;
  },
  derivativeFromOutput: (_z, a) => 1 - a * a,
  // The batch loops: the same formulas written inline (tanh' from the output: 1 − a², no second tanh).
  forwardLoop(z, a) {
    if (z.length >= SIMD_TANH_MIN_LENGTH) {
      const kernel = simdTanh(); // null where WebAssembly SIMD is missing
      if (kernel !== null) {
        kernel(z, a);
        return;
      }
    }
    for (let i = 0; i < z.length; i++) a[i] = Math.tanh(z[i]);
  },
  backwardLoop(_z, a, g, out) {
    for (let i = 0; i < a.length; i++) out[i] = g[i] * (1 - a[i] * a[i]);
  },
  latex: '\\tanh(z) = \\frac{e^{z} - e^{-z}}{e^{z} + e^{-z}} = 2\\sigma(2z) - 1',
  latexDerivative: "\\tanh'(z) = 1 - \\tanh^2(z)",
  expression: '(exp(x) - exp(-x)) / (exp(x) + exp(-x))',
  range: '(-1, 1)',
  pros: ['Output centred on 0, so training usually converges faster than with sigmoid', 'Derivative up to 1 (sigmoid: 0.25)'],
  cons: ['Still saturates: the derivative is nearly 0 for large |z|, so saturated units pass back almost no gradient and gradients can vanish', 'Needs exponentials'],
});
