/**
 * confusionMatrixFigure: an annotated heat map of a confusion matrix.
 *
 * matrix[i][j] = number of samples whose true class is i and predicted class is j, so rows are the
 * true classes (top to bottom) and columns the predicted classes (left to right); the diagonal holds
 * the correct predictions. With normalize: true every row is divided by its sum, so cell (i, j) is
 * the fraction of class-i samples predicted as j (each row sums to 100 %; the diagonal is the recall).
 *
 * Example:
 *   const cm = confusionMatrix(predictedClasses, trueClasses, 3);
 *   confusionMatrixFigure(cm, { classNames: ['setosa', 'versicolor', 'virginica'], normalize: true });
 */
import { ArgumentError, ShapeError, describe } from '../errors';
import {
  BaseFigureOptions,
  Figure,
  axis,
  baseLayout,
  defaultConfig,
} from './figure';
import { checkMatrix, checkOptionalBoolean, checkOptions, checkStringArray } from './checks';

export interface ConfusionMatrixFigureOptions extends BaseFigureOptions {
  /** Class names in index order (default '0', '1', …). */
  classNames?: string[];
  /** Show each row as fractions of its true class (default false: raw counts). */
  normalize?: boolean;
}

const FN = 'confusionMatrixFigure';
/** White to deep blue: a darker cell holds more samples. */
const COLORSCALE: [number, string][] = [
  [0, '#ffffff'],
  [0.25, '#c6dbef'],
  [0.5, '#6baed6'],
  [0.75, '#2171b5'],
  [1, '#08306b'],
];

/** Draws a confusion matrix (rows = true class, columns = predicted class) with a number in every cell. */
export function confusionMatrixFigure(matrix: ReadonlyArray<ArrayLike<number>>, options?: ConfusionMatrixFigureOptions): Figure {
  const opts = checkOptions(FN, options, ['classNames', 'normalize']);
  const [rows, cols] = checkMatrix(FN, 'matrix', matrix);
  if (rows !== cols) {
    throw new ShapeError(`${FN}: matrix has shape [${rows}, ${cols}], expected a square [k, k] matrix (true × predicted classes)`, [rows, rows], [rows, cols]);
  }
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < cols; j++) {
      const v = matrix[i][j];
      if (!Number.isFinite(v) || v < 0) throw new ArgumentError(`${FN}: matrix[${i}][${j}] must be a count ≥ 0, got ${describe(v)}`);
    }
  }
  if (opts.classNames !== undefined) {
    checkStringArray(FN, 'options.classNames', opts.classNames, rows);
    if (new Set(opts.classNames).size !== rows) {
      throw new ArgumentError(`${FN}: options.classNames must be distinct (they label the axes), got ${JSON.stringify(opts.classNames)}`);
    }
  }
  checkOptionalBoolean(FN, 'options.normalize', opts.normalize);
  const normalize = opts.normalize ?? false;
  const names = opts.classNames ?? Array.from({ length: rows }, (_, k) => String(k));

  const counts = Array.from({ length: rows }, (_, i) => Array.from(matrix[i]));
  const rowSums = counts.map((r) => r.reduce((s, v) => s + v, 0));
  const z: (number | null)[][] = counts.map((r, i) => r.map((v) => (normalize ? (rowSums[i] > 0 ? v / rowSums[i] : null) : v)));
  const zmax = normalize ? 1 : counts.reduce((m, r) => r.reduce((a, v) => Math.max(a, v), m), 1); // no spread: k² counts
  const integerCounts = counts.every((r) => r.every((v) => Number.isInteger(v)));
  const fmtCount = (v: number): string => (integerCounts ? String(v) : v.toPrecision(3));

  const annotations: Record<string, unknown>[] = [];
  const text: string[][] = [];
  for (let i = 0; i < rows; i++) {
    const tRow: string[] = [];
    for (let j = 0; j < cols; j++) {
      const share = z[i][j];
      const label = normalize ? (share === null ? '–' : `${(share * 100).toFixed(share === 0 || share === 1 ? 0 : 1)}%`) : fmtCount(counts[i][j]);
      tRow.push(fmtCount(counts[i][j]));
      const intensity = share === null ? 0 : share / zmax;
      annotations.push({
        x: names[j],
        y: names[i],
        xref: 'x',
        yref: 'y',
        text: i === j ? `<b>${label}</b>` : label,
        showarrow: false,
        font: { size: rows > 10 ? 11 : 16, color: intensity > 0.55 ? 'white' : '#222222' },
      });
    }
    text.push(tRow);
  }

  const valueLine = normalize ? `share of true class = %{z:.1%}<br>count = %{text}` : 'count = %{text}';
  const size = Math.min(720, Math.max(360, 110 + rows * 60));
  return {
    data: [
      {
        type: 'heatmap',
        name: 'confusion matrix',
        x: names,
        y: names,
        z,
        text,
        zmin: 0,
        zmax,
        colorscale: COLORSCALE,
        xgap: 2,
        ygap: 2,
        colorbar: { title: { text: normalize ? 'share' : 'count', side: 'right' }, thickness: 16, ...(normalize ? { tickformat: '.0%' } : {}) },
        hovertemplate: `true class: %{y}<br>predicted: %{x}<br>${valueLine}<extra></extra>`,
      },
    ],
    layout: baseLayout(
      { ...opts, title: opts.title ?? (normalize ? 'Confusion matrix (share of each true class)' : 'Confusion matrix') },
      {
        xaxis: axis('predicted class', { type: 'category', side: 'bottom', showgrid: false, ticks: '', constrain: 'domain' }),
        yaxis: axis('true class', { type: 'category', autorange: 'reversed', showgrid: false, ticks: '', scaleanchor: 'x', scaleratio: 1, constrain: 'domain' }),
        annotations,
        height: opts.height ?? size,
        width: opts.width ?? size + 120,
      },
    ),
    config: defaultConfig(),
  };
}
