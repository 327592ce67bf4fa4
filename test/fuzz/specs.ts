/**
 * What the fuzz suite calls: one entry per exported function, class (constructor and methods) and constant of
 * lib/index.ts, grouped by the lib file it lives in. `fuzz.test.ts` fails when an export has no entry here.
 */
import fc from 'fast-check';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as nn from '../../lib/index';
import { type Entry, anyDouble, hostile, labels, matrix, maybe, rows, size, small } from './harness';

const m = (f: () => unknown) => f;
void m;
const tuple = (...a: fc.Arbitrary<unknown>[]) => fc.tuple(...a) as fc.Arbitrary<unknown[]>;
const none = fc.constant([] as unknown[]);
const str = fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom('mse', 'tanh', 'relu', 'adam', 'x', 'accuracy'));
const seed = fc.integer({ min: 0, max: 1000 });
/** A constant export: it must exist and stay what it is (frozen objects stay frozen, numbers finite). */
function constant(name: string, check: (v: any) => boolean): Entry {
  return { name, covers: [name], args: none, call: () => (nn as Record<string, unknown>)[name], anyResult: true, runs: 1, check: (v) => check(v) };
}
const isFiniteNumber = (v: unknown) => typeof v === 'number' && Number.isFinite(v);
const isString = (v: unknown) => typeof v === 'string' && v.length > 0;
const net = (s: number) => nn.Network.create({ inputSize: 2, layers: [{ units: 3, activation: 'tanh' }, { units: 1, activation: 'sigmoid' }], seed: s });
const netArb = seed.map(net);
const softNet = seed.map((s) => nn.Network.create({ inputSize: 2, layers: [{ units: 3, activation: 'relu' }, { units: 3, activation: 'softmax' }], seed: s }));
const X2 = rows(size, fc.constant(2));
const T1 = (n: number) => fc.array(fc.array(fc.constantFrom(0, 1), { minLength: 1, maxLength: 1 }), { minLength: n, maxLength: n });
const dataArb = fc.integer({ min: 1, max: 8 }).chain((n) => fc.tuple(rows(fc.constant(n), fc.constant(2)), T1(n)));
const activationNamesArb = fc.constantFrom('identity', 'sigmoid', 'tanh', 'relu', 'leaky-relu');
const naiveMatmul = (A: nn.Matrix, B: nn.Matrix) => Array.from({ length: A.rows }, (_, i) =>
  Array.from({ length: B.cols }, (_, j) => { let s = 0; for (let k = 0; k < A.cols; k++) s += A.data[i * A.cols + k] * B.data[k * B.cols + j]; return s; }));
const close = (a: number[][], b: number[][]) => a.length === b.length && a.every((r, i) => r.every((v, j) => Math.abs(v - b[i][j]) <= 1e-9 * Math.max(1, Math.abs(b[i][j]))));
const tmp = mkdtempSync(join(tmpdir(), 'fuzz-'));
const csvFile = join(tmp, 'a.csv');
writeFileSync(csvFile, 'x,y,label\n1,2,a\n3,4,b\n5,6,a\n');
const table = nn.parseCsv('x,y,label\n1,2,a\n3,4,b\n5,6,a\n');
const figureArb = fc.constantFrom(nn.lineFigure({ x: [1, 2], y: [3, 4] }), { data: [], layout: {} });

