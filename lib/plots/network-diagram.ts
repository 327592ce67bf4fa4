/**
 * networkDiagramFigure: a fully connected network drawn as circles (neurons) in columns (layers)
 * joined by one line per weight.
 *
 * Column 0 is the input layer, the last column the output layer. Each edge i → j of layer l shows
 * the weight W_l[i][j]: blue if positive, orange if negative, its width proportional to |w| (relative
 * to the largest |w| in the network); hovering near an edge shows its value. Without weights
 * (only sizes), edges are thin and grey: the structure alone. A layer with more than
 * maxNodesPerLayer neurons shows its first and last neurons with a "⋮" between them; the layer's
 * label still gives its full size.
 *
 * Example:
 *   const net = Network.create({ inputSize: 2, layers: [{ units: 4, activation: 'tanh' }, { units: 1, activation: 'sigmoid' }], seed: 1 });
 *   networkDiagramFigure(net, { title: 'A 2-4-1 network' });
 *   networkDiagramFigure({ sizes: [64, 16, 10] });                     // structure only
 *   networkDiagramFigure({ weights: [[[0.5, -1]], [[2], [0.3]]] });    // 1-2-1 with given weights
 */
import { ArgumentError, ShapeError, checkInteger, checkNumberArray, describe } from '../errors';
import {
  BaseFigureOptions,
  Figure,
  NEGATIVE_COLOR,
  NEUTRAL_COLOR,
  POSITIVE_COLOR,
  Trace,
  baseLayout,
  defaultConfig,
  finiteOrNull,
  hiddenAxis,
} from './figure';
import { checkMatrix, checkOptions, checkStringArray } from './checks';

/** Anything with a list of layer parameters, such as the engine's Network. */
export interface NetworkWithParameters {
  sizes?: readonly number[];
  /** Per layer: weights [inputs][units] and biases [units]. */
  parameters(): { weights: ReadonlyArray<ArrayLike<number>>; biases: ArrayLike<number> }[];
}
/** Weights given directly, per layer [inputs][units] (biases optional, per layer [units]). */
export interface NetworkWeights {
  weights: ReadonlyArray<ReadonlyArray<ArrayLike<number>>>;
  biases?: ReadonlyArray<ArrayLike<number>>;
}
/** Structure only: the number of neurons per layer, input layer first. */
export interface NetworkSizes {
  sizes: readonly number[];
}
export type DrawableNetwork = NetworkWithParameters | NetworkWeights | NetworkSizes;

export interface NetworkDiagramFigureOptions extends BaseFigureOptions {
  /** One name per layer, input first (default 'input layer', 'hidden layer 1', …, 'output layer'). */
  layerNames?: string[];
  /** Largest number of neurons drawn per layer before the middle ones collapse into "⋮" (default 12, at least 3). */
  maxNodesPerLayer?: number;
}

const FN = 'networkDiagramFigure';

/** What an edge trace carries in `meta`, so a test (or a curious student) can find every weight. */
export interface EdgeMeta {
  kind: 'edge';
  /** Index of the weight matrix (0 = input → first hidden layer). */
  layer: number;
  /** Neuron index in layer `layer` (the column on the left), 0-based. */
  from: number;
  /** Neuron index in layer `layer + 1`, 0-based. */
  to: number;
  /** The weight, or null when drawing structure only. */
  weight: number | null;
}

