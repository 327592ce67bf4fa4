/**
 * Matrix-product kernels on row-major Float64Arrays: a plain reference and a fast version of each.
 *
 * The three products backpropagation needs (C is always overwritten, never accumulated):
 *   gemmNN: C[m×n] = A[m×k] · B[k×n]
 *   gemmTN: C[m×n] = A[k×m]ᵀ · B[k×n]
 *   gemmNT: C[m×n] = A[m×k] · B[n×k]ᵀ
 *
 * The reference versions are the textbook triple loop — read them first. The fast versions compute the
 * same sums with 4×4 register tiling: 16 running sums live in local variables (CPU registers), so each
 * value loaded from memory is used four times instead of once. The summation order over p is the same
 * as in the reference, so both give bit-identical results (a test checks this).
 *
 * Products of at least WASM_MIN_FLOPS run, where the JavaScript engine supports it, on a WebAssembly SIMD
 * kernel (lib/wasm/gemm.wat, 4–8× faster): each of its vector lanes holds one element's sum, computed with the
 * same separate multiply and add in the same order, so it too is bit-identical to the reference.
 * `setMatmulBackend('js')` turns it off (for teaching, or to compare).
 *
 * Large products (at least PARALLEL_MIN_FLOPS) are split by rows of C between this thread and one helper
 * thread (a worker running this same file; see "Two threads" below). Every element of C is still one sum
 * over p in the same order, so the result is bit-identical with 1 or 2 threads. `setMatmulThreads(1)`
 * turns the helper off.
 */
import { MessageChannel, Worker, isMainThread, receiveMessageOnPort, workerData, type MessagePort } from 'node:worker_threads';
import * as os from 'node:os';
import { ArgumentError, ShapeError, describe } from './errors';
import { SimdGemm, gemmWasmModule, instantiateGemm, type GemmExport, type GemmJob, type WasmMemory } from './wasm/simd-gemm';

/**
 * The public boundary of the kernels (O(1), so it costs nothing next to the product): sizes are integers ≥ 0 and
 * A, B, C are Float64Arrays holding at least m·k, k·n and m·n numbers. Without it a wrong size reads past the end
 * (undefined → NaN) or loops for a very long time.
 */
function checkGemm(fn: string, m: number, n: number, k: number, A: Float64Array, B: Float64Array, C: Float64Array): void {
  for (const [name, v] of [['m', m], ['n', n], ['k', k]] as const) {
    if (!Number.isInteger(v) || v < 0) throw new ArgumentError(`${fn}: ${name} must be an integer ≥ 0, got ${describe(v)}`);
  }
  for (const [name, arr, need] of [['A', A, m * k], ['B', B, k * n], ['C', C, m * n]] as const) {
    if (!(arr instanceof Float64Array)) throw new ArgumentError(`${fn}: ${name} must be a Float64Array, got ${describe(arr)}`);
    if (arr.length < need) {
      throw new ShapeError(`${fn}: ${name} has ${arr.length} numbers, expected at least ${need} for m = ${m}, n = ${n}, k = ${k}`, [need], [arr.length]);
    }
  }
}

/** Reference: C = A·B, the textbook triple loop. */
export function gemmNNReference(m: number, n: number, k: number, A: Float64Array, B: Float64Array, C: Float64Array): void {
  checkGemm('gemmNNReference', m, n, k, A, B, C);
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < n; j++) {
      let sum = 0;
      for (let p = 0; p < k; p++) sum += A[i * k + p] * B[p * n + j];
      C[i * n + j] = sum;
    }
  }
}

/** Reference: C = Aᵀ·B. */
export function gemmTNReference(m: number, n: number, k: number, A: Float64Array, B: Float64Array, C: Float64Array): void {
  checkGemm('gemmTNReference', m, n, k, A, B, C);
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < n; j++) {
      let sum = 0;
      for (let p = 0; p < k; p++) sum += A[p * m + i] * B[p * n + j];
      C[i * n + j] = sum;
    }
  }
}

/** Reference: C = A·Bᵀ. */
export function gemmNTReference(m: number, n: number, k: number, A: Float64Array, B: Float64Array, C: Float64Array): void {
  checkGemm('gemmNTReference', m, n, k, A, B, C);
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < n; j++) {
      let sum = 0;
      for (let p = 0; p < k; p++) sum += A[i * k + p] * B[j * k + p];
      C[i * n + j] = sum;
    }
  }
}

