/**
 * The fuzz suite of issue 10 over the whole public API (lib/index.ts). The cases run in a worker thread
 * (worker.ts); this file watches it: a case that does not come back within WATCHDOG_SECONDS is a hang and fails
 * the suite naming the case (the worker is stopped), and a crash (e.g. an allocation past the heap) fails it too.
 * One summary line per module gives the number of generated cases. FUZZ_SEED=… runs another sample.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import * as nn from '../../lib/index';
import type { ModuleResult } from './harness';
import { MODULES, coveredExports } from './specs';

/** Seconds without a report before a case counts as hung. Generous: 2 shared cores. */
const WATCHDOG_SECONDS = 60;
/** Seconds the worker may take to load the library and the specs before its first report (tsx compiles them). */
const STARTUP_SECONDS = 240;

const results = new Map<string, ModuleResult>();
let fatal: string | null = null;
let worker: Worker | null = null;

before(async () => {
  const seed = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : undefined;
  // A worker cannot load .ts by itself: register tsx's CommonJS hook first, then load worker.ts.
  const file = join(__dirname, 'worker.ts');
  worker = new Worker(`require('tsx/cjs'); require(${JSON.stringify(file)});`, {
    eval: true,
    workerData: { seed },
    resourceLimits: { maxOldGenerationSizeMb: 1024 },
  });
  let last = 'loading the library';
  await new Promise<void>((resolve) => {
    let timer = setTimeout(onHang, STARTUP_SECONDS * 1000);
    function onHang(): void {
      fatal = `no answer for ${last === 'loading the library' ? STARTUP_SECONDS : WATCHDOG_SECONDS} s: hung in ${last}`;
      void worker!.terminate();
      resolve();
    }
    worker!.on('message', (msg: { type: string; what?: string; result?: ModuleResult }) => {
      clearTimeout(timer);
      timer = setTimeout(onHang, WATCHDOG_SECONDS * 1000);
      if (msg.type === 'case') last = msg.what!;
      else if (msg.type === 'module') {
        results.set(msg.result!.module, msg.result!);
        const r = msg.result!;
        console.log(`fuzz ${r.module}: ${r.cases} cases (${r.threw} refused with the library's errors, ${r.returned} returned), ${r.failures.length} failures, slowest ${r.slowestMs.toFixed(0)} ms`);
      } else if (msg.type === 'done') {
        clearTimeout(timer);
        resolve();
      }
    });
    worker!.on('error', (e) => {
      clearTimeout(timer);
      fatal = `the worker crashed in ${last}: ${e.message}`;
      resolve();
    });
    worker!.on('exit', (code) => {
      clearTimeout(timer);
      if (code !== 0 && fatal === null && results.size < MODULES.length) fatal = `the worker exited with code ${code} in ${last}`;
      resolve();
    });
  });
  const total = [...results.values()].reduce((s, r) => s + r.cases, 0);
  console.log(`fuzz total: ${total} cases in ${results.size} modules`);
});

after(async () => {
  await worker?.terminate();
});

describe('fuzz: every public function refuses bad input clearly or returns a finite, correct result', () => {
  it('the worker finished: no case hung or crashed', () => {
    assert.equal(fatal, null);
  });
  for (const { module } of MODULES) {
    it(`module ${module}: no foreign errors, vague or unnamed messages, wrong or non-finite results, mutated inputs or changed global state`, () => {
      const r = results.get(module);
      assert.ok(r, `no result for ${module}${fatal ? ` (${fatal})` : ''}`);
      assert.ok(r.cases > 0);
      assert.deepEqual(r.failures, []);
    });
  }
});

describe('fuzz coverage', () => {
  it('every export of lib/index.ts has a fuzz entry (add one in test/fuzz/specs.ts for a new export)', () => {
    const covered = coveredExports();
    const missing = Object.keys(nn).filter((k) => !covered.has(k));
    assert.deepEqual(missing, []);
  });
});
