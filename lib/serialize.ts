/**
 * Saving and loading networks as JSON, with validation: a wrong shape, a missing field, an unknown activation,
 * a non-number or a `__proto__` / `constructor` / `prototype` key gives an error saying where, never a silently
 * broken network.
 *
 *   const text = saveNetwork(net);        // JSON string
 *   const copy = loadNetwork(text);       // same weights, same outputs
 */
import { activationFromFormula } from './activations/from-formula';
import { getActivation } from './activations/registry';
import { ArgumentError, ShapeError, describe } from './errors';
import { Network, type NetworkJson } from './network';

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** JSON text of a network (pretty-printed with `indent` spaces, default none). */
export function saveNetwork(net: Network, indent?: number): string {
  if (!(net instanceof Network)) throw new ArgumentError(`saveNetwork: expected a Network, got ${describe(net)}`);
  return JSON.stringify(net.toJSON(), null, indent);
}

function checkKeys(value: unknown, path: string): void {
  if (typeof value !== 'object' || value === null) return;
  for (const key of Object.getOwnPropertyNames(value)) {
    if (FORBIDDEN_KEYS.has(key)) throw new ArgumentError(`loadNetwork: forbidden key "${key}" at ${path}`);
    checkKeys((value as Record<string, unknown>)[key], `${path}.${key}`);
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
      fail(`the text is not valid JSON (${(err as Error).message})`);
    }
  }
  if (typeof obj !== 'object' || obj === null || Array.isArray(obj)) fail(`expected a JSON object, got ${describe(obj)}`);
  checkKeys(obj, '$');
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
        if (typeof v !== 'number') fail(`${where}.weights[${j}][${k}] must be a number, got ${describe(v)}`);
      });
    });
    if (!Array.isArray(l.biases)) fail(`${where}.biases must be an array, got ${describe(l.biases)}`);
    (l.biases as unknown[]).forEach((v, k) => {
      if (typeof v !== 'number') fail(`${where}.biases[${k}] must be a number, got ${describe(v)}`);
    });
    const activation =
      typeof l.formula === 'string'
        ? activationFromFormula(l.formula, { name: l.activation })
        : getActivation(l.activation, typeof l.alpha === 'number' ? { alpha: l.alpha } : {});
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
