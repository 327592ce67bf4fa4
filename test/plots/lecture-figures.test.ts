// The lecture figures (sliders and animation frames computed in advance, played without a kernel).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { withAnimation, animationFrames } from '../../lib/plots/animation';
import { neuronExplorerFigure } from '../../lib/plots/neuron-explorer';
import { activationFamilyFigure } from '../../lib/plots/activation-family';
import { gradientDescentWalkerFigure, frameIndices } from '../../lib/plots/gradient-descent-walker';
import { decisionBoundaryAnimationFigure } from '../../lib/plots/decision-boundary-animation';
import { learningRateComparisonFigure } from '../../lib/plots/learning-rate-comparison';
import { getActivation } from '../../lib/activations';

type T = Record<string, any>;
const sigmoid = getActivation('sigmoid');

describe('withAnimation', () => {
  const fig = { data: [{ type: 'scatter', x: [0], y: [0] }], layout: { height: 400 } };
  const frames = [0, 1, 2].map((k) => ({ name: `step ${k}`, data: [{ x: [k], y: [k * k] }], traces: [0] }));

  it('stores every frame in the play button and one per slider step, each moving the slider to its own index', () => {
    const out = withAnimation(fig, frames);
    const stored = animationFrames(out);
    assert.equal(stored.length, 3);
    assert.deepEqual(stored.map((f) => (f.data[0] as T).x[0]), [0, 1, 2]);
    assert.deepEqual(stored.map((f) => f.layout!['sliders[0].active']), [0, 1, 2]);
    const steps = (out.layout as T).sliders[0].steps;
    assert.equal(steps.length, 3);
    assert.deepEqual(steps.map((s: T) => s.args[0][0].name), ['step 0', 'step 1', 'step 2']);
    assert.equal((out.layout as T).updatemenus[0].buttons[1].args[0][0], null, 'pause is animate([null])');
  });

  it('does not change the figure it is given', () => {
    withAnimation(fig, frames);
    assert.equal((fig.layout as T).updatemenus, undefined);
  });

  it('refuses a single frame, since one frame does not move', () => {
    assert.throws(() => withAnimation(fig, frames.slice(0, 1)), /at least 2 frames/);
  });

  it('names the frame whose trace index does not exist', () => {
    const bad = [...frames, { name: 'step 3', data: [{ x: [3] }], traces: [5] }];
    assert.throws(() => withAnimation(fig, bad), /frames\[3\]\.traces contains 5, expected a trace index from 0 to 0/);
  });

  it('finds no frames in a still figure', () => {
    assert.deepEqual(animationFrames({ data: [], layout: {} }), []);
  });
});

describe('neuronExplorerFigure', () => {
  const ws = [-1, 1, 2];
  const bs = [-2, 0, 2];
  const fig = neuronExplorerFigure(sigmoid, { wValues: ws, bValues: bs, range: [-4, 4], points: 9 });
  const curves = (fig.data as T[]).slice(0, 9);

  it('computes one curve a = h(w·x + b) per (w, b) pair', () => {
    assert.equal(fig.data.length, 18, '9 curves + 9 zero markers');
    const c = curves[2 * 3 + 0]; // w = 2, b = −2
    c.x.forEach((x: number, k: number) => assert.equal(c.y[k], sigmoid.output(2 * x - 2)));
  });

  it('shows exactly the curve of the start pair (w nearest 1, b nearest 0): visible and opaque', () => {
    const shown = curves.filter((c) => c.visible === true && c.opacity === 1);
    assert.equal(shown.length, 1);
    assert.equal(shown[0], curves[1 * 3 + 1]);
  });

  it('combines the sliders: after w step i and b step j only the curve (i, j) is visible and opaque', () => {
    const [wSlider, bSlider] = (fig.layout as T).sliders;
    assert.deepEqual(wSlider.steps.map((s: T) => s.label), ['-1', '1', '2']);
    for (let i = 0; i < 3; i++) {
      for (let j = 0; j < 3; j++) {
        const visible = wSlider.steps[i].args[0].visible;
        const opacity = bSlider.steps[j].args[0].opacity;
        const shown = curves.map((_, k) => k).filter((k) => visible[k] && opacity[k] === 1);
        assert.deepEqual(shown, [i * 3 + j]);
      }
    }
  });

  it('marks where w·x + b = 0, i.e. x = −b/w', () => {
    const mark = (fig.data as T[])[9 + 2 * 3 + 2]; // w = 2, b = 2
    assert.deepEqual(mark.x, [-1, -1]);
  });

  it('rejects an empty weight grid with the argument named', () => {
    assert.throws(() => neuronExplorerFigure(sigmoid, { wValues: [] }), /neuronExplorerFigure: options\.wValues must be a non-empty array/);
  });
});

