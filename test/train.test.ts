import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ArgumentError, Matrix, Network, Random, ShapeError, TrainingError, accuracy, adam, oneHot, sgd, train, type Optimizer } from '../lib/index';

const XOR_X = [[0, 0], [0, 1], [1, 0], [1, 1]];
const XOR_Y = [[0], [1], [1], [0]];
const xorNet = (seed = 3) =>
  Network.create({ inputSize: 2, layers: [{ units: 4, activation: 'tanh' }, { units: 1, activation: 'sigmoid' }], seed });

describe('train', () => {
  it('a 2-4-1 tanh network solves XOR (100% accuracy) from a fixed seed', () => {
    const net = xorNet();
    const h = train(net, { x: XOR_X, y: XOR_Y, loss: 'mse', optimizer: sgd({ learningRate: 0.5 }), epochs: 2000, batchSize: 4, seed: 1 });
    assert.equal(accuracy(net.predict(XOR_X), XOR_Y), 1);
    assert.ok(h.loss[h.loss.length - 1] < 0.01, `final loss ${h.loss[h.loss.length - 1]}`);
    assert.ok(h.loss[0] > 0.2);
  });

  it('the same seed gives a bit-identical loss history twice (shuffling included)', () => {
    const run = () => train(xorNet(9), { x: XOR_X, y: XOR_Y, optimizer: adam({ learningRate: 0.05 }), epochs: 50, batchSize: 2, seed: 4 }).loss;
    const a = run(), b = run();
    assert.deepEqual(a, b);
    const c = train(xorNet(9), { x: XOR_X, y: XOR_Y, optimizer: adam({ learningRate: 0.05 }), epochs: 50, batchSize: 2, seed: 5 }).loss;
    assert.notDeepEqual(a, c);
  });

  it('a too-large learning rate raises a clear NaN/Infinity error naming epoch, batch and learning rate', () => {
    const X = Array.from({ length: 20 }, (_, i) => [i, i * 2]);
    const Y = X.map(([a]) => [a * 3]);
    const net = Network.create({ inputSize: 2, layers: [{ units: 8, activation: 'relu' }, { units: 1 }], seed: 1 });
    assert.throws(
      () => train(net, { x: X, y: Y, optimizer: sgd({ learningRate: 5 }), epochs: 100, batchSize: 4 }),
      (e: Error) => e instanceof TrainingError &&
        /^train: loss became (NaN|Infinity) at epoch \d+, batch \d+; the learning rate 5 is probably too large/.test(e.message),
    );
  });

  it('records validation loss and metrics per epoch', () => {
    const net = xorNet();
    const h = train(net, {
      x: XOR_X, y: XOR_Y, optimizer: sgd({ learningRate: 0.5 }), epochs: 5, batchSize: 4, metrics: ['accuracy'],
      validation: { x: XOR_X, y: XOR_Y },
    });
    assert.equal(h.loss.length, 5);
    assert.equal(h.valLoss!.length, 5);
    assert.equal(h.metrics.accuracy.length, 5);
    assert.equal(h.valMetrics!.accuracy.length, 5);
  });

  it('calls onBatchEnd for every batch and onEpochEnd for every epoch; returning false stops', () => {
    let batches = 0, epochs = 0;
    const h = train(xorNet(), {
      x: XOR_X, y: XOR_Y, epochs: 10, batchSize: 3, optimizer: 'sgd', learningRate: 0.1,
      onBatchEnd: () => batches++,
      onEpochEnd: (info) => { epochs++; return info.epoch < 4; },
    });
    assert.equal(epochs, 4);
    assert.equal(batches, 4 * 2); // 4 samples in batches of 3 → 2 batches per epoch
    assert.equal(h.epochs, 4);
    assert.ok(h.stoppedEarly);
  });

  it('detects convergence when the loss flattens (noisy line: the loss floors at the noise), and can stop there', () => {
    const rng = new Random(2);
    const X = Array.from({ length: 100 }, () => [rng.uniform(-1, 1)]);
    const Y = X.map(([x]) => [2 * x + 1 + rng.normal(0, 0.3)]);
    const net = Network.create({ inputSize: 1, layers: [{ units: 1 }], seed: 1 });
    const h = train(net, {
      x: X, y: Y, optimizer: sgd({ learningRate: 0.1 }), epochs: 5000, batchSize: 100,
      convergence: { patience: 20, minDelta: 1e-3 }, stopOnConvergence: true,
    });
    assert.ok(h.convergedEpoch !== null && h.convergedEpoch > 10 && h.convergedEpoch < 1000, String(h.convergedEpoch));
    assert.equal(h.epochs, h.convergedEpoch! + 20);
    assert.ok(h.stoppedEarly);
    assert.ok(Math.abs(h.loss[h.loss.length - 1] - 0.09) < 0.03, String(h.loss[h.loss.length - 1]));
  });

  describe('rejects bad arguments with clear errors', () => {
    const base = { x: XOR_X, y: XOR_Y, epochs: 1 };
    const cases: Array<[string, object, RegExp]> = [
      ['learning rate 0', { optimizer: 'sgd', learningRate: 0 }, /sgd: learningRate must be a finite number > 0, got 0/],
      ['negative learning rate', { optimizer: sgd as unknown as string, learningRate: -1 }, /learningRate must be a finite number > 0|valid names/],
      ['batch size 0', { batchSize: 0 }, /train: batchSize must be an integer ≥ 1, got 0/],
      ['non-integer epochs', { epochs: 2.5 }, /train: epochs must be an integer ≥ 1, got 2.5/],
      ['empty data', { x: [], y: [] }, /train: data.x is empty/],
      ['mismatched x and y lengths', { y: [[0], [1]] }, /train: data.x has 4 samples but data.y has 2/],
      ['wrong feature count', { x: [[1, 2, 3]], y: [[1]] }, /expected \[1, 2\] \(the network has 2 inputs\)/],
      ['unknown metric', { metrics: ['f1'] }, /train: unknown metric "f1"/],
      ['unknown optimizer', { optimizer: 'lbfgs' }, /unknown optimizer "lbfgs"; valid names are: sgd, momentum, rmsprop, adam/],
      ['valLoss monitor without validation data', { monitor: 'valLoss' }, /needs validation data/],
    ];
    for (const [name, override, re] of cases) {
      it(`rejects ${name}`, () => assert.throws(() => train(xorNet(), { ...base, ...override } as never), re));
    }
    it('the shape error is a ShapeError carrying expected and actual', () => {
      try {
        train(xorNet(), { ...base, y: [[0], [1]] });
        assert.fail('no error');
      } catch (e) {
        assert.ok(e instanceof ShapeError);
        assert.deepEqual(e.expected, [4]);
        assert.deepEqual(e.actual, [2]);
      }
    });
    it('labels out of range for softmax outputs are caught by the one-hot hint', () => {
      const net = Network.create({ inputSize: 2, layers: [{ units: 2, activation: 'softmax' }], seed: 1 });
      assert.throws(() => train(net, { ...base, loss: 'softmax-cross-entropy' }), /encode class labels with oneHot/);
    });
    it('rejects options that are not an object', () => {
      assert.throws(() => train(xorNet(), null as never), (e: Error) => e instanceof ArgumentError);
    });
  });
});

