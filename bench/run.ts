/**
 * `npm run bench`: the lib against TensorFlow.js (cpu and wasm backends) on the same two training workloads.
 * Rules (see bench/README.md): same data, same starting weights, same batch order; engines alternate
 * repetition by repetition so they share machine conditions; each repetition starts from the starting
 * weights; after every repetition the final loss of each engine must match the lib's within 1e-3.
 *
 * Options (environment variables): BENCH_REPS (default 5), BENCH_CPU_REPS (default 3: the tfjs cpu backend
 * needs ~10 s per MNIST-sized epoch), BENCH_SMALL_REPS (default 9), BENCH_SAMPLES (MNIST-sized samples, default 10000).
 */
import { readFileSync } from 'node:fs';
import * as os from 'node:os';
import * as tf from '@tensorflow/tfjs';
import { Network } from '../dist/network';
import { getMatmulThreads, setMatmulThreads } from '../dist/matmul-kernels';
import { runLib } from './engine-lib';
import { runTfjs, useBackend, type EngineResult } from './engine-tfjs';
import { median, formatMiB, formatSeconds, table } from './stats';
import { flopsPerEpoch, mnistTask, smallTask, type Task } from './tasks';

type EngineName = 'lib' | 'lib-1thread' | 'tfjs-cpu' | 'tfjs-wasm';
const TOLERANCE = 1e-3;

interface Record_ {
  seconds: number[];
  peakRss: number;
}

function envInt(name: string, fallback: number): number {
  const v = process.env[name];
  if (v === undefined) return fallback;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1) throw new Error(`bench: ${name} must be an integer ≥ 1, got ${v}`);
  return n;
}

async function runEngine(engine: EngineName, task: Task): Promise<EngineResult> {
  if (engine === 'lib') return runLib(task);
  if (engine === 'lib-1thread') {
    const threads = getMatmulThreads();
    setMatmulThreads(1);
    try {
      return runLib(task);
    } finally {
      setMatmulThreads(threads);
    }
  }
  await useBackend(engine === 'tfjs-cpu' ? 'cpu' : 'wasm');
  return runTfjs(task);
}

/** The loss of some final weights, recomputed by one common evaluator (the lib, in float64) on the training set. */
function finalLoss(task: Task, result: EngineResult): number {
  const net = Network.fromWeights({
    layers: result.parameters.map((p, i) => ({ weights: p.weights, biases: p.biases, activation: task.activations[i] })),
  });
  return net.evaluate(task.x, task.y, task.loss);
}

function cpuModel(): string {
  try {
    const line = readFileSync('/proc/cpuinfo', 'utf8').split('\n').find((l) => l.startsWith('model name'));
    if (line) return line.split(':')[1].trim();
  } catch {
    /* not Linux */
  }
  return os.cpus()[0]?.model ?? 'unknown';
}

async function benchTask(task: Task, warm: Task, engines: EngineName[], reps: Record<EngineName, number>) {
  console.log(`\n## ${task.name}: ${task.title} (${task.epochsPerRep} epoch(s) per repetition)`);
  for (const engine of engines) await runEngine(engine, warm); // warm-up: JIT, kernel compilation, wasm init
  const records = Object.fromEntries(engines.map((e) => [e, { seconds: [], peakRss: 0 } as Record_])) as Record<EngineName, Record_>;
  const loadBefore = os.loadavg()[0];
  const maxReps = Math.max(...engines.map((e) => reps[e]));
  for (let r = 0; r < maxReps; r++) {
    let reference: { loss: number; batchLoss: number } | null = null;
    for (const engine of engines) {
      if (r >= reps[engine]) continue;
      const result = await runEngine(engine, task);
      const loss = finalLoss(task, result);
      if (engine === 'lib') reference = { loss, batchLoss: result.meanBatchLoss };
      else if (reference) {
        const dLoss = Math.abs(loss - reference.loss), dBatch = Math.abs(result.meanBatchLoss - reference.batchLoss);
        if (!(dLoss <= TOLERANCE && dBatch <= TOLERANCE)) {
          throw new Error(
            `bench: ${engine} did a different computation on ${task.name}: final loss ${loss} vs lib ${reference.loss} ` +
              `(|Δ| = ${dLoss}), mean batch loss ${result.meanBatchLoss} vs lib ${reference.batchLoss} (|Δ| = ${dBatch}); tolerance ${TOLERANCE}`,
          );
        }
      }
      const rec = records[engine];
      rec.seconds.push(result.seconds / task.epochsPerRep);
      rec.peakRss = Math.max(rec.peakRss, process.memoryUsage().rss);
      console.log(
        `  rep ${r + 1} ${engine.padEnd(9)} ${formatSeconds(result.seconds / task.epochsPerRep).padStart(10)}/epoch` +
          `  final loss ${loss.toFixed(6)}  mean batch loss ${result.meanBatchLoss.toFixed(6)}`,
      );
    }
  }
  const flops = flopsPerEpoch(task);
  const libMedian = median(records.lib.seconds);
  const rows = engines.map((e) => {
    const s = records[e].seconds, med = median(s);
    return [
      e,
      String(s.length),
      formatSeconds(med),
      formatSeconds(Math.min(...s)),
      formatSeconds(Math.max(...s)),
      Math.round(task.x.rows / med).toLocaleString('en-US'),
      (flops / med / 1e9).toFixed(2),
      formatMiB(records[e].peakRss),
      e === 'lib' ? '1.00' : (med / libMedian).toFixed(2),
    ];
  });
  console.log();
  console.log(table(['engine', 'reps', 'median/epoch', 'min', 'max', 'samples/s', 'GFLOP/s', 'RSS after reps', 'peer ÷ lib'], rows));
  console.log(`load average (1 min) before/after the timed reps: ${loadBefore.toFixed(2)} / ${os.loadavg()[0].toFixed(2)} on ${os.cpus().length} cores`);
  console.log(`(GFLOP/s counts ${(flops / 1e9).toFixed(3)} GFLOP per epoch: 2·m·n·k for every forward and backward matrix product.)`);
  return Object.fromEntries(engines.map((e) => [e, median(records[e].seconds)])) as Record<EngineName, number>;
}

