/**
 * The WebAssembly SIMD tanh kernel (lib/wasm/tanh.wat) as a function on Float64Arrays: it copies the numbers
 * into the module's own memory, computes them there eight at a time and copies the results out. The results are
 * the same doubles as Math.tanh's (the kernel does fdlibm's operations; see lib/activations/tanh-fdlibm.ts),
 * it is only faster (about 2x on arrays of hundreds of elements; see lib/activations/tanh.ts).
 * lib/activations/tanh.ts decides when to use it.
 */
import { decodeBase64 } from './base64';
import { TANH_WASM_BASE64 } from './tanh-wasm';
import { wasmApi } from './wasm-api';

/** src, dst (byte addresses), n: dst[i] = tanh(src[i]), in steps of 8 (so up to 7 elements more). */
type TanhExport = (src: number, dst: number, n: number) => void;

/** Elements per call: the module's memory is one 64 KiB page of doubles. Longer arrays go in chunks. */
export const SIMD_TANH_CHUNK = 8192;

/** dst[i] = tanh(src[i]) for all i (dst may be src; it must be at least as long as src). */
export type TanhInto = (src: Float64Array, dst: Float64Array) => void;

let kernel: TanhInto | null | undefined; // undefined: not tried yet; null: not available here

/**
 * The kernel, instantiated on first use, or null when this JavaScript engine has no WebAssembly or no SIMD (the
 * caller then uses Math.tanh, which gives the same numbers).
 */
export function simdTanh(): TanhInto | null {
  if (kernel === undefined) kernel = instantiate();
  return kernel;
}

function instantiate(): TanhInto | null {
  let run: TanhExport;
  let memory: Float64Array;
  try {
    const api = wasmApi(); // throws where there is no WebAssembly
    const module = new api.Module(decodeBase64(TANH_WASM_BASE64)); // throws without SIMD
    const exports = new api.Instance(module, {}).exports;
    run = exports.tanh as TanhExport;
    // The memory never grows, so this view stays valid. The kernel works in steps of 8 elements; the chunk is
    // a multiple of 8, so the up to 7 extra slots it touches after a shorter count stay inside the memory.
    memory = new Float64Array((exports.memory as { buffer: ArrayBuffer }).buffer, 0, SIMD_TANH_CHUNK);
  } catch {
    return null;
  }
  return (src, dst) => {
    const n = src.length;
    if (n <= SIMD_TANH_CHUNK) {
      memory.set(src);
      run(0, 0, n);
      dst.set(n === SIMD_TANH_CHUNK ? memory : memory.subarray(0, n));
      return;
    }
    for (let start = 0; start < n; start += SIMD_TANH_CHUNK) {
      const end = Math.min(start + SIMD_TANH_CHUNK, n);
      memory.set(src.subarray(start, end));
      run(0, 0, end - start);
      dst.set(memory.subarray(0, end - start), start);
    }
  };
}
