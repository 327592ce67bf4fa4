/**
 * Shared pieces of the browser tests: headless Chromium through playwright-core (the system's
 * /usr/bin/chromium, or $CHROMIUM_PATH), a Jupyter Notebook server on a free port, and the artifacts folder.
 */
import { spawn, spawnSync, ChildProcess } from 'child_process';
import { randomBytes } from 'crypto';
import * as fs from 'fs';
import * as net from 'net';
import * as path from 'path';
import { chromium, Browser } from 'playwright-core';

// eslint-disable-next-line @typescript-eslint/no-var-requires
const jupyterEnv = require('../../scripts/jupyter-env.js') as {
  ROOT: string;
  jupyterEnv(): NodeJS.ProcessEnv;
  ensureDirs(): void;
  writeKernelSpec(): string;
  installNotebookAssets(): { plotly: string; mainJs: string; nbconfig: string; notebookConfig: string };
  findJupyter(need?: string[]): { ok: boolean; python?: { command: string; notebook: string }; tried?: string[] };
  INSTALL_HINT: string;
};

export const ROOT = jupyterEnv.ROOT;
export const ARTIFACTS = path.join(ROOT, 'artifacts');
export const SITE = path.join(ROOT, 'site');

/** The exact console error classic Notebook 6 on Debian logs for a widgets extension it does not ship. */
export const KNOWN_NOTEBOOK_CONSOLE_ERROR = 'Failed to load resource: the server responded with a status of 404 (Not Found)';
/**
 * The widgets extension files Notebook 6 asks for although Debian does not ship them: the configured
 * jupyter-js-widgets extension, then main.js's hardcoded fallback (widgets/notebook/js/extension).
 */
export const KNOWN_NOTEBOOK_404_URL = /\/nbextensions\/(jupyter-js-widgets\/extension|widgets\/notebook\/js\/extension)\.js/;

/** True for the console errors of those missing widgets files (a 404, and Chromium refusing the 404 page as a script). */
export function isKnownNotebookConsoleError(text: string, where: string): boolean {
  if (text === KNOWN_NOTEBOOK_CONSOLE_ERROR && KNOWN_NOTEBOOK_404_URL.test(where)) return true;
  return /^Refused to execute script from '[^']*' because its MIME type \('text\/html'\) is not executable/.test(text) && KNOWN_NOTEBOOK_404_URL.test(text);
}

export function artifact(name: string): string {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  return path.join(ARTIFACTS, name);
}

/** Where the browser tests look for Chromium: $CHROMIUM_PATH, else /usr/bin/chromium. */
export function chromiumPath(): string {
  return process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
}

/** The message every browser test fails with when Chromium is missing (studying needs no Chromium). */
export function noChromiumMessage(executablePath: string): string {
  return (
    `browser test: Chromium not found at ${executablePath}. It is needed only to run the tests, not to study ` +
    'the course. Install it (Debian/Ubuntu: sudo apt-get install chromium; macOS: brew install --cask chromium) ' +
    'or point CHROMIUM_PATH at a Chromium or Chrome executable.'
  );
}

/**
 * Throws at once, with the install hint, when Chromium is missing. Browser tests call this before they start
 * anything (a build of site/, a Jupyter server), so a machine without Chromium fails in a second.
 */
export function requireChromium(): string {
  const executablePath = chromiumPath();
  if (!fs.existsSync(executablePath)) throw new Error(noChromiumMessage(executablePath));
  return executablePath;
}