/**
 * The generic tiled kernel, for rows rowStart…rowEnd−1 of C. Element A(i, p) is at A[i·aRow + p·aCol] and
 * B(p, j) at B[p·bRow + j·bCol], so one function serves the three layouts (a transposed operand just swaps
 * its two strides).
 */
function gemmTiled(
  rowStart: number, rowEnd: number, n: number, k: number,
  A: Float64Array, aRow: number, aCol: number,
  B: Float64Array, bRow: number, bCol: number,
  C: Float64Array,
): void {
  const m4 = rowEnd - ((rowEnd - rowStart) % 4);
  const n4 = n - (n % 4);
  for (let i = rowStart; i < m4; i += 4) {
    const a0 = i * aRow, a1 = a0 + aRow, a2 = a1 + aRow, a3 = a2 + aRow;
    for (let j = 0; j < n4; j += 4) {
      const b0 = j * bCol, b1 = b0 + bCol, b2 = b1 + bCol, b3 = b2 + bCol;
      let c00 = 0, c01 = 0, c02 = 0, c03 = 0;
      let c10 = 0, c11 = 0, c12 = 0, c13 = 0;
      let c20 = 0, c21 = 0, c22 = 0, c23 = 0;
      let c30 = 0, c31 = 0, c32 = 0, c33 = 0;
      for (let p = 0; p < k; p++) {
        const ap = p * aCol, bp = p * bRow;
        const x0 = A[a0 + ap], x1 = A[a1 + ap], x2 = A[a2 + ap], x3 = A[a3 + ap];
        const y0 = B[bp + b0], y1 = B[bp + b1], y2 = B[bp + b2], y3 = B[bp + b3];
        c00 += x0 * y0; c01 += x0 * y1; c02 += x0 * y2; c03 += x0 * y3;
        c10 += x1 * y0; c11 += x1 * y1; c12 += x1 * y2; c13 += x1 * y3;
        c20 += x2 * y0; c21 += x2 * y1; c22 += x2 * y2; c23 += x2 * y3;
        c30 += x3 * y0; c31 += x3 * y1; c32 += x3 * y2; c33 += x3 * y3;
      }
      let o = i * n + j;
      C[o] = c00; C[o + 1] = c01; C[o + 2] = c02; C[o + 3] = c03; o += n;
      C[o] = c10; C[o + 1] = c11; C[o + 2] = c12; C[o + 3] = c13; o += n;
      C[o] = c20; C[o + 1] = c21; C[o + 2] = c22; C[o + 3] = c23; o += n;
      C[o] = c30; C[o + 1] = c31; C[o + 2] = c32; C[o + 3] = c33;
    }
    // Right fringe: the last n % 4 columns of these four rows.
    for (let j = n4; j < n; j++) {
      const b = j * bCol;
      let c0 = 0, c1 = 0, c2 = 0, c3 = 0;
      for (let p = 0; p < k; p++) {
        const y = B[p * bRow + b], ap = p * aCol;
        c0 += A[a0 + ap] * y; c1 += A[a1 + ap] * y; c2 += A[a2 + ap] * y; c3 += A[a3 + ap] * y;
      }
      C[i * n + j] = c0; C[(i + 1) * n + j] = c1; C[(i + 2) * n + j] = c2; C[(i + 3) * n + j] = c3;
    }
  }
  // Bottom fringe: the last rows that do not fill a group of four (all rows when m < 4, e.g. dL/dW of a layer with
  // two inputs). Four columns at a time, so four independent sums are in flight, then the last n % 4 columns.
  for (let i = m4; i < rowEnd; i++) {
    const a = i * aRow;
    for (let j = 0; j < n4; j += 4) {
      const b0 = j * bCol, b1 = b0 + bCol, b2 = b1 + bCol, b3 = b2 + bCol;
      let c0 = 0, c1 = 0, c2 = 0, c3 = 0;
      for (let p = 0; p < k; p++) {
        const x = A[a + p * aCol], bp = p * bRow;
        c0 += x * B[bp + b0]; c1 += x * B[bp + b1]; c2 += x * B[bp + b2]; c3 += x * B[bp + b3];
      }
      const o = i * n + j;
      C[o] = c0; C[o + 1] = c1; C[o + 2] = c2; C[o + 3] = c3;
    }
    for (let j = n4; j < n; j++) {
      const b = j * bCol;
      let sum = 0;
      for (let p = 0; p < k; p++) sum += A[a + p * aCol] * B[p * bRow + b];
      C[i * n + j] = sum;
    }
  }
}

