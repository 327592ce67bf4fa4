import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  ArgumentError, Matrix, Network, Neuron, ShapeError, activationFromFormula, gradientCheck, loadNetwork, oneHot, Random, saveNetwork,
} from '../lib/index';

describe('Neuron', () => {
  it('computes z = w·x + b and a = h(z)', () => {
    const n = new Neuron({ weights: [0.5, -1], bias: 0.2, activation: 'sigmoid' });
    assert.ok(Math.abs(n.z([1, 2]) - -1.3) < 1e-15);
    assert.ok(Math.abs(n.output([1, 2]) - 1 / (1 + Math.exp(1.3))) < 1e-15);
  });
  it('rejects an input of the wrong length, naming expected and given', () => {
    assert.throws(() => new Neuron({ weights: [1, 2], bias: 0 }).z([1]), /Neuron.z: x has length 1, expected 2/);
  });
  it('rejects a non-number bias and softmax', () => {
    assert.throws(() => new Neuron({ weights: [1], bias: 'a' as unknown as number }), /Neuron: bias must be a number, got "a"/);
    assert.throws(() => new Neuron({ weights: [1], bias: 0, activation: 'softmax' }), /not element-wise/);
  });
});

describe('Network', () => {
  const spec = { inputSize: 2, layers: [{ units: 3, activation: 'tanh' }, { units: 2, activation: 'sigmoid' }] };

  it('gives bit-identical weights for the same seed and different ones for another seed', () => {
    const a = Network.create({ ...spec, seed: 7 }), b = Network.create({ ...spec, seed: 7 }), c = Network.create({ ...spec, seed: 8 });
    assert.deepEqual(a.parameters(), b.parameters());
    assert.notDeepEqual(a.parameters(), c.parameters());
  });

  it('forward equals the layer-by-layer hand computation and keeps a full trace', () => {
    const net = Network.fromWeights({
      layers: [
        { weights: [[0.1, -0.2, 0.3], [0.4, 0.5, -0.6]], biases: [0.01, 0.02, 0.03], activation: 'relu' },
        { weights: [[1, -1], [0.5, 0.5], [-0.3, 0.2]], biases: [0, 0.1], activation: 'identity' },
      ],
    });
    const x = [1, 2];
    const z1 = [0.1 * 1 + 0.4 * 2 + 0.01, -0.2 * 1 + 0.5 * 2 + 0.02, 0.3 * 1 - 0.6 * 2 + 0.03];
    const a1 = z1.map((z) => Math.max(0, z));
    const z2 = [a1[0] * 1 + a1[1] * 0.5 + a1[2] * -0.3, a1[0] * -1 + a1[1] * 0.5 + a1[2] * 0.2 + 0.1];
    const out = net.predict([x])[0];
    out.forEach((v, i) => assert.ok(Math.abs(v - z2[i]) < 1e-15));
    const trace = net.trace();
    assert.equal(trace.length, 2);
    assert.deepEqual(trace[0].input, [x]);
    trace[0].Z[0].forEach((v, i) => assert.ok(Math.abs(v - z1[i]) < 1e-15));
    trace[0].A[0].forEach((v, i) => assert.ok(Math.abs(v - a1[i]) < 1e-15));
    assert.equal(trace[1].activation, 'identity');
  });

  it('does not alias outputs: a second forward leaves the first result unchanged', () => {
    const net = Network.create({ ...spec, seed: 1 });
    const y1 = net.forward([[1, 2]]);
    const copy = y1.toArray();
    net.forward([[-5, 3]]);
    assert.deepEqual(y1.toArray(), copy);
  });

  it('reports sizes, parameter count and a summary', () => {
    const net = Network.create({ ...spec, seed: 1 });
    assert.deepEqual(net.sizes, [2, 3, 2]);
    assert.equal(net.parameterCount, 2 * 3 + 3 + 3 * 2 + 2);
    assert.match(net.summary(), /Network 2-3-2 \(17 parameters\)/);
  });

  it('rejects input with the wrong number of features, naming both shapes', () => {
    const net = Network.create({ ...spec, seed: 1 });
    assert.throws(() => net.forward([[1, 2, 3]]),
      (e: Error) => e instanceof ShapeError && /Network.forward: X has shape \[1, 3\], expected \[any, 2\]/.test(e.message));
  });

  it('rejects bad specs: zero units, non-integer input size, unknown activation, softmax in a hidden layer', () => {
    assert.throws(() => Network.create({ inputSize: 2, layers: [{ units: 0 }] }), /layers\[0\].units must be an integer ≥ 1, got 0/);
    assert.throws(() => Network.create({ inputSize: 1.5, layers: [{ units: 1 }] }), /inputSize must be an integer ≥ 1, got 1.5/);
    assert.throws(() => Network.create({ inputSize: 2, layers: [{ units: 1, activation: 'gelu' }] }), /unknown activation "gelu"/);
    assert.throws(() => Network.create({ inputSize: 2, layers: [{ units: 3, activation: 'softmax' }, { units: 1 }] }), /softmax may only be used in the output layer/);
  });

  it('rejects explicit weights whose biases do not match the number of neurons', () => {
    assert.throws(() => Network.fromWeights({ layers: [{ weights: [[1, 2]], biases: [0], activation: 'relu' }] }),
      /layers\[0\].biases has length 1, expected 2/);
  });

  it('rejects a cross-entropy-from-logits loss without a softmax output layer', () => {
    const net = Network.create({ ...spec, seed: 1 });
    assert.throws(() => net.computeGradients([[1, 2]], [[1, 0]], 'softmax-cross-entropy'), /use activation 'softmax' in the last layer/);
  });

  it('explains one-hot encoding when targets are class labels', () => {
    const net = Network.create({ inputSize: 2, layers: [{ units: 3, activation: 'softmax' }], seed: 1 });
    assert.throws(() => net.computeGradients([[1, 2], [3, 4]], [[0], [2]], 'softmax-cross-entropy'), /one-hot/);
  });

  it('lets NaN in the input propagate to the output (math does not throw)', () => {
    const net = Network.create({ ...spec, seed: 1 });
    assert.ok(net.predict([[NaN, 1]])[0].every(Number.isNaN));
  });
});

