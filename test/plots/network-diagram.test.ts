import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { EdgeMeta, networkDiagramFigure } from '../../lib/plots/network-diagram';
import { NEGATIVE_COLOR, NEUTRAL_COLOR, POSITIVE_COLOR } from '../../lib/plots/figure';

type T = Record<string, any>;

const edgesOf = (fig: { data: T[] }): T[] => fig.data.filter((t) => t.meta?.kind === 'edge');
const nodesOf = (fig: { data: T[] }): T[] => fig.data.filter((t) => t.meta?.kind === 'nodes');

describe('networkDiagramFigure', () => {
  // 2 inputs → 3 hidden → 1 output; weights [in][out]
  const W1 = [
    [0.5, -1, 2],
    [1.5, 0.2, -0.3],
  ];
  const W2 = [[2], [-0.7], [0.3]];

  describe('with weights', () => {
    const fig = networkDiagramFigure({ weights: [W1, W2], biases: [[0.1, 0.2, 0.3], [-1]] }, { title: 'A 2-3-1 network' });

    it('draws one edge per weight: 2·3 + 3·1 = 9', () => {
      assert.equal(edgesOf(fig).length, 9);
    });

    it('draws one node trace per layer, with every neuron', () => {
      const nodes = nodesOf(fig);
      assert.deepEqual(nodes.map((t) => t.x.length), [2, 3, 1]);
      assert.deepEqual(nodes.map((t) => t.x[0]), [0, 1, 2]);
    });

    it('colours edges by the sign of the weight: positive blue, negative orange', () => {
      for (const e of edgesOf(fig)) {
        const m = e.meta as EdgeMeta;
        const expected = [W1, W2][m.layer][m.from][m.to];
        assert.equal(m.weight, expected);
        assert.equal(e.line.color, expected > 0 ? POSITIVE_COLOR : NEGATIVE_COLOR);
      }
    });

    it('makes edge width grow with |w|: the largest weight gets the widest edge', () => {
      const edges = edgesOf(fig);
      const widest = edges.reduce((a, b) => (b.line.width > a.line.width ? b : a));
      assert.equal(Math.abs(widest.meta.weight), 2);
      const byWeight = [...edges].sort((a, b) => Math.abs(a.meta.weight) - Math.abs(b.meta.weight));
      for (let k = 1; k < byWeight.length; k++) assert.ok(byWeight[k].line.width >= byWeight[k - 1].line.width);
    });

    it('shows each weight in hover text', () => {
      const hover = fig.data.find((t: T) => t.name === 'weights') as T;
      assert.equal(hover.text.length, 9);
      assert.ok(hover.text.some((s: string) => s.startsWith('w = -0.7')));
      // no two hover points coincide, so every weight can be reached
      const keys = new Set(hover.x.map((x: number, k: number) => `${x},${hover.y[k]}`));
      assert.equal(keys.size, 9);
    });

    it('shows the bias of each neuron in its hover text', () => {
      assert.match(nodesOf(fig)[2].text[0], /bias b = -1/);
    });

    it('labels the input, hidden and output layers', () => {
      const texts = ((fig.layout as T).annotations as T[]).map((a) => a.text);
      assert.ok(texts.some((t) => t.includes('input layer') && t.includes('2 inputs')));
      assert.ok(texts.some((t) => t.includes('hidden layer') && t.includes('3 neurons')));
      assert.ok(texts.some((t) => t.includes('output layer') && t.includes('1 neuron')));
    });
  });

  it('reads the weights of a Network-like object through parameters()', () => {
    let calls = 0;
    const net = {
      sizes: [2, 3, 1],
      parameters: () => {
        calls += 1;
        return [
          { weights: W1, biases: [0, 0, 0] },
          { weights: W2, biases: [0] },
        ];
      },
    };
    const fig = networkDiagramFigure(net);
    assert.equal(calls, 1);
    assert.equal(edgesOf(fig).length, 9);
    assert.equal((fig.layout as T).title.text, 'Network 2-3-1');
  });

  it('draws structure only from sizes: grey edges without weights', () => {
    const fig = networkDiagramFigure({ sizes: [3, 4, 2] });
    const edges = edgesOf(fig);
    assert.equal(edges.length, 3 * 4 + 4 * 2);
    assert.ok(edges.every((e) => e.line.color === NEUTRAL_COLOR && e.meta.weight === null));
  });

  it('collapses a big layer to maxNodesPerLayer slots with an ellipsis', () => {
    const fig = networkDiagramFigure({ sizes: [64, 16, 10] }, { maxNodesPerLayer: 12 });
    const nodes = nodesOf(fig);
    assert.deepEqual(nodes.map((t) => t.x.length), [11, 11, 10]);
    // the first and the last neurons stay visible
    assert.deepEqual(nodes[0].meta.shown.slice(0, 2), [0, 1]);
    assert.equal(nodes[0].meta.shown.at(-1), 63);
    const ellipses = ((fig.layout as T).annotations as T[]).filter((a) => a.text.includes('⋮'));
    assert.equal(ellipses.length, 2);
    assert.match(ellipses[0].hovertext, /53 more neurons/);
    assert.equal(edgesOf(fig).length, 11 * 11 + 11 * 10);
    const texts = ((fig.layout as T).annotations as T[]).map((a) => a.text);
    assert.ok(texts.some((t) => t.includes('64 inputs')), 'the label gives the full size');
  });

  it('uses custom layer names', () => {
    const fig = networkDiagramFigure({ sizes: [2, 1] }, { layerNames: ['features', 'score'] });
    const texts = ((fig.layout as T).annotations as T[]).map((a) => a.text);
    assert.ok(texts[0].includes('features') && texts[1].includes('score'));
  });

  describe('with bad arguments', () => {
    it('rejects weight matrices whose shapes do not chain', () => {
      assert.throws(
        () => networkDiagramFigure({ weights: [W1, [[1], [2]]] }),
        /networkDiagramFigure: net.weights\[1\] has shape \[2, 1\], expected \[3, units\]/,
      );
    });
    it('rejects sizes that disagree with the weights', () => {
      assert.throws(
        () => networkDiagramFigure({ sizes: [2, 4, 1], parameters: () => [{ weights: W1, biases: [0, 0, 0] }, { weights: W2, biases: [0] }] }),
        /net.sizes is \[2, 4, 1\] but the weights give \[2, 3, 1\]/,
      );
    });
    it('rejects something that is not a network', () => {
      assert.throws(() => networkDiagramFigure({} as never), /networkDiagramFigure: net must be a Network \(with parameters\(\)\), \{weights/);
      assert.throws(() => networkDiagramFigure({ sizes: [3] }), /net.sizes must list at least two layers/);
      assert.throws(() => networkDiagramFigure({ sizes: [3, 0] }), /net.sizes\[1\] must be an integer ≥ 1, got 0/);
    });
    it('rejects maxNodesPerLayer below 3 and layerNames of the wrong length', () => {
      assert.throws(() => networkDiagramFigure({ sizes: [3, 1] }, { maxNodesPerLayer: 2 }), /options.maxNodesPerLayer must be an integer ≥ 3/);
      assert.throws(() => networkDiagramFigure({ sizes: [3, 1] }, { layerNames: ['a'] }), /options.layerNames has length 1, expected 2/);
    });
  });
});
