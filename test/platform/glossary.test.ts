/**
 * One glossary for the whole course: notebooks/glossary.json maps each English key term to its Chinese term
 * (the usage of d2l-zh and 《神经网络与深度学习》). This test scans the markdown of every notebook for the two ways
 * the course pairs them —
 *
 *   prose:  **dead neuron** (死亡神经元), the mean squared error (均方误差, MSE), (loss and **accuracy**, 准确率)
 *   tables: | English | 中文 |  rows, e.g. | early stopping | 提前停止 |
 *
 * — and fails when a Chinese term is not in the glossary, or when a known English term is given a Chinese term
 * other than the glossary's. Each failure names the notebook, the cell and the text.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';

const ROOT = path.resolve(__dirname, '..', '..');
const NOTEBOOKS = path.join(ROOT, 'notebooks');
const GLOSSARY_FILE = path.join(NOTEBOOKS, 'glossary.json');

const CJK = /[\u3400-\u9fff]/;

export type Glossary = Record<string, string>;

export interface TermIssue {
  cell: number;
  kind: 'mismatch' | 'missing' | 'unknown-english' | 'unpaired';
  message: string;
}

/** English as a lookup key: no markdown emphasis, lower case, hyphens as spaces, single spaces. */
export function englishKey(text: string): string {
  return text
    .replace(/[*_`]/g, '')
    .replace(/-/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

/** Chinese terms compare without spaces and ignoring the case of Latin letters (Softmax 函数 = SoftMax函数). */
export function chineseKey(text: string): string {
  return text.replace(/\s+/g, '').toLowerCase();
}

/** The glossary key whose English the context ends with (longest first; plural -s/-es allowed), or null. */
export function keyAtEnd(context: string, keys: string[]): string | null {
  const c = englishKey(context).replace(/[\s,:;(]+$/, '');
  for (const key of keys) {
    for (const form of [key, `${key}s`, `${key}es`]) {
      if (c.endsWith(form)) {
        const before = c.charAt(c.length - form.length - 1);
        if (before === '' || !/[a-z0-9]/.test(before)) return key;
      }
    }
  }
  return null;
}

/** Checks one markdown text (one cell) against the glossary. */
export function checkMarkdown(markdown: string, glossary: Glossary, cell = 0): TermIssue[] {
  const issues: TermIssue[] = [];
  const keys = Object.keys(glossary).map(englishKey).sort((a, b) => b.length - a.length);
  const byKey = new Map(Object.entries(glossary).map(([en, zh]) => [englishKey(en), zh]));
  const known = new Set(Object.values(glossary).map(chineseKey));
  const excerpt = (s: string) => s.replace(/\s+/g, ' ').trim().slice(-80);

  // 1. Prose: a parenthesis that contains Chinese, after (or around) its English term.
  for (const group of markdown.matchAll(/\(([^()]*)\)/g)) {
    const inside = group[1];
    if (!CJK.test(inside)) continue;
    const start = group.index! + 1;
    const parts: { text: string; offset: number }[] = [];
    for (const p of inside.matchAll(/[^,，、;；/]+/g)) parts.push({ text: p[0].trim(), offset: p.index! });
    const chinese = parts.filter((p) => CJK.test(p.text));
    for (const part of chinese) {
      if (!known.has(chineseKey(part.text))) {
        issues.push({ cell, kind: 'missing', message: `"${part.text}" is not in notebooks/glossary.json (after "${excerpt(markdown.slice(0, group.index!))}")` });
      }
      const context = markdown.slice(0, start + part.offset);
      const trimmed = context.replace(/[\s,，、;；/(*_]+$/, '');
      if (CJK.test(trimmed.charAt(trimmed.length - 1))) continue; // follows another Chinese term of the same group
      const key = keyAtEnd(trimmed, keys);
      if (key === null) continue;
      const expected = byKey.get(key)!;
      if (!chinese.some((p) => chineseKey(p.text) === chineseKey(expected))) {
        issues.push({
          cell,
          kind: 'mismatch',
          message: `"${key}" is ${expected} in notebooks/glossary.json, but the notebook writes (${inside.trim()}) after "${excerpt(trimmed)}"`,
        });
      }
    }
  }

  // 2. Tables with the header | English | 中文 |.
  const lines = markdown.split('\n');
  for (let i = 0; i < lines.length; i++) {
    if (!/^\|\s*English\s*\|\s*中文\s*\|/.test(lines[i])) continue;
    for (let j = i + 1; j < lines.length && lines[j].trim().startsWith('|'); j++) {
      const cells = lines[j].trim().replace(/^\||\|$/g, '').split('|').map((c) => c.trim());
      if (cells.length < 2 || /^-+$/.test(cells[0].replace(/[:\s]/g, ''))) continue;
      const english = cells[0].replace(/\([^)]*\)/g, '').split(' / ').map((e) => englishKey(e.split(',')[0]));
      const chinese = cells[1].split(' / ').map((z) => z.trim());
      if (chinese.length !== 1 && chinese.length !== english.length) {
        issues.push({ cell, kind: 'unpaired', message: `table row "${lines[j].trim()}": ${english.length} English terms but ${chinese.length} Chinese ones` });
        continue;
      }
      english.forEach((en, k) => {
        const zh = chinese.length === 1 ? chinese[0] : chinese[k];
        if (!CJK.test(zh)) return; // a name kept in Latin letters (Sigmoid, ReLU)
        const expected = byKey.get(en);
        if (expected === undefined) {
          issues.push({ cell, kind: 'unknown-english', message: `table row pairs "${en}" with ${zh}, but notebooks/glossary.json has no entry "${en}"` });
        } else if (chineseKey(expected) !== chineseKey(zh)) {
          issues.push({ cell, kind: 'mismatch', message: `table row: "${en}" is ${expected} in notebooks/glossary.json, but the notebook writes ${zh}` });
        }
      });
    }
  }
  return issues;
}

/** All issues of one notebook file. */
export function checkNotebook(file: string, glossary: Glossary): TermIssue[] {
  const nb = JSON.parse(fs.readFileSync(file, 'utf8')) as { cells: { cell_type: string; source: string | string[] }[] };
  return nb.cells.flatMap((c, k) =>
    c.cell_type === 'markdown' ? checkMarkdown(Array.isArray(c.source) ? c.source.join('') : c.source, glossary, k) : [],
  );
}

const glossary = JSON.parse(fs.readFileSync(GLOSSARY_FILE, 'utf8')) as Glossary;

describe('notebooks/glossary.json', () => {
  it('maps lower-case English terms to non-empty Chinese terms', () => {
    assert.equal(typeof glossary, 'object');
    const entries = Object.entries(glossary);
    assert.ok(entries.length >= 50, `only ${entries.length} terms`);
    for (const [en, zh] of entries) {
      assert.equal(en, en.trim().toLowerCase(), `key "${en}" must be trimmed lower case`);
      assert.ok(typeof zh === 'string' && CJK.test(zh), `"${en}" must map to a Chinese term, got ${JSON.stringify(zh)}`);
    }
  });
  it('uses the agreed terms of the course', () => {
    assert.equal(glossary['dead neuron'], '死亡神经元');
    assert.equal(glossary['dying relu'], '神经元死亡');
    assert.equal(glossary['vanishing gradient'], '梯度消失');
    assert.equal(glossary['exploding gradient'], '梯度爆炸');
    assert.equal(glossary['epoch'], '训练轮次');
    assert.equal(glossary['early stopping'], '提前停止');
    assert.equal(glossary['gradient descent'], '梯度下降');
  });
});

describe('the term scanner', () => {
  const g: Glossary = { 'dead neuron': '死亡神经元', 'dying relu': '神经元死亡', 'mean squared error': '均方误差', accuracy: '准确率', 'test set': '测试集', 'training set': '训练集', softmax: 'Softmax 函数' };
  it('accepts terms that match the glossary, in prose and in tables', () => {
    const md = 'A **dead neuron** (死亡神经元) outputs 0; the mean squared error (均方误差, MSE); (loss and **accuracy**, 准确率);\n'
      + 'the **training and test sets** (训练集、测试集); **softmax** (SoftMax 函数)\n\n| English | 中文 |\n|---|---|\n| dying ReLU (the phenomenon) | 神经元死亡 |\n| training set / test set | 训练集 / 测试集 |\n';
    assert.deepEqual(checkMarkdown(md, g), []);
  });
  it('reports a Chinese term that differs from the glossary\'s', () => {
    const issues = checkMarkdown('the neuron is a **dead neuron** (神经元死亡).', g);
    assert.equal(issues.length, 1);
    assert.equal(issues[0].kind, 'mismatch');
    assert.match(issues[0].message, /"dead neuron" is 死亡神经元/);
  });
  it('reports a mismatch in a table row', () => {
    const issues = checkMarkdown('| English | 中文 |\n|---|---|\n| dead neuron | 神经元死亡 |\n', g);
    assert.deepEqual(issues.map((i) => i.kind), ['mismatch']);
  });
  it('reports a Chinese term missing from the glossary, and an unknown English table term', () => {
    const issues = checkMarkdown('a **ghost** (幽灵)\n\n| English | 中文 |\n|---|---|\n| ghost | 幽灵 |\n', g);
    assert.deepEqual(issues.map((i) => i.kind).sort(), ['missing', 'unknown-english']);
  });
  it('reports a table row whose English and Chinese terms cannot be paired', () => {
    const issues = checkMarkdown('| English | 中文 |\n|---|---|\n| a / b / c | 训练集 / 测试集 |\n', g);
    assert.deepEqual(issues.map((i) => i.kind), ['unpaired']);
  });
});

describe('every notebook uses the glossary\'s Chinese terms', () => {
  const inDir = (dir: string) => (fs.existsSync(path.join(NOTEBOOKS, dir)) ? fs.readdirSync(path.join(NOTEBOOKS, dir)) : [])
    .filter((f) => f.endsWith('.ipynb')).sort().map((f) => (dir === '.' ? f : `${dir}/${f}`));
  const files = [...inDir('.'), ...inDir('solutions')];
  it('finds the notebooks', () => assert.ok(inDir('.').length >= 9, `found ${inDir('.').length} notebooks`));
  for (const file of files) {
    it(file, () => {
      const issues = checkNotebook(path.join(NOTEBOOKS, file), glossary);
      assert.deepEqual(
        issues.map((i) => `notebooks/${file}, cell ${i.cell}: ${i.message}`),
        [],
        `notebooks/${file} disagrees with notebooks/glossary.json — fix the notebook or, for a new term, add it to the glossary`,
      );
    });
  }
});
