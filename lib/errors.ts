/**
 * Errors and argument checks shared by every public function of the engine.
 *
 * Every message names the function, the argument, what was expected and what was given,
 * e.g. `matmul: argument B has shape [4, 1], expected [3, n] (inner dimensions must match)`.
 */

/** A shape mismatch. Carries the expected and the actual shape, like mathjs's DimensionError. */
export class ShapeError extends Error {
  constructor(
    message: string,
    /** The shape the function needed (a dimension may be null when any size is allowed). */
    readonly expected?: ReadonlyArray<number | null>,
    /** The shape it was given. */
    readonly actual?: ReadonlyArray<number>,
  ) {
    super(messageText(message));
    this.name = 'ShapeError';
    useStudentStack(this);
  }
}

/** Any other bad argument: a value out of range, a wrong type, an unknown name. */
export class ArgumentError extends Error {
  constructor(message: string) {
    super(messageText(message));
    this.name = 'ArgumentError';
    useStudentStack(this);
  }
}

/** The message of an error: a string as it is, anything else described (a Symbol cannot even become a string). */
function messageText(message: unknown): string {
  return typeof message === 'string' ? message : describe(message);
}

/** Formats a shape as `[2, 3]` (something that is not a short array of sizes is described instead). */
export function formatShape(shape: ReadonlyArray<number | null>): string {
  if (!Array.isArray(shape) || shape.length > 8) return describe(shape);
  return `[${shape.map((d) => (d === null ? 'any' : String(d))).join(', ')}]`;
}

/** Describes a value briefly for an error message: `3`, `"abc"`, `NaN`, `an array of length 2`. */
export function describe(value: unknown): string {
  if (value === null) return 'null';
  if (value === undefined) return 'undefined';
  if (typeof value === 'number') return Number.isNaN(value) ? 'NaN' : String(value);
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? value.slice(0, 40) + '…' : value);
  if (Array.isArray(value)) return `an array of length ${value.length}`;
  if (ArrayBuffer.isView(value)) return `a ${value.constructor.name} of length ${(value as unknown as ArrayLike<number>).length}`;
  if (typeof value === 'object') return `an object (${(value as object).constructor?.name ?? 'Object'})`;
  return typeof value;
}

/** Throws unless `value` is a finite number greater than 0. */
export function checkPositive(fn: string, arg: string, value: unknown): asserts value is number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) {
    throw new ArgumentError(`${fn}: ${arg} must be a finite number > 0, got ${describe(value)}`);
  }
}

/** Throws unless `value` is a finite number ≥ 0. */
export function checkNonNegative(fn: string, arg: string, value: unknown): asserts value is number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
    throw new ArgumentError(`${fn}: ${arg} must be a finite number ≥ 0, got ${describe(value)}`);
  }
}

/** Throws unless `value` is an integer ≥ `min` (default 1). */
export function checkInteger(fn: string, arg: string, value: unknown, min = 1): asserts value is number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min) {
    throw new ArgumentError(`${fn}: ${arg} must be an integer ≥ ${min}, got ${describe(value)}`);
  }
}

/** Throws unless `value` is a finite number in the closed range [lo, hi]. */
export function checkInRange(fn: string, arg: string, value: unknown, lo: number, hi: number): asserts value is number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < lo || value > hi) {
    throw new ArgumentError(`${fn}: ${arg} must be a number in [${lo}, ${hi}], got ${describe(value)}`);
  }
}

/** Throws unless `value` is a (finite or not) number. NaN is allowed: math lets NaN propagate. */
export function checkNumber(fn: string, arg: string, value: unknown): asserts value is number {
  if (typeof value !== 'number') {
    throw new ArgumentError(`${fn}: ${arg} must be a number, got ${describe(value)}`);
  }
}

/** Throws unless `value` is a plain array of numbers (NaN allowed) of the given length (if given). */
export function checkNumberArray(fn: string, arg: string, value: unknown, length?: number): asserts value is number[] {
  if (!Array.isArray(value) && !(ArrayBuffer.isView(value) && !(value instanceof DataView))) {
    throw new ArgumentError(`${fn}: ${arg} must be an array of numbers, got ${describe(value)}`);
  }
  const arr = value as ArrayLike<unknown>;
  if (length !== undefined && arr.length !== length) {
    throw new ShapeError(`${fn}: ${arg} has length ${arr.length}, expected ${length}`, [length], [arr.length]);
  }
  for (let i = 0; i < arr.length; i++) {
    if (typeof arr[i] !== 'number') {
      throw new ArgumentError(`${fn}: ${arg}[${i}] must be a number, got ${describe(arr[i])}`);
    }
  }
}

/** Levenshtein distance, for "did you mean …?" suggestions on misspelt names. */
function editDistance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 3 || a.length > 60 || b.length > 60) return Infinity;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return prev[b.length];
}

/** The valid name closest to `given` (same letters ignoring case, or at most 2 edits away), or undefined. */
export function suggestName(given: string, valid: readonly string[]): string | undefined {
  if (typeof given !== 'string' || !Array.isArray(valid)) return undefined;
  const lower = given.toLowerCase();
  const same = valid.find((v) => typeof v === 'string' && v.toLowerCase() === lower);
  if (same !== undefined) return same;
  let best: string | undefined, bestD = 3;
  for (const v of valid) {
    if (typeof v !== 'string') continue;
    const d = editDistance(lower, v.toLowerCase());
    if (d < bestD) [best, bestD] = [v, d];
  }
  return best;
}

/**
 * Throws unless `options` is a plain object whose keys are all in `valid` — a misspelt option (`batchsize`) would
 * otherwise be ignored silently. The message lists the valid names and suggests the closest one.
 */
