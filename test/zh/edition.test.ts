/**
 * The Chinese edition stays in sync with the English one (scripts/zh.js): every markdown cell translated from the
 * current English source (stale and missing translations fail), glossary terms of the English cell present in the
 * Chinese one, code cells identical (paths re-pointed only), message tables consistent, built files current.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

// eslint-disable-next-line @typescript-eslint/no-var-requires
const zh = require('../../scripts/zh.js');
const glossary = JSON.parse(fs.readFileSync(path.join(zh.ROOT, 'notebooks', 'glossary.json'), 'utf8'));

describe('the zh edition (notebooks/zh)', () => {
  it('has every course notebook and solution, in sync with the English ones', () => {
    const pairs = zh.pairs();
    assert.ok(pairs.length >= 17, `expected 9 notebooks and 8 solutions, found ${pairs.length}`);
    const problems = zh.problems();
    assert.deepEqual(problems.map((p: { kind: string; where: string; message: string }) => `${p.kind} ${p.where}: ${p.message}`), []);
  });
});

describe('the sync checks can fail', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zh-sync-'));
  const english = path.join(dir, '01-x.ipynb');
  const nb = (md: string, code: string) => ({
    cells: [
      { cell_type: 'markdown', id: 'aaaa0001', metadata: {}, source: md },
      { cell_type: 'code', id: 'aaaa0002', metadata: {}, source: code, outputs: [], execution_count: null },
    ],
    metadata: {},
    nbformat: 4,
    nbformat_minor: 5,
  });
  const pair = { name: '01-x.ipynb', group: 'course', label: '01-x.ipynb', english, zh: path.join(dir, 'zh', '01-x.ipynb'), translation: path.join(dir, 't.json') };
  const write = (file: string, value: unknown) => {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, JSON.stringify(value));
  };
  const kinds = () => zh.problems([pair]).map((p: { kind: string }) => p.kind).filter((k: string) => k !== 'message');

  it('a missing translation', () => {
    write(english, nb('The **learning rate** sets the step.', "import * as nn from '../dist';"));
    write(pair.translation, { cells: {}, messages: {} });
    assert.ok(kinds().includes('missing'));
  });
  it('a current translation builds, with the code path re-pointed from the zh folder', () => {
    write(pair.translation, { cells: { aaaa0001: { source_sha256: zh.hashOf('The **learning rate** sets the step.'), zh: '**学习率**决定步长。' } }, messages: {} });
    const built = zh.buildNotebook(pair);
    write(pair.zh, built);
    fs.writeFileSync(pair.zh, require('../../scripts/notebook').stringifyNotebook(built));
    assert.equal(built.cells[1].source.join(''), "import * as nn from '../../dist';");
    assert.deepEqual(kinds(), []);
  });
  it('a stale translation after the English cell changed', () => {
    write(english, nb('The **learning rate** sets the size of the step.', "import * as nn from '../dist';"));
    assert.ok(kinds().includes('stale'));
    assert.throws(() => zh.buildNotebook(pair), /cell aaaa0001 has no current translation/);
  });
  it('a code cell that differs from the English one', () => {
    write(english, nb('The **learning rate** sets the step.', "import * as nn from '../dist';\nnn.xor(4);"));
    assert.ok(kinds().includes('code'));
  });
  it('a glossary term of the English cell missing from the Chinese one', () => {
    assert.deepEqual(zh.glossaryGaps('The learning rate and the loss.', '步长和损失。', glossary), ['learning rate']);
    assert.deepEqual(zh.glossaryGaps('See [solutions/05-gradient-descent.ipynb](x).', '见答案。', glossary), []);
  });
  it('an orphaned translation of a cell the English no longer has', () => {
    write(pair.translation, { cells: { aaaa0001: { source_sha256: zh.hashOf('The **learning rate** sets the step.'), zh: '**学习率**决定步长。' }, gone0001: { source_sha256: 'x', zh: '旧' } }, messages: {} });
    assert.ok(kinds().includes('orphan'));
  });
  it('links: notebooks inside the course go to their zh twins, other paths keep their targets', () => {
    const notebooks = path.join(zh.ROOT, 'notebooks');
    const out = zh.repoint("'../../data/a.csv' [s](solutions/01-the-neuron.ipynb) [n](../01-the-neuron.ipynb)", path.join(notebooks, 'solutions'), path.join(notebooks, 'zh', 'solutions'));
    assert.equal(out, "'../../../data/a.csv' [s](solutions/01-the-neuron.ipynb) [n](../01-the-neuron.ipynb)");
  });
});
