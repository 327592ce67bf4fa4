/**
 * The few parts of the WebAssembly JavaScript API the lib's kernels use (lib/wasm/simd-gemm.ts, simd-tanh.ts).
 * The project compiles without the DOM library (which declares them), so they are spelled out here; the objects
 * come from `globalThis.WebAssembly` at run time.
 */
export interface WasmMemory {
  readonly buffer: ArrayBufferLike;
  grow(pages: number): number;
}

export interface WasmApi {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: object) => { exports: Record<string, unknown> };
  Memory: new (descriptor: { initial: number; maximum: number; shared: boolean }) => WasmMemory;
}

/** The engine's WebAssembly object; throws where there is none (callers then fall back to JavaScript). */
export function wasmApi(): WasmApi {
  const api = (globalThis as unknown as { WebAssembly?: WasmApi }).WebAssembly;
  if (api === undefined) throw new Error('WebAssembly is not available');
  return api;
}
