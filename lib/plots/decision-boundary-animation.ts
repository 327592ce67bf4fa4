/**
 * decisionBoundaryAnimationFigure: the decision boundary forming over the training epochs (训练轮次), one frame per
 * snapshot of the network, with play/pause and an epoch slider. Each snapshot is drawn exactly as
 * decisionBoundaryFigure draws it (same grid, colours and boundary line); the frames swap the background and the
 * boundary, the data points stay. Predictions are computed when the figure is built, so the network may keep
 * training afterwards and the animation plays without a kernel.
 *
 * Example (inside a training loop):
 *   snapshots.push({ label: `epoch ${epoch}`, predict: (pts) => net.predict(pts) });   // called at once below
 *   decisionBoundaryAnimationFigure(snapshots, { x: data.x, labels: data.labels });
 *   // or, to snapshot while training: const copy = net.clone(); snapshots.push({ label, predict: (p) => copy.predict(p) })
 */
import { translate } from '../language';
import { ArgumentError, describe } from '../errors';
import { Figure, Trace } from './figure';
import { checkOptions } from './checks';
import { DecisionBoundaryData, DecisionBoundaryFigureOptions, decisionBoundaryFigure } from './decision-boundary';
import { AnimationFrame, namedAs, withAnimation } from './animation';

/** The network at one moment of training: a label such as 'epoch 20' and its predictions. */
export interface BoundarySnapshot {
  label: string;
  predict: (points: number[][]) => ArrayLike<number>[] | ArrayLike<number>;
}

export interface DecisionBoundaryAnimationOptions extends DecisionBoundaryFigureOptions {
  /** Milliseconds per snapshot while playing (default 400). */
  frameDuration?: number;
}

const FN = 'decisionBoundaryAnimationFigure';

/** Plays the snapshots' decision regions in order over the same data points. */
export function decisionBoundaryAnimationFigure(
  snapshots: BoundarySnapshot[],
  data: DecisionBoundaryData,
  options?: DecisionBoundaryAnimationOptions,
): Figure {
  const { frameDuration, ...boundaryOptions } = checkOptions(FN, options, [
    'resolution', 'padding', 'classNames', 'show', 'xLabel', 'yLabel', 'title', 'width', 'height', 'frameDuration',
  ]);
  if (!Array.isArray(snapshots) || snapshots.length < 2) {
    throw new ArgumentError(`${FN}: snapshots must be an array of at least 2 { label, predict } (one snapshot does not move), got ${describe(snapshots)}`);
  }
  snapshots.forEach((s, k) => {
    if (s === null || typeof s !== 'object' || typeof s.label !== 'string' || typeof s.predict !== 'function') {
      throw new ArgumentError(`${FN}: snapshots[${k}] must be { label: string, predict: function }, got ${describe(s)}`);
    }
  });
  const title = boundaryOptions.title ?? 'The decision boundary forming during training';
  const opts: DecisionBoundaryFigureOptions = { resolution: 60, height: 600, ...boundaryOptions, title };
  const figures = snapshots.map((s) => namedAs(FN, () => decisionBoundaryFigure(s.predict, data, opts)));
  // The region traces (heatmap, and the p = 0.5 contour when drawn) come before the data points.
  const regionCount = figures[0].data.filter((t) => t.type === 'heatmap' || t.type === 'contour').length;
  const traces = Array.from({ length: regionCount }, (_, i) => i);
  const frames: AnimationFrame[] = figures.map((fig, k) => ({
    name: snapshots[k].label,
    traces,
    data: traces.map((i) => ({ z: (fig.data[i] as Trace).z, ...((fig.data[i] as Trace).text ? { text: (fig.data[i] as Trace).text } : {}) })),
    layout: { 'title.text': `${translate(title)} — ${translate(snapshots[k].label)}` },
  }));
  const first = figures[0];
  const layout = { ...first.layout, title: { ...(first.layout.title as object), text: `${title} — ${snapshots[0].label}` } };
  return withAnimation({ ...first, layout }, frames, { label: 'snapshot', frameDuration: frameDuration ?? 400, redraw: true });
}