describe('gradientCheck', () => {
  const rng = new Random(123);
  const hidden = ['sigmoid', 'tanh', 'relu', 'leaky-relu', 'identity'];
  const heads: Array<{ loss: string; activation: string }> = [
    { loss: 'mse', activation: 'identity' },
    { loss: 'mse', activation: 'sigmoid' },
    { loss: 'binary-cross-entropy', activation: 'sigmoid' },
    { loss: 'softmax-cross-entropy', activation: 'softmax' },
    { loss: 'mse', activation: 'softmax' },
  ];
  for (const depth of [1, 2, 3]) {
    for (const h of hidden) {
      for (const head of heads) {
        it(`backprop matches finite differences: depth ${depth}, hidden ${h}, output ${head.activation}, loss ${head.loss}`, () => {
          const outputs = head.activation === 'softmax' ? 3 : 2;
          const layers = [
            ...Array.from({ length: depth - 1 }, (_, i) => ({ units: 3 + i, activation: h })),
            { units: outputs, activation: head.activation },
          ];
          const net = Network.create({ inputSize: 3, layers, seed: rng.int(1e6), init: 'xavier' });
          // Non-zero biases: with zero biases a row of dead ReLUs puts the next layer's z exactly on the kink at 0,
          // where a finite difference is not a derivative.
          net.setParameters(net.parameters().map((p) => ({ ...p, biases: p.biases.map(() => rng.normal(0, 0.5)) })));
          const X = Array.from({ length: 5 }, () => [rng.normal(), rng.normal(), rng.normal()]);
          const T = head.activation === 'softmax'
            ? oneHot([0, 2, 1, 1, 0], 3)
            : Array.from({ length: 5 }, () => Array.from({ length: outputs }, () => (head.loss === 'mse' ? rng.normal() : rng.int(2))));
          const r = gradientCheck(net, X, T, head.loss);
          assert.equal(r.checked, net.parameterCount);
          assert.ok(r.maxRelativeError < 1e-6, `max relative error ${r.maxRelativeError} at ${JSON.stringify(r.worst)}`);
        });
      }
    }
  }
  it('passes for a custom formula activation (swish)', () => {
    const swish = activationFromFormula('x / (1 + exp(-x))', { name: 'swish' });
    const net = Network.create({ inputSize: 2, layers: [{ units: 4, activation: swish }, { units: 1 }], seed: 3 });
    const r = gradientCheck(net, [[0.5, -1], [2, 0.3], [-1, -1]], [[1], [0], [0.5]], 'mse');
    assert.ok(r.maxRelativeError < 1e-6, String(r.maxRelativeError));
  });
  it('detects a wrong derivative (the check can fail)', () => {
    const wrong = activationFromFormula('x * x * x');
    // Break the derivative on purpose: report 2x² instead of 3x².
    const broken = { ...wrong, derivative: (z: number) => 2 * z * z, backward: (Z: Matrix, _A: Matrix, G: Matrix, out: Matrix) => {
      for (let i = 0; i < Z.data.length; i++) out.data[i] = G.data[i] * 2 * Z.data[i] * Z.data[i];
    } };
    const net = Network.create({ inputSize: 2, layers: [{ units: 3, activation: broken }, { units: 1 }], seed: 3 });
    const r = gradientCheck(net, [[0.5, -1], [2, 0.3]], [[1], [0]], 'mse');
    assert.ok(r.maxRelativeError > 1e-2, String(r.maxRelativeError));
    assert.equal(r.worst.layer, 1);
  });
});