async function main(): Promise<void> {
  const reps = envInt('BENCH_REPS', 5), cpuReps = envInt('BENCH_CPU_REPS', 3), smallReps = envInt('BENCH_SMALL_REPS', 9);
  const samples = envInt('BENCH_SAMPLES', 10_000);
  await useBackend('wasm');
  const wasm = await import('@tensorflow/tfjs-backend-wasm');
  console.log('# fcnn-course benchmark: lib vs TensorFlow.js');
  console.log(`date: ${new Date().toISOString()}`);
  console.log(`cpu: ${cpuModel()} (${os.cpus().length} logical cores), load average at start: ${os.loadavg().map((x) => x.toFixed(2)).join(' ')}`);
  console.log(`node ${process.version}, @tensorflow/tfjs ${tf.version.tfjs}`);
  console.log(
    `lib: float64 (Float64Array), default configuration = up to ${getMatmulThreads()} threads for large products ` +
      `('lib-1thread' = the same with setMatmulThreads(1)). tfjs: float32; wasm backend SIMD=${await tf.env().getAsync('WASM_HAS_SIMD_SUPPORT')}, ` +
      `threads=${wasm.getThreadsCount()}`,
  );
  console.log(`repetitions: mnist lib ${reps}, lib-1thread ${reps}, tfjs-wasm ${reps}, tfjs-cpu ${cpuReps} (slow backend: fewer reps, same workload); small ${smallReps} each`);

  const mnist = await benchTask(mnistTask(samples), mnistTask(640), ['lib', 'lib-1thread', 'tfjs-wasm', 'tfjs-cpu'], {
    lib: reps, 'lib-1thread': reps, 'tfjs-wasm': reps, 'tfjs-cpu': cpuReps,
  });
  // The small network's products are far below PARALLEL_MIN_FLOPS, so the lib never uses a second thread there.
  // Warm-up of 10 epochs: V8 first runs a WebAssembly function as quickly compiled baseline code and swaps in
  // optimised code once it is hot, which for the lib's tanh kernel (first used here) took a few repetitions.
  const small = await benchTask(smallTask(), smallTask(1000, 10), ['lib', 'tfjs-wasm', 'tfjs-cpu'], {
    lib: smallReps, 'lib-1thread': 0, 'tfjs-wasm': smallReps, 'tfjs-cpu': smallReps,
  });
  console.log(`\npeak RSS of the whole process (all engines): ${formatMiB(process.resourceUsage().maxRSS * 1024)}`);
  const r = (peer: number, lib: number) => (peer / lib).toFixed(2);
  console.log(
    `RATIO mnist_vs_wasm=${r(mnist['tfjs-wasm'], mnist.lib)} mnist_vs_cpu=${r(mnist['tfjs-cpu'], mnist.lib)} small_vs_wasm=${r(small['tfjs-wasm'], small.lib)}`,
  );
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