export const MODULES: Array<{ module: string; entries: Entry[] }> = [
  {
    module: 'errors',
    entries: [
      { name: 'ArgumentError', covers: ['ArgumentError'], args: tuple(maybe(str)), call: (msg) => new nn.ArgumentError(msg as string), anyResult: true, check: (e) => e instanceof Error },
      { name: 'ShapeError', covers: ['ShapeError'], args: tuple(maybe(str)), call: (msg) => new nn.ShapeError(msg as string), anyResult: true, check: (e) => e instanceof Error },
      ...(['checkInRange', 'checkInteger', 'checkNonNegative', 'checkNumber', 'checkPositive', 'checkNumberArray'] as const).map((f): Entry => ({
        name: 'f', covers: [f], args: tuple(maybe(fc.oneof(anyDouble, fc.array(small, { maxLength: 4 })))),
        call: (v) => (f === 'checkInRange' ? nn.checkInRange('f', 'a', v, 0, 1) : (nn[f] as (a: string, b: string, c: unknown) => void)('f', 'a', v)),
      })),
      { name: 'f', covers: ['checkFiniteData'], args: tuple(maybe(fc.array(anyDouble, { maxLength: 6 })), maybe(size)), call: (d, c) => nn.checkFiniteData('f', 'a', d as number[], c as number) },
      { name: 'f', covers: ['checkOptionNames'], args: tuple(maybe(fc.dictionary(fc.constantFrom('a', 'b', 'bb', 'c'), small))), call: (o) => nn.checkOptionNames('f', 'options', o, ['a', 'b']) },
      { name: 'describe', covers: ['describe'], args: tuple(hostile), call: (v) => nn.describe(v), anyResult: true, check: (s) => typeof s === 'string' && s.length <= 120 },
      { name: 'formatShape', covers: ['formatShape'], args: tuple(maybe(fc.array(fc.oneof(size, fc.constant(null)), { maxLength: 3 }))), call: (s) => nn.formatShape(s as number[]), anyResult: true, check: (s) => typeof s === 'string' && s.length <= 200 },
      { name: 'studentStack', covers: ['studentStack'], args: tuple(maybe(fc.oneof(str, fc.constant('E: m\n    at f (/x/dist/a.js:1:1)\n    at evalmachine.<anonymous>:2:3'))), maybe(fc.oneof(str, fc.constant('E: m')))),
        call: (st, h) => nn.studentStack(st as string, h as string), anyResult: true, check: (r) => typeof r === 'string' },
      { name: 'useStudentStack', covers: ['useStudentStack'], args: tuple(maybe(fc.constant(new Error('m')))), call: (e) => nn.useStudentStack(e as Error), anyResult: true, mutates: [0] },
      { name: 'suggestName', covers: ['suggestName'], args: tuple(maybe(str), maybe(fc.array(str, { maxLength: 4 }))), call: (g, v) => nn.suggestName(g as string, v as string[]), check: (r) => r === undefined || typeof r === 'string' },
    ],
  },
  {
    module: 'limits',
    entries: [
      { name: 'getLimits', covers: ['getLimits', 'DEFAULT_LIMITS'], args: none, call: () => nn.getLimits(), check: (l) => Object.isFrozen(nn.DEFAULT_LIMITS) && Object.keys(l).join() === Object.keys(nn.DEFAULT_LIMITS).join() },
      { name: 'setLimits', covers: ['setLimits'], args: tuple(maybe(fc.record({ maxElements: fc.integer({ min: 1, max: 1e9 }) }))), call: (c) => nn.setLimits(c as never), global: true },
      { name: 'f', covers: ['checkElements', 'LimitError'], args: tuple(maybe(fc.integer({ min: 0, max: 1e8 }))), call: (n) => nn.checkElements('f', 'it', n as number) },
      { name: 'plainRowsCost', covers: ['plainRowsCost'], args: tuple(maybe(size), maybe(size)), call: (r, c) => nn.plainRowsCost(r as number, c as number) },
    ],
  },
  {
    module: 'random',
    entries: [
      { name: 'Random', covers: ['Random'], args: tuple(maybe(seed)), call: (s) => new nn.Random(s as number).uniform(), check: (u) => u >= 0 && u < 1 },
      { name: 'Random.uniform', args: tuple(maybe(small), maybe(small)), covers: [], call: (a, b) => new nn.Random(1).uniform(a as number, b as number) },
      { name: 'Random.normal', args: tuple(maybe(small), maybe(fc.double({ min: 0, max: 5, noNaN: true }))), covers: [], call: (a, b) => new nn.Random(1).normal(a as number, b as number) },
      { name: 'Random.int', args: tuple(maybe(size)), covers: [], call: (n) => new nn.Random(1).int(n as number), check: (v, [n]) => Number.isInteger(v) && v >= 0 && v < n },
      { name: 'Random.permutation', args: tuple(maybe(size)), covers: [], call: (n) => new nn.Random(1).permutation(n as number), check: (p, [n]) => [...p].sort((a, b) => a - b).every((v: number, i: number) => v === i) && p.length === n },
      { name: 'Random.shuffle', args: tuple(maybe(fc.array(small, { maxLength: 6 }))), covers: [], call: (a) => new nn.Random(1).shuffle(a as number[]), mutates: [0], nanPropagates: true },
      { name: 'toRandom', covers: ['toRandom'], args: tuple(maybe(seed), maybe(seed)), call: (s, f) => nn.toRandom(s as number, f as number).uniform(), names: ['toRandom', 'Random'] },
    ],
  },
  {
    module: 'matrix',
    entries: [
      { name: 'Matrix', covers: ['Matrix'], args: tuple(maybe(size), maybe(size), maybe(fc.array(small, { maxLength: 12 }))), call: (r, c, d) => new nn.Matrix(r as number, c as number, d as number[]), nanPropagates: true },
      { name: 'Matrix.from', covers: [], args: tuple(maybe(rows(size, size))), call: (x) => nn.Matrix.from(x as number[][]), nanPropagates: true },
      { name: 'Matrix.filled', covers: [], args: tuple(maybe(size), maybe(size), maybe(small)), call: (r, c, v) => nn.Matrix.filled(r as number, c as number, v as number), names: ['Matrix'], nanPropagates: true },
      { name: 'Matrix.zeros', covers: [], args: tuple(maybe(size), maybe(size)), call: (r, c) => nn.Matrix.zeros(r as number, c as number), names: ['Matrix'] },
      { name: 'Matrix.identity', covers: [], args: tuple(maybe(size)), call: (n) => nn.Matrix.identity(n as number), names: ['Matrix'] },
      { name: 'Matrix.rowVector', covers: [], args: tuple(maybe(fc.array(small, { maxLength: 5 }))), call: (v) => nn.Matrix.rowVector(v as number[]), names: ['Matrix'], nanPropagates: true },
      { name: 'Matrix.get', covers: [], args: tuple(matrix(), maybe(fc.integer({ min: -1, max: 7 })), maybe(fc.integer({ min: -1, max: 7 }))), call: (M, i, j) => (M as nn.Matrix).get(i as number, j as number), check: (v, [M, i, j]) => v === M.data[i * M.cols + j] },
      { name: 'Matrix.set', covers: [], args: tuple(matrix(), maybe(fc.integer({ min: -1, max: 7 })), maybe(fc.integer({ min: -1, max: 7 })), maybe(small)), call: (M, i, j, v) => (M as nn.Matrix).set(i as number, j as number, v as number), mutates: [0] },
      { name: 'Matrix.row', covers: [], args: tuple(matrix(), maybe(fc.integer({ min: -1, max: 7 }))), call: (M, i) => (M as nn.Matrix).row(i as number) },
      { name: 'Matrix.col', covers: [], args: tuple(matrix(), maybe(fc.integer({ min: -1, max: 7 }))), call: (M, j) => (M as nn.Matrix).col(j as number) },
      { name: 'Matrix.selectRows', covers: [], args: tuple(matrix(), maybe(fc.array(fc.integer({ min: -1, max: 7 }), { maxLength: 5 }))), call: (M, idx) => (M as nn.Matrix).selectRows(idx as number[]), names: ['Matrix'] },
      { name: 'Matrix.toString', covers: [], args: tuple(matrix(), maybe(fc.integer({ min: 0, max: 8 }))), call: (M, d) => (M as nn.Matrix).toString(d as number), anyResult: true },
      { name: 'Matrix.transpose', covers: [], args: tuple(matrix()), call: (M) => (M as nn.Matrix).transpose().transpose().toArray(), check: (r, [M]) => close(r, M.toArray()) },
      { name: 'matmul', covers: ['matmul'], args: tuple(maybe(matrix()), maybe(matrix())), call: (A, B) => nn.matmul(A as nn.Matrix, B as nn.Matrix), nanPropagates: true, check: (C, [A, B]) => close(C.toArray(), naiveMatmul(A, B)) },
      { name: 'matmulTransA', covers: ['matmulTransA'], args: tuple(maybe(matrix()), maybe(matrix())), call: (A, B) => nn.matmulTransA(A as nn.Matrix, B as nn.Matrix), nanPropagates: true, check: (C, [A, B]) => close(C.toArray(), naiveMatmul(A.transpose(), B)) },
      { name: 'matmulTransB', covers: ['matmulTransB'], args: tuple(maybe(matrix()), maybe(matrix())), call: (A, B) => nn.matmulTransB(A as nn.Matrix, B as nn.Matrix), nanPropagates: true, check: (C, [A, B]) => close(C.toArray(), naiveMatmul(A, B.transpose())) },
      ...(['add', 'subtract', 'hadamard', 'maxAbsDiff'] as const).map((f): Entry => ({ name: f, covers: [f], args: tuple(maybe(matrix(fc.constant(2), fc.constant(2))), maybe(matrix(fc.constant(2), fc.constant(2)))), call: (A, B) => (nn[f] as (a: unknown, b: unknown) => unknown)(A, B), nanPropagates: true })),
      { name: 'addRowVector', covers: ['addRowVector'], args: tuple(maybe(matrix(size, fc.constant(2))), maybe(fc.array(small, { minLength: 2, maxLength: 2 }))), call: (A, b) => nn.addRowVector((A as nn.Matrix)?.clone?.() ?? A as nn.Matrix, b as never), nanPropagates: true },
      { name: 'scale', covers: ['scale'], args: tuple(maybe(matrix()), maybe(small)), call: (A, k) => nn.scale(A as nn.Matrix, k as number), nanPropagates: true },
      { name: 'map', covers: ['map'], args: tuple(maybe(matrix()), maybe(fc.constant((v: number) => 2 * v))), call: (A, f) => nn.map(A as nn.Matrix, f as (v: number) => number), nanPropagates: true },
      { name: 'sumRows', covers: ['sumRows'], args: tuple(maybe(matrix())), call: (A) => nn.sumRows(A as nn.Matrix), nanPropagates: true },
      { name: 'f', covers: ['toMatrix'], args: tuple(maybe(rows(size, size))), call: (x) => nn.toMatrix(x as number[][], 'x', 'f'), nanPropagates: true },
    ],
  },
  {
    module: 'matmul-kernels',
    entries: [
      ...(['gemmNN', 'gemmNT', 'gemmTN', 'gemmNNReference', 'gemmNTReference', 'gemmTNReference'] as const).map((f): Entry => ({
        name: f, covers: [f],
        args: tuple(maybe(fc.integer({ min: 0, max: 4 })), maybe(fc.integer({ min: 0, max: 4 })), maybe(fc.integer({ min: 0, max: 4 })), maybe(fc.constant(new Float64Array(16).fill(1))), maybe(fc.constant(new Float64Array(16).fill(2)))),
        call: (mm, n, k, A, B) => { const C = new Float64Array(16); (nn[f] as (...a: unknown[]) => void)(mm, n, k, A, B, C); return C; },
        check: (C, [mm, n, k]) => Array.from(C as Float64Array).slice(0, mm * n).every((v) => v === 2 * k),
      })),
      { name: 'getMatmulThreads', covers: ['getMatmulThreads', 'matmulBackend', 'matmulHelperReady'], args: none, call: () => [nn.getMatmulThreads(), nn.matmulBackend(), nn.matmulHelperReady()], anyResult: true },
      { name: 'setMatmulThreads', covers: ['setMatmulThreads'], args: tuple(maybe(fc.constantFrom(1, 2))), call: (c) => nn.setMatmulThreads(c as number), global: true },
      { name: 'setMatmulBackend', covers: ['setMatmulBackend'], args: tuple(maybe(fc.constantFrom('js', 'wasm-simd'))), call: (b) => { const was = nn.matmulBackend(); try { nn.setMatmulBackend(b as never); } finally { nn.setMatmulBackend(was); } }, global: true },
      { name: 'failNextHelperJobForTest', covers: ['failNextHelperJobForTest'], args: none, call: () => nn.failNextHelperJobForTest(), runs: 1 },
      constant('PARALLEL_MIN_FLOPS', isFiniteNumber), constant('WASM_MIN_FLOPS', isFiniteNumber), constant('SIMD_TANH_MIN_LENGTH', isFiniteNumber),
    ],
  },
  {
    module: 'init',
    entries: [
      { name: 'initWeights', covers: ['initWeights', 'INIT_NAMES'], args: tuple(maybe(fc.constantFrom(...nn.INIT_NAMES)), maybe(size), maybe(size), maybe(fc.constant(new nn.Random(1)))), call: (k, a, b, r) => nn.initWeights(k as never, a as number, b as number, r as nn.Random), mutates: [3] },
      { name: 'defaultInitFor', covers: ['defaultInitFor'], args: tuple(maybe(str)), call: (n) => nn.defaultInitFor(n as string) },
    ],
  },
  {
    module: 'activations',
    entries: [
      ...(['identity', 'sigmoid', 'tanh', 'relu'] as const).flatMap((a): Entry[] => [
        { name: `${a}.output`, covers: [a], args: tuple(maybe(small)), call: (z) => nn[a].output(z as number), names: [a, nn[a].name, nn[a].label], nanPropagates: true },
        { name: `${a}.derivative`, covers: [], args: tuple(maybe(small)), call: (z) => nn[a].derivative(z as number), names: [a, nn[a].name, nn[a].label], nanPropagates: true },
        { name: `${a}.forward`, covers: [], args: tuple(maybe(matrix(fc.constant(2), fc.constant(2))), maybe(matrix(fc.constant(2), fc.constant(2)))), call: (Z, A) => nn[a].forward(Z as nn.Matrix, A as nn.Matrix), mutates: [1], names: [a, nn[a].name, nn[a].label], nanPropagates: true },
      ]),
      { name: 'softmax.forward', covers: ['softmax'], args: tuple(maybe(matrix(fc.constant(2), fc.constant(3))), maybe(matrix(fc.constant(2), fc.constant(3)))), call: (Z, A) => nn.softmax.forward(Z as nn.Matrix, A as nn.Matrix), mutates: [1], names: ['softmax'], nanPropagates: true },
      { name: 'softmaxRow', covers: ['softmaxRow'], args: tuple(maybe(fc.array(small, { minLength: 1, maxLength: 5 }))), call: (z) => nn.softmaxRow(z as number[]), nanPropagates: true, check: (p) => Math.abs(p.reduce((a: number, b: number) => a + b, 0) - 1) < 1e-12 },
      { name: 'softmaxJvp', covers: ['softmaxJvp'], args: tuple(maybe(fc.array(small, { minLength: 3, maxLength: 3 })), maybe(fc.array(small, { minLength: 3, maxLength: 3 }))), call: (a, v) => nn.softmaxJvp(a as number[], v as number[]), nanPropagates: true },
      { name: 'sigmoidValue', covers: ['sigmoidValue', 'sigmoidOf'], args: tuple(maybe(fc.double({ noNaN: true }))), call: (z) => nn.sigmoidValue(z as number), nanPropagates: true, check: (p) => p >= 0 && p <= 1 },
      { name: 'leakyRelu', covers: ['leakyRelu'], args: tuple(maybe(fc.double({ min: 0, max: 1, noNaN: true }))), call: (a) => nn.leakyRelu(a as number).output(-1), check: (v, [a]) => v === -a || Object.is(v, -a) },
      { name: 'elementwise', covers: ['elementwise'], args: tuple(maybe(fc.constant({ name: 'double', label: 'Double', output: (z: number) => 2 * z, derivative: () => 2, latex: '', latexDerivative: '', expression: '2 * x', range: '', pros: [], cons: [] }))), call: (s) => nn.elementwise(s as never).output(3), check: (v) => v === 6 },
      { name: 'activationFromFormula', covers: ['activationFromFormula', 'FORMULA_FUNCTIONS', 'FORMULA_GRAMMAR'], runs: 60,
        args: tuple(maybe(fc.oneof(fc.constantFrom('x / (1 + exp(-x))', 'x > 0 ? x : exp(x) - 1', 'tanh(x) ^ 2', 'max(x, 0.1 * x)', 'createUnit("a")', 'x +* 2', '1 < x < 2'), fc.string({ maxLength: 20 }), fc.array(fc.constantFrom('x', '+', '*', 'sin(', ')', '(', '2', '^', 'exp(', '-'), { maxLength: 30 }).map((p) => p.join('')))), maybe(fc.record({ name: fc.constantFrom('a', 'tanh', 'swish') }, { requiredKeys: [] }))),
        call: (f, o) => { const a = nn.activationFromFormula(f as string, o as never); return [a.output(0.3), a.latex.length, a.latexDerivative.length]; }, anyResult: true },
      { name: 'derivativeOfFormula', covers: ['derivativeOfFormula'], args: tuple(maybe(fc.constantFrom('x ^ 3', 'sin(x) * x', 'x'))), call: (f) => nn.derivativeOfFormula(f as string), anyResult: true },
      { name: 'parseFormula', covers: ['parseFormula', 'differentiate', 'formulaToString', 'formulaToTex'], args: tuple(maybe(fc.constantFrom('x ^ 3', 'exp(-x) / 2', 'x > 1 ? x : 1'))),
        call: (f) => { const n = nn.parseFormula(f as string); return [nn.formulaToString(nn.differentiate(n)), nn.formulaToTex(n)]; }, anyResult: true },
      { name: 'differentiate', covers: [], args: tuple(hostile), call: (n) => nn.differentiate(n as never), names: ['differentiate'] },
      { name: 'formulaToString', covers: [], args: tuple(hostile), call: (n) => nn.formulaToString(n as never), names: ['formulaToString'] },
      { name: 'getActivation', covers: ['getActivation', 'activationNames', 'isActivation'], args: tuple(maybe(activationNamesArb), maybe(fc.record({ alpha: fc.double({ min: 0, max: 1, noNaN: true }) }))), call: (n, o) => [nn.getActivation(n as string, o as never).output(-2), nn.isActivation(n), nn.activationNames().length], names: ['getActivation', 'leakyRelu'] },
    ],
  },
  {
    module: 'losses',
    entries: [
      ...(['mse', 'binaryCrossEntropy', 'sigmoidBinaryCrossEntropy', 'softmaxCrossEntropy'] as const).flatMap((l): Entry[] => [
        { name: `${l}.value`, covers: [l], args: tuple(maybe(matrix(fc.constant(2), fc.constant(2), fc.double({ min: 0.01, max: 0.99, noNaN: true }))), maybe(fc.constantFrom(nn.Matrix.from([[1, 0], [0, 1]]), nn.Matrix.from([[0.5, 0.5], [1, 0]])))), call: (Y, T) => nn[l].value(Y as nn.Matrix, T as nn.Matrix), nanPropagates: true },
        { name: `${l}.gradient`, covers: [], args: tuple(maybe(matrix(fc.constant(2), fc.constant(2), fc.double({ min: 0.01, max: 0.99, noNaN: true }))), maybe(fc.constantFrom(nn.Matrix.from([[1, 0], [0, 1]]), nn.Matrix.from([[2, 0], [0, 1]])))), call: (Y, T) => nn[l].gradient(Y as nn.Matrix, T as nn.Matrix), nanPropagates: true },
      ]),
      { name: 'meanSquaredError', covers: ['meanSquaredError'], args: tuple(maybe(fc.array(small, { minLength: 1, maxLength: 4 })), maybe(fc.array(small, { minLength: 1, maxLength: 4 }))), call: (p, a) => nn.meanSquaredError(p as number[], a as number[]), nanPropagates: true },
      { name: 'getLoss', covers: ['getLoss', 'isLoss', 'lossNames', 'PROBABILITY_EPSILON'], args: tuple(maybe(fc.constantFrom(...nn.lossNames()))), call: (n) => [nn.getLoss(n as string).name, nn.isLoss(n), nn.PROBABILITY_EPSILON] },
    ],
  },
  {
    module: 'network',
    entries: [
      { name: 'Neuron', covers: ['Neuron'], args: tuple(maybe(fc.record({ weights: fc.array(small, { minLength: 2, maxLength: 2 }), bias: small, activation: activationNamesArb })), maybe(fc.array(small, { minLength: 2, maxLength: 2 }))), call: (s, x) => new nn.Neuron(s as never).output(x as number[]), names: ['Neuron', 'getActivation'] },
      { name: 'Dense', covers: ['Dense'], args: tuple(maybe(size), maybe(size), maybe(fc.constant(nn.tanh)), maybe(fc.constant(new Float64Array(4)))), call: (i, u, a, w) => new nn.Dense(i as number, u as number, a as nn.Activation, w as Float64Array).units },
      { name: 'BatchBuffers', covers: ['BatchBuffers'], args: tuple(maybe(netArb), maybe(size)), call: (n, b) => new nn.BatchBuffers(n as nn.Network, b as number).batchSize },
      { name: 'Network.create', covers: ['Network'], runs: 60, args: tuple(maybe(fc.record({ inputSize: maybe(size), layers: maybe(fc.array(fc.record({ units: maybe(size), activation: maybe(activationNamesArb) }), { minLength: 1, maxLength: 3 })), seed: maybe(seed) }, { requiredKeys: ['inputSize', 'layers'] }))),
        call: (s) => nn.Network.create(s as never).predict([Array.from({ length: (s as { inputSize: number }).inputSize }, () => 0.5)]), names: ['Network.create', 'Network.forward', 'Random'] },
      { name: 'Network.fromWeights', covers: [], args: tuple(maybe(fc.record({ layers: maybe(fc.array(fc.record({ weights: maybe(rows(fc.constant(2), fc.constant(2))), biases: maybe(fc.array(small, { minLength: 2, maxLength: 2 })), activation: maybe(activationNamesArb) }), { minLength: 1, maxLength: 2 })) }))), call: (s) => nn.Network.fromWeights(s as never).summary(), names: ['Network', 'getActivation'] },
      { name: 'Network.forward', covers: [], args: tuple(netArb, maybe(X2)), call: (n, x) => (n as nn.Network).forward(x as number[][]), mutates: [0] },
      { name: 'Network.evaluate', covers: [], args: tuple(netArb, dataArb, maybe(fc.constantFrom('mse', 'binary-cross-entropy'))), call: (n, [x, t], l) => (n as nn.Network).evaluate(x, t, l as string), mutates: [0], names: ['Network', 'binaryCrossEntropy', 'sigmoidBinaryCrossEntropy', 'mse', 'getLoss'] },
      { name: 'Network.computeGradients', covers: [], args: tuple(netArb, maybe(X2), maybe(fc.array(fc.array(fc.constantFrom(0, 1, 2), { minLength: 1, maxLength: 1 }), { minLength: 1, maxLength: 3 }))), call: (n, x, t) => (n as nn.Network).computeGradients(x as number[][], t as number[][], 'binary-cross-entropy'), mutates: [0], names: ['Network', 'sigmoidBinaryCrossEntropy'] },
      { name: 'Network.setParameters', covers: [], args: tuple(netArb, hostile), call: (n, p) => (n as nn.Network).setParameters(p as never), mutates: [0] },
      { name: 'Network.backward', covers: [], args: tuple(netArb, hostile), call: (n, g) => { (n as nn.Network).forward([[1, 2]]); (n as nn.Network).backward(g as nn.Matrix); }, mutates: [0], names: ['Network', 'Dense'] },
      { name: 'Network.trace', covers: [], args: tuple(netArb), call: (n) => (n as nn.Network).trace() },
      { name: 'loadNetwork', covers: ['loadNetwork', 'networkFromJson', 'saveNetwork'], runs: 60,
        args: tuple(fc.oneof(netArb.map((n) => nn.saveNetwork(n)), netArb.map((n) => { const j = n.toJSON() as unknown as { layers: Record<string, unknown>[] }; j.layers[0].weights = [[NaN, 1, 2], [1, 2, 3]]; return j; }), fc.constantFrom('{"format":"fcnn-network","version":1,"layers":[{"activation":"relu","formula":"x^2","weights":[[1]],"biases":[0]}]}', '{"format":"fcnn-network","version":1,"layers":[{"activation":"leaky-relu","alpha":"abc","weights":[[1]],"biases":[0]}]}', '[' .repeat(5000) + ']'.repeat(5000), '{"__proto__":{}}'), hostile)),
        call: (j) => nn.saveNetwork(nn.networkFromJson(j as string)).length },
      { name: 'saveNetwork', covers: [], args: tuple(hostile), call: (n) => nn.saveNetwork(n as nn.Network) },
    ],
  },
  {
    module: 'optimizers',
    entries: [
      ...(['sgd', 'momentum', 'rmsprop', 'adam'] as const).map((o): Entry => ({ name: o, covers: [o], args: tuple(maybe(fc.record({ learningRate: maybe(fc.double({ min: 1e-4, max: 1, noNaN: true })) }, { requiredKeys: [] }))), call: (opts) => { const opt = nn[o](opts as never); const p = { name: 'p', value: new Float64Array([1, 2]), grad: new Float64Array([0.5, -0.5]) }; opt.step([p]); return Array.from(p.value); } })),
      { name: 'getOptimizer', covers: ['getOptimizer', 'isOptimizer', 'optimizerNames'], args: tuple(maybe(fc.constantFrom(...nn.optimizerNames())), maybe(fc.record({ learningRate: fc.double({ min: 1e-4, max: 1, noNaN: true }) }))), call: (n, o) => [nn.getOptimizer(n as string, o as never).name, nn.isOptimizer(n)], names: ['getOptimizer', 'sgd', 'momentum', 'rmsprop', 'adam'] },
    ],
  },
  {
    module: 'train',
    entries: [
      { name: 'train', covers: ['train', 'TrainingError', 'TRAIN_OPTIONS', 'SATURATION_WEIGHT'], runs: 60,
        args: tuple(netArb, dataArb, maybe(fc.record({ epochs: maybe(fc.integer({ min: 1, max: 3 })), batchSize: maybe(fc.integer({ min: 1, max: 4 })), learningRate: maybe(fc.constantFrom(0.1, 1e300)), loss: maybe(fc.constantFrom('mse', 'bce', 'softmax-cross-entropy')), metrics: maybe(fc.constant(['accuracy'])), batchsize: fc.constant(1) }, { requiredKeys: ['epochs'] }))),
        call: (n, [x, y], o) => nn.train(n as nn.Network, { x, y, ...(o as object), warnings: false } as never).loss, mutates: [0],
        names: ['train', 'Network', 'getLoss', 'getOptimizer', 'sgd', 'sigmoidBinaryCrossEntropy'] },
      { name: 'detectConvergence', covers: ['detectConvergence', 'ConvergenceDetector'], args: tuple(maybe(fc.array(fc.double({ min: 0, max: 5, noNaN: true }), { maxLength: 30 })), maybe(fc.record({ patience: maybe(size) }, { requiredKeys: [] }))), call: (l, o) => [nn.detectConvergence(l as number[], o as never), new nn.ConvergenceDetector(o as never).update(1)], names: ['detectConvergence', 'ConvergenceDetector'] },
      { name: 'gradientCheck', covers: ['gradientCheck', 'MAX_FULL_CHECK'], args: tuple(netArb, dataArb, maybe(fc.record({ epsilon: maybe(fc.constantFrom(1e-5, 1e-6)), sample: maybe(size) }, { requiredKeys: [] }))), call: (n, [x, t], o) => { const g = nn.gradientCheck(n as nn.Network, x, t, 'mse', o as never); return [g.maxRelativeError, g.maxAbsoluteError]; }, mutates: [0], names: ['gradientCheck', 'Network'], check: ([rel, abs]) => rel < 1e-4 || abs < 1e-8 },
    ],
  },
  {
    module: 'metrics',
    entries: [
      { name: 'accuracy', covers: ['accuracy', 'METRICS'], args: tuple(maybe(fc.oneof(labels, rows(size, fc.constant(3)))), maybe(labels)), call: (p, t) => nn.accuracy(p as number[], t as number[]), check: (a) => a >= 0 && a <= 1 },
      { name: 'confusionMatrix', covers: ['confusionMatrix'], args: tuple(maybe(labels), maybe(labels), maybe(fc.integer({ min: 1, max: 6 }))), call: (p, a, k) => nn.confusionMatrix(p as number[], a as number[], k as number), check: (m, [p]) => m.flat().reduce((s: number, v: number) => s + v, 0) === p.length },
      { name: 'toLabels', covers: ['toLabels', 'argmaxRows'], args: tuple(maybe(fc.oneof(labels, rows(size, fc.constant(3))))), call: (p) => [nn.toLabels(p as number[]), nn.argmaxRows(p as number[])], names: ['toLabels', 'argmaxRows'] },
      ...(['mae', 'rmse', 'r2'] as const).map((f): Entry => ({ name: f, covers: [f], args: tuple(maybe(fc.array(small, { minLength: 1, maxLength: 5 })), maybe(fc.array(small, { minLength: 1, maxLength: 5 }))), call: (p, a) => nn[f](p as number[], a as number[]) })),
    ],
  },
  {
    module: 'exercises-claims',
    entries: [
      { name: 'checkAnswer', covers: ['checkAnswer'], args: tuple(maybe(str), maybe(anyDouble), maybe(anyDouble), maybe(fc.record({ tolerance: maybe(fc.constantFrom(1e-6, 0.1)) }, { requiredKeys: [] }))), call: (l, a, e, o) => nn.checkAnswer(l as string, a, e, o as never), anyResult: true },
      { name: 'checkFunction', covers: ['checkFunction'], args: tuple(str, maybe(fc.constant((x: number) => 2 * x)), maybe(fc.constantFrom((x: number) => 2 * x, (x: number) => x)), maybe(fc.constantFrom([[1], [2]], [], [1, 2]))), call: (l, f, r, c) => nn.checkFunction(l as string, f as never, r as never, c as never), anyResult: true },
      { name: 'checkThat', covers: ['checkThat'], args: tuple(maybe(str), maybe(fc.boolean())), call: (l, c) => nn.checkThat(l as string, c as boolean), anyResult: true },
      { name: 'exercise', covers: ['exercise', 'Exercise', 'ANSWER_KEY'], args: tuple(maybe(fc.oneof(fc.constantFrom('01.1', '02.1', '99.9', ''), str)), maybe(anyDouble)),
        call: (id, a) => { const s = new nn.ExerciseSession(nn.ANSWER_KEY, () => {}); return s.exercise(id as string).check(a); }, anyResult: true, names: ['exercise', 'Exercise', 'ExerciseSession'] },
      { name: 'exerciseProgress', covers: ['exerciseProgress', 'ExerciseSession', 'exerciseSession'], args: tuple(maybe(fc.oneof(fc.constantFrom('01', '08', '99'), str))),
        call: (nb) => new nn.ExerciseSession(nn.ANSWER_KEY, () => {}).progress(nb as string), anyResult: true, names: ['exerciseProgress', 'ExerciseSession'] },
      { name: 'claim', covers: ['claim', 'ClaimError'], args: tuple(maybe(str), maybe(fc.boolean()), maybe(str)), call: (s, h, m) => nn.claim(s as string, h as boolean, m as string), anyResult: true },
    ],
  },
  {
    module: 'language',
    entries: [
      { name: 'setLanguage', covers: ['setLanguage', 'getLanguage', 'translate', 'addMessages', 'untranslatedMessages', 'LANGUAGES'],
        args: tuple(maybe(fc.oneof(fc.constantFrom('en', 'zh', 'fr', ''), str)), maybe(fc.oneof(fc.constant({ 'loss {}': '损失 {}' }), fc.constant(null), fc.constant([1]), fc.dictionary(str, fc.oneof(str, fc.integer())))), maybe(fc.oneof(str, anyDouble))),
        call: (l, table, text) => {
          try {
            nn.setLanguage(l as nn.Language);
            if (table !== undefined) nn.addMessages(table as Record<string, string>);
            return [nn.getLanguage(), nn.translate(text as string), nn.untranslatedMessages().length, nn.LANGUAGES.length];
          } finally {
            nn.setLanguage('en');
          }
        },
        anyResult: true, names: ['setLanguage', 'addMessages'] },
    ],
  },
  {
    module: 'data',
    entries: [
      { name: 'isNumericText', covers: ['isNumericText'], args: tuple(maybe(str)), call: (t) => nn.isNumericText(t as string), names: ['isNumericText'] },
      { name: 'loadCsv', covers: ['loadCsv'], args: tuple(maybe(fc.constantFrom(csvFile, '/dev/zero', '/nonexistent.csv', tmp)), maybe(fc.record({ numeric: maybe(fc.constantFrom('auto', 'all')) }, { requiredKeys: [] }))), call: (p, o) => nn.loadCsv(p as string, o as never).rows.length },
      { name: 'parseCsv', covers: ['parseCsv'], runs: 60, args: tuple(maybe(fc.oneof(fc.constantFrom('a,b\n1,2', 'a,b\n1,1e999', '__proto__,b\n1,2', 'a\n"x', 'a,a\n1,2'), fc.array(fc.constantFrom('a', ',', '\n', '1', '"', 'e9', '-'), { maxLength: 30 }).map((p) => p.join('')))), maybe(fc.record({ numeric: maybe(fc.constantFrom('auto', 'all')) }, { requiredKeys: [] }))), call: (t, o) => nn.parseCsv(t as string, o as never).rows.length },
      { name: 'selectColumns', covers: ['selectColumns', 'column', 'numericColumn', 'stringColumn', 'encodeLabels'], args: tuple(maybe(fc.constant(table)), maybe(fc.constantFrom(['x'], ['x', 'y'], ['label'], ['nope']))),
        call: (t, c) => [nn.selectColumns(t as never, c as string[]), nn.column(t as never, (c as string[])[0]), nn.encodeLabels(nn.stringColumn(t as never, 'label'))], anyResult: true, names: ['selectColumns', 'column', 'encodeLabels', 'stringColumn'] },
      { name: 'numericColumn', covers: [], args: tuple(maybe(fc.constant(table)), maybe(fc.constantFrom('x', 'label', 'nope'))), call: (t, c) => nn.numericColumn(t as never, c as string) },
      { name: 'trainTestSplit', covers: ['trainTestSplit'], args: tuple(maybe(rows(fc.integer({ min: 2, max: 8 }), fc.constant(2))), maybe(labels), maybe(fc.record({ testFraction: maybe(fc.double({ min: 0.1, max: 0.9, noNaN: true })), seed: maybe(seed) }))), call: (x, y, o) => nn.trainTestSplit(x as never, y as never, o as never).train.x.length },
      { name: 'fitStandardizer', covers: ['fitStandardizer'], args: tuple(maybe(rows(fc.integer({ min: 2, max: 6 }), fc.constant(2)))), call: (x) => nn.fitStandardizer(x as number[][]).transform(x as number[][]) },
      { name: 'oneHot', covers: ['oneHot'], args: tuple(maybe(labels), maybe(fc.integer({ min: 1, max: 8 }))), call: (l, k) => nn.oneHot(l as number[], k as number), check: (r) => r.every((row: number[]) => row.reduce((a, b) => a + b, 0) === 1) },
      ...(['xor', 'circles', 'moons', 'spirals', 'blobs'] as const).map((f): Entry => ({ name: f, covers: [f], args: tuple(maybe(fc.integer({ min: 3, max: 40 })), maybe(fc.record({ seed: maybe(seed), noise: maybe(fc.double({ min: 0, max: 1, noNaN: true })) }, { requiredKeys: [] }))), call: (n, o) => (nn[f] as (n: unknown, o: unknown) => nn.ClassificationSet)(n, f === 'blobs' ? { seed: (o as { seed?: number })?.seed } : o), names: [f], check: (d, [n]) => d.x.length === n && d.labels.length === n })),
      { name: 'regressionCurve', covers: ['regressionCurve'], args: tuple(maybe(fc.integer({ min: 1, max: 40 })), maybe(fc.record({ kind: maybe(fc.constantFrom('sine', 'cubic')) }, { requiredKeys: [] }))), call: (n, o) => { const r = nn.regressionCurve(n as number, o as never); return [r.x, r.y]; } },
      { name: 'makeWindows', covers: ['makeWindows'], args: tuple(maybe(rows(fc.integer({ min: 3, max: 10 }), fc.constant(2))), maybe(fc.array(small, { minLength: 10, maxLength: 10 })), maybe(fc.record({ window: maybe(fc.integer({ min: 1, max: 3 })), horizon: maybe(fc.integer({ min: 1, max: 2 })) }))), call: (s, t, o) => nn.makeWindows(s as never, t as never, o as never).x.length, names: ['makeWindows'] },
    ],
  },
  {
    module: 'plots',
    entries: [
      { name: 'lineFigure', covers: ['lineFigure', 'paletteColor', 'PALETTE', 'FONT', 'DEFAULT_CONFIG', 'NEGATIVE_COLOR', 'NEUTRAL_COLOR', 'POSITIVE_COLOR', 'PATH_LIFT'], args: tuple(maybe(fc.record({ x: fc.array(small, { minLength: 2, maxLength: 2 }), y: fc.array(anyDouble, { minLength: 2, maxLength: 2 }) })), maybe(fc.record({ title: str }, { requiredKeys: [] }))), call: (s, o) => [nn.lineFigure(s as never, o as never), nn.paletteColor(1)], anyResult: true },
      { name: 'displayTraces', covers: ['displayTraces'], args: tuple(maybe(fc.array(fc.constantFrom({ type: 'scatter', x: [1, 2], y: [3, 4] }, { type: 'heatmap', z: [[1, 2]] }, { type: 'surface', z: [[1]] }), { maxLength: 3 }))),
        call: (d) => nn.displayTraces(d as never), anyResult: true, check: (r, [d]) => Array.isArray(r) && r.length === d.length },
      constant('PLOTLY_NBEXTENSION_MODULE', isString),
      constant('UNTRUSTED_PLOT_NOTE', (v) => isString(v) && /Trust Notebook/.test(v)),
      constant('PLOTLY_JSON_LIMIT', (v) => isFiniteNumber(v) && v > 0),
      { name: 'activationFigure', covers: ['activationFigure'], args: tuple(maybe(fc.constantFrom(nn.tanh, nn.relu)), maybe(fc.record({ points: maybe(fc.integer({ min: 2, max: 50 })), range: maybe(fc.constant([-2, 2])) }, { requiredKeys: [] }))), call: (a, o) => nn.activationFigure(a as never, o as never), anyResult: true },
      { name: 'lossHistoryFigure', covers: ['lossHistoryFigure'], args: tuple(maybe(fc.record({ loss: fc.array(fc.double({ min: 0, max: 3, noNaN: true }), { minLength: 1, maxLength: 5 }) })), maybe(fc.record({ logY: fc.boolean() }, { requiredKeys: [] }))), call: (h, o) => nn.lossHistoryFigure(h as never, o as never), anyResult: true },
      { name: 'decisionBoundaryFigure', covers: ['decisionBoundaryFigure'], args: tuple(maybe(fc.constant((x: number[][]) => x.map(() => [0.5]))), maybe(fc.constant({ x: [[0, 0], [1, 1]], labels: [0, 1] })), maybe(fc.record({ resolution: maybe(fc.integer({ min: 2, max: 20 })) }, { requiredKeys: [] }))), call: (p, d, o) => nn.decisionBoundaryFigure(p as never, d as never, o as never), anyResult: true },
      { name: 'lossSurfaceFigure', covers: ['lossSurfaceFigure'], args: tuple(maybe(fc.constant((a: number, b: number) => a * a + b * b)), maybe(fc.record({ aRange: fc.constant([-1, 1]), bRange: fc.constant([-1, 1]), resolution: maybe(fc.integer({ min: 2, max: 20 })) }))), call: (f, o) => nn.lossSurfaceFigure(f as never, o as never), anyResult: true },
      { name: 'predictedVsActualFigure', covers: ['predictedVsActualFigure'], args: tuple(maybe(fc.array(small, { minLength: 2, maxLength: 4 })), maybe(fc.array(small, { minLength: 2, maxLength: 4 }))), call: (p, a) => nn.predictedVsActualFigure(p as never, a as never), anyResult: true },
      { name: 'confusionMatrixFigure', covers: ['confusionMatrixFigure'], args: tuple(maybe(fc.constant([[3, 1], [0, 2]]))), call: (c) => nn.confusionMatrixFigure(c as never), anyResult: true },
      { name: 'networkDiagramFigure', covers: ['networkDiagramFigure'], args: tuple(maybe(netArb)), call: (n) => nn.networkDiagramFigure(n as never), anyResult: true },
      { name: 'histogramFigure', covers: ['histogramFigure'], args: tuple(maybe(fc.array(small, { minLength: 1, maxLength: 8 })), maybe(fc.record({ bins: maybe(fc.integer({ min: 1, max: 10 })) }, { requiredKeys: [] }))), call: (s, o) => nn.histogramFigure(s as never, o as never), anyResult: true },
      { name: 'heatmapFigure', covers: ['heatmapFigure'], args: tuple(maybe(rows(size, size))), call: (z) => nn.heatmapFigure(z as never), anyResult: true },
      { name: 'withAnimation', covers: ['withAnimation', 'animationFrames'], args: tuple(maybe(fc.constant({ data: [{ x: [0], y: [0] }], layout: {} })), maybe(fc.array(fc.record({ name: fc.constantFrom('a', 'step 1'), data: fc.constant([{ x: [1] }]), traces: fc.constantFrom([0], [1], [-1]) }), { maxLength: 4 }))), call: (f, fr) => nn.animationFrames(nn.withAnimation(f as never, fr as never)), anyResult: true },
      { name: 'neuronExplorerFigure', covers: ['neuronExplorerFigure'], args: tuple(maybe(fc.constantFrom(nn.sigmoid, nn.tanh)), maybe(fc.record({ wValues: maybe(fc.array(small, { minLength: 1, maxLength: 3 })), bValues: maybe(fc.array(small, { minLength: 1, maxLength: 3 })), points: maybe(fc.integer({ min: 2, max: 20 })) }, { requiredKeys: [] }))), call: (a, o) => nn.neuronExplorerFigure(a as never, o as never), anyResult: true },
      { name: 'activationFamilyFigure', covers: ['activationFamilyFigure'], args: tuple(maybe(fc.constantFrom([nn.sigmoid, nn.relu], [nn.tanh], [])), maybe(fc.record({ points: maybe(fc.integer({ min: 2, max: 30 })), vanishingBelow: maybe(fc.double({ min: 0, max: 1, noNaN: true })) }, { requiredKeys: [] }))), call: (a, o) => nn.activationFamilyFigure(a as never, o as never), anyResult: true },
      { name: 'gradientDescentWalkerFigure', covers: ['gradientDescentWalkerFigure'], args: tuple(maybe(fc.constant((a: number, b: number) => a * a + b * b)), maybe(fc.array(fc.tuple(small, small), { maxLength: 5 })), maybe(fc.record({ aRange: fc.constant([-1, 1]), bRange: fc.constant([-1, 1]), resolution: maybe(fc.integer({ min: 2, max: 10 })), maxFrames: maybe(fc.integer({ min: 0, max: 5 })) }))), call: (f, p, o) => nn.gradientDescentWalkerFigure(f as never, p as never, o as never), anyResult: true },
      { name: 'decisionBoundaryAnimationFigure', covers: ['decisionBoundaryAnimationFigure'], args: tuple(maybe(fc.array(fc.record({ label: fc.constantFrom('epoch 1', 'epoch 2'), predict: fc.constant((x: number[][]) => x.map(() => [0.5])) }), { maxLength: 3 })), maybe(fc.constant({ x: [[0, 0], [1, 1]], labels: [0, 1] })), maybe(fc.record({ resolution: maybe(fc.integer({ min: 2, max: 10 })) }, { requiredKeys: [] }))), call: (s, d, o) => nn.decisionBoundaryAnimationFigure(s as never, d as never, o as never), anyResult: true },
      { name: 'learningRateComparisonFigure', covers: ['learningRateComparisonFigure'], args: tuple(maybe(fc.constant((w: number) => w * w)), maybe(fc.array(fc.record({ label: fc.constantFrom('η = 0.1', 'η = 1.1'), path: fc.array(small, { minLength: 3, maxLength: 3 }) }), { maxLength: 3 })), maybe(fc.record({ wRange: fc.constant([-2, 2]), maxFrames: maybe(fc.integer({ min: 0, max: 5 })) }))), call: (l, r, o) => nn.learningRateComparisonFigure(l as never, r as never, o as never), anyResult: true },
      { name: 'imageGridFigure', covers: ['imageGridFigure'], args: tuple(maybe(fc.constant([[[0, 1], [1, 0]], [[1, 1], [0, 0]]]))), call: (i) => nn.imageGridFigure(i as never), anyResult: true },
      { name: 'barFigure', covers: ['barFigure'], args: tuple(maybe(fc.constant(['a', 'b'])), maybe(fc.array(small, { minLength: 2, maxLength: 2 }))), call: (c, v) => nn.barFigure(c as never, v as never), anyResult: true },
      { name: 'describeFigure', covers: ['describeFigure', 'figureBundle', 'PLOTLY_MIME'], args: tuple(maybe(figureArb)), call: (f) => [nn.describeFigure(f as never), nn.figureBundle(f as never)], anyResult: true, names: ['describeFigure', 'figureBundle'] },
      { name: 'show', covers: ['show', 'showHtml', 'showMarkdown', 'showTable', 'sendDisplay', 'setDisplaySink', 'inKernel', 'loadPlotly', 'newDisplayId', 'plotlyLoaderPending', 'resetPlotlyLoader'], args: tuple(maybe(figureArb)),
        call: (f) => { nn.show(f as never); nn.showHtml('<b>x</b>'); nn.showMarkdown('*x*'); nn.showTable([[1, 'a']]); return [nn.inKernel(), nn.newDisplayId(), nn.plotlyLoaderPending()]; }, anyResult: true, global: true },
      { name: 'showHtml', covers: [], args: tuple(hostile, hostile), call: (h, p) => nn.showHtml(h as string, p as string), anyResult: true },
      { name: 'tableHtml', covers: ['tableHtml', 'tableText', 'formatCell'], args: tuple(maybe(fc.constant([[1, 'a', null, NaN]])), maybe(fc.constant(['a', 'b', 'c', 'd'])), maybe(fc.record({ digits: maybe(fc.integer({ min: 0, max: 6 })) }, { requiredKeys: [] }))), call: (r, c, o) => [nn.tableHtml(r as never, c as never, o as never), nn.tableText(r as never, c as never, o as never), nn.formatCell(1.5)], anyResult: true, names: ['tableHtml', 'tableText'] },
      { name: 'livePlot', covers: ['livePlot', 'LiveLossPlot'], args: tuple(maybe(fc.record({ epochs: maybe(fc.integer({ min: 1, max: 10 })) }, { requiredKeys: [] }))), call: (o) => { const p = nn.livePlot(o as never); p.push({ epoch: 1, loss: 0.5 } as never); p.done(); return true; }, anyResult: true, names: ['livePlot', 'LiveLossPlot'] },
      { name: 'escapeHtml', covers: ['escapeHtml', 'jsonForScript', 'toPlainJson', 'plotDivHtml', 'plotlyAssetPath', 'plotlyLoaderHtml', 'plotlyScriptSource', 'plotlyVersion'], args: tuple(hostile), call: (v) => [nn.escapeHtml(v), nn.plotlyVersion(), nn.plotlyAssetPath().length], anyResult: true },
      { name: 'jsonForScript', covers: [], args: tuple(hostile), call: (v) => nn.jsonForScript(v), anyResult: true },
    ],
  },
];

/** Exports covered by some entry. */
export function coveredExports(): Set<string> {
  return new Set(MODULES.flatMap((m) => m.entries.flatMap((e) => e.covers)));
}
