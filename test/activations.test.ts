import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { all, create } from 'mathjs';
import {
  ArgumentError, Matrix, activationFromFormula, activationNames, derivativeOfFormula, differentiate, getActivation,
  leakyRelu, sigmoid, softmax, softmaxJvp, softmaxRow, tanh,
} from '../lib/index';
import type { MathNode } from 'mathjs';

// An exact oracle: mathjs evaluates the symbolic derivative of each activation's own expression string
// with 64-digit BigNumbers, so it cannot overflow where float64 would.
const big = create(all, { number: 'BigNumber', precision: 64 });
function symbolic(expression: string): { f: (x: number) => number; df: (x: number) => number } {
  const node = big.parse(expression);
  const f = node.compile();
  const df = big.parse(differentiate(node as unknown as MathNode).toString()).compile();
  return {
    f: (x) => Number(f.evaluate({ x: big.bignumber(x) })),
    df: (x) => Number(df.evaluate({ x: big.bignumber(x) })),
  };
}

const GRID = [-1000, -50, -20, -5, -2, -1, -0.5, -0.1, 0.1, 0.5, 1, 2, 5, 20, 50, 1000];
const ELEMENTWISE = ['identity', 'sigmoid', 'tanh', 'relu', 'leaky-relu'];

function closeTo(actual: number, expected: number, tol: number, what: string): void {
  assert.ok(Math.abs(actual - expected) <= tol * Math.max(1, Math.abs(expected)), `${what}: got ${actual}, expected ${expected}`);
}

describe('activations registry', () => {
  it('lists identity, sigmoid, tanh, relu, leaky-relu and softmax', () => {
    for (const n of ['identity', 'sigmoid', 'tanh', 'relu', 'leaky-relu', 'softmax']) assert.ok(activationNames().includes(n));
  });
  it('throws on an unknown name with a message listing the valid names', () => {
    assert.throws(() => getActivation('swish'), (e: Error) =>
      e instanceof ArgumentError && /unknown activation "swish"/.test(e.message) && /sigmoid, tanh, relu, leaky-relu, softmax/.test(e.message));
  });
  it('throws when given something that is neither a name nor an activation', () => {
    assert.throws(() => getActivation(42 as unknown as string), /getActivation: expected an activation name/);
  });
  it('passes leaky-relu options through (alpha)', () => {
    assert.equal(getActivation('leaky-relu', { alpha: 0.2 }).output(-1), -0.2);
  });
  it('every entry carries formula, derivative, LaTeX, mathjs expression, range, pros and cons', () => {
    for (const n of activationNames()) {
      const a = getActivation(n);
      assert.ok(a.latex.length > 0 && a.latexDerivative.length > 0, n);
      assert.ok(a.range.length > 0 && a.pros.length > 0 && a.cons.length > 0, n);
      if (a.elementwise) assert.ok(a.expression.length > 0, n);
    }
  });
});

for (const name of ELEMENTWISE) {
  describe(name, () => {
    const act = getActivation(name);
    const oracle = symbolic(act.expression);
    it('output equals its mathjs expression evaluated in 64-digit precision over a grid including |z| = 1000', () => {
      for (const z of GRID) closeTo(act.output(z), oracle.f(z), 1e-12, `${name}(${z})`);
    });
    it("derivative equals mathjs's symbolic derivative of its expression, including large |z|", () => {
      for (const z of GRID) closeTo(act.derivative(z), oracle.df(z), 1e-12, `${name}'(${z})`);
    });
    it('derivative equals a central finite difference (away from the kink at 0)', () => {
      const h = 1e-6;
      for (const z of GRID.filter((v) => Math.abs(v) < 100)) {
        closeTo(act.derivative(z), (act.output(z + h) - act.output(z - h)) / (2 * h), 1e-6, `${name}'(${z}) vs finite difference`);
      }
    });
    it('lets NaN propagate through output and derivative', () => {
      assert.ok(Number.isNaN(act.output(NaN)));
      assert.ok(Number.isNaN(act.derivative(NaN)));
    });
    it('batch forward and backward agree with the scalar functions', () => {
      const Z = Matrix.from([[-2, -0.5, 0.3], [1, 4, -7]]);
      const A = new Matrix(2, 3), G = Matrix.from([[1, 2, 3], [-1, 0.5, 2]]), dZ = new Matrix(2, 3);
      act.forward(Z, A);
      act.backward(Z, A, G, dZ);
      for (let i = 0; i < 6; i++) {
        closeTo(A.data[i], act.output(Z.data[i]), 1e-15, 'forward');
        closeTo(dZ.data[i], G.data[i] * act.derivative(Z.data[i]), 1e-14, 'backward');
      }
    });
    it('forward throws a ShapeError naming Z and A when shapes differ', () => {
      assert.throws(() => act.forward(new Matrix(2, 3), new Matrix(3, 2)), /forward: A has shape \[3, 2\], expected \[2, 3\] like Z/);
    });
  });
}

