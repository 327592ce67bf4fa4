/**
 * The WebAssembly SIMD matrix-product kernel (lib/wasm/gemm.wat) as a TypeScript object: it owns a shared
 * WebAssembly memory, copies the operands into it in the packed layout the kernel reads, runs the kernel and
 * copies C out. lib/matmul-kernels.ts decides when to use it (and splits the rows between two threads).
 *
 * Packed layout (see gemm.wat): the rows of A and the columns of B are cut into panels of 4; a panel stores,
 * for p = 0 … k−1, the 4 numbers (row or column t = 0 … 3 of the panel) at step p next to each other:
 *   packed[32·(s·k + p) + 8·t bytes] = line 4s + t, element p        (0 beyond the last line).
 * A "line" is a row of A (its elements are A(i, p)) or a column of B (its elements are B(p, j)).
 * Example: a 2×3 matrix A = [[1, 2, 3], [4, 5, 6]] packs into one panel [1, 4, 0, 0, 2, 5, 0, 0, 3, 6, 0, 0].
 *
 * Packing only copies numbers, so the kernel's sums, and therefore C, are the same as the reference loops'.
 */
import { decodeBase64 } from './base64';
import { GEMM_WASM_BASE64 } from './gemm-wasm';
import { wasmApi, type WasmMemory } from './wasm-api';

export type { WasmMemory };

/** rowPanelStart, rowPanelEnd, colPanels, k, a, b, c (byte addresses): computes those row panels of C. */
export type GemmExport = (rowPanelStart: number, rowPanelEnd: number, colPanels: number, k: number, a: number, b: number, c: number) => void;

/** One WebAssembly page is 64 KiB. */
const PAGE_BYTES = 65536;
/** The memory starts at 4 MiB and may grow to 1 GiB (a shared memory needs a maximum); larger products use the JS kernel. */
const INITIAL_PAGES = 64;
const MAXIMUM_PAGES = 16384;

let compiled: object | null | undefined; // undefined: not tried yet; null: not available here

/** The compiled kernel module, or null when this JavaScript engine cannot run it (no SIMD or no shared memory). */
export function gemmWasmModule(): object | null {
  if (compiled !== undefined) return compiled;
  try {
    const api = wasmApi();
    const module = new api.Module(decodeBase64(GEMM_WASM_BASE64));
    const memory = new api.Memory({ initial: 1, maximum: 1, shared: true });
    new api.Instance(module, { env: { memory } }); // fails where shared memories are not supported
    compiled = module;
  } catch {
    compiled = null;
  }
  return compiled;
}

/** src, count, k, line, step, dst (byte addresses and byte strides): packs lines of an operand (see packPanels). */
export type PackExport = (src: number, count: number, k: number, line: number, step: number, dst: number) => void;

/** An instance of the module on the given shared memory: its two functions. */
function instantiate(memory: WasmMemory): { gemm: GemmExport; pack: PackExport } {
  const module = gemmWasmModule();
  if (module === null) throw new Error('instantiateGemm: WebAssembly SIMD with shared memory is not available');
  const exports = new (wasmApi().Instance)(module, { env: { memory } }).exports;
  return { gemm: exports.gemm as GemmExport, pack: exports.pack as PackExport };
}

/** The kernel on the given shared memory (the helper thread makes one on the main thread's memory). */
export function instantiateGemm(memory: WasmMemory): GemmExport {
  return instantiate(memory).gemm;
}

/** Where the packed operands and C sit in the memory (in float64 elements), and the panel counts. */
export interface GemmJob {
  rowPanels: number;
  colPanels: number;
  k: number;
  /** Byte addresses of packed A, packed B and C (C is row-major with 4·colPanels columns). */
  a: number;
  b: number;
  c: number;
}

/** The kernel with its own shared memory: pack, run (see run), unpack. */
export class SimdGemm {
  readonly memory: WasmMemory;
  private readonly gemm: GemmExport;
  private readonly packLines: PackExport;
  private view: Float64Array;

  constructor() {
    this.memory = new (wasmApi().Memory)({ initial: INITIAL_PAGES, maximum: MAXIMUM_PAGES, shared: true });
    ({ gemm: this.gemm, pack: this.packLines } = instantiate(this.memory));
    this.view = new Float64Array(this.memory.buffer);
  }

