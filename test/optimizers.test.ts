import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { adam, getOptimizer, momentum, rmsprop, sgd } from '../lib/index';
import type { Parameter } from '../lib/index';

const param = (v: number[], g: number[]): Parameter => ({ name: 'p', value: Float64Array.from(v), grad: Float64Array.from(g) });

describe('sgd', () => {
  it('steps against the gradient: w ← w − η·g', () => {
    const p = param([1, -2], [0.5, -1]);
    sgd({ learningRate: 0.1 }).step([p]);
    assert.deepEqual(Array.from(p.value), [1 - 0.05, -2 + 0.1]);
  });
});

describe('momentum', () => {
  it('accumulates velocity: v ← βv + g, w ← w − ηv', () => {
    const p = param([0], [1]);
    const opt = momentum({ learningRate: 0.1, beta: 0.9 });
    opt.step([p]); // v = 1, w = −0.1
    opt.step([p]); // v = 1.9, w = −0.29
    assert.ok(Math.abs(p.value[0] - -0.29) < 1e-15);
    opt.reset();
    opt.step([p]); // v = 1 again
    assert.ok(Math.abs(p.value[0] - -0.39) < 1e-15);
  });
});

describe('rmsprop', () => {
  it('first step has size η·g/√((1−ρ)g²)', () => {
    const p = param([0], [2]);
    rmsprop({ learningRate: 0.01, rho: 0.9, epsilon: 1e-12 }).step([p]);
    assert.ok(Math.abs(p.value[0] - -0.01 * 2 / Math.sqrt(0.1 * 4)) < 1e-12);
  });
});

describe('adam', () => {
  it('first step moves each parameter by about η (bias correction), whatever the gradient scale', () => {
    const p = param([0, 0], [1000, 0.001]);
    adam({ learningRate: 0.01 }).step([p]);
    assert.ok(Math.abs(p.value[0] - -0.01) < 1e-9);
    assert.ok(Math.abs(p.value[1] - -0.01) < 1e-5);
  });
  it('minimises a quadratic', () => {
    const p = param([5], [0]);
    const opt = adam({ learningRate: 0.1 });
    for (let i = 0; i < 500; i++) {
      p.grad[0] = 2 * (p.value[0] - 3);
      opt.step([p]);
    }
    assert.ok(Math.abs(p.value[0] - 3) < 1e-3, String(p.value[0]));
  });
});

describe('optimizer arguments', () => {
  it('rejects learning rates ≤ 0 or not finite', () => {
    for (const make of [sgd, momentum, rmsprop, adam]) {
      assert.throws(() => make({ learningRate: 0 }), /learningRate must be a finite number > 0, got 0/);
      assert.throws(() => make({ learningRate: -0.1 }), /got -0.1/);
      assert.throws(() => make({ learningRate: NaN }), /got NaN/);
    }
  });
  it('rejects a momentum beta outside [0, 1)', () => {
    assert.throws(() => momentum({ beta: 1.5 }), /momentum: beta must be a number in/);
  });
  it('finds optimizers by name and lists valid names on an unknown one', () => {
    assert.equal(getOptimizer('adam', { learningRate: 0.1 }).learningRate, 0.1);
    assert.throws(() => getOptimizer('nesterov'), /valid names are: sgd, momentum, rmsprop, adam/);
  });
});
