/**
 * Saving and loading networks as JSON, with validation: a wrong shape, a missing field, an unknown activation,
 * a non-number or a `__proto__` / `constructor` / `prototype` key gives an error saying where, never a silently
 * broken network.
 *
 *   const text = saveNetwork(net);        // JSON string
 *   const copy = loadNetwork(text);       // same weights, same outputs
 */
import { activationFromFormula } from './activations/from-formula';
import { activationNames, getActivation } from './activations/registry';
import { ArgumentError, ShapeError, describe } from './errors';
import { Network, type NetworkJson } from './network';

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
const LAYER_FIELDS = ['activation', 'formula', 'alpha', 'weights', 'biases'];

/** JSON text of a network (pretty-printed with `indent` spaces, default none). */
export function saveNetwork(net: Network, indent?: number): string {
  if (!(net instanceof Network)) throw new ArgumentError(`saveNetwork: expected a Network, got ${describe(net)}`);
  return JSON.stringify(net.toJSON(), null, indent);
}

/** Deepest nesting a network file can legitimately have ($ → layers → [i] → weights → [j]); deeper is refused. */
const MAX_JSON_DEPTH = 8;

/** Walks the parsed JSON without recursion: forbidden keys and nesting depth, with the path of the problem. */
function checkKeys(root: unknown): void {
  const stack: Array<[unknown, string, number]> = [[root, '$', 0]];
  while (stack.length > 0) {
    const [value, path, depth] = stack.pop()!;
    if (typeof value !== 'object' || value === null) continue;
    if (depth >= MAX_JSON_DEPTH) {
      fail(`${path} is nested deeper than a network file can be (more than ${MAX_JSON_DEPTH} levels); this is not a saved network`);
    }
    if (Array.isArray(value)) {
      // arrays of numbers (weights) are checked element by element later; only descend into nested arrays/objects
      for (let i = 0; i < value.length; i++) if (typeof value[i] === 'object' && value[i] !== null) stack.push([value[i], `${path}[${i}]`, depth + 1]);
      continue;
    }
    for (const key of Object.getOwnPropertyNames(value)) {
      if (FORBIDDEN_KEYS.has(key)) throw new ArgumentError(`loadNetwork: forbidden key "${key}" at ${path}`);
      stack.push([(value as Record<string, unknown>)[key], `${path}.${key.length > 40 ? key.slice(0, 40) + '…' : key}`, depth + 1]);
    }
  }
}

function fail(message: string): never {
  throw new ArgumentError(`loadNetwork: ${message}`);
}

/** Rebuilds a network from `saveNetwork`'s JSON text (or the parsed object). */
export function loadNetwork(json: string | NetworkJson): Network {
  let obj: unknown = json;
  if (typeof json === 'string') {
    try {
      obj = JSON.parse(json);
    } catch (err) {
      const msg = String((err as Error).message);
      fail(`the text is not valid JSON (${msg.length > 200 ? msg.slice(0, 200) + '…' : msg})`);
    }
  }
  if (typeof obj !== 'object' || obj === null || Array.isArray(obj)) fail(`expected a JSON object, got ${describe(obj)}`);
  checkKeys(obj);
  const o = obj as Record<string, unknown>;
  if (o.format !== 'fcnn-network') fail(`field "format" must be "fcnn-network", got ${describe(o.format)}`);
  if (o.version !== 1) fail(`field "version" must be 1, got ${describe(o.version)}`);
  if (!Array.isArray(o.layers) || o.layers.length === 0) fail(`field "layers" must be a non-empty array, got ${describe(o.layers)}`);
  const layers = (o.layers as unknown[]).map((raw, i) => {
    const where = `layers[${i}]`;
    if (typeof raw !== 'object' || raw === null) fail(`${where} must be an object, got ${describe(raw)}`);
    const l = raw as Record<string, unknown>;
    for (const field of ['activation', 'weights', 'biases']) {
      if (!(field in l)) fail(`${where} is missing the field "${field}"`);
    }
    if (typeof l.activation !== 'string') fail(`${where}.activation must be a string, got ${describe(l.activation)}`);
    if (!Array.isArray(l.weights) || l.weights.length === 0) fail(`${where}.weights must be a non-empty array of rows`);
    const rows = l.weights as unknown[];
    const cols = Array.isArray(rows[0]) ? (rows[0] as unknown[]).length : -1;
    rows.forEach((r, j) => {
      if (!Array.isArray(r)) fail(`${where}.weights[${j}] must be an array, got ${describe(r)}`);
      if (r.length !== cols) {
        throw new ShapeError(`loadNetwork: ${where}.weights[${j}] has ${r.length} values, expected ${cols} like row 0`, [cols], [r.length]);
      }
      r.forEach((v, k) => {
        if (typeof v !== 'number' || !Number.isFinite(v)) fail(`${where}.weights[${j}][${k}] must be a finite number, got ${describe(v)}`);
      });
    });
    if (!Array.isArray(l.biases)) fail(`${where}.biases must be an array, got ${describe(l.biases)}`);
    (l.biases as unknown[]).forEach((v, k) => {
      if (typeof v !== 'number' || !Number.isFinite(v)) fail(`${where}.biases[${k}] must be a finite number, got ${describe(v)}`);
    });
    for (const key of Object.keys(l)) {
      if (!LAYER_FIELDS.includes(key)) fail(`${where} has an unknown field ${describe(key)}; a layer has the fields ${LAYER_FIELDS.join(', ')}`);
    }
    const name = l.activation as string;
    const builtin = activationNames().includes(name);
    if (!builtin && !('formula' in l)) {
      fail(`${where}: unknown activation ${describe(name)}; built-in activations are ${activationNames().join(', ')}, any other needs a "formula"`);
    }
    if ('alpha' in l && name !== 'leaky-relu') fail(`${where}.alpha is only meaningful for activation "leaky-relu", got activation ${describe(name)}`);
    if (name === 'leaky-relu' && 'alpha' in l && (typeof l.alpha !== 'number' || !(l.alpha >= 0 && l.alpha <= 1))) {
      fail(`${where}.alpha must be a number in [0, 1], got ${describe(l.alpha)}`);
    }
    let activation;
    if ('formula' in l) {
      if (typeof l.formula !== 'string') fail(`${where}.formula must be a string, got ${describe(l.formula)}`);
      if (builtin) {
        fail(`${where} has activation ${describe(name)} and formula ${describe(l.formula)}: a built-in activation is saved by name only, ` +
          `so the two disagree (remove the formula, or give the formula its own name)`);
      }
      try {
        activation = activationFromFormula(l.formula as string, { name });
      } catch (err) {
        fail(`${where}.formula: ${(err as Error).message}`);
      }
    } else {
      activation = getActivation(name, typeof l.alpha === 'number' ? { alpha: l.alpha } : {});
    }
    return { weights: rows as number[][], biases: l.biases as number[], activation };
  });
  for (let i = 1; i < layers.length; i++) {
    const prevUnits = layers[i - 1].weights[0].length;
    if (layers[i].weights.length !== prevUnits) {
      throw new ShapeError(
        `loadNetwork: layers[${i}].weights has ${layers[i].weights.length} rows, expected ${prevUnits} (the units of layers[${i - 1}])`,
        [prevUnits],
        [layers[i].weights.length],
      );
    }
  }
  return Network.fromWeights({ layers });
}

/** Network.fromJSON is the same as loadNetwork. */
export const networkFromJson = loadNetwork;
