/**
 * Auto-checked exercises: `nn.exercise('01.2').check(answer)` against an answer key the notebooks do not show
 * (lib/exercises/key/), `nn.exerciseProgress('01')`, and the comparisons behind them (lib/exercises/check.ts).
 * (This file, not lib/exercises/index.ts, is the entry point, so that an older build's dist/exercises.js is replaced.)
 */
export * from './exercises/check';
export * from './exercises/exercise';
export { ANSWER_KEY } from './exercises/key';