describe('sigmoid', () => {
  it('is stable for large |z|: no NaN or Infinity at ±1000 and ±1e308', () => {
    for (const z of [-1e308, -1000, 1000, 1e308]) assert.ok(Number.isFinite(sigmoid.output(z)) && Number.isFinite(sigmoid.derivative(z)));
    assert.equal(sigmoid.output(-1000), 0);
    assert.equal(sigmoid.output(1000), 1);
  });
  it('has derivative at most 0.25, reached at z = 0', () => {
    assert.equal(sigmoid.derivative(0), 0.25);
    for (let z = -10; z <= 10; z += 0.01) assert.ok(sigmoid.derivative(z) <= 0.25);
  });
});

describe('tanh', () => {
  it('is a rescaled sigmoid: tanh(z) = 2σ(2z) − 1', () => {
    for (const z of GRID) closeTo(tanh.output(z), 2 * sigmoid.output(2 * z) - 1, 1e-15, `z=${z}`);
  });
});

describe('leakyRelu', () => {
  describe('when z < 0', () => {
    it('returns alpha·z', () => assert.equal(leakyRelu(0.1).output(-3), -0.30000000000000004));
  });
  it('rejects alpha outside [0, 1]', () => {
    assert.throws(() => leakyRelu(-0.5), /leakyRelu: alpha must be a number in \[0, 1\], got -0.5/);
  });
});

describe('softmax', () => {
  it('turns 5 scores into 5 probabilities that sum to 1', () => {
    const p = softmaxRow([1, 2, 3, 4, 5]);
    assert.equal(p.length, 5);
    closeTo(p.reduce((a, b) => a + b), 1, 1e-15, 'sum');
    assert.ok(p.every((v) => v > 0 && v < 1));
  });
  it('gives rows that sum to 1 in batch form, and keeps the order of the scores', () => {
    const Z = Matrix.from([[0.1, -2, 3], [5, 5, 5], [-1, 0, 1]]);
    const A = new Matrix(3, 3);
    softmax.forward(Z, A);
    for (const row of A.toArray()) closeTo(row.reduce((a, b) => a + b), 1, 1e-15, 'row sum');
    assert.ok(A.get(0, 2) > A.get(0, 0) && A.get(0, 0) > A.get(0, 1));
  });
  it('does not overflow for logits like 1e4 (no NaN)', () => {
    const A = new Matrix(1, 3);
    softmax.forward(Matrix.from([[1e4, 1e4 - 1, -1e4]]), A);
    assert.ok(A.data.every((v) => Number.isFinite(v)));
    closeTo(A.get(0, 0), 1 / (1 + Math.exp(-1)), 1e-12, 'p0');
  });
  it('is NaN without the max subtraction for the same logits (why the trick matters)', () => {
    const naive = [1e4, 1e4 - 1].map(Math.exp);
    assert.ok(Number.isNaN(naive[0] / (naive[0] + naive[1])));
  });
  it('backward is the Jacobian–vector product, checked against finite differences', () => {
    const z = [0.3, -1.2, 2.0, 0.7];
    const v = [0.5, -1, 2, 0.25];
    const a = softmaxRow(z);
    const jvp = softmaxJvp(a, v);
    const h = 1e-6;
    for (let j = 0; j < z.length; j++) {
      const zp = [...z], zm = [...z];
      zp[j] += h;
      zm[j] -= h;
      const fp = softmaxRow(zp).reduce((s, p, i) => s + p * v[i], 0);
      const fm = softmaxRow(zm).reduce((s, p, i) => s + p * v[i], 0);
      closeTo(jvp[j], (fp - fm) / (2 * h), 1e-8, `jvp[${j}]`);
    }
    const Z = Matrix.from([z]), A = new Matrix(1, 4), dZ = new Matrix(1, 4);
    softmax.forward(Z, A);
    softmax.backward(Z, A, Matrix.from([v]), dZ);
    for (let j = 0; j < 4; j++) closeTo(dZ.data[j], jvp[j], 1e-15, 'batch backward');
  });
  it('has no scalar form: output() throws a clear error', () => {
    assert.throws(() => softmax.output(1), /softmax: has no scalar form/);
  });
  it('lets NaN propagate', () => {
    const A = new Matrix(1, 2);
    softmax.forward(Matrix.from([[NaN, 1]]), A);
    assert.ok(Number.isNaN(A.data[0]) && Number.isNaN(A.data[1]));
  });
});

