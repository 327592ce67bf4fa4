/**
 * The Figure type shared by every plot builder, and the house style they all use.
 *
 * A Figure is plain JSON for Plotly (plotly.js 3 and later): `{ data, layout, config? }`.
 * Builders are pure functions: they never touch the DOM and never escape text; showing a figure
 * (and escaping it for HTML) is the display layer's job.
 *
 * Plotly 3+ rules kept here so no builder can forget them:
 *   - every title is an object `{ text: '…' }`, never a bare string (`titlefont` no longer exists:
 *     fonts go in `title.font`);
 *   - no NaN or Infinity in data (JSON has no such numbers): `finiteOrNull` maps them to null, which
 *     Plotly draws as a gap.
 *
 * Example:
 *   const fig: Figure = { data: [{ type: 'scatter', x: [1, 2], y: [3, 4] }], layout: baseLayout('Two points') };
 */
import { ArgumentError, describe } from '../errors';
import { translate } from '../language';

/** One Plotly trace (scatter, heatmap, contour, …) as plain JSON. */
export type Trace = Record<string, unknown>;

/** A complete Plotly figure as plain JSON. */
export interface Figure {
  data: Trace[];
  layout: Record<string, unknown>;
  config?: Record<string, unknown>;
}

/** Options every builder accepts. */
export interface BaseFigureOptions {
  /** The figure's title (shown above the plot). */
  title?: string;
  /** Width in pixels; by default the figure fills its container. */
  width?: number;
  /** Height in pixels. */
  height?: number;
}

/**
 * The course palette: ten colours that stay distinguishable for the common forms of colour blindness
 * and on a projector (after the Okabe–Ito and Tableau palettes). Series i uses PALETTE[i % 10].
 */
export const PALETTE: readonly string[] = [
  '#1f77b4', // blue
  '#e8710a', // orange
  '#2ca02c', // green
  '#d62728', // red
  '#8c5bb5', // purple
  '#8c564b', // brown
  '#e377c2', // pink
  '#5f6b73', // slate grey
  '#b5a600', // olive
  '#17becf', // cyan
];

/** Colour of positive values (weights, gradients): blue. */
export const POSITIVE_COLOR = '#1f77b4';
/** Colour of negative values: orange. */
export const NEGATIVE_COLOR = '#e8710a';
/** Colour of reference lines (diagonals, structure-only edges). */
export const NEUTRAL_COLOR = '#8a8a8a';
/** Colour of body text and axis lines. */
export const TEXT_COLOR = '#222222';

/** Font used for everything: large enough to read on a projector. */
export const FONT = { family: 'Inter, "Helvetica Neue", Arial, sans-serif', size: 14, color: TEXT_COLOR };

/** Plotly config shared by every figure: responsive, no logo, crisp PNG export. */
export const DEFAULT_CONFIG: Readonly<Record<string, unknown>> = {
  responsive: true,
  displaylogo: false,
  toImageButtonOptions: { format: 'png', scale: 2 },
};

/** The i-th palette colour (wrapping around). */
export function paletteColor(i: number): string {
  return PALETTE[((i % PALETTE.length) + PALETTE.length) % PALETTE.length];
}

/**
 * A hex colour `#rrggbb` as `rgba(r,g,b,alpha)`.
 * Example: withAlpha('#1f77b4', 0.5) === 'rgba(31,119,180,0.5)'
 */
export function withAlpha(hex: string, alpha: number): string {
  const [r, g, b] = hexToRgb(hex);
  return `rgba(${r},${g},${b},${roundTo(alpha, 3)})`;
}

/**
 * A hex colour mixed with white: lighten(c, 0) is c, lighten(c, 1) is white.
 * Used for the pale class regions behind a decision boundary's data points.
 */
export function lighten(hex: string, amount: number): string {
  const [r, g, b] = hexToRgb(hex);
  const mix = (c: number): number => Math.round(c + (255 - c) * amount);
  return `rgb(${mix(r)},${mix(g)},${mix(b)})`;
}

