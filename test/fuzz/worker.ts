/**
 * Runs every fuzz entry in a worker thread, reporting each case before running it, so that fuzz.test.ts can stop
 * a hanging call and name it. Console output of the functions under test (checkAnswer prints ✓/✗) is dropped.
 */
import fc from 'fast-check';
import { parentPort, workerData } from 'node:worker_threads';
import * as nn from '../../lib/index';
import { type ModuleResult, describeCase, mathjsState, runCase } from './harness';
import { MODULES } from './specs';

const port = parentPort!;
console.log = () => {};
console.warn = () => {};
nn.setDisplaySink(() => {});
// A low limit: a hostile size must be refused, and a refused size costs nothing.
nn.setLimits({ maxElements: 2e6 });
const only: string | undefined = workerData?.module;
const seed: number = workerData?.seed ?? 20261201;

for (const { module, entries } of MODULES) {
  if (only && module !== only) continue;
  const result: ModuleResult = { module, cases: 0, threw: 0, returned: 0, failures: [], slowestMs: 0, slowest: '' };
  const mathjsBefore = mathjsState();
  for (const entry of entries) {
    const samples = fc.sample(entry.args, { numRuns: entry.runs ?? 40, seed: seed + entry.name.length });
    for (const args of samples) {
      const what = describeCase(entry, args);
      port.postMessage({ type: 'case', module, what });
      const t0 = performance.now();
      const { failure, threw } = runCase(entry, args);
      const ms = performance.now() - t0;
      result.cases++;
      if (threw) result.threw++;
      else result.returned++;
      if (ms > result.slowestMs) [result.slowestMs, result.slowest] = [ms, what];
      if (failure && result.failures.length < 40) result.failures.push(failure);
    }
  }
  if (mathjsState() !== mathjsBefore) result.failures.push(`${module}: the global mathjs units changed (1 inch = ${mathjsState()})`);
  port.postMessage({ type: 'module', result });
}
port.postMessage({ type: 'done' });
