#!/usr/bin/env node
// Writes notebooks/00-start-here.ipynb (committed form: nbformat 4.5, cell ids, tslab kernel, no outputs).
// The notebook is generated so that its cells stay reviewable as code; edit the cells here and run
//   node scripts/make-start-notebook.js
'use strict';

const path = require('path');
const { writeNotebook, markdown, code } = require('./notebook');

const cells = [
  markdown(`# Start here: running the course notebooks

This course builds fully connected neural networks from a single neuron up to backpropagation, in TypeScript.
Every notebook runs in **Jupyter** with the **tslab** kernel (the *TypeScript* kernel in the *Kernel* menu).

This notebook checks that everything works and shows the tools the other notebooks use:

1. how to run cells,
2. how the course library is imported,
3. how to draw plots (every kind of figure the course uses appears once below),
4. how to change the library and see the change here.`),

  markdown(`## 1. Running cells

- **Shift + Enter** runs the selected cell and moves to the next one; **Ctrl + Enter** runs it and stays.
- *Cell › Run All* runs the whole notebook from the top. Cells share one kernel, so a cell can use what an earlier
  cell defined: run them in order.
- *Kernel › Restart & Run All* starts from a clean state. Do this whenever something looks odd.
- Each code cell is TypeScript and is type-checked before it runs: a type error is reported, and nothing in that
  cell runs.

Run the next cell. It prints the versions in use.`),

  code(`import * as nn from '../dist';
import * as tslab from 'tslab';
import * as fs from 'fs';

const course = JSON.parse(fs.readFileSync('../package.json', 'utf8'));
nn.showTable(
  [
    ['Node.js', tslab.versions.node],
    ['tslab (kernel)', tslab.versions.tslab],
    ['TypeScript (in the kernel)', tslab.versions.typescript],
    ['course library', course.version],
    ['Plotly.js', nn.plotlyVersion()],
  ],
  ['component', 'version'],
);`),

  markdown(`## 2. The course library

\`import * as nn from '../dist';\` loads the course library: the TypeScript sources in \`lib/\`, compiled to
JavaScript in \`dist/\` (\`npm install\` and \`npm run build\` do that). The unit tests check the same code, so what a
notebook shows is what the tests cover. Everything is reachable as \`nn.something\`: matrices, activations, losses,
networks, training, data sets and figures.

(Why \`dist\` and not \`lib\`? tslab compiles each cell with the notebook's folder as its root, so it cannot import
TypeScript sources from a sibling folder; compiled JavaScript with type declarations imports fine.)

All randomness goes through a seeded generator, \`nn.Random\`, so every number and figure is the same on every
machine and every run:`),

  code(`const rng = new nn.Random(42);
[rng.uniform(), rng.uniform(), rng.normal()].map((v) => v.toFixed(4));`),

  markdown(`### Changing the library

If you edit a file in \`lib/\`:

1. keep \`npm run watch\` running in a terminal (it recompiles \`lib/\` to \`dist/\` on every save), or run
   \`npm run build\` once;
2. **restart the kernel** (*Kernel › Restart*), then run the cells again.

The restart is needed: the kernel loads \`dist/\` once, and running the \`import\` cell again keeps the old code
(Node caches loaded modules; we checked this with tslab 1.0.22).`),

  markdown(`## 3. Plots

\`nn.show(figure)\` draws a figure under the cell. Figures are plain Plotly JSON made by the \`nn.…Figure\` builders,
so they can be inspected, changed, or saved. Plots are interactive: hover to read values, drag to zoom,
double-click to reset. They work offline: Plotly comes from the course's own \`node_modules\`.`),

  code(`const xs = Array.from({ length: 101 }, (_, i) => -5 + i / 10);   // -5, -4.9, …, 5
nn.show(
  nn.lineFigure(
    [1, 2, 5].map((w) => ({ x: xs, y: xs.map((x) => 1 / (1 + Math.exp(-w * x))), name: \`w = \${w}\` })),
    { title: 'A sigmoid neuron a = σ(w·x) for three weights', xLabel: 'x', yLabel: 'a' },
  ),
  { height: 360 },
);`),

  markdown(`### Activation functions and their derivatives

\`activationFigure\` draws each activation h(z) solid and its derivative h′(z) dashed in the same colour.`),

  code(`nn.show(nn.activationFigure(['sigmoid', 'tanh', 'relu'].map((name) => nn.getActivation(name)), {
  title: 'Sigmoid, tanh and ReLU with their derivatives',
}));`),

  markdown(`### Training, with a live loss plot

\`nn.livePlot()\` makes a plot that redraws *in place* while training runs (at most every 250 ms, so it does not
slow training down). Pass \`plot.onEpochEnd\` to \`nn.train\`, and call \`plot.done(history)\` at the end so the
final curve is drawn.

Here a 2-4-1 network learns XOR from noisy points.`),

  code(`const data = nn.xor(200, { noise: 0.15, seed: 1 });
const targets = data.labels.map((l) => [l]);
const net = nn.Network.create({
  inputSize: 2,
  layers: [{ units: 4, activation: 'tanh' }, { units: 1, activation: 'sigmoid' }],
  seed: 7,
});
const plot = nn.livePlot({ title: 'XOR: loss while training', logY: true });
const history = nn.train(net, {
  x: data.x,
  y: targets,
  loss: 'binary-cross-entropy',
  optimizer: 'adam',
  learningRate: 0.05,
  epochs: 150,
  batchSize: 32,
  seed: 3,
  metrics: ['accuracy'],
  onEpochEnd: plot.onEpochEnd,
});
plot.done(history);
nn.showMarkdown(\`Final loss **\${history.loss[history.loss.length - 1].toFixed(4)}**, accuracy **\${(100 * history.metrics.accuracy[history.metrics.accuracy.length - 1]).toFixed(1)} %**.\`);`),

  markdown(`The same history as a static figure, with the accuracy per epoch:`),

  code(`nn.show(nn.lossHistoryFigure(history, { metricName: 'accuracy', title: 'XOR: accuracy per epoch' }), { height: 320 });`),

  markdown(`### Decision boundary

What the trained network predicts at every point of the plane (probability of class 1), with the data on top.`),

  code(`nn.show(nn.decisionBoundaryFigure((points) => net.predict(points), data, {
  classNames: ['class 0', 'class 1'],
  title: 'XOR: the network’s decision boundary',
  resolution: 60,
}));`),

  markdown(`### The network itself

Each line is one weight: blue positive, orange negative, thicker = larger |w|.`),

  code(`nn.show(nn.networkDiagramFigure(net, { title: 'The trained 2-4-1 network' }), { height: 360 });`),

  markdown(`### Confusion matrix

Rows are the true classes, columns the predicted ones; the diagonal counts correct predictions.`),

  code(`const predicted = net.predict(data.x).map((row) => (row[0] > 0.5 ? 1 : 0));
const cm = nn.confusionMatrix(predicted.map((p) => [p]), data.labels.map((l) => [l]), 2);
nn.show(nn.confusionMatrixFigure(cm, { classNames: ['class 0', 'class 1'], title: 'XOR: confusion matrix' }), { height: 380, width: 460 });`),

  markdown(`### Tables

\`nn.showTable(rows, columns)\` prints numbers as a table, e.g. the first samples, their targets and the network's output:`),

  code(`nn.showTable(
  data.x.slice(0, 5).map((x, i) => [x[0], x[1], data.labels[i], net.predict([x])[0][0]]),
  ['x₁', 'x₂', 'target', 'output'],
  { digits: 3 },
);`),

  markdown(`### Loss surface and a gradient-descent path

A loss of two parameters as a contour map and as a 3-D surface, with the steps gradient descent takes on it.`),

  code(`const bowl = (a: number, b: number) => (a - 1) ** 2 + 4 * (b + 0.5) ** 2;
const path: [number, number][] = [[-1.5, 1.2]];
for (let step = 0; step < 25; step++) {
  const [a, b] = path[path.length - 1];
  path.push([a - 0.1 * 2 * (a - 1), b - 0.1 * 8 * (b + 0.5)]);
}
nn.show(nn.lossSurfaceFigure(bowl, {
  aRange: [-2, 3],
  bRange: [-2, 1.5],
  kind: 'both',
  path,
  aLabel: 'w',
  bLabel: 'b',
  title: 'Gradient descent on L(w, b) = (w − 1)² + 4(b + 0.5)²',
}), { height: 460 });`),

  markdown(`### Regression: predicted against actual

A 1-16-1 network fitted to noisy points of sin(πx).`),

  code(`const curve = nn.regressionCurve(80, { kind: 'sine', noise: 0.1, seed: 2 });
const reg = nn.Network.create({ inputSize: 1, layers: [{ units: 16, activation: 'tanh' }, { units: 1, activation: 'identity' }], seed: 5 });
nn.train(reg, { x: curve.x, y: curve.y, loss: 'mse', optimizer: 'adam', learningRate: 0.02, epochs: 300, batchSize: 16, seed: 4 });
const fitted = reg.predict(curve.x).map((r) => r[0]);
nn.show(nn.predictedVsActualFigure(fitted, curve.y.map((r) => r[0]), { title: 'sin(πx): predicted vs actual' }), { height: 420, width: 480 });`),

  markdown(`### Histograms

How the hidden layer's weights are distributed before and after training.`),

  code(`const before = nn.Network.create({ inputSize: 1, layers: [{ units: 16, activation: 'tanh' }, { units: 1, activation: 'identity' }], seed: 5 });
nn.show(nn.histogramFigure(
  [
    { values: before.parameters()[0].weights.flat(), name: 'before training' },
    { values: reg.parameters()[0].weights.flat(), name: 'after training' },
  ],
  { title: 'Hidden-layer weights', xLabel: 'w', bins: 12 },
), { height: 340 });`),

  markdown(`### Bars

One value per category, e.g. the size of each layer's weights.`),

  code(`const norms = reg.parameters().map((p) => Math.sqrt(p.weights.flat().reduce((s, w) => s + w * w, 0)));
nn.show(nn.barFigure(['hidden layer', 'output layer'], norms, { title: 'Weight norm per layer', yLabel: '‖W‖' }), { height: 320 });`),

  markdown(`### Images: heat maps and image grids

The handwritten digits data set (\`data/digits.csv\`, 8 × 8 pixels, values 0–16). \`heatmapFigure\` shows one image,
\`imageGridFigure\` several.`),

  code(`const digits = nn.loadCsv('../data/digits.csv');
const pixelColumns = digits.columns.filter((c) => c.startsWith('pixel_'));
const image = (i: number) => Array.from({ length: 8 }, (_, r) =>
  pixelColumns.slice(8 * r, 8 * r + 8).map((c) => Number(digits.rows[i][c])));
nn.show(nn.heatmapFigure(image(0), { title: \`A handwritten \${digits.rows[0].label}\`, colorscale: 'Greys', reverseY: true }), { height: 360, width: 400 });`),

  code(`nn.show(nn.imageGridFigure([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11].map(image), {
  titles: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11].map((i) => \`label \${digits.rows[i].label}\`),
  columns: 6,
  title: 'The first twelve digits',
}), { height: 360 });`),

  markdown(`## Summary

- Run cells with Shift + Enter; use *Kernel › Restart & Run All* for a clean start.
- \`import * as nn from '../dist';\` gives the tested course library; after editing \`lib/\`, rebuild
  (\`npm run watch\`) and restart the kernel.
- \`nn.show(figure)\` draws any figure; \`nn.livePlot()\` follows training live; \`nn.showTable\` and \`nn.showMarkdown\`
  print tables and formatted text.
- \`npm run site\` turns every notebook into an HTML page that works offline, for projecting or reading.`),
];

writeNotebook(path.join(__dirname, '..', 'notebooks', '00-start-here.ipynb'), cells, {
  title: 'Start here: running the course notebooks',
});
console.log('wrote notebooks/00-start-here.ipynb');
