import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { sampleFigures } from './sample-figures';

/** Every path in `value` whose last key is `title`, with the value found there. */
function titlesIn(value: unknown, path = 'figure'): { path: string; value: unknown }[] {
  if (value === null || typeof value !== 'object') return [];
  const found: { path: string; value: unknown }[] = [];
  for (const [key, child] of Object.entries(value)) {
    const childPath = `${path}.${key}`;
    if (key === 'title') found.push({ path: childPath, value: child });
    found.push(...titlesIn(child, childPath));
  }
  return found;
}

/** Paths of every value JSON cannot carry: functions, undefined, NaN, ±Infinity, typed arrays. */
function nonJsonValues(value: unknown, path = 'figure'): string[] {
  if (typeof value === 'function' || value === undefined) return [path];
  if (typeof value === 'number') return Number.isFinite(value) ? [] : [path];
  if (value === null || typeof value !== 'object') return [];
  if (ArrayBuffer.isView(value)) return [path];
  return Object.entries(value).flatMap(([k, v]) => nonJsonValues(v, `${path}.${k}`));
}

describe('every figure of every builder', () => {
  const figures = sampleFigures();

  it('covers all twelve builders', () => {
    assert.ok(Object.keys(figures).length >= 12);
  });

  for (const [name, fig] of Object.entries(figures)) {
    describe(name, () => {
      it('has titles only as objects with a text string, never as bare strings (Plotly 3+)', () => {
        const titles = titlesIn(fig);
        assert.ok(titles.length > 0, 'expected at least the layout title');
        for (const t of titles) {
          assert.equal(typeof t.value, 'object', `${t.path} is ${JSON.stringify(t.value)}`);
          assert.equal(typeof (t.value as { text?: unknown }).text, 'string', `${t.path}.text must be a string`);
        }
      });

      it('uses no titlefont attribute (removed in Plotly 3)', () => {
        assert.ok(!JSON.stringify(fig).includes('titlefont'));
      });

      it('holds only JSON values: no functions, undefined, NaN or Infinity', () => {
        assert.deepEqual(nonJsonValues(fig), []);
      });

      it('survives a JSON round trip unchanged', () => {
        assert.deepStrictEqual(JSON.parse(JSON.stringify(fig)), fig);
      });

      it('has data, a layout and a config', () => {
        assert.ok(Array.isArray(fig.data) && fig.data.length > 0);
        assert.equal(typeof fig.layout, 'object');
        assert.equal(typeof fig.config, 'object');
      });
    });
  }

  it('the title walker finds a bare string title (so the check above can fail)', () => {
    const bad = { data: [], layout: { xaxis: { title: 'x' } } };
    assert.deepEqual(
      titlesIn(bad).filter((t) => typeof t.value === 'string').map((t) => t.path),
      ['figure.layout.xaxis.title'],
    );
  });

  it('the JSON check finds NaN and functions (so the check above can fail)', () => {
    assert.deepEqual(nonJsonValues({ data: [{ y: [1, NaN], f: () => 1 }] }), ['figure.data.0.y.1', 'figure.data.0.f']);
  });
});