function hexToRgb(hex: string): [number, number, number] {
  const m = /^#([0-9a-f]{6})$/i.exec(hex);
  if (!m) throw new ArgumentError(`withAlpha: colour must be '#rrggbb', got ${describe(hex)}`);
  const n = parseInt(m[1], 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

function roundTo(x: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

/** A finite number as itself (with −0 as 0, since JSON has no −0); NaN and ±Infinity as null (a gap in Plotly). */
export function finiteOrNull(v: number): number | null {
  if (!Number.isFinite(v)) return null;
  return v === 0 ? 0 : v;
}

/** `finiteOrNull` applied to every element; also turns typed arrays into plain arrays. */
export function cleanArray(values: ArrayLike<number>): (number | null)[] {
  const out = new Array<number | null>(values.length);
  for (let i = 0; i < values.length; i++) out[i] = finiteOrNull(values[i]);
  return out;
}

/** `cleanArray` applied to every row of a 2-D array. */
export function cleanMatrix(rows: ReadonlyArray<ArrayLike<number>>): (number | null)[][] {
  return rows.map((row) => cleanArray(row));
}

/**
 * `n` evenly spaced numbers from lo to hi inclusive (n ≥ 2).
 * Example: linspace(0, 1, 5) → [0, 0.25, 0.5, 0.75, 1]
 */
export function linspace(lo: number, hi: number, n: number): number[] {
  const out = new Array<number>(n);
  const step = (hi - lo) / (n - 1);
  for (let i = 0; i < n; i++) out[i] = i === n - 1 ? hi : lo + i * step;
  return out.map((v) => (v === 0 ? 0 : v));
}

/** Smallest and largest finite value in `values` (NaN and ±Infinity are skipped); null if there is none. */
export function finiteExtent(values: Iterable<number>): [number, number] | null {
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of values) {
    if (!Number.isFinite(v)) continue;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  return lo <= hi ? [lo, hi] : null;
}

/** A title object in the house style: `{ text, font }` (never a bare string: Plotly 3+). */
export function titleObject(text: string, size = 14): Record<string, unknown> {
  return { text, font: { size } };
}

/**
 * An axis in the house style: titled (as `{ text }`), light grid, outside ticks, margins that grow to fit labels.
 * `extra` overrides or adds any axis attribute, e.g. `{ type: 'log' }`.
 */
export function axis(title: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    title: { text: title, font: { size: 15 } },
    automargin: true,
    showline: true,
    linecolor: '#444444',
    ticks: 'outside',
    tickcolor: '#444444',
    gridcolor: '#e6e6e6',
    zeroline: false,
    // 1e-5 reads "10⁻⁵", never an SI suffix ("10µ", "1f") that a loss or a gradient does not have
    exponentformat: 'power',
    minexponent: 4,
    ...extra,
  };
}

const SUPERSCRIPT_MINUS = '\u2212';

/**
 * A tick label for a positive number on a log axis: plain decimals from 0.001 to 99,999 ("0.02", "500"),
 * powers of ten outside ("10<sup>−5</sup>", "2×10<sup>−5</sup>"). Never an SI suffix, never a bare digit that
 * stands for 0.02. Example: logTickLabel(0.05) → '0.05'; logTickLabel(2e-7) → '2×10<sup>−7</sup>'.
 */
export function logTickLabel(v: number): string {
  const k = Math.floor(Math.log10(v) + 1e-9);
  const mantissa = Number((v / 10 ** k).toPrecision(3));
  if (k >= -3 && k <= 4) return String(Number(v.toPrecision(3)));
  const power = `10<sup>${k < 0 ? SUPERSCRIPT_MINUS : ''}${Math.abs(k)}</sup>`;
  return mantissa === 1 ? power : `${mantissa}×${power}`;
}

/**
 * A number for a label on a bar or in a table of a figure, with 3 significant digits: plain decimals from 0.001 to
 * 99,999, powers of ten outside (2.86×10<sup>−7</sup>), never 0.00000114 or an SI suffix.
 */
export function readableNumber(v: number): string {
  if (!Number.isFinite(v)) return String(v);
  if (v === 0) return '0';
  const sign = v < 0 ? SUPERSCRIPT_MINUS : '';
  const a = Math.abs(v);
  const k = Math.floor(Math.log10(a) + 1e-12);
  if (k >= -3 && k <= 4) return sign + String(Number(a.toPrecision(3)));
  let mantissa = Number((a / 10 ** k).toPrecision(3));
  let e = k;
  if (mantissa >= 10) {
    mantissa /= 10;
    e += 1;
  }
  return `${sign}${mantissa === 1 ? '' : `${mantissa}×`}10<sup>${e < 0 ? SUPERSCRIPT_MINUS : ''}${Math.abs(e)}</sup>`;
}

/**
 * Tick values and labels for a log axis over `values` (non-positive and non-finite ones are ignored):
 * one tick per power of ten when the data span 3 or more decades (every 2nd or 3rd power beyond 8 decades),
 * 1-2-5 steps over 1 to 3 decades, 1-2-3-5-7 (or 1…9) steps below one decade. Returns null when there is no positive value.
 * Example: logTicks([0.004, 0.7]) → { tickvals: [0.005, 0.01, 0.02, 0.05, 0.1, 0.2, 0.5], ticktext: ['0.005', …] }
 */
export function logTicks(values: Iterable<number>): { tickvals: number[]; ticktext: string[] } | null {
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of values) {
    if (!(v > 0) || !Number.isFinite(v)) continue;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  if (!(lo <= hi)) return null;
  const kLo = Math.floor(Math.log10(lo));
  const kHi = Math.ceil(Math.log10(hi));
  const decades = Math.log10(hi) - Math.log10(lo);
  const every = decades > 16 ? 4 : decades > 12 ? 3 : decades > 8 ? 2 : 1;
  const make = (steps: number[]): number[] => {
    const tickvals: number[] = [];
    for (let k = kLo; k <= kHi; k++) {
      if (steps.length === 1 && (kHi - k) % every !== 0) continue;   // thinned powers keep the top one
      for (const m of steps) {
        const v = Number((m * 10 ** k).toPrecision(12));
        // keep a tick just outside the data so the axis (which Plotly pads a little) has labels at both ends
        if (v >= lo / (steps.length === 1 ? 10 : 2.01) && v <= hi * (steps.length === 1 ? 10 : 2.01)) tickvals.push(v);
      }
    }
    return tickvals;
  };
  const inside = (t: number[]) => t.filter((v) => v >= lo && v <= hi).length;
  let tickvals = make(decades >= 3 ? [1] : decades >= 1 ? [1, 2, 5] : [1, 2, 3, 5, 7]);
  // below one decade: all of 1…9 if 1-2-3-5-7 puts fewer than 3 inside; fewer than 2 even then → Plotly's own ticks
  if (decades < 1 && inside(tickvals) < 3) tickvals = make([1, 2, 3, 4, 5, 6, 7, 8, 9]);
  if (decades < 1 && inside(tickvals) < 2) return null;
  return { tickvals, ticktext: tickvals.map(logTickLabel) };
}

/**
 * A log axis in the house style over the plotted `values`: readable ticks from `logTicks` (no overlapping minor
 * labels, no SI suffixes), powers of ten written as 10⁻⁵.
 */
export function logAxis(title: string, values: Iterable<number>, extra: Record<string, unknown> = {}): Record<string, unknown> {
  const ticks = logTicks(values);
  return axis(title, { type: 'log', ...(ticks ? { tickmode: 'array', ...ticks } : { dtick: 1 }), ...extra });
}

/** Display width in Latin characters: a Chinese character (or full-width punctuation) is about two. */
function displayWidth(text: string): number {
  let w = 0;
  for (const ch of text) w += /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f]/.test(ch) ? 2 : 1;
  return w;
}

/**
 * Splits a title wider than `maxChars` into lines joined by <br> (Plotly never wraps a title): at spaces, and in
 * Chinese after punctuation (，、：；) or, failing that, between any two characters.
 */
export function wrapTitle(text: string, maxChars: number): string {
  if (displayWidth(text) <= maxChars || text.includes('<br>')) return text;
  const lines: string[] = [];
  let line = '';
  let lastBreak = -1;
  for (const ch of text) {
    line += ch;
    if (/[\s，、：；。）,;:]/.test(ch)) lastBreak = line.length;
    if (displayWidth(line) > maxChars) {
      const cut = lastBreak > 0 && lastBreak < line.length ? lastBreak : line.length - ch.length;
      lines.push(line.slice(0, cut).trim());
      line = line.slice(cut).trimStart();
      lastBreak = -1;
    }
  }
  if (line.trim()) lines.push(line.trim());
  return lines.join('<br>');
}

/** An axis drawn with nothing at all (for diagrams and images). */
export function hiddenAxis(extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { visible: false, showgrid: false, zeroline: false, showticklabels: false, fixedrange: false, ...extra };
}

/**
 * The layout every builder starts from: title, font, margins, white background, legend style.
 * `extra` is merged on top (shallowly).
 */
export function baseLayout(options: BaseFigureOptions, extra: Record<string, unknown> = {}): Record<string, unknown> {
  // A 20-px title is about 11 px per character; without a width the figure fills the output area, which is about
  // 760 px on the site and in a notebook beside its prompts (narrower in a small window): wrap for 700 px.
  const maxChars = Math.max(24, Math.floor(((options.width ?? 700) - 40) / 11));
  // Translated before wrapping (the zh edition's message is the whole English title), see ../language.ts.
  const title = wrapTitle(translate(options.title ?? ''), maxChars);
  const titleLines = title ? title.split('<br>').length : 0;
  const layout: Record<string, unknown> = {
    title: { text: title, font: { size: 20 }, x: 0.02, xanchor: 'left' },
    font: { ...FONT },
    margin: { l: 70, r: 30, t: title ? 40 + 24 * titleLines : 28, b: 60 },
    paper_bgcolor: 'white',
    plot_bgcolor: 'white',
    hovermode: 'closest',
    hoverlabel: { font: { size: 14 } },
    legend: legendStyle(),
  };
  if (options.width !== undefined) layout.width = options.width;
  if (options.height !== undefined) layout.height = options.height;
  return { ...layout, ...extra };
}

/** A legend in the house style (white box, thin border); `extra` places it, e.g. `{ x: 0.02, y: 0.98 }`. */
export function legendStyle(extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { bgcolor: 'rgba(255,255,255,0.85)', bordercolor: '#dddddd', borderwidth: 1, font: { size: 14 }, ...extra };
}

/** A fresh copy of DEFAULT_CONFIG (so a caller editing one figure's config cannot affect another's). */
export function defaultConfig(): Record<string, unknown> {
  return JSON.parse(JSON.stringify(DEFAULT_CONFIG)) as Record<string, unknown>;
}

/**
 * A value for a hovertemplate with its unit: withUnit('%{y:.3g}', 'mm') → '%{y:.3g} mm'.
 * An empty unit adds nothing.
 */
export function withUnit(value: string, unit?: string): string {
  return unit ? `${value} ${unit}` : value;
}

/** An axis label with its unit: labelWithUnit('temperature', '°C') → 'temperature (°C)'. */
export function labelWithUnit(label: string, unit?: string): string {
  return unit ? `${label} (${unit})` : label;
}
