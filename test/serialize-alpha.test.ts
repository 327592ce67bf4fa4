// A network saved with a non-default Leaky ReLU slope loads with that slope (issue 26: dropping `alpha` from
// toJSON survived the whole unit suite, and such a network silently came back with α = 0.01).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Matrix, Network, leakyRelu, loadNetwork, saveNetwork } from '../lib/index';

describe('saveNetwork / loadNetwork with Leaky ReLU', () => {
  it('keeps a non-default α: the same slope, the same predictions', () => {
    const net = Network.create({ inputSize: 2, layers: [{ units: 3, activation: leakyRelu(0.3) }, { units: 1, activation: 'identity' }], seed: 7 });
    const saved = JSON.parse(saveNetwork(net));
    assert.equal(saved.layers[0].alpha, 0.3);
    const back = loadNetwork(saveNetwork(net));
    assert.equal(back.layers[0].activation.derivative(-1), 0.3);
    const x = Matrix.from([[-2, -1], [0.5, -3], [1, 1]]);
    assert.deepEqual(back.predict(x), net.predict(x));
  });

  it('keeps the default α as 0.01', () => {
    const net = Network.create({ inputSize: 2, layers: [{ units: 2, activation: 'leaky-relu' }], seed: 1 });
    assert.equal(loadNetwork(saveNetwork(net)).layers[0].activation.derivative(-1), 0.01);
  });
});
