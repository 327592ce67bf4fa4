import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { livePlot, LiveLossPlot } from '../../lib/plots/live-plot';
import { DisplayBundle, PLOTLY_MIME } from '../../lib/plots/show';

/** A fake clock the test moves by hand, and a sink that records every message (and can cost time). */
function harness(options: { renderCostMs?: number; intervalMs?: number; epochs?: number } = {}) {
  let now = 0;
  const sent: { bundle: DisplayBundle; update: boolean; at: number }[] = [];
  const plot = livePlot({
    intervalMs: options.intervalMs ?? 250,
    epochs: options.epochs,
    clock: () => now,
    sink: (bundle, update) => {
      sent.push({ bundle, update, at: now });
      now += options.renderCostMs ?? 0;
    },
  });
  return { plot, sent, advance: (ms: number) => (now += ms), time: () => now };
}

function lossesIn(bundle: DisplayBundle): number[] {
  const fig = bundle.data[PLOTLY_MIME] as { data: { y: number[] }[] };
  return fig.data[0].y;
}

describe('livePlot', () => {
  describe('when epochs arrive faster than the interval', () => {
    it('draws the first epoch at once, then at most once per intervalMs', () => {
      const { plot, sent, advance } = harness({ intervalMs: 250 });
      for (let e = 1; e <= 100; e++) {
        plot.onEpochEnd({ epoch: e, loss: 1 / e, metrics: {} });
        advance(10); // 10 ms of training per epoch: 1 s in all
      }
      // renders at t = 0, 250, 500, 750 (epochs 1, 26, 51, 76)
      assert.deepEqual(sent.map((s) => s.at), [0, 250, 500, 750]);
      assert.equal(plot.renders, 4);
      assert.equal(plot.skipped, 96);
    });
  });

  describe('in place', () => {
    it('sends the first output as display_data and every later one as an update with the same display id', () => {
      const { plot, sent, advance } = harness({ intervalMs: 100 });
      for (let e = 1; e <= 5; e++) {
        plot.onEpochEnd({ epoch: e, loss: 1 / e, metrics: {} });
        advance(100);
      }
      assert.equal(sent.length, 5);
      assert.deepEqual(sent.map((s) => s.update), [false, true, true, true, true]);
      const ids = new Set(sent.map((s) => s.bundle.transient.display_id));
      assert.equal(ids.size, 1);
      assert.equal([...ids][0], plot.displayId);
    });

    it('grows the curve: each update carries all epochs so far', () => {
      const { plot, sent, advance } = harness({ intervalMs: 0 });
      for (let e = 1; e <= 3; e++) {
        plot.onEpochEnd({ epoch: e, loss: e * 10, metrics: {} });
        advance(1);
      }
      assert.deepEqual(sent.map((s) => lossesIn(s.bundle)), [[10], [10, 20], [10, 20, 30]]);
    });
  });

  describe('final state', () => {
    it('done() draws the last epochs that the throttle skipped', () => {
      const { plot, sent } = harness({ intervalMs: 250 });
      for (let e = 1; e <= 10; e++) plot.onEpochEnd({ epoch: e, loss: e, metrics: {} });
      assert.equal(sent.length, 1);
      plot.done();
      assert.equal(sent.length, 2);
      assert.equal(sent[1].update, true);
      assert.equal(lossesIn(sent[1].bundle).length, 10);
    });

    it('done() does not draw again when nothing changed', () => {
      const { plot, sent } = harness();
      plot.onEpochEnd({ epoch: 1, loss: 1, metrics: {} });
      plot.done();
      assert.equal(sent.length, 1);
    });

    it('draws the last epoch without done() when options.epochs is given', () => {
      const { plot, sent } = harness({ epochs: 10 });
      for (let e = 1; e <= 10; e++) plot.onEpochEnd({ epoch: e, loss: e, metrics: {} });
      assert.equal(sent.length, 2);
      assert.equal(lossesIn(sent[1].bundle).length, 10);
    });

    it('done(history) draws the given history, with validation loss', () => {
      const { plot, sent } = harness();
      plot.done({ loss: [3, 2, 1], valLoss: [4, 3, 2], convergedEpoch: null });
      const fig = sent[0].bundle.data[PLOTLY_MIME] as { data: { y: number[] }[] };
      assert.deepEqual(fig.data.map((t) => t.y), [[3, 2, 1], [4, 3, 2]]);
    });
  });

  describe('cost bound', () => {
    it('waits at least 9 times the cost of a slow redraw, so drawing stays under 10% of the time', () => {
      // every redraw costs 100 ms of (fake) time; the interval alone would allow one every 250 ms
      const { plot, sent, advance, time } = harness({ intervalMs: 250, renderCostMs: 100 });
      for (let e = 1; e <= 1000; e++) {
        plot.onEpochEnd({ epoch: e, loss: 1 / e, metrics: {} });
        advance(10);
      }
      // every redraw after the first is paid for by 9× its cost in training time
      const drawingAfterFirst = (sent.length - 1) * 100;
      assert.ok(drawingAfterFirst / time() <= 0.1 + 1e-9, `drawing took ${drawingAfterFirst} of ${time()} ms`);
      // gaps between redraws: 100 ms cost + at least 900 ms of training
      for (let i = 1; i < sent.length; i++) assert.ok(sent[i].at - sent[i - 1].at >= 1000);
      assert.ok(sent.length >= 9, `expected about 10 redraws, got ${sent.length}`);
    });
  });

  describe('metrics', () => {
    it('draws a metric instead of the loss when metricName is given', () => {
      let now = 0;
      const sent: DisplayBundle[] = [];
      const plot = new LiveLossPlot({ metricName: 'accuracy', clock: () => now, sink: (b) => sent.push(b) });
      plot.onEpochEnd({ epoch: 1, loss: 1, metrics: { accuracy: 0.5 } });
      now += 1000;
      plot.onEpochEnd({ epoch: 2, loss: 0.5, metrics: { accuracy: 0.75 } });
      assert.deepEqual(lossesIn(sent[1]), [0.5, 0.75]);
    });
  });

  describe('bad options', () => {
    it('names the unknown option and lists the valid ones', () => {
      assert.throws(() => livePlot({ interval: 5 } as never), {
        name: 'ArgumentError',
        message: /^livePlot: unknown option 'interval'; valid options: title, logY/,
      });
    });
    it('rejects a negative interval', () => {
      assert.throws(() => livePlot({ intervalMs: -1 }), { name: 'ArgumentError', message: /^livePlot: options\.intervalMs/ });
    });
  });
});