/** Draws the network's layers, neurons and weights. */
export function networkDiagramFigure(net: DrawableNetwork, options?: NetworkDiagramFigureOptions): Figure {
  const opts = checkOptions(FN, options, ['layerNames', 'maxNodesPerLayer']);
  const maxNodes = opts.maxNodesPerLayer ?? 12;
  checkInteger(FN, 'options.maxNodesPerLayer', maxNodes, 3);
  const { sizes, weights, biases } = readNetwork(net);
  const L = sizes.length;
  if (opts.layerNames !== undefined) checkStringArray(FN, 'options.layerNames', opts.layerNames, L);
  const layerNames =
    opts.layerNames ?? sizes.map((_, l) => (l === 0 ? 'input layer' : l === L - 1 ? 'output layer' : L === 3 ? 'hidden layer' : `hidden layer ${l}`));
  const shortName = (l: number): string => (l === 0 ? 'input' : l === L - 1 ? 'output' : L === 3 ? 'hidden' : `hidden ${l}`);

  // Which neurons are drawn, and where: slot s of a column is at height (slots − 1)/2 − s.
  const columns = sizes.map((n) => layoutColumn(n, maxNodes));
  const maxSlots = Math.max(...columns.map((c) => c.slots));

  let maxAbs = 0;
  if (weights) for (const W of weights) for (const row of W) for (let j = 0; j < row.length; j++) if (Number.isFinite(row[j])) maxAbs = Math.max(maxAbs, Math.abs(row[j]));

  const data: Trace[] = [];
  const hoverX: number[] = [];
  const hoverY: number[] = [];
  const hoverText: string[] = [];
  for (let l = 0; l < L - 1; l++) {
    const left = columns[l];
    const right = columns[l + 1];
    right.shown.forEach(({ index: j, y: yj }, jPos) => {
      // Each edge gets its hover point at a fraction t of its length that depends on its target, so no two hover points coincide.
      const t = 0.2 + (0.6 * (jPos + 0.5)) / right.shown.length;
      for (const { index: i, y: yi } of left.shown) {
        const w = weights ? weights[l][i][j] : null;
        const finite = w !== null && Number.isFinite(w);
        const strength = !finite || maxAbs === 0 ? 0 : Math.abs(w as number) / maxAbs;
        const color = !finite || w === 0 ? NEUTRAL_COLOR : (w as number) > 0 ? POSITIVE_COLOR : NEGATIVE_COLOR;
        const meta: EdgeMeta = { kind: 'edge', layer: l, from: i, to: j, weight: finite ? finiteOrNull(w as number) : null };
        data.push({
          type: 'scatter',
          mode: 'lines',
          x: [l, l + 1],
          y: [yi, yj],
          line: { color, width: w === null ? 1 : round(0.5 + 5.5 * strength) },
          opacity: w === null ? 0.6 : round(0.3 + 0.65 * strength),
          hoverinfo: 'skip',
          showlegend: false,
          meta,
        });
        hoverX.push(round(l + t));
        hoverY.push(round(yi + t * (yj - yi)));
        const wText = w === null ? 'no weights given' : `w = ${formatWeight(w)}`;
        hoverText.push(`${wText}<br>${shortName(l)} ${i + 1} → ${shortName(l + 1)} ${j + 1}`);
      }
    });
  }
  data.push({
    type: 'scatter',
    mode: 'markers',
    name: 'weights',
    x: hoverX,
    y: hoverY,
    text: hoverText,
    marker: { size: 9, color: 'rgba(0,0,0,0)' },
    hovertemplate: '%{text}<extra></extra>',
    showlegend: false,
  });

  const nodeSize = Math.max(14, Math.min(34, Math.round(360 / maxSlots)));
  columns.forEach((col, l) => {
    const fill = l === 0 ? '#e3e3e3' : l === L - 1 ? '#cfe8c8' : '#ffffff';
    const text = col.shown.map(({ index: i }) => {
      const b = biases && l > 0 ? biases[l - 1][i] : undefined;
      return `${layerNames[l]}<br>neuron ${i + 1} of ${sizes[l]}` + (b === undefined ? '' : `<br>bias b = ${formatWeight(b)}`);
    });
    data.push({
      type: 'scatter',
      mode: 'markers',
      name: layerNames[l],
      x: col.shown.map(() => l),
      y: col.shown.map((s) => s.y),
      text,
      marker: { size: nodeSize, color: fill, line: { color: '#333333', width: 2 } },
      hovertemplate: '%{text}<extra></extra>',
      showlegend: false,
      meta: { kind: 'nodes', layer: l, shown: col.shown.map((s) => s.index) },
    });
  });

  const top = (maxSlots - 1) / 2;
  const annotations: Record<string, unknown>[] = [];
  columns.forEach((col, l) => {
    if (col.ellipsisY === null) return;
    const hidden = sizes[l] - col.shown.length;
    annotations.push({
      x: l,
      y: col.ellipsisY,
      xref: 'x',
      yref: 'y',
      text: '<b>⋮</b>',
      showarrow: false,
      bgcolor: 'white',
      borderpad: 1,
      font: { size: 22, color: '#333333' },
      hovertext: `${hidden} more neurons not drawn`,
    });
  });
  sizes.forEach((n, l) => annotations.push({
    x: l,
    y: -top - 0.75,
    xref: 'x',
    yref: 'y',
    yanchor: 'top',
    text: `<b>${layerNames[l]}</b><br>${n} ${l === 0 ? (n === 1 ? 'input' : 'inputs') : n === 1 ? 'neuron' : 'neurons'}`,
    showarrow: false,
    font: { size: 14 },
  }));
  annotations.push({
    x: 0,
    y: 1,
    xref: 'paper',
    yref: 'paper',
    xanchor: 'left',
    yanchor: 'bottom',
    showarrow: false,
    font: { size: 13, color: '#555555' },
    text: weights
      ? `edges: <span style="color:${POSITIVE_COLOR}"><b>blue = positive weight</b></span>, ` +
        `<span style="color:${NEGATIVE_COLOR}"><b>orange = negative</b></span>; width ∝ |w| (largest |w| = ${formatWeight(maxAbs)})`
      : 'structure only (no weights given)',
  });

  return {
    data,
    layout: baseLayout(
      { ...opts, title: opts.title ?? `Network ${sizes.join('-')}` },
      {
        xaxis: hiddenAxis({ range: [-0.45, L - 1 + 0.45] }),
        yaxis: hiddenAxis({ range: [-top - 2.1, top + 0.7] }),
        annotations,
        showlegend: false,
        hovermode: 'closest',
        margin: { l: 20, r: 20, t: opts.title === '' ? 40 : 84, b: 10 },
        height: opts.height ?? Math.max(360, 150 + 40 * maxSlots),
      },
    ),
    config: defaultConfig(),
  };
}

interface Column {
  slots: number;
  shown: { index: number; y: number }[];
  ellipsisY: number | null;
}