describe('activationFromFormula', () => {
  const cases: Record<string, { expr: string; points: number[] }> = {
    softsign: { expr: 'x / (1 + abs(x))', points: [-5, -1, -0.2, 0.2, 1, 5] },
    swish: { expr: 'x / (1 + exp(-x))', points: [-5, -1, 0, 1, 5] },
    elu: { expr: 'x > 0 ? x : exp(x) - 1', points: [-5, -1, -0.2, 0.2, 1, 5] },
    softplus: { expr: 'log(1 + exp(x))', points: [-5, -1, 0, 1, 5] },
    mish: { expr: 'x * tanh(log(1 + exp(x)))', points: [-5, -1, 0, 1, 5] },
  };
  for (const [name, { expr, points }] of Object.entries(cases)) {
    it(`defines ${name} from "${expr}" with a derivative that matches finite differences`, () => {
      const act = activationFromFormula(expr, { name });
      assert.equal(act.name, name);
      assert.ok(act.elementwise);
      const h = 1e-6;
      for (const z of points) {
        closeTo(act.derivative(z), (act.output(z + h) - act.output(z - h)) / (2 * h), 1e-6, `${name}'(${z})`);
      }
      assert.ok(act.latexDerivative.startsWith("h'(x) ="));
    });
  }
  it('gives the symbolic derivative as text', () => {
    assert.equal(derivativeOfFormula('x ^ 2'), '2 * x');
  });
  it('gives the derivative of a piecewise formula branch by branch, each branch simplified', () => {
    assert.equal(derivativeOfFormula('x > 0 ? x : exp(x) - 1'), '(x > 0) ? (1) : (exp(x))');
    assert.equal(derivativeOfFormula('x > 0 ? x ^ 2 : 3 * x'), '(x > 0) ? (2 * x) : (3)');
  });
  it('rejects an empty formula, a parse error and an unknown variable', () => {
    assert.throws(() => activationFromFormula(''), /activationFromFormula: expression must be a non-empty formula in x/);
    assert.throws(() => activationFromFormula('x +* 2'), /activationFromFormula: cannot parse "x \+\* 2"/);
    assert.throws(() => activationFromFormula('y * 2'), /unknown variable "y".*must be x/);
  });
  it('matches the built-in sigmoid when given the sigmoid formula', () => {
    const s = activationFromFormula('1 / (1 + exp(-x))');
    for (const z of [-3, 0, 2]) {
      closeTo(s.output(z), sigmoid.output(z), 1e-15, 'value');
      closeTo(s.derivative(z), sigmoid.derivative(z), 1e-12, 'derivative');
    }
  });
});

describe('activationFromFormula far in the tails', () => {
  it('softplus, swish and mish keep finite derivatives at x = −1000 and +1000 (where exp overflows)', () => {
    for (const expr of ['x / (1 + exp(-x))', 'log(1 + exp(x))', 'x * tanh(log(1 + exp(x)))']) {
      const act = activationFromFormula(expr);
      for (const x of [-1000, -720, 720, 1000]) {
        const d = act.derivative(x);
        assert.ok(Number.isFinite(d) || Number.isFinite(act.output(x)) === false, `${expr} at ${x}: ${d}`);
      }
    }
  });
});

describe('the built-in batch loops', () => {
  // Values where the formulas branch or misbehave: signed zeros, NaN, ±Infinity, tiny, huge and |z| around 1 and 22
  // (where Math.tanh switches formulas), plus a sweep of ordinary values.
  const special = [0, -0, NaN, Infinity, -Infinity, 5e-324, -5e-324, 1e-300, -1e-300, 1, -1, 22, -22, 710, -710, 1e308, -1e308];
  const sweep = Array.from({ length: 400 }, (_, i) => (i - 200) * 0.137);
  const z = Float64Array.from([...special, ...sweep]);
  const g = Float64Array.from(z, (_, i) => [1, -2.5, 0.3, NaN, Infinity, -0, 0, 1e-310][i % 8]);
  const Z = new Matrix(1, z.length, z), G = new Matrix(1, z.length, g);
  const activations = [...ELEMENTWISE.map((n) => getActivation(n)), leakyRelu(0.3)];

  for (const act of activations) {
    it(`${act.label}: forward gives exactly output(z) and backward exactly dL/dA·derivative(z), bit for bit`, () => {
      const A = new Matrix(1, z.length), dZ = new Matrix(1, z.length);
      act.forward(Z, A);
      act.backward(Z, A, G, dZ);
      for (let i = 0; i < z.length; i++) {
        assert.ok(Object.is(A.data[i], act.output(z[i])), `forward at z = ${z[i]}: ${A.data[i]} vs ${act.output(z[i])}`);
        const expected = g[i] * act.derivative(z[i]);
        assert.ok(Object.is(dZ.data[i], expected), `backward at z = ${z[i]}, g = ${g[i]}: ${dZ.data[i]} vs ${expected}`);
      }
    });
  }

  it('backward still checks shapes, naming the argument', () => {
    assert.throws(() => tanh.backward(new Matrix(2, 3), new Matrix(2, 3), new Matrix(3, 2), new Matrix(2, 3)),
      /tanh.backward: dLoss_dA has shape \[3, 2\], expected \[2, 3\] like Z/);
  });
});