  /**
   * Packs the operands of an m×n×k product. Line l of A has its element p at A[l·aLine + p·aStep] (l < m);
   * line l of B (column l) has its element p at B[l·bLine + p·bStep] (l < n). Returns the job, or null when
   * the product does not fit into the largest memory allowed.
   */
  pack(m: number, n: number, k: number, A: Float64Array, aLine: number, aStep: number, B: Float64Array, bLine: number, bStep: number): GemmJob | null {
    const rowPanels = (m + 3) >> 2, colPanels = (n + 3) >> 2;
    const aLength = 4 * rowPanels * k, bLength = 4 * colPanels * k, cLength = 4 * rowPanels * 4 * colPanels;
    // After packed A, packed B and C: room for A (m·k numbers) and B (k·n) copied unchanged, which the module packs.
    const rawA = aLength + bLength + cLength, rawB = rawA + m * k;
    const bytes = 8 * (rawB + k * n);
    if (bytes > MAXIMUM_PAGES * PAGE_BYTES) return null;
    // Only this object grows the memory, so the view's length is the memory's size (reading memory.buffer on
    // every product would cost more than packing a small one).
    if (this.view.length * 8 < bytes) {
      this.memory.grow(Math.ceil((bytes - this.view.length * 8) / PAGE_BYTES));
      this.view = new Float64Array(this.memory.buffer);
    }
    this.view.set(A.length === m * k ? A : A.subarray(0, m * k), rawA);
    this.view.set(B.length === k * n ? B : B.subarray(0, k * n), rawB);
    this.packLines(8 * rawA, m, k, 8 * aLine, 8 * aStep, 0); //       = packPanels(A, m, k, aLine, aStep, view, 0)
    this.packLines(8 * rawB, n, k, 8 * bLine, 8 * bStep, 8 * aLength); // = packPanels(B, n, k, bLine, bStep, view, aLength)
    return { rowPanels, colPanels, k, a: 0, b: 8 * aLength, c: 8 * (aLength + bLength) };
  }

  /** Computes row panels start … end−1 of C on this thread. */
  run(job: GemmJob, start: number, end: number): void {
    this.gemm(start, end, job.colPanels, job.k, job.a, job.b, job.c);
  }

  /** Copies the m×n result out of the padded C. */
  unpack(job: GemmJob, m: number, n: number, C: Float64Array): void {
    const stride = 4 * job.colPanels, c = job.c / 8;
    const view = this.view;
    if (stride === n) C.set(view.subarray(c, c + m * n));
    else if (n < 16) {
      // Short rows: a plain loop (a subarray per row would cost more than the copy).
      for (let i = 0; i < m; i++) for (let j = 0, from = c + i * stride; j < n; j++) C[i * n + j] = view[from + j];
    } else for (let i = 0; i < m; i++) C.set(view.subarray(c + i * stride, c + i * stride + n), i * n);
  }
}

/**
 * Packs `count` lines of length k from src (element p of line l at src[l·line + p·step]) into panels of 4 lines
 * at dst[offset …] (see the layout at the top of this file); lines beyond count are zeros.
 */
export function packPanels(src: Float64Array, count: number, k: number, line: number, step: number, dst: Float64Array, offset: number): void {
  const full = count >> 2;
  let o = offset;
  for (let s = 0; s < full; s++) {
    const l0 = 4 * s * line, l1 = l0 + line, l2 = l1 + line, l3 = l2 + line;
    for (let p = 0, q = 0; p < k; p++, q += step) {
      dst[o] = src[l0 + q];
      dst[o + 1] = src[l1 + q];
      dst[o + 2] = src[l2 + q];
      dst[o + 3] = src[l3 + q];
      o += 4;
    }
  }
  const rest = count & 3;
  if (rest === 0) return;
  const l0 = 4 * full * line;
  for (let p = 0, q = 0; p < k; p++, q += step) {
    for (let t = 0; t < 4; t++) dst[o + t] = t < rest ? src[l0 + t * line + q] : 0;
    o += 4;
  }
}