/** The three layouts by number (they travel to the helper thread as integers). Strides: [aRow, aCol, bRow, bCol]. */
const LAYOUTS = {
  NN: 0, TN: 1, NT: 2,
} as const;
function strides(layout: number, m: number, n: number, k: number): [number, number, number, number] {
  if (layout === LAYOUTS.NN) return [k, 1, n, 1]; //  A is m×k, B is k×n
  if (layout === LAYOUTS.TN) return [1, m, n, 1]; //  A is k×m, B is k×n
  return [k, 1, 1, k]; //                              A is m×k, B is n×k
}

function gemm(layout: number, m: number, n: number, k: number, A: Float64Array, B: Float64Array, C: Float64Array): void {
  const [aRow, aCol, bRow, bCol] = strides(layout, m, n, k);
  if (2 * m * n * k >= WASM_MIN_FLOPS && simd() !== null && gemmSimd(m, n, k, A, aRow, aCol, B, bRow, bCol, C)) return;
  const split = helperRowSplit(m, n, k);
  if (split === m) {
    gemmTiled(0, m, n, k, A, aRow, aCol, B, bRow, bCol, C);
    return;
  }
  const h = helper!;
  h.start(layout, m, n, k, A, B, split);
  gemmTiled(0, split, n, k, A, aRow, aCol, B, bRow, bCol, C); // this thread: rows 0…split−1
  if (h.finish(C, split, m, n)) return; //                         the helper: rows split…m−1
  gemmTiled(split, m, n, k, A, aRow, aCol, B, bRow, bCol, C); //  (it failed: this thread does them after all)
}

/*
 * The WebAssembly SIMD path.
 *
 * The operands are copied into the kernel's memory in "panels" of 4 rows of A and 4 columns of B (see
 * lib/wasm/simd-gemm.ts), the kernel computes 4×4 tiles of C, and C is copied back. A and B are copied in
 * unchanged and the module packs them itself (faster than a JavaScript loop). Copying costs one pass over A, B
 * and C, small next to the m·n·k multiply-adds of a product above WASM_MIN_FLOPS.
 */

/**
 * Products smaller than this (2·m·n·k floating-point operations) use the JavaScript kernel: copying would cost more
 * than it saves. Measured on the small benchmark network's products: at 2048 (32×16×2) the SIMD path took 1.1 µs
 * against 2.1 µs; at 1024 it was about even or slower (a single output column is padded to four).
 */
export const WASM_MIN_FLOPS = 2048;

/** Which kernel computes the products above WASM_MIN_FLOPS. */
export type MatmulBackend = 'wasm-simd' | 'js';

let backendChoice: MatmulBackend | undefined; // undefined: the default (wasm-simd where available)
let simdGemm: SimdGemm | null = null;

/** The SIMD kernel when it is the active backend, else null (instantiated on first use). */
function simd(): SimdGemm | null {
  if (backendChoice === 'js' || gemmWasmModule() === null) return null;
  if (simdGemm === null) simdGemm = new SimdGemm();
  return simdGemm;
}

/** Computes C with the SIMD kernel (split over two threads when large); false when it does not fit its memory. */
function gemmSimd(
  m: number, n: number, k: number,
  A: Float64Array, aRow: number, aCol: number,
  B: Float64Array, bRow: number, bCol: number,
  C: Float64Array,
): boolean {
  const kernel = simdGemm!;
  // Lines to pack: the rows of A (element p of row i is A(i, p)) and the columns of B (element p of column j is B(p, j)).
  const job = kernel.pack(m, n, k, A, aRow, aCol, B, bCol, bRow);
  if (job === null) return false;
  const split = helperRowSplit(m, n, k);
  if (split === m) {
    kernel.run(job, 0, job.rowPanels);
  } else {
    const h = helper!;
    h.startSimd(kernel.memory, job, split / 4); //       split is a multiple of 4: whole row panels
    kernel.run(job, 0, split / 4); //                    this thread: row panels before the split
    if (!h.wait()) kernel.run(job, split / 4, job.rowPanels); // the helper: the rest (if it failed, this thread)
  }
  kernel.unpack(job, m, n, C);
  return true;
}