describe('saveNetwork / loadNetwork', () => {
  const net = Network.create({
    inputSize: 2,
    layers: [{ units: 3, activation: 'leaky-relu' }, { units: 2, activation: activationFromFormula('x / (1 + abs(x))', { name: 'softsign' }) }],
    seed: 5,
  });
  it('round-trips weights, activations and outputs exactly', () => {
    const copy = loadNetwork(saveNetwork(net));
    assert.deepEqual(copy.parameters(), net.parameters());
    assert.deepEqual(copy.predict([[0.3, -2]]), net.predict([[0.3, -2]]));
    assert.equal(copy.layers[1].activation.name, 'softsign');
    assert.deepEqual(Network.fromJSON(JSON.stringify(net.toJSON())).parameters(), net.parameters());
  });
  const good = () => JSON.parse(saveNetwork(net));
  it('rejects text that is not JSON', () => assert.throws(() => loadNetwork('{oops'), /loadNetwork: the text is not valid JSON/));
  it('rejects a missing field, naming it', () => {
    const j = good();
    delete j.layers[1].biases;
    assert.throws(() => loadNetwork(j), /layers\[1\] is missing the field "biases"/);
  });
  it('rejects a wrong format tag', () => {
    assert.throws(() => loadNetwork({ ...good(), format: 'keras' }), /field "format" must be "fcnn-network", got "keras"/);
  });
  it('rejects wrong shapes between layers', () => {
    const j = good();
    j.layers[1].weights.pop();
    assert.throws(() => loadNetwork(j), /layers\[1\].weights has 2 rows, expected 3/);
  });
  it('rejects ragged weight rows and non-numbers', () => {
    const j = good();
    j.layers[0].weights[1].push(1);
    assert.throws(() => loadNetwork(j), /layers\[0\].weights\[1\] has 4 values, expected 3/);
    const k = good();
    k.layers[0].biases[2] = 'x';
    assert.throws(() => loadNetwork(k), /layers\[0\].biases\[2\] must be a finite number, got "x"/);
  });
  it('rejects __proto__ keys anywhere', () => {
    const text = saveNetwork(net).replace('"activation":"leaky-relu"', '"activation":"leaky-relu","__proto__":{"polluted":true}');
    assert.throws(() => loadNetwork(text), /forbidden key "__proto__" at \$.layers.0/);
    assert.equal(({} as Record<string, unknown>).polluted, undefined);
  });
  it('rejects an unknown activation name', () => {
    const j = good();
    j.layers[0].activation = 'gelu';
    assert.throws(() => loadNetwork(j), /unknown activation "gelu"/);
  });
});

describe('Network.setParameters / clone', () => {
  it('clone is independent of the original', () => {
    const net = Network.create({ inputSize: 1, layers: [{ units: 1 }], seed: 1 });
    const c = net.clone();
    c.layers[0].W.data[0] += 1;
    assert.notEqual(c.layers[0].W.data[0], net.layers[0].W.data[0]);
  });
  it('setParameters rejects a wrong weight shape', () => {
    const net = Network.create({ inputSize: 2, layers: [{ units: 1 }], seed: 1 });
    assert.throws(() => net.setParameters([{ weights: [[1, 2]], biases: [0] }]), /params\[0\].weights has shape \[1, 2\], expected \[2, 1\]/);
  });
  it('Matrix-typed inputs are accepted as well as arrays', () => {
    const net = Network.create({ inputSize: 2, layers: [{ units: 1 }], seed: 1 });
    assert.deepEqual(net.predict(Matrix.from([[1, 2]])), net.predict([[1, 2]]));
    assert.throws(() => net.forward('x' as unknown as number[][]), (e: Error) => e instanceof ArgumentError);
  });
});
