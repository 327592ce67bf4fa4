// Plot builders: pure functions returning Plotly figures as plain JSON (one concept per file).
// The argument checks in ./checks and the layout helpers in ./figure stay internal, except the
// Figure type and the palette, which notebooks may use to build or colour their own figures.
export type { Figure, Trace, BaseFigureOptions } from './figure';
export { PALETTE, POSITIVE_COLOR, NEGATIVE_COLOR, NEUTRAL_COLOR, FONT, DEFAULT_CONFIG, paletteColor } from './figure';
export * from './line';
export * from './activation';
export * from './loss-history';
export * from './decision-boundary';
export * from './loss-surface';
export * from './predicted-vs-actual';
export * from './confusion-matrix';
export * from './network-diagram';
export * from './histogram';
export * from './heatmap';
export * from './image-grid';
export * from './bar';
export * from './show';
export * from './live-plot';
export * from './html';
// Lecture figures: computed in the notebook, animated or switched by sliders in the browser (no kernel needed).
export { withAnimation, animationFrames } from './animation';
export type { AnimationFrame, AnimationOptions } from './animation';
export * from './neuron-explorer';
export * from './activation-family';
export { gradientDescentWalkerFigure } from './gradient-descent-walker';
export type { GradientDescentWalkerOptions } from './gradient-descent-walker';
export * from './decision-boundary-animation';
export * from './learning-rate-comparison';