/** Places a layer of n neurons: all of them, or the first and last few with an ellipsis slot between. */
function layoutColumn(n: number, maxNodes: number): Column {
  const collapse = n > maxNodes;
  const slots = collapse ? maxNodes : n;
  const yOf = (s: number): number => (slots - 1) / 2 - s;
  if (!collapse) return { slots, shown: Array.from({ length: n }, (_, s) => ({ index: s, y: yOf(s) })), ellipsisY: null };
  const head = Math.ceil((maxNodes - 1) / 2);
  const tail = maxNodes - 1 - head;
  const shown = [
    ...Array.from({ length: head }, (_, s) => ({ index: s, y: yOf(s) })),
    ...Array.from({ length: tail }, (_, s) => ({ index: n - tail + s, y: yOf(head + 1 + s) })),
  ];
  return { slots, shown, ellipsisY: yOf(head) };
}

/** Reads sizes, weights and biases from any of the three accepted forms, checking that the shapes chain. */
function readNetwork(net: unknown): { sizes: number[]; weights: ArrayLike<number>[][] | null; biases: ArrayLike<number>[] | null } {
  if (net === null || typeof net !== 'object') {
    throw new ArgumentError(`${FN}: net must be a Network, {weights} or {sizes}, got ${describe(net)}`);
  }
  const n = net as Partial<NetworkWithParameters & NetworkWeights & NetworkSizes>;
  let rawWeights: ReadonlyArray<ReadonlyArray<ArrayLike<number>>> | undefined;
  let rawBiases: ReadonlyArray<ArrayLike<number>> | undefined;
  let weightsArg = 'net.weights';
  if (typeof n.parameters === 'function') {
    const params = n.parameters();
    if (!Array.isArray(params)) throw new ArgumentError(`${FN}: net.parameters() must return an array of {weights, biases}, got ${describe(params)}`);
    rawWeights = params.map((p) => p.weights);
    rawBiases = params.map((p) => p.biases);
    weightsArg = 'net.parameters()[l].weights';
  } else if (n.weights !== undefined) {
    if (!Array.isArray(n.weights)) throw new ArgumentError(`${FN}: net.weights must be an array of weight matrices [inputs][units], got ${describe(n.weights)}`);
    rawWeights = n.weights;
    rawBiases = n.biases;
  }

  if (rawWeights === undefined) {
    if (!Array.isArray(n.sizes)) {
      throw new ArgumentError(`${FN}: net must be a Network (with parameters()), {weights: number[][][]} or {sizes: number[]}, got ${describe(net)}`);
    }
    const sizes = checkSizes(n.sizes);
    return { sizes, weights: null, biases: null };
  }
  if (rawWeights.length === 0) throw new ArgumentError(`${FN}: ${weightsArg} is empty; a network needs at least one layer`);
  const sizes: number[] = [];
  rawWeights.forEach((W, l) => {
    const arg = weightsArg.replace('[l]', `[${l}]`) + (weightsArg === 'net.weights' ? `[${l}]` : '');
    const [rows, cols] = checkMatrix(FN, arg, W);
    if (l === 0) sizes.push(rows);
    else if (rows !== sizes[l]) {
      throw new ShapeError(
        `${FN}: ${arg} has shape [${rows}, ${cols}], expected [${sizes[l]}, units] (its inputs are the ${sizes[l]} units of the previous layer)`,
        [sizes[l], null],
        [rows, cols],
      );
    }
    sizes.push(cols);
  });
  if (n.sizes !== undefined) {
    const given = checkSizes(n.sizes);
    if (given.length !== sizes.length || given.some((s, i) => s !== sizes[i])) {
      throw new ShapeError(`${FN}: net.sizes is [${given.join(', ')}] but the weights give [${sizes.join(', ')}]`, sizes, given);
    }
  }
  let biases: ArrayLike<number>[] | null = null;
  if (rawBiases !== undefined) {
    if (!Array.isArray(rawBiases) || rawBiases.length !== rawWeights.length) {
      throw new ArgumentError(`${FN}: net.biases must hold one bias vector per layer (${rawWeights.length}), got ${describe(rawBiases)}`);
    }
    biases = rawBiases.map((b, l) => {
      checkNumberArray(FN, `biases of layer ${l}`, b, sizes[l + 1]);
      return b;
    });
  }
  return { sizes, weights: rawWeights.map((W) => Array.from(W)), biases };
}

function checkSizes(sizes: readonly unknown[]): number[] {
  if (sizes.length < 2) throw new ArgumentError(`${FN}: net.sizes must list at least two layers (input and output), got ${describe(sizes)}`);
  sizes.forEach((s, i) => checkInteger(FN, `net.sizes[${i}]`, s, 1));
  return sizes as number[];
}

function formatWeight(w: number): string {
  if (!Number.isFinite(w)) return String(w);
  return Math.abs(w) >= 1000 || (Math.abs(w) < 0.001 && w !== 0) ? w.toExponential(2) : String(Number(w.toPrecision(3)));
}

function round(v: number): number {
  return Math.round(v * 1000) / 1000;
}