describe('train reuses its buffers without changing a single number', () => {
  // The reference: the training loop written with the public, allocating computeGradients (what train did before
  // it reused buffers): same shuffling, same batches, same optimiser steps.
  function referenceLosses(net: Network, x: Matrix, y: Matrix, loss: string, optimizer: Optimizer, epochs: number, batchSize: number, seed: number): number[] {
    const rng = new Random(seed), n = x.rows, losses: number[] = [];
    for (let epoch = 0; epoch < epochs; epoch++) {
      const order = rng.permutation(n);
      let sum = 0;
      for (let from = 0; from < n; from += batchSize) {
        const idx = order.subarray(from, Math.min(n, from + batchSize));
        const value = net.computeGradients(x.selectRows(idx), y.selectRows(idx), loss);
        optimizer.step(net.parameterList());
        sum += value * idx.length;
      }
      losses.push(sum / n);
    }
    return losses;
  }
  const rng = new Random(11);
  const x = Matrix.from(Array.from({ length: 23 }, () => [rng.uniform(-1, 1), rng.uniform(-1, 1), rng.uniform(-1, 1)]));
  const labels = Array.from({ length: 23 }, (_, i) => (x.get(i, 0) > 0 ? (x.get(i, 1) > 0 ? 0 : 1) : 2));
  const cases = [
    { name: 'tanh/sigmoid + MSE', activations: ['tanh', 'tanh', 'sigmoid'], outputs: 1, loss: 'mse' },
    { name: 'relu/leaky-relu/identity + MSE', activations: ['relu', 'leaky-relu', 'identity'], outputs: 2, loss: 'mse' },
    { name: 'sigmoid + binary cross-entropy', activations: ['tanh', 'sigmoid'], outputs: 1, loss: 'binary-cross-entropy' },
    { name: 'relu/softmax + softmax cross-entropy', activations: ['relu', 'softmax'], outputs: 3, loss: 'softmax-cross-entropy' },
    { name: 'a single softmax layer', activations: ['softmax'], outputs: 3, loss: 'softmax-cross-entropy' },
  ];
  for (const c of cases) {
    const y = c.outputs === 3 ? Matrix.from(oneHot(labels, 3)) : Matrix.from(labels.map((l) => Array.from({ length: c.outputs }, (_, k) => (l === k ? 1 : 0))));
    const make = () => Network.create({ inputSize: 3, layers: c.activations.map((activation, i) => ({ units: i === c.activations.length - 1 ? c.outputs : 5, activation })), seed: 2 });
    for (const batchSize of [1, 4, 23]) {
      it(`${c.name}, batch size ${batchSize}: the same loss history and weights as the allocating loop`, () => {
        const a = make(), b = make();
        const h = train(a, { x, y, loss: c.loss, optimizer: adam({ learningRate: 0.01 }), epochs: 4, batchSize, seed: 5, convergence: false });
        const expected = referenceLosses(b, x, y, c.loss, adam({ learningRate: 0.01 }), 4, batchSize, 5);
        assert.equal(h.loss.length, expected.length);
        h.loss.forEach((v, i) => assert.ok(Object.is(v, expected[i]), `epoch ${i + 1}: ${v} vs ${expected[i]}`));
        assert.deepEqual(a.parameters(), b.parameters());
        assert.deepEqual(a.gradients(), b.gradients());
      });
    }
  }

  it('what onBatchEnd sees of the layers is not overwritten by later batches', () => {
    const net = xorNet(2);
    const seen: { A: Matrix; copy: number[][] }[] = [];
    train(net, {
      x: XOR_X, y: XOR_Y, epochs: 2, batchSize: 2, seed: 1,
      onBatchEnd: () => seen.push({ A: net.layers[0].A!, copy: net.layers[0].A!.toArray() }),
    });
    assert.equal(seen.length, 4);
    assert.equal(new Set(seen.map((s) => s.A)).size, 4, 'a different matrix after every batch');
    for (const s of seen) assert.deepEqual(s.A.toArray(), s.copy);
  });
});
