/**
 * Issue 10, numerics and training semantics: binary cross-entropy from the logit, Adam's per-array bias
 * correction, the latex of the losses, train's option and data checks, metrics on NaN and non-labels.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  ArgumentError, Matrix, Network, TrainingError, accuracy, adam, binaryCrossEntropy, confusionMatrix, getLoss, mse,
  sgd, sigmoidBinaryCrossEntropy, softmaxCrossEntropy, toLabels, train,
} from '../lib/index';

function oneSigmoid(bias: number): Network {
  return Network.fromWeights({ layers: [{ weights: [[0]], biases: [bias], activation: 'sigmoid' }] });
}

describe('binary cross-entropy from the logit', () => {
  it('keeps dL/dz = p − t where the sigmoid saturates: bias −30, target 1 → ≈ −1', () => {
    const net = oneSigmoid(-30);
    const loss = net.computeGradients([[1]], [[1]], 'binary-cross-entropy');
    const g = net.layers[0].dLoss_db[0];
    assert.ok(Math.abs(g - -1) < 1e-12, String(g));
    assert.ok(Math.abs(loss - 30) < 1e-9, `loss ${loss} should be ≈ 30 (= −log σ(−30))`);
  });
  it('bias +40, target 0 → dL/dz ≈ +1 (the clipped form gave exactly 0)', () => {
    const net = oneSigmoid(40);
    const loss = net.computeGradients([[1]], [[0]], 'binary-cross-entropy');
    assert.ok(Math.abs(net.layers[0].dLoss_db[0] - 1) < 1e-12, String(net.layers[0].dLoss_db[0]));
    assert.ok(Math.abs(loss - 40) < 1e-9, String(loss));
  });
  it('the probability form (kept for non-sigmoid outputs) still loses that gradient: why the logit form exists', () => {
    const z = 40, p = 1 / (1 + Math.exp(-z));
    const g = binaryCrossEntropy.gradient(Matrix.from([[p]]), Matrix.from([[0]])).data[0] * p * (1 - p);
    assert.equal(g, 0);
  });
  it('divides by N·K and equals the probability form away from saturation', () => {
    const Z = Matrix.from([[0.3, -1.2], [2, 0.1]]), T = Matrix.from([[1, 0], [0, 1]]);
    const P = new Matrix(2, 2, Z.data.map((z) => 1 / (1 + Math.exp(-z))));
    assert.ok(Math.abs(sigmoidBinaryCrossEntropy.value(Z, T) - binaryCrossEntropy.value(P, T)) < 1e-14);
    const G = sigmoidBinaryCrossEntropy.gradient(Z, T);
    G.data.forEach((g, i) => assert.ok(Math.abs(g - (P.data[i] - T.data[i]) / 4) < 1e-16));
  });
  it('a sigmoid network given "binary-cross-entropy" computes it from the logits', () => {
    assert.equal(oneSigmoid(0).resolveLoss('binary-cross-entropy'), sigmoidBinaryCrossEntropy);
    const tanhNet = Network.fromWeights({ layers: [{ weights: [[1]], biases: [0], activation: 'identity' }] });
    assert.equal(tanhNet.resolveLoss('binary-cross-entropy'), binaryCrossEntropy);
    assert.throws(() => tanhNet.resolveLoss(sigmoidBinaryCrossEntropy), /use activation 'sigmoid' in the last layer/);
  });
  it('refuses targets outside [0, 1], naming the element', () => {
    assert.throws(() => binaryCrossEntropy.value(Matrix.from([[0.5], [0.5]]), Matrix.from([[1], [2]])),
      (e: Error) => e instanceof ArgumentError && /binaryCrossEntropy.value: targets T\[1\]\[0\] = 2 is not in \[0, 1\]/.test(e.message));
    assert.throws(() => train(oneSigmoid(0), { x: [[1]], y: [[-1]], loss: 'bce', epochs: 1 }), /train: targets data.y\[0\]\[0\] = -1 is not in \[0, 1\]/);
  });
});

describe('softmax cross-entropy targets', () => {
  it('refuses a row that is not a probability distribution ([5, 0], [0.5, 0.2], NaN)', () => {
    const Z = Matrix.from([[1, 2]]);
    assert.throws(() => softmaxCrossEntropy.value(Z, Matrix.from([[5, 0]])), /T\[0\]\[0\] = 5 is not in \[0, 1\]/);
    assert.throws(() => softmaxCrossEntropy.value(Z, Matrix.from([[0.5, 0.2]])), /target row T\[0\] sums to 0.7, expected 1/);
    assert.throws(() => softmaxCrossEntropy.gradient(Z, Matrix.from([[NaN, 1]])), /T\[0\]\[0\] = NaN/);
    assert.ok(Number.isFinite(softmaxCrossEntropy.value(Z, Matrix.from([[0.25, 0.75]]))));
  });
});

describe('latex of the losses matches what the code divides by', () => {
  it('mse and binary cross-entropy show 1/(NK) and a double sum; mse really divides by N·K', () => {
    for (const L of [mse, binaryCrossEntropy, getLoss('bce')]) assert.match(L.latex, /\\frac\{1\}\{NK\}.*\\sum.*\\sum/, L.name);
    assert.equal(mse.value(Matrix.from([[1, 1]]), Matrix.from([[0, 0]])), 1); // (1 + 1) / (1·2)
    assert.match(softmaxCrossEntropy.latex, /\\frac\{1\}\{N\}/);
  });
});

describe('adam keeps its bias correction per parameter array', () => {
  it("an optimizer used for 50 steps elsewhere moves a new network's weight by the learning rate on its first step", () => {
    const opt = adam({ learningRate: 0.01 });
    const a = { name: 'a', value: new Float64Array([1]), grad: new Float64Array([0.3]) };
    for (let i = 0; i < 50; i++) opt.step([a]);
    const b = { name: 'b', value: new Float64Array([1]), grad: new Float64Array([0.3]) };
    opt.step([b]);
    assert.ok(Math.abs(1 - b.value[0] - 0.01) < 1e-9, `moved by ${1 - b.value[0]}`);
    // and the first array continued at its own t = 51 (not restarted)
    const fresh = adam({ learningRate: 0.01 }), c = { name: 'c', value: new Float64Array([1]), grad: new Float64Array([0.3]) };
    for (let i = 0; i < 51; i++) fresh.step([c]);
    opt.step([a]);
    assert.equal(a.value[0], c.value[0]);
  });
});

describe('train refuses what it would otherwise ignore or misreport', () => {
  const net = () => Network.create({ inputSize: 2, layers: [{ units: 3, activation: 'tanh' }, { units: 1, activation: 'sigmoid' }], seed: 1 });
  const x = [[0, 0], [0, 1], [1, 0], [1, 1]], y = [[0], [1], [1], [0]];
  it('an unknown option name, with a suggestion and the valid names', () => {
    assert.throws(() => train(net(), { x, y, epochs: 1, batchsize: 1 } as never),
      (e: Error) => e instanceof ArgumentError && /train: unknown option "batchsize" in options \(did you mean batchSize\?\); valid options are: x, y, loss/.test(e.message));
    assert.throws(() => train(net(), { x, y, epochs: 1, lerningRate: 1 } as never), /did you mean learningRate\?/);
  });
  it('learningRate together with an optimizer object', () => {
    assert.throws(() => train(net(), { x, y, epochs: 1, optimizer: sgd({ learningRate: 0.1 }), learningRate: 5 }),
      /learningRate 5 was given together with an optimizer object, which has its own learning rate \(0.1\)/);
    // by name it is the way to set it
    assert.doesNotThrow(() => train(net(), { x, y, epochs: 1, optimizer: 'sgd', learningRate: 0.5 }));
  });
  it('checks the parameters after the last step: epochs 1 with a huge learning rate throws instead of returning Infinity', () => {
    const n = Network.create({ inputSize: 2, layers: [{ units: 3, activation: 'tanh' }, { units: 1 }], seed: 1 });
    assert.throws(() => train(n, { x, y: [[100], [200], [300], [400]], loss: 'mse', epochs: 1, batchSize: 4, optimizer: sgd({ learningRate: 1e307 }), warnings: false }),
      (e: Error) => e instanceof TrainingError && /became (infinite|NaN) in the last step of epoch 1/.test(e.message));
  });
  it('names the row and column of a NaN in the data instead of blaming the learning rate', () => {
    assert.throws(() => train(net(), { x: [[0, 0], [0, NaN]], y: [[0], [1]], epochs: 1 }),
      (e: Error) => e instanceof ArgumentError && /train: data.x\[1\]\[1\] is NaN, expected a finite number/.test(e.message));
    assert.throws(() => train(net(), { x, y: [[0], [1], [Infinity], [0]], epochs: 1 }), /data.y\[2\]\[0\] is Infinity/);
  });
  it('warns when a run diverges into saturation (huge weights, loss stuck)', () => {
    const n = Network.fromWeights({ layers: [{ weights: [[5e4], [5e4]], biases: [-2e4], activation: 'sigmoid' }] });
    const h = train(n, { x, y, loss: 'mse', optimizer: sgd({ learningRate: 0.1 }), epochs: 8, batchSize: 4, warnings: false });
    assert.equal(h.warnings.length, 1);
    assert.match(h.warnings[0], /diverged into saturation/);
    const ok = train(net(), { x, y, loss: 'mse', optimizer: sgd({ learningRate: 0.1 }), epochs: 8, batchSize: 4 });
    assert.deepEqual(ok.warnings, []);
  });
  it('optimizers refuse unknown options too', () => {
    assert.throws(() => adam({ learningrate: 0.1 } as never), /adam: unknown option "learningrate" in options \(did you mean learningRate\?\)/);
  });
});

describe('metrics do not turn garbage into a plausible number', () => {
  it('accuracy on NaN predictions throws, naming the element', () => {
    assert.throws(() => accuracy([[NaN, NaN], [NaN, NaN]], [0, 1]), /accuracy: predictions\[0\]\[0\] is NaN/);
    assert.throws(() => accuracy([NaN, NaN, NaN, NaN], [0, 1, 1, 0]), /accuracy: predictions\[0\] = NaN is neither a class label/);
  });
  it('labels 1.5 and −1 are refused; probabilities and class indices still work', () => {
    assert.throws(() => accuracy([0, 1], [1.5, 1]), /targets\[0\] = 1.5 is neither a class label \(an integer ≥ 0\) nor a probability in \[0, 1\]/);
    assert.throws(() => confusionMatrix([0, -1], [0, 1]), /predicted\[1\] = -1 is neither/);
    assert.deepEqual(toLabels([0.2, 0.7, 3]), [0, 1, 3]);
    assert.equal(accuracy([[0.9], [0.2]], [1, 0]), 1);
  });
  it('confusionMatrix and accuracy handle 200 000 labels (no Math.max(...labels) stack overflow)', () => {
    const labels = Array.from({ length: 200_000 }, (_, i) => i % 10);
    assert.equal(confusionMatrix(labels, labels)[3][3], 20_000);
    assert.equal(accuracy(labels, labels), 1);
  });
});
