import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { lossHistoryFigure } from '../../lib/plots/loss-history';

type T = Record<string, any>;

describe('lossHistoryFigure', () => {
  const history = { loss: [1, 0.5, 0.3, 0.29, 0.29], valLoss: [1.1, 0.6, 0.4, 0.41, 0.42], convergedEpoch: 4 };
  const fig = lossHistoryFigure(history);

  it('draws a training and a validation curve', () => {
    assert.equal(fig.data.length, 2);
    assert.deepEqual(fig.data.map((t) => t.name), ['training loss', 'validation loss']);
    assert.deepEqual((fig.data[1] as T).y, history.valLoss);
  });

  it('names the second curve after validationLabel when the held-out data is a test set', () => {
    const f = lossHistoryFigure(history, { validationLabel: 'test' });
    assert.deepEqual(f.data.map((t) => t.name), ['training loss', 'test loss']);
    assert.throws(() => lossHistoryFigure(history, { validationLabel: 3 as unknown as string }), /validationLabel/);
  });

  it('numbers epochs from 1', () => {
    assert.deepEqual((fig.data[0] as T).x, [1, 2, 3, 4, 5]);
  });

  it('marks the converged epoch with a vertical line and a note', () => {
    const l = fig.layout as T;
    assert.equal(l.shapes.length, 1);
    assert.equal(l.shapes[0].x0, 4);
    assert.equal(l.shapes[0].x1, 4);
    assert.equal(l.shapes[0].yref, 'paper');
    assert.equal(l.annotations[0].x, 4);
    assert.equal(l.annotations[0].text, 'converged at epoch 4');
  });

  it('has no marker when convergedEpoch is null or absent', () => {
    assert.equal((lossHistoryFigure({ ...history, convergedEpoch: null }).layout as T).shapes, undefined);
    assert.equal((lossHistoryFigure({ loss: [1, 2] }).layout as T).annotations, undefined);
    assert.equal(lossHistoryFigure({ loss: [1, 2] }).data.length, 1);
  });

  it('titles the axes as objects and uses a log axis on request', () => {
    const l = lossHistoryFigure(history, { logY: true, yLabel: 'MSE' }).layout as T;
    assert.equal(l.xaxis.title.text, 'epoch');
    assert.equal(l.yaxis.title.text, 'MSE');
    assert.equal(l.yaxis.type, 'log');
  });

  it('draws another metric from history.metrics by name', () => {
    const f = lossHistoryFigure({ loss: [1, 0.5], metrics: { accuracy: [0.5, 0.9] }, valMetrics: { accuracy: [0.4, 0.8] } }, { metricName: 'accuracy' });
    assert.deepEqual(f.data.map((t) => t.name), ['training accuracy', 'validation accuracy']);
    assert.deepEqual((f.data[0] as T).y, [0.5, 0.9]);
  });

  it('shows a diverged (infinite) loss as a gap', () => {
    assert.deepEqual((lossHistoryFigure({ loss: [1, Infinity, NaN] }).data[0] as T).y, [1, null, null]);
  });

  describe('with bad arguments', () => {
    it('rejects a validation curve of another length', () => {
      assert.throws(() => lossHistoryFigure({ loss: [1, 2, 3], valLoss: [1, 2] }), /lossHistoryFigure: history.valLoss has length 2, expected 3/);
    });
    it('rejects a converged epoch outside the run', () => {
      assert.throws(() => lossHistoryFigure({ loss: [1, 2, 3], convergedEpoch: 7 }), /lossHistoryFigure: history.convergedEpoch must be null or an integer epoch in \[1, 3\], got 7/);
      assert.throws(() => lossHistoryFigure({ loss: [1, 2, 3], convergedEpoch: 0 }), /got 0/);
    });
    it('rejects an unknown metric and lists the available ones', () => {
      assert.throws(() => lossHistoryFigure({ loss: [1], metrics: { accuracy: [1] } }, { metricName: 'f1' }), /options.metricName is 'f1'.*'loss', 'accuracy'/);
    });
    it('rejects an empty history', () => {
      assert.throws(() => lossHistoryFigure({ loss: [] }), /lossHistoryFigure: history.loss is empty/);
    });
  });
});