export function checkOptionNames(fn: string, arg: string, options: unknown, valid: readonly string[]): void {
  if (typeof options !== 'object' || options === null || Array.isArray(options)) {
    throw new ArgumentError(`${fn}: ${arg} must be an object, got ${describe(options)}`);
  }
  for (const key of Object.keys(options)) {
    if (!valid.includes(key)) {
      const near = suggestName(key, valid);
      throw new ArgumentError(
        `${fn}: unknown option ${describe(key)} in ${arg}${near ? ` (did you mean ${near}?)` : ''}; valid options are: ${valid.join(', ')}`,
      );
    }
  }
}

/**
 * Throws unless every element of `data` (a row-major matrix with `cols` columns) is finite, naming the first bad
 * one as arg[row][col]. For data that training or a metric would otherwise turn into a NaN far from its cause.
 */
export function checkFiniteData(fn: string, arg: string, data: ArrayLike<number>, cols: number, hint = ''): void {
  if (!Array.isArray(data) && !(ArrayBuffer.isView(data) && !(data instanceof DataView))) {
    throw new ArgumentError(`${fn}: ${arg} must be an array of numbers, got ${describe(data)}`);
  }
  for (let i = 0; i < data.length; i++) {
    const v = data[i];
    if (!Number.isFinite(v)) {
      const r = cols > 0 ? Math.floor(i / cols) : i, c = i - r * cols;
      throw new ArgumentError(`${fn}: ${arg}[${r}][${c}] is ${describe(v)}, expected a finite number${hint}`);
    }
  }
}

// ---------------------------------------------------------------------------------------------------------------
// What a student sees when an engine error reaches a notebook cell.
//
// tslab prints a failed cell with console.error(error), i.e. the error's `stack`. Node adds in front of it the
// line of compiled dist/ source that threw (three lines: file:line, the code, a caret), and the stack itself ends
// in ten frames of dist/ and tslab internals. Inside a tslab kernel the engine's errors keep only the message and
// the frames of the student's own code (the cells); the complete stack stays readable as `error.fullStack`.

let kernelCache: boolean | undefined;

/** True when this process is a tslab kernel (its executor module is loaded). */
function inTslabKernel(): boolean {
  if (kernelCache === undefined) {
    kernelCache = typeof require !== 'undefined' && Object.keys(require.cache).some((f) => /[\\/]tslab[\\/]dist[\\/]executor\.js$/.test(f));
  }
  return kernelCache;
}

/** A frame of the engine, of tslab or the course's kernel wrapper, of another package or of Node itself (not the student's code). */
function isInternalFrame(line: string): boolean {
  return /[\\/](dist|lib|node_modules)[\\/]|[\\/]tslab-kernel\.js:|\(node:|at node:|at sigintHandlersWrap|at Script\.runInThisContext/.test(line);
}

/**
 * The stack a student should see: the error's header (name and message) and the frames that are not engine, tslab
 * or Node internals — in a notebook, the cell lines that called the engine. Anything printed before the header
 * (Node's excerpt of the compiled source that threw) is dropped.
 *
 * Example: studentStack('ArgumentError: f: x must be…\n    at check (/c/dist/matrix.js:1:1)\n    at evalmachine.<anonymous>:7:3\n' +
 *            '    at evalmachine.<anonymous>:9:3\n    at sigintHandlersWrap (node:vm:280:12)', 'ArgumentError: f: x must be…')
 *          === 'ArgumentError: f: x must be…\n    at your cell'
 */
export function studentStack(stack: string, header: string): string {
  if (typeof stack !== 'string') throw new ArgumentError(`studentStack: stack must be a string (an error's stack), got ${describe(stack)}`);
  if (typeof header !== 'string') throw new ArgumentError(`studentStack: header must be a string ("Name: message"), got ${describe(header)}`);
  const start = stack.indexOf(header);
  const text = start >= 0 ? stack.slice(start) : stack;
  const lines = text.split('\n');
  const firstFrame = lines.findIndex((l) => /^\s+at /.test(l));
  if (firstFrame < 0) return text;
  const all = lines.slice(firstFrame).filter((l) => /^\s+at /.test(l));
  const frames = all
    // the last cell frame before Node's vm is tslab's wrapper around the cell, not a line the student wrote
    .filter((l, i) => !isInternalFrame(l) && !(i + 1 < all.length && /at (sigintHandlersWrap|Script\.runInThisContext)/.test(all[i + 1])))
    // compiled-code positions would not match the lines of the cell: name the cell instead
    .map((l) => l.replace(/\(evalmachine\.<anonymous>:\d+:\d+\)/, '(your cell)').replace(/at evalmachine\.<anonymous>:\d+:\d+/, 'at your cell'));
  return [...lines.slice(0, firstFrame), ...frames].join('\n');
}

/**
 * Inside a tslab kernel, makes `error.stack` the student's view (studentStack), also after Node prepends the
 * source excerpt to it; `error.fullStack` keeps everything. Outside a kernel (tests, scripts) it changes nothing.
 */
export function useStudentStack(error: Error): void {
  if (!inTslabKernel()) return;
  let full = error.stack ?? `${error.name}: ${error.message}`;
  const header = `${error.name}: ${error.message}`;
  Object.defineProperty(error, 'fullStack', { get: () => full, enumerable: false, configurable: true });
  Object.defineProperty(error, 'stack', {
    get: () => studentStack(full, header),
    set: (value: string) => {
      full = String(value);
    },
    enumerable: false,
    configurable: true,
  });
}
