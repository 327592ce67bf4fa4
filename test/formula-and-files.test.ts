/**
 * Issue 10, formulas and network files: a whitelist of what a formula may contain (parsed by a private mathjs
 * instance, never evaluated by mathjs), size limits, a derivative that cannot blow up, and validated files.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import * as mathjs from 'mathjs';
import {
  ArgumentError, FORMULA_FUNCTIONS, LimitError, Network, activationFromFormula, derivativeOfFormula, getLimits, loadNetwork,
  saveNetwork, setLimits,
} from '../lib/index';

/** Wall-clock guard for a synchronous call that used to hang: it must come back (the test only fails on an error). */
function returns<T>(f: () => T): T {
  return f();
}

describe('formula whitelist', () => {
  it('refuses calls that reach outside the activation, listing what is allowed; global mathjs units are untouched', () => {
    const before = mathjs.evaluate('1 inch to m').toString();
    for (const [formula, what] of [
      ['createUnit("inch", "1 m", {override: true})', /the function "createUnit" is not allowed/],
      ['evaluate("2") * x', /the function "evaluate" is not allowed/],
      ['0*sum(ones(3000,3000)) + x', /the function "sum" is not allowed/],
      ['derivative("x^2", "x")', /the function "derivative" is not allowed/],
      ['[x, 1]', /a matrix or list/],
      ['a = x', /an assignment/],
      ['f(y) = y', /a function definition/],
      ['y + 1', /unknown variable "y"/],
    ] as const) {
      assert.throws(() => activationFromFormula(formula), (e: Error) =>
        e instanceof ArgumentError && what.test(e.message) && e.message.includes(FORMULA_FUNCTIONS.join(', ')), formula);
    }
    assert.equal(mathjs.evaluate('1 inch to m').toString(), before);
  });
  it('a network file with a createUnit formula is refused too', () => {
    const text = JSON.stringify({ format: 'fcnn-network', version: 1, layers: [{ activation: 'evil', formula: 'createUnit("inch", "1 m", {override: true})', weights: [[1]], biases: [0] }] });
    assert.throws(() => loadNetwork(text), /loadNetwork: layers\[0\].formula: activationFromFormula: the function "createUnit" is not allowed/);
  });
  it('returns at once for the formulas whose mathjs derivative never finished', () => {
    const sum = returns(() => activationFromFormula('x' + '+x'.repeat(29)));
    assert.equal(sum.derivative(0.7), 30);
    const sines = returns(() => activationFromFormula(Array.from({ length: 24 }, (_, k) => `sin(${k + 1}*x)`).join(' + ')));
    const exact = Array.from({ length: 24 }, (_, k) => (k + 1) * Math.cos((k + 1) * 0.3)).reduce((a, b) => a + b);
    assert.ok(Math.abs(sines.derivative(0.3) - exact) < 1e-9);
    const nested = returns(() => activationFromFormula('tanh('.repeat(25) + 'x' + ')'.repeat(25)));
    const h = 1e-6;
    assert.ok(Math.abs(nested.derivative(0.2) - (nested.output(0.2 + h) - nested.output(0.2 - h)) / (2 * h)) < 1e-6);
  });
  it('falls back to a central difference, and says so, when the symbolic derivative would be too large', () => {
    const act = activationFromFormula('x*'.repeat(70) + 'x');
    assert.match(act.latexDerivative, /central difference/);
    assert.ok(Math.abs(act.derivative(1) - 71) < 1e-4, String(act.derivative(1)));
  });
  it('limits the length and gives a shortened message for a 1 MB formula', () => {
    const huge = 'x +* '.repeat(200_000);
    assert.throws(() => activationFromFormula(huge), (e: Error) => e instanceof LimitError && e.message.length < 400 && /1000000 characters, more than the limit of 2000/.test(e.message));
    const prev = setLimits({ maxFormulaLength: 2e6 });
    try {
      assert.throws(() => activationFromFormula(huge), (e: Error) => e instanceof ArgumentError && e.message.length < 600);
    } finally {
      setLimits(prev);
    }
    assert.deepEqual(getLimits(), { ...getLimits(), maxFormulaLength: 2000 });
  });
  it('refuses brackets nested past the limit before the parser recurses', () => {
    assert.throws(() => activationFromFormula('('.repeat(500) + 'x' + ')'.repeat(500)), /nests brackets 500 deep/);
  });
  it('refuses a built-in name for a formula (it would load as the built-in)', () => {
    assert.throws(() => activationFromFormula('x ^ 2', { name: 'tanh' }), /belongs to a built-in activation/);
  });
  it('keeps the readable derivatives', () => {
    assert.equal(derivativeOfFormula('tanh(x)'), 'sech(x) ^ 2');
    assert.equal(derivativeOfFormula('1 / (1 + exp(-x))'), 'exp(-x) / (1 + exp(-x)) ^ 2');
    // mathjs can evaluate what we print
    assert.ok(Math.abs(mathjs.evaluate(derivativeOfFormula('x / (1 + exp(-x))'), { x: 0.5 }) - activationFromFormula('x / (1 + exp(-x))').derivative(0.5)) < 1e-15);
  });
});

describe('network files are validated', () => {
  const good = () => JSON.parse(saveNetwork(Network.create({ inputSize: 2, layers: [{ units: 2, activation: 'leaky-relu' }, { units: 1, activation: 'sigmoid' }], seed: 1 })));
  it('round-trips', () => assert.doesNotThrow(() => loadNetwork(JSON.stringify(good()))));
  it('refuses NaN and Infinity weights (as objects; JSON text cannot hold them)', () => {
    const a = good();
    a.layers[0].weights[1][0] = NaN;
    assert.throws(() => loadNetwork(a), /layers\[0\].weights\[1\]\[0\] must be a finite number, got NaN/);
    const b = good();
    b.layers[1].biases[0] = Infinity;
    assert.throws(() => loadNetwork(b), /layers\[1\].biases\[0\] must be a finite number, got Infinity/);
  });
  it("refuses alpha: 'abc' instead of turning it into 0.01", () => {
    const a = good();
    a.layers[0].alpha = 'abc';
    assert.throws(() => loadNetwork(a), /layers\[0\].alpha must be a number in \[0, 1\], got "abc"/);
  });
  it('refuses an activation name and formula that disagree', () => {
    const a = good();
    a.layers[0] = { ...a.layers[0], activation: 'relu', formula: 'x^2' };
    delete a.layers[0].alpha;
    assert.throws(() => loadNetwork(a), /has activation "relu" and formula "x\^2": a built-in activation is saved by name only/);
    const b = good();
    b.layers[1] = { ...b.layers[1], activation: 'tanh', formula: 'x' };
    assert.throws(() => loadNetwork(b), /disagree/);
  });
  it('refuses deeply nested JSON and __proto__ with clear errors (no stack overflow)', () => {
    const deep = '{"format":"fcnn-network","version":1,"layers":[' + '['.repeat(100_000) + ']'.repeat(100_000) + ']}';
    assert.throws(() => loadNetwork(deep), (e: Error) => e instanceof ArgumentError && /nested deeper than a network file can be/.test(e.message));
    assert.throws(() => loadNetwork('{"__proto__": {"x": 1}, "format": "fcnn-network"}'), /forbidden key "__proto__" at \$/);
  });
});