describe('activationFamilyFigure', () => {
  const acts = ['sigmoid', 'tanh', 'relu'].map((n) => getActivation(n));
  const fig = activationFamilyFigure(acts, { range: [-5, 5], points: 11 });

  it('draws h and h′ for every activation, only the first pair visible at the start', () => {
    assert.equal(fig.data.length, 6);
    assert.deepEqual(fig.data.map((t) => t.visible), [true, true, false, false, false, false]);
    const d = fig.data[3] as T; // tanh′
    d.x.forEach((z: number, k: number) => assert.equal(d.y[k], acts[1].derivative(z)));
  });

  it('has one slider step per activation that shows its pair', () => {
    const steps = (fig.layout as T).sliders[0].steps;
    assert.equal(steps.length, 3);
    assert.deepEqual(steps[2].args[0].visible, [false, false, false, false, true, true]);
  });

  it('shades where the gradient vanishes: sigmoid at both ends, ReLU for z < 0', () => {
    const steps = (fig.layout as T).sliders[0].steps;
    const sigmoidBands = steps[0].args[1].shapes;
    assert.equal(sigmoidBands.length, 2);
    assert.equal(sigmoidBands[0].x0, -5);
    assert.equal(sigmoidBands[1].x1, 5);
    const reluBands = steps[2].args[1].shapes;
    assert.equal(reluBands.length, 1);
    assert.deepEqual([reluBands[0].x0, reluBands[0].x1], [-5, 0]); // the lib takes ReLU′(0) = 0
  });

  it('refuses softmax, which has no curve h(z)', () => {
    assert.throws(() => activationFamilyFigure([getActivation('softmax')]), /acts on a whole row/);
  });
});

describe('gradientDescentWalkerFigure', () => {
  const bowl = (a: number, b: number): number => (a - 1) ** 2 + 2 * b * b;
  const path: [number, number][] = [[-1, 1]];
  for (let k = 0; k < 9; k++) path.push([path[k][0] - 0.2 * 2 * (path[k][0] - 1), path[k][1] - 0.2 * 4 * path[k][1]]);
  const fig = gradientDescentWalkerFigure(bowl, path, { aRange: [-2, 3], bRange: [-2, 2], resolution: 8 });

  it('has one frame per step; frame k puts the walker on path[k] and the trail through steps 0 … k', () => {
    const frames = animationFrames(fig);
    assert.equal(frames.length, 10);
    const walker = fig.data.length - 1;
    assert.equal(fig.data[walker].name, 'walker');
    frames.forEach((f, k) => {
      const w = f.data[f.traces.indexOf(walker)] as T;
      assert.deepEqual([w.x[0], w.y[0]], path[k]);
      const trail = f.data[f.traces.indexOf(walker) === 0 ? 1 : 0] as T;
      assert.equal(trail.x.length, k + 1);
    });
    assert.match(String(frames[9].layout!['title.text']), /step 9, loss /);
  });

  it('starts with the walker at the start and the trail empty but for it', () => {
    const trail = fig.data.find((t) => t.name === 'gradient-descent path') as T;
    assert.deepEqual(trail.x, [-1]);
  });

  it('thins long paths to maxFrames, keeping the first and the last step', () => {
    assert.deepEqual(frameIndices(10, 4), [0, 3, 6, 9]);
    assert.deepEqual(frameIndices(3, 10), [0, 1, 2]);
    const long = gradientDescentWalkerFigure(bowl, Array.from({ length: 200 }, (_, k) => [1 - 1 / (k + 1), 0] as [number, number]), {
      aRange: [-2, 3], bRange: [-2, 2], resolution: 8, maxFrames: 20,
    });
    const frames = animationFrames(long);
    assert.equal(frames.length, 20);
    assert.equal(frames[19].name, 'step 199');
  });

  it('needs a path of at least two points', () => {
    assert.throws(() => gradientDescentWalkerFigure(bowl, [[0, 0]], { aRange: [-1, 1], bRange: [-1, 1] }), /at least 2 points/);
  });
});

