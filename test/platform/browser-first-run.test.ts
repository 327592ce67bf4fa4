/**
 * The browser test on a machine without a working Chromium (issue 12): it must fail at once with a message that
 * says what is missing and how to get it, and leave no Jupyter server or kernel behind — before this, it started
 * a Notebook server, failed to launch the browser and then waited forever for the server it never stopped.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'child_process';
import * as path from 'path';

const ROOT = path.join(__dirname, '..', '..');

/** Runs the browser test file in its own process group; returns its output, exit status and leftover processes. */
async function runBrowserTest(chromiumPath: string): Promise<{ status: number | null; timedOut: boolean; output: string; leftovers: string[] }> {
  const child = spawn(process.execPath, ['--import', 'tsx', '--test', path.join('test', 'browser', 'plots.browser.ts')], {
    cwd: ROOT,
    // without NODE_TEST_CONTEXT: a nested test run would otherwise report to this one and exit 0 on failure
    env: { ...Object.fromEntries(Object.entries(process.env).filter(([k]) => k !== 'NODE_TEST_CONTEXT')), CHROMIUM_PATH: chromiumPath },
    detached: true, // its own process group, so anything it starts can be found (and cleaned up) afterwards
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  let timedOut = false;
  // a safety net for this test only (a hang is what is being tested): far longer than a fast failure takes
  const timer = setTimeout(() => {
    timedOut = true;
    process.kill(-child.pid!, 'SIGKILL');
  }, 120_000);
  const status = await new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  clearTimeout(timer);
  // what is still running in its process group (a helper that is just exiting gets three seconds to go)
  const inGroup = () =>
    spawnSync('ps', ['-eo', 'pgid=,pid=,args='], { encoding: 'utf8' })
      .stdout.split('\n')
      .map((l) => l.trim())
      .filter((l) => l.split(/\s+/)[0] === String(child.pid));
  let leftovers = inGroup();
  for (let i = 0; i < 30 && leftovers.length > 0; i++) {
    await new Promise((r) => setTimeout(r, 100));
    leftovers = inGroup();
  }
  for (const l of leftovers) {
    try {
      process.kill(Number(l.split(/\s+/)[1]), 'SIGKILL');
    } catch {
      // already gone
    }
  }
  return { status, timedOut, output, leftovers };
}

describe('the browser test without Chromium', () => {
  it('fails promptly, names the missing Chromium and how to install it, and leaves no process behind', { timeout: 180_000 }, async () => {
    const missing = path.join(ROOT, 'artifacts', 'no-such-dir', 'chromium');
    const r = await runBrowserTest(missing);
    assert.equal(r.timedOut, false, `the browser test hung; output:\n${r.output}`);
    assert.notEqual(r.status, 0, 'the browser test passed without Chromium');
    assert.match(r.output, new RegExp(`Chromium not found at ${missing.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
    assert.match(r.output, /needed only to run the tests, not to study/);
    assert.match(r.output, /CHROMIUM_PATH/);
    assert.doesNotMatch(r.output, /running \d\d-.*\.ipynb/, 'it built the site before checking for Chromium');
    assert.deepEqual(r.leftovers, [], 'processes left running');
  });

  it('fails promptly when CHROMIUM_PATH is a program that is not a browser, leaving no process behind', { timeout: 180_000 }, async () => {
    const r = await runBrowserTest('/bin/false');
    assert.equal(r.timedOut, false, `the browser test hung; output:\n${r.output}`);
    assert.notEqual(r.status, 0);
    assert.match(r.output, /Failed to launch|browserType\.launch/);
    assert.doesNotMatch(r.output, /running \d\d-.*\.ipynb/, 'it built the site before launching the browser');
    assert.deepEqual(r.leftovers, [], 'processes left running');
  });
});