/**
 * The kernel used for products above WASM_MIN_FLOPS: 'wasm-simd' (WebAssembly with 128-bit SIMD, the default where
 * the JavaScript engine supports it, e.g. Node ≥ 16 and current browsers) or 'js' (the tiled JavaScript kernel).
 */
export function matmulBackend(): MatmulBackend {
  return simd() === null ? 'js' : 'wasm-simd';
}

/**
 * Chooses the kernel (see matmulBackend). Both give bit-identical results; 'js' is there for teaching and comparing.
 * Asking for 'wasm-simd' where it is not available is an error.
 */
export function setMatmulBackend(backend: MatmulBackend): void {
  if (backend !== 'wasm-simd' && backend !== 'js') {
    throw new ArgumentError(`setMatmulBackend: backend must be 'wasm-simd' or 'js', got ${describe(backend)}`);
  }
  if (backend === 'wasm-simd' && gemmWasmModule() === null) {
    throw new ArgumentError(`setMatmulBackend: 'wasm-simd' is not available here (this JavaScript engine lacks WebAssembly SIMD or shared memory); use 'js'`);
  }
  backendChoice = backend;
}

/** Fast C = A·B (A is m×k, B is k×n). */
export function gemmNN(m: number, n: number, k: number, A: Float64Array, B: Float64Array, C: Float64Array): void {
  checkGemm('gemmNN', m, n, k, A, B, C);
  gemm(LAYOUTS.NN, m, n, k, A, B, C);
}

/** Fast C = Aᵀ·B (A is k×m, B is k×n). */
export function gemmTN(m: number, n: number, k: number, A: Float64Array, B: Float64Array, C: Float64Array): void {
  checkGemm('gemmTN', m, n, k, A, B, C);
  gemm(LAYOUTS.TN, m, n, k, A, B, C);
}

/** Fast C = A·Bᵀ (A is m×k, B is n×k). */
export function gemmNT(m: number, n: number, k: number, A: Float64Array, B: Float64Array, C: Float64Array): void {
  checkGemm('gemmNT', m, n, k, A, B, C);
  gemm(LAYOUTS.NT, m, n, k, A, B, C);
}

/*
 * Two threads.
 *
 * The helper is a worker thread running this same file. Main thread and helper share memory
 * (SharedArrayBuffer): a small control block of integers and three Float64 buffers for A, B and C.
 * For one product the main thread
 *   1. copies A and B into the shared buffers and writes the job (layout, m, n, k, first helper row),
 *   2. bumps the job counter and wakes the helper (Atomics.notify),
 *   3. computes its own rows of C straight from its arrays,
 *   4. sleeps (Atomics.wait) until the helper bumps the done counter, then copies the helper's rows into C.
 * The helper sleeps on the job counter, computes its rows with the same gemmTiled into the shared C, and
 * bumps the done counter. No locks, no message per product; messages are used only to hand over bigger
 * shared buffers when a product needs more room. If a job throws in the helper, it still bumps the done
 * counter, with a failure flag and the error's message: the main thread then computes those rows itself,
 * warns once and stops using the helper, so a broken helper can neither hang the program nor lose a result.
 */

/** Products smaller than this (2·m·n·k floating-point operations) stay on one thread: waking a thread costs ~20 µs. */
export const PARALLEL_MIN_FLOPS = 2_000_000;

/** Indices into the shared control block. SIMD jobs: MODE = 1, ROW … M are row panels, N is colPanels, A_AT … C_AT addresses. */
const JOB = 0, DONE = 1, LAYOUT = 2, M = 3, N = 4, K = 5, ROW = 6, NEW_BUFFERS = 7, READY = 8;
const MODE = 9, A_AT = 10, B_AT = 11, C_AT = 12, FAILED = 13, CONTROL_SIZE = 14;
/** MODE values: rows with the JavaScript kernel, row panels with the SIMD kernel, or (tests only) throw. */
const MODE_JS = 0, MODE_SIMD = 1, MODE_FAIL_FOR_TEST = 2;

let threads = Math.min(2, typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length);
let helper: Helper | null = null;

/**
 * How many threads the fast kernels may use for large products: 1 (everything on the calling thread) or 2
 * (the default on a machine with at least two cores). The results are bit-identical either way.
 */
export function setMatmulThreads(count: number): void {
  if (count !== 1 && count !== 2) throw new ArgumentError(`setMatmulThreads: count must be 1 or 2, got ${describe(count)}`);
  threads = count;
}

