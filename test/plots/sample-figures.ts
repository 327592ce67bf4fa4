/**
 * One or more figures from every builder in lib/plots, with the options that change their structure,
 * for the checks that must hold for all figures (titles as objects, JSON round trip).
 */
import {
  Figure,
  activationFigure,
  barFigure,
  confusionMatrixFigure,
  decisionBoundaryFigure,
  heatmapFigure,
  histogramFigure,
  imageGridFigure,
  lineFigure,
  lossHistoryFigure,
  lossSurfaceFigure,
  networkDiagramFigure,
  predictedVsActualFigure,
} from '../../lib/plots';

export const sigmoid = {
  name: 'sigmoid',
  label: 'Sigmoid',
  output: (z: number): number => 1 / (1 + Math.exp(-z)),
  derivative: (z: number): number => {
    const s = 1 / (1 + Math.exp(-z));
    return s * (1 - s);
  },
};
export const relu = { name: 'relu', label: 'ReLU', output: (z: number): number => Math.max(0, z), derivative: (z: number): number => (z > 0 ? 1 : 0) };

/** Four points of XOR-like data around the origin. */
export const xorData = { x: [[-1, -1], [-1, 1], [1, -1], [1, 1]], labels: [0, 1, 1, 0] };

export function sampleFigures(): Record<string, Figure> {
  const bowl = (a: number, b: number): number => a * a + 2 * b * b;
  return {
    line: lineFigure([{ x: [0, 1, 2], y: [1, NaN, 4], name: 'a' }, { x: [0, 1], y: [-0, 2], dash: 'dash' }], { title: 't', xLabel: 'x', yLabel: 'y', logY: true }),
    activation: activationFigure([sigmoid, relu], { points: 11 }),
    lossHistory: lossHistoryFigure({ loss: [1, 0.5, Infinity, 0.2], valLoss: [1.1, 0.6, 0.4, 0.3], convergedEpoch: 3 }, { logY: true }),
    lossHistoryMetric: lossHistoryFigure({ loss: [1, 0.5], metrics: { accuracy: [0.5, 0.75] } }, { metricName: 'accuracy' }),
    decisionProbability: decisionBoundaryFigure((pts) => pts.map(([a, b]) => [a * b < 0 ? 0.9 : NaN]), xorData, { resolution: 5 }),
    decisionClass: decisionBoundaryFigure((pts) => pts.map(([a]) => [a, -a, 0]), { x: [[0, 0], [1, 1], [2, 0]], labels: [0, 1, 2] }, { resolution: 4, classNames: ['a', 'b', 'c'] }),
    surfaceContour: lossSurfaceFigure(bowl, { aRange: [-1, 1], bRange: [-1, 1], resolution: 5, path: [[1, 1], [0.5, 0.2], [0, 0]] }),
    surfaceBoth: lossSurfaceFigure(bowl, { aRange: [-1, 1], bRange: [-1, 1], resolution: 5, kind: 'both', path: [[1, 1], [0, 0]], logZ: true }),
    surface3d: lossSurfaceFigure(bowl, { aRange: [-1, 1], bRange: [-1, 1], resolution: 5, kind: 'surface' }),
    predictedScatter: predictedVsActualFigure([1, 2, NaN], [1, 2.5, 3], { units: 'm' }),
    predictedSeries: predictedVsActualFigure([1, 2, 3], [1, 2.5, 3], { mode: 'series', x: ['Mon', 'Tue', 'Wed'] }),
    confusion: confusionMatrixFigure([[5, 1], [0, 0]], { normalize: true }),
    network: networkDiagramFigure({ weights: [[[0.5, -1, 0]], [[2], [-0.5], [1e-5]]], biases: [[0, 0.1, -0.1], [0.2]] }, { maxNodesPerLayer: 3 }),
    networkSizes: networkDiagramFigure({ sizes: [64, 16, 10] }),
    histogram: histogramFigure([{ values: [1, 2, 2, NaN], name: 'a' }, { values: [3, 3, 4] }], { bins: 3, normalize: true }),
    heatmap: heatmapFigure([[0, 1], [NaN, 3]], { reverseY: true, colorscale: 'Greys', title: 'digit' }),
    imageGrid: imageGridFigure([[[0, 1], [1, 0]], [[1, 1], [0, 0]], [[0, 0], [0, 1]]], { titles: ['a', 'b', 'c'], columns: 2 }),
    bar: barFigure(['l1', 'l2'], [{ name: 's', values: [1e-4, 0.1] }, { name: 'r', values: [0.2, -0] }], { logY: true, unit: 'ms' }),
  };
}