export async function launchBrowser(): Promise<Browser> {
  const executablePath = requireChromium();
  return chromium.launch({
    executablePath,
    timeout: 60_000,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
}

/**
 * Starts headless Chromium, then a Notebook server in `notebookDir`, runs `fn`, and ALWAYS stops both, whatever
 * fails (the browser launch, the server start, or `fn`): a failing browser test never leaves a server running.
 */
export async function withLiveNotebook<T>(notebookDir: string, fn: (server: NotebookServer, browser: Browser) => Promise<T>): Promise<T> {
  const browser = await launchBrowser();
  let server: NotebookServer | undefined;
  try {
    server = await startNotebookServer(notebookDir);
    return await fn(server, browser);
  } finally {
    await browser.close().catch(() => undefined);
    await server?.stop();
  }
}

/** Makes sure site/ and artifacts/notebooks.json exist (runs `npm run site` if not). */
export function ensureSite(): { notebook: string; ok: boolean; plots: number; page: string; title: string }[] {
  const summaryFile = path.join(ARTIFACTS, 'notebooks.json');
  if (!fs.existsSync(summaryFile) || !fs.existsSync(path.join(SITE, 'index.html'))) {
    const r = spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'run-notebooks.js'), '--site', SITE, '--summary', summaryFile], {
      stdio: 'inherit',
      cwd: ROOT,
    });
    if (r.status !== 0) throw new Error('browser test: building site/ failed (see above)');
  }
  return JSON.parse(fs.readFileSync(summaryFile, 'utf8'));
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const port = (server.address() as net.AddressInfo).port;
      server.close(() => resolve(port));
    });
  });
}

export interface NotebookServer {
  url: string;
  token: string;
  /** Shuts down kernels and stops the server (always safe to call). */
  stop(): Promise<void>;
  /** Everything the server printed. */
  log(): string;
}

/** Starts classic Jupyter Notebook on 127.0.0.1 (free port, random token, project-local Jupyter folders). */
export async function startNotebookServer(notebookDir: string): Promise<NotebookServer> {
  const found = jupyterEnv.findJupyter(['notebook']);
  if (!found.ok || !found.python) throw new Error('browser test: ' + jupyterEnv.INSTALL_HINT);
  if (Number(found.python.notebook.split('.')[0]) >= 7) {
    throw new Error(`browser test: needs classic Notebook 6 (its UI is driven here); found notebook ${found.python.notebook}`);
  }
  jupyterEnv.ensureDirs();
  jupyterEnv.writeKernelSpec();
  jupyterEnv.installNotebookAssets();
  const port = await freePort();
  const token = randomBytes(16).toString('hex');
  let output = '';
  const child: ChildProcess = spawn(
    found.python.command,
    ['-m', 'notebook', '--no-browser', '--ip=127.0.0.1', `--port=${port}`, '--port-retries=0', `--NotebookApp.token=${token}`, `--notebook-dir=${notebookDir}`, ...(process.getuid?.() === 0 ? ['--allow-root'] : [])],
    { cwd: notebookDir, env: jupyterEnv.jupyterEnv(), stdio: ['ignore', 'pipe', 'pipe'] },
  );
  child.stdout?.on('data', (d) => (output += d));
  child.stderr?.on('data', (d) => (output += d));
  const url = `http://127.0.0.1:${port}`;
  let exited = false;
  const exitPromise = new Promise<void>((resolve) => child.on('exit', () => ((exited = true), resolve())));
  // last resort: if this test process ends without stop() (an uncaught error, Ctrl+C), the server goes with it
  const killOnExit = () => {
    if (!exited) child.kill('SIGTERM'); // Notebook 6 shuts its kernels down on SIGTERM
  };
  process.once('exit', killOnExit);

  const stop = async () => {
    if (exited) return;
    try {
      const signal = AbortSignal.timeout(10_000);
      const kernels = (await (await fetch(`${url}/api/kernels?token=${token}`, { signal })).json()) as { id: string }[];
      for (const k of kernels) await fetch(`${url}/api/kernels/${k.id}?token=${token}`, { method: 'DELETE', signal });
    } catch {
      // server not answering: fall through to the signals
    }
    child.kill('SIGTERM');
    const timer = setTimeout(() => !exited && child.kill('SIGKILL'), 10_000);
    await exitPromise;
    clearTimeout(timer);
    process.removeListener('exit', killOnExit);
  };

  const deadline = Date.now() + 60_000;
  for (;;) {
    if (exited) throw new Error(`browser test: the Notebook server exited early:\n${output}`);
    try {
      const res = await fetch(`${url}/api/status?token=${token}`, { signal: AbortSignal.timeout(5_000) });
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`browser test: the Notebook server did not answer within 60 s:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  return { url, token, stop, log: () => output };
}