/** The number of threads the fast kernels may use (see setMatmulThreads). */
export function getMatmulThreads(): number {
  return threads;
}

/**
 * True when the helper thread is running and large products are being split (it starts on the first large
 * product and is ready tens of milliseconds later; until then everything runs on the calling thread).
 */
export function matmulHelperReady(): boolean {
  return threads === 2 && helper !== null && helper.ready;
}

/** The first row of C that the helper computes (m when the helper is not used). */
function helperRowSplit(m: number, n: number, k: number): number {
  if (threads < 2 || 2 * m * n * k < PARALLEL_MIN_FLOPS || m < 8 || !isMainThread) return m;
  if (helper === null) {
    try {
      helper = new Helper();
    } catch {
      threads = 1; // no worker threads here (e.g. a restricted sandbox): stay on one thread
      return m;
    }
  }
  if (!helper.ready) return m; // still starting (a few tens of ms): meanwhile everything runs here
  return Math.floor(m / 8) * 4; // half the rows, rounded to whole 4-row tiles
}

class Helper {
  /** The control block: see JOB … NEW_BUFFERS. */
  private readonly control = new Int32Array(new SharedArrayBuffer(CONTROL_SIZE * 4));
  /** The SIMD kernel's memory once the helper has been sent it. */
  private simdMemory: WasmMemory | null = null;
  private a = new Float64Array(new SharedArrayBuffer(0));
  private b = new Float64Array(new SharedArrayBuffer(0));
  private c = new Float64Array(new SharedArrayBuffer(0));
  private readonly worker: Worker;
  /** The helper posts the message of an error that a job threw here (read synchronously after FAILED is set). */
  private readonly errors: MessagePort;

  constructor() {
    const channel = new MessageChannel();
    this.errors = channel.port1;
    this.errors.unref();
    const options = {
      workerData: { fcnnMatmulHelper: true, control: this.control, errors: channel.port2 },
      transferList: [channel.port2],
    };
    // Compiled (dist/*.js): the worker runs this file. From TypeScript sources (tests and bench run under tsx),
    // the worker first registers tsx so that it can load this .ts file too.
    this.worker = __filename.endsWith('.ts')
      ? new Worker(`require('tsx/cjs'); require(${JSON.stringify(__filename)});`, { ...options, eval: true })
      : new Worker(__filename, options);
    this.worker.unref(); // an idle helper never keeps the program alive
    this.worker.on('error', () => {
      // The helper could not start (or died): from now on everything runs on the calling thread.
      threads = 1;
      helper = null;
    });
  }

  /** True once the helper thread has started and waits for jobs. */
  get ready(): boolean {
    return Atomics.load(this.control, READY) === 1;
  }

  start(layout: number, m: number, n: number, k: number, A: Float64Array, B: Float64Array, split: number): void {
    const ctl = this.control;
    if (this.a.length < A.length || this.b.length < B.length || this.c.length < m * n) {
      const grow = (have: Float64Array, need: number) => (have.length >= need ? have : new Float64Array(new SharedArrayBuffer(8 * need)));
      this.a = grow(this.a, A.length);
      this.b = grow(this.b, B.length);
      this.c = grow(this.c, m * n);
      this.worker.postMessage({ a: this.a, b: this.b, c: this.c });
      ctl[NEW_BUFFERS] = 1;
    }
    this.a.set(A);
    this.b.set(B);
    ctl[MODE] = failNextJob ? MODE_FAIL_FOR_TEST : MODE_JS;
    failNextJob = false;
    ctl[LAYOUT] = layout;
    ctl[M] = m;
    ctl[N] = n;
    ctl[K] = k;
    ctl[ROW] = split;
    Atomics.add(ctl, JOB, 1);
    Atomics.notify(ctl, JOB);
  }

  /** Starts a SIMD job: the helper computes row panels firstPanel … job.rowPanels−1 in the shared kernel memory. */
  startSimd(memory: WasmMemory, job: GemmJob, firstPanel: number): void {
    const ctl = this.control;
    if (this.simdMemory !== memory) {
      this.simdMemory = memory; // sent once: the memory grows in place, and the helper's instance sees it grow
      this.worker.postMessage({ memory });
      ctl[NEW_BUFFERS] = 1;
    }
    ctl[MODE] = failNextJob ? MODE_FAIL_FOR_TEST : MODE_SIMD;
    failNextJob = false;
    ctl[ROW] = firstPanel;
    ctl[M] = job.rowPanels;
    ctl[N] = job.colPanels;
    ctl[K] = job.k;
    ctl[A_AT] = job.a;
    ctl[B_AT] = job.b;
    ctl[C_AT] = job.c;
    Atomics.add(ctl, JOB, 1);
    Atomics.notify(ctl, JOB);
  }