describe('decisionBoundaryAnimationFigure', () => {
  const data = { x: [[-1, -1], [1, 1], [-1, 1], [1, -1]], labels: [0, 1, 0, 1] };
  // Three 'epochs' of a boundary x₁ = c sliding from left to right.
  const snap = (c: number) => ({ label: `epoch ${c + 1}`, predict: (pts: number[][]) => pts.map((p) => [p[0] > c ? 1 : 0]) });
  const fig = decisionBoundaryAnimationFigure([snap(-1), snap(0), snap(1)], data, { resolution: 5, padding: 0 });

  it('has one frame per snapshot, each the probability grid that snapshot predicts', () => {
    const frames = animationFrames(fig);
    assert.equal(frames.length, 3);
    assert.deepEqual(frames[0].traces, [0, 1], 'heatmap and boundary contour');
    const z0 = (frames[0].data[0] as T).z;
    const z2 = (frames[2].data[0] as T).z;
    assert.deepEqual(z0[0], [0, 1, 1, 1, 1]); // grid x = −1, −0.5, 0, 0.5, 1; boundary at −1
    assert.deepEqual(z2[0], [0, 0, 0, 0, 0]);
    assert.equal(frames[1].name, 'epoch 1');
  });

  it('keeps the data points as they are: frames touch only the regions', () => {
    const frames = animationFrames(fig);
    const points = fig.data.filter((t) => t.type === 'scatter');
    assert.equal(points.length, 2);
    for (const f of frames) for (const t of f.traces) assert.notEqual(fig.data[t].type, 'scatter');
  });

  it('names the snapshot that is not { label, predict }', () => {
    assert.throws(() => decisionBoundaryAnimationFigure([snap(0), { label: 'x' } as never], data), /snapshots\[1\] must be/);
  });
});

describe('learningRateComparisonFigure', () => {
  const L = (w: number): number => (w - 2) ** 2;
  const walk = (lr: number): number[] => {
    const p = [-1];
    for (let k = 0; k < 12; k++) p.push(p[k] - lr * 2 * (p[k] - 2));
    return p;
  };
  const runs = [0.05, 0.4, 1.1].map((lr) => ({ label: `η = ${lr}`, path: walk(lr) }));
  const fig = learningRateComparisonFigure(L, runs, { wRange: [-4, 8] });

  it('has one frame per step, each with every walker and the loss curves up to that step', () => {
    const frames = animationFrames(fig);
    assert.equal(frames.length, 13);
    const f = frames[5];
    assert.deepEqual((f.data[1] as T).x, [walk(0.4)[5]]);
    assert.deepEqual((f.data[3 + 1] as T).y, walk(0.4).slice(0, 6).map(L));
  });

  it('keeps a diverging walker on the edge of the plot, drawn hollow, once it has left', () => {
    const frames = animationFrames(fig);
    const last = frames[frames.length - 1].data[2] as T;
    assert.equal(walk(1.1)[12] > 8 || walk(1.1)[12] < -4, true, 'the test run diverges');
    assert.ok(last.x[0] === 8 || last.x[0] === -4);
    assert.equal(last['marker.symbol'], 'circle-open');
  });

  it('requires every run to take the same number of steps', () => {
    assert.throws(
      () => learningRateComparisonFigure(L, [{ label: 'a', path: [0, 1, 2] }, { label: 'b', path: [0, 1] }], { wRange: [0, 1] }),
      /runs\[1\]\.path has 2 points, expected 3/,
    );
  });
});
