// GENERATED FILE: do not edit. Made from lib/wasm/gemm.wat by `npm run build:wasm` (scripts/build-wasm.js).
/**
 * The matrix-product kernel of lib/wasm/gemm.wat as WebAssembly bytes (base64): 128-bit SIMD and a shared,
 * imported memory. Read gemm.wat for what it computes; lib/matmul-kernels.ts instantiates it.
 */
export const GEMM_WASM_BASE64 =
  'AGFzbQEAAAABEwJgB39/f39/f38AYAV/f39/fwACEgEDZW52Bm1lbW9yeQIDAYCABAMDAgABBwgBBGdlbW0AAAqdAwJ2AQZ/IANB' +
  'BXQhCSACQQV0IQogACEHAkADQCAHIAFODQEgBCAHIAlsaiELIAYgB0ECdCAKbGohDEEAIQgCQANAIAggAk4NASALIAUgCCAJbGog' +
  'DCADIAoQASAMQSBqIQwgCEEBaiEIDAALCyAHQQFqIQcMAAsLC6MCAgt7AX8CQCADRQ0AIAMhEANAIAH9AAMAIQ0gAf0AAxAhDiAA' +
  '/QoDACEPIAUgDyAN/fIB/fABIQUgBiAPIA798gH98AEhBiAA/QoDCCEPIAcgDyAN/fIB/fABIQcgCCAPIA798gH98AEhCCAA/QoD' +
  'ECEPIAkgDyAN/fIB/fABIQkgCiAPIA798gH98AEhCiAA/QoDGCEPIAsgDyAN/fIB/fABIQsgDCAPIA798gH98AEhDCAAQSBqIQAg' +
  'AUEgaiEBIBBBAWshECAQDQALCyACIAX9CwMAIAIgBv0LAxAgAiAEaiECIAIgB/0LAwAgAiAI/QsDECACIARqIQIgAiAJ/QsDACAC' +
  'IAr9CwMQIAIgBGohAiACIAv9CwMAIAIgDP0LAxAL';