  /** Waits for the helper's rows and copies them into C; false (and nothing copied) if the helper failed. */
  finish(C: Float64Array, split: number, m: number, n: number): boolean {
    if (!this.wait()) return false;
    C.set(this.c.subarray(split * n, m * n), split * n);
    return true;
  }

  /**
   * Sleeps until the helper has finished the current job. Returns false if the job threw in the helper: then
   * the helper is retired (every later product runs on the calling thread) and the caller computes the
   * helper's rows itself, so no result is lost. A warning names the error.
   */
  wait(): boolean {
    const ctl = this.control, job = Atomics.load(ctl, JOB);
    for (;;) {
      // Read DONE once and sleep only while it still holds that value: a notify between the read and the
      // sleep then makes Atomics.wait return at once instead of being missed.
      const done = Atomics.load(ctl, DONE);
      if (done === job) break;
      Atomics.wait(ctl, DONE, done);
    }
    if (Atomics.load(ctl, FAILED) === 0) return true;
    const message = receiveMessageOnPort(this.errors)?.message ?? 'unknown error';
    process.emitWarning(`the matrix-product helper thread failed (${message}); products run on one thread from now on`, 'MatmulHelperWarning');
    threads = 1;
    helper = null;
    void this.worker.terminate();
    return false;
  }
}

let failNextJob = false;

/**
 * For tests: makes the helper thread's next job throw, to check that the product is still computed in full (on
 * the calling thread) and that later products run on one thread. Call setMatmulThreads(2) again afterwards to
 * start a new helper.
 */
export function failNextHelperJobForTest(): void {
  failNextJob = true;
}

/** The helper thread's loop: sleep until a job arrives, compute rows ROW…M−1, report done. */
function helperLoop(control: Int32Array, port: MessagePort, errors: MessagePort): void {
  let a = new Float64Array(0), b = new Float64Array(0), c = new Float64Array(0);
  let simdKernel: GemmExport | null = null;
  let seen = 0;
  Atomics.store(control, READY, 1);
  for (;;) {
    Atomics.wait(control, JOB, seen);
    seen = Atomics.load(control, JOB);
    if (control[NEW_BUFFERS] === 1) {
      let message = receiveMessageOnPort(port);
      while (message === undefined) message = receiveMessageOnPort(port); // posted just before the job
      const buffers = message.message as { a: Float64Array; b: Float64Array; c: Float64Array } | { memory: WasmMemory };
      if ('memory' in buffers) simdKernel = instantiateGemm(buffers.memory);
      else ({ a, b, c } = buffers);
      control[NEW_BUFFERS] = 0;
    }
    try {
      const mode = control[MODE];
      if (mode === MODE_SIMD) {
        simdKernel!(control[ROW], control[M], control[N], control[K], control[A_AT], control[B_AT], control[C_AT]);
      } else if (mode === MODE_JS) {
        const layout = control[LAYOUT], m = control[M], n = control[N], k = control[K];
        const [aRow, aCol, bRow, bCol] = strides(layout, m, n, k);
        gemmTiled(control[ROW], m, n, k, a, aRow, aCol, b, bRow, bCol, c);
      } else {
        throw new Error('simulated failure (failNextHelperJobForTest)');
      }
    } catch (e) {
      // Never leave the main thread waiting: report the failure, then finish the job as done.
      errors.postMessage(e instanceof Error ? e.message : String(e));
      Atomics.store(control, FAILED, 1);
    }
    Atomics.store(control, DONE, seen);
    Atomics.notify(control, DONE);
  }
}

if (!isMainThread && workerData?.fcnnMatmulHelper === true) {
  // parentPort is the port the main thread's worker.postMessage writes to.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { parentPort } = require('node:worker_threads') as typeof import('node:worker_threads');
  helperLoop(workerData.control as Int32Array, parentPort as MessagePort, workerData.errors as MessagePort);
}
