import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { PATH_LIFT, lossSurfaceFigure } from '../../lib/plots/loss-surface';

type T = Record<string, any>;

const bowl = (a: number, b: number): number => (a - 1) ** 2 + 2 * b * b;
const path: [number, number][] = [[-1, 1], [0, 0.5], [0.8, 0.1]];

describe('lossSurfaceFigure', () => {
  it("draws a contour map by default, with z[j][i] = f(a_i, b_j) on a resolution² grid", () => {
    const fig = lossSurfaceFigure(bowl, { aRange: [-1, 3], bRange: [-2, 2], resolution: 5 });
    assert.deepEqual(fig.data.map((t) => t.type), ['contour']);
    const c = fig.data[0] as T;
    assert.deepEqual(c.x, [-1, 0, 1, 2, 3]);
    assert.deepEqual(c.y, [-2, -1, 0, 1, 2]);
    assert.equal(c.z.length, 5);
    assert.equal(c.z[3][0], bowl(-1, 1));
    assert.equal(c.z[2][2], 0);
  });

  it('draws the path with its start and end marked', () => {
    const fig = lossSurfaceFigure(bowl, { aRange: [-1, 3], bRange: [-2, 2], resolution: 5, path });
    assert.deepEqual(fig.data.map((t) => t.name), ['loss', 'gradient-descent path', 'start', 'end']);
    const [, line, start, end] = fig.data as T[];
    assert.deepEqual(line.x, [-1, 0, 0.8]);
    assert.deepEqual(line.y, [1, 0.5, 0.1]);
    assert.deepEqual([start.x[0], start.y[0]], [-1, 1]);
    assert.deepEqual([end.x[0], end.y[0]], [0.8, 0.1]);
    assert.notEqual(start.marker.symbol, end.marker.symbol);
  });

  it('lays the path on the 3-D surface: z = f(a, b) (lifted by a fixed share of the z range)', () => {
    const fig = lossSurfaceFigure(bowl, { aRange: [-1, 3], bRange: [-2, 2], resolution: 5, kind: 'surface', path });
    assert.deepEqual(fig.data.map((t) => t.type), ['surface', 'scatter3d', 'scatter3d', 'scatter3d']);
    const surface = fig.data[0] as T;
    const zs: number[] = surface.z.flat();
    const lift = PATH_LIFT * (Math.max(...zs) - Math.min(...zs));
    const line = fig.data[1] as T;
    line.z.forEach((z: number, k: number) => assert.ok(Math.abs(z - (bowl(path[k][0], path[k][1]) + lift)) < 1e-12));
    assert.ok(lift > 0 && lift < 0.05 * (Math.max(...zs) - Math.min(...zs)));
  });

  it("puts 'both' side by side: a 3-D scene on the left and the contour map on the right", () => {
    const fig = lossSurfaceFigure(bowl, { aRange: [-1, 3], bRange: [-2, 2], resolution: 5, kind: 'both', path, aLabel: 'w', bLabel: 'b' });
    const types = fig.data.map((t) => t.type);
    assert.equal(types.filter((t) => t === 'surface').length, 1);
    assert.equal(types.filter((t) => t === 'contour').length, 1);
    assert.equal(types.filter((t) => t === 'scatter3d').length, 3);
    assert.equal(types.filter((t) => t === 'scatter').length, 3);
    const l = fig.layout as T;
    assert.ok(l.scene.domain.x[1] <= l.xaxis.domain[0], 'scene must end before the contour axes start');
    assert.equal(l.scene.xaxis.title.text, 'w');
    assert.equal(l.xaxis.title.text, 'w');
    assert.equal(l.yaxis.title.text, 'b');
    // one legend entry per path element, not two
    assert.equal(fig.data.filter((t) => t.name === 'start' && t.showlegend !== false).length, 1);
  });

  it('plots log₁₀ of the loss with logZ, leaving gaps where the loss is not positive', () => {
    const fig = lossSurfaceFigure((a) => 10 ** a, { aRange: [-1, 1], bRange: [0, 1], resolution: 3, logZ: true });
    const c = fig.data[0] as T;
    assert.deepEqual(c.z[0], [-1, 0, 1]);
    assert.match(c.colorbar.title.text, /log₁₀ loss/);
    const withZero = lossSurfaceFigure((a) => a, { aRange: [0, 1], bRange: [0, 1], resolution: 2, logZ: true });
    assert.deepEqual((withZero.data[0] as T).z[0], [null, 0]);
  });

  describe('with bad arguments', () => {
    it('requires aRange and bRange', () => {
      assert.throws(() => lossSurfaceFigure(bowl, undefined as never), /lossSurfaceFigure: options with aRange and bRange are required/);
      assert.throws(() => lossSurfaceFigure(bowl, { aRange: [0, 1] } as never), /lossSurfaceFigure: options.bRange must be a pair \[lo, hi\]/);
    });
    it('rejects an unknown kind', () => {
      assert.throws(
        () => lossSurfaceFigure(bowl, { aRange: [0, 1], bRange: [0, 1], kind: '3d' as never }),
        /lossSurfaceFigure: options.kind must be one of 'contour', 'surface', 'both', got "3d"/,
      );
    });
    it('rejects a path point that is not a pair of finite numbers', () => {
      assert.throws(
        () => lossSurfaceFigure(bowl, { aRange: [0, 1], bRange: [0, 1], path: [[0, 0], [NaN, 1]] }),
        /lossSurfaceFigure: options.path\[1\] must be a point \[a, b\]/,
      );
    });
    it('rejects an f that is never finite', () => {
      assert.throws(() => lossSurfaceFigure(() => NaN, { aRange: [0, 1], bRange: [0, 1] }), /f returned no finite value/);
    });
  });
});
