/**
 * Animation controls for lecture figures: a play/pause button and a step slider that replay frames computed in
 * the notebook, in the browser, without a kernel (live notebook, exported site, slide deck alike).
 *
 * A frame is a partial update `{ name, data, traces }` (Plotly's frame format): `data[i]` replaces attributes of
 * trace `traces[i]`. The frames are stored INSIDE the controls (the play button's and each slider step's
 * `Plotly.animate` arguments), not in a top-level `frames` list, because the course's display layer draws a
 * figure with `Plotly.newPlot(el, data, layout, config)`: a figure carried as data + layout alone animates
 * everywhere. Each frame also sets `sliders[0].active`, so the slider follows the animation while it plays.
 *
 * Example:
 *   const fig = { data: [{ x: [0], y: [0], mode: 'markers' }], layout: baseLayout({ title: 'Moving point' }) };
 *   withAnimation(fig, [0, 1, 2].map((k) => ({ name: `step ${k}`, data: [{ x: [k], y: [k * k] }], traces: [0] })),
 *     { label: 'step' });
 */
import { ArgumentError, checkInteger, checkNonNegative, describe } from '../errors';
import { Figure, Trace } from './figure';
import { checkOptionalBoolean, checkOptionalString, checkOptions } from './checks';

/** One animation frame: new attribute values for some traces (and optionally the layout). */
export interface AnimationFrame {
  /** Shown on the slider, e.g. 'epoch 20'. */
  name: string;
  /** Attribute updates, one per entry of `traces`. */
  data: Trace[];
  /** Indices of the traces that `data` updates. */
  traces: number[];
  /** Layout updates (e.g. a title that names the step). */
  layout?: Record<string, unknown>;
}

export interface AnimationOptions {
  /** Slider prefix, e.g. 'epoch' shows "epoch: 20" above the slider (default 'step'). */
  label?: string;
  /** Milliseconds each frame stays on screen while playing (default 250). */
  frameDuration?: number;
  /** Milliseconds of the eased transition between frames (default 0: jump; smooth transitions suit scatter traces only). */
  transitionDuration?: number;
  /** Redraw the whole plot on every frame: needed for heatmaps, contours and 3-D traces (default true). */
  redraw?: boolean;
}

const FN = 'withAnimation';

/**
 * Runs `build` (a builder this lecture figure is made from) and names the lecture figure first in any error it
 * throws: 'gradientDescentWalkerFigure: lossSurfaceFigure: options.aRange must be …'.
 */
export function namedAs<T>(fn: string, build: () => T): T {
  try {
    return build();
  } catch (err) {
    if (err instanceof Error && !err.message.startsWith(`${fn}:`)) err.message = `${fn}: ${err.message}`;
    throw err;
  }
}

/** The frames stored in an animated figure's play button (empty for a figure without animation). */
export function animationFrames(figure: Figure): AnimationFrame[] {
  if (figure === null || typeof figure !== 'object' || figure.layout === null || typeof figure.layout !== 'object') {
    throw new ArgumentError(`animationFrames: figure must be a Plotly figure { data, layout }, got ${describe(figure)}`);
  }
  const menus = figure.layout.updatemenus as Array<{ buttons?: Array<{ args?: unknown[]; method?: string }> }> | undefined;
  const play = menus?.[0]?.buttons?.find((b) => b.method === 'animate' && Array.isArray(b.args?.[0]) && (b.args?.[0] as unknown[])[0] !== null);
  return play ? (play.args![0] as AnimationFrame[]) : [];
}

/**
 * Adds a play/pause button and a slider with one step per frame to `figure` (returns a new figure; the input is
 * not changed). Frames must update existing traces; at least two frames are required (one frame is a still image).
 */
export function withAnimation(figure: Figure, frames: AnimationFrame[], options?: AnimationOptions): Figure {
  const opts = checkOptions(FN, options, ['label', 'frameDuration', 'transitionDuration', 'redraw']);
  if (figure === null || typeof figure !== 'object' || !Array.isArray(figure.data)) {
    throw new ArgumentError(`${FN}: figure must be a Plotly figure { data, layout }, got ${describe(figure)}`);
  }
  if (!Array.isArray(frames) || frames.length < 2) {
    throw new ArgumentError(`${FN}: frames must be an array of at least 2 frames (one frame does not move), got ${describe(frames)}`);
  }
  checkOptionalString(FN, 'options.label', opts.label);
  checkOptionalBoolean(FN, 'options.redraw', opts.redraw);
  const frameDuration = opts.frameDuration ?? 250;
  checkInteger(FN, 'options.frameDuration', frameDuration, 0);
  const transitionDuration = opts.transitionDuration ?? 0;
  checkNonNegative(FN, 'options.transitionDuration', transitionDuration);
  const redraw = opts.redraw ?? true;
  frames.forEach((f, k) => {
    if (f === null || typeof f !== 'object' || typeof f.name !== 'string') {
      throw new ArgumentError(`${FN}: frames[${k}] must be a frame { name, data, traces }, got ${describe(f)}`);
    }
    if (!Array.isArray(f.data) || !Array.isArray(f.traces) || f.data.length !== f.traces.length) {
      throw new ArgumentError(
        `${FN}: frames[${k}] ('${f.name}') needs data and traces arrays of equal length (data[i] updates trace traces[i]), ` +
          `got data ${describe(f.data)} and traces ${describe(f.traces)}`,
      );
    }
    for (const t of f.traces) {
      if (!Number.isInteger(t) || t < 0 || t >= figure.data.length) {
        throw new ArgumentError(`${FN}: frames[${k}].traces contains ${describe(t)}, expected a trace index from 0 to ${figure.data.length - 1}`);
      }
    }
  });

  const stored = frames.map((f, k) => ({
    name: f.name,
    data: f.data,
    traces: f.traces,
    layout: { ...(f.layout ?? {}), 'sliders[0].active': k },
  }));
  const still = { mode: 'immediate', frame: { duration: 0, redraw }, transition: { duration: 0 } };
  const playing = {
    mode: 'immediate',
    frame: { duration: frameDuration, redraw },
    transition: { duration: transitionDuration, easing: 'cubic-in-out' },
  };
  const label = opts.label ?? 'step';
  const layout: Record<string, unknown> = {
    ...figure.layout,
    updatemenus: [
      {
        type: 'buttons',
        direction: 'left',
        showactive: false,
        x: 0,
        xanchor: 'left',
        y: -0.12,
        yanchor: 'top',
        pad: { t: 38, r: 10 },
        font: { size: 14 },
        buttons: [
          { label: '▶ play', method: 'animate', args: [stored, playing] },
          { label: '❚❚ pause', method: 'animate', args: [[null], still] },
        ],
      },
    ],
    sliders: [
      {
        active: 0,
        x: 0.2,
        len: 0.8,
        y: -0.12,
        yanchor: 'top',
        pad: { t: 20 },
        currentvalue: { prefix: `${label}: `, visible: true, font: { size: 15 } },
        transition: { duration: 0 },
        steps: stored.map((f) => ({ label: f.name.replace(/^\S+\s/, ''), method: 'animate', args: [[f], still] })),
      },
    ],
  };
  const margin = (figure.layout.margin as Record<string, number> | undefined) ?? {};
  layout.margin = { ...margin, b: Math.max(margin.b ?? 60, 150) };
  if (typeof figure.layout.height === 'number') layout.height = (figure.layout.height as number) + 70;
  return { data: figure.data, layout, config: figure.config };
}
