/**
 * The zh edition's run-time translation (lib/language.ts, lib/plots/localize.ts): message keys, numbers carried into
 * the Chinese text, figures, tables, claims and exercise feedback in Chinese, and the Chinese exercise texts.
 */
import { afterEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as nn from '../../lib';
import { languageFromFolder, looksEnglish, messageKey } from '../../lib/language';
import { localizeFigure } from '../../lib/plots/localize';
import { ANSWER_KEY } from '../../lib/exercises/key';
import { ANSWER_KEY_ZH } from '../../lib/exercises/key/zh';

afterEach(() => nn.setLanguage('en'));

describe('message keys', () => {
  it('replace numbers by {} but keep names like x1 and W2, and collapse spaces', () => {
    assert.deepEqual(messageKey('w =    -0.5: output 1e-3 at x1, W2 and 2-4-1'), {
      key: 'w = {}: output {} at x1, W2 and {}-{}-{}',
      numbers: ['-0.5', '1e-3', '2', '4', '1'],
    });
  });
  it('tell English prose from names and Chinese', () => {
    assert.equal(looksEnglish('loss after training'), true);
    assert.equal(looksEnglish('ReLU 与 tanh：σ(z) = 0.5'), false);
    assert.equal(looksEnglish('训练 10 轮后'), false);
  });
});

describe('translate', () => {
  it('is the identity in English', () => {
    nn.addMessages({ 'final loss {}': '最终损失 {}' });
    assert.equal(nn.translate('final loss 0.25'), 'final loss 0.25');
  });
  it('fills the numbers into the Chinese text, in order or by position', () => {
    nn.setLanguage('zh');
    nn.addMessages({ 'final loss {}': '最终损失 {}', '{} of {} solved': '{1} 道中已完成 {0} 道', 'weights': '权重' });
    assert.equal(nn.translate('final loss 0.25'), '最终损失 0.25');
    assert.equal(nn.translate('3 of 5 solved'), '5 道中已完成 3 道');
    assert.equal(nn.translate('final loss 0.25\n  weights'), '最终损失 0.25\n  权重');
  });
  it('records English text that has no message, and not Chinese or names', () => {
    nn.setLanguage('zh');
    nn.translate('an untranslated sentence 42');
    nn.translate('ReLU 0.5');
    nn.translate('已经是中文');
    const missing = nn.untranslatedMessages();
    assert.ok(missing.includes('an untranslated sentence {}'));
    assert.ok(!missing.includes('ReLU {}'));
    assert.ok(!missing.includes('已经是中文'));
  });
  it('refuses an unknown language and a bad table, naming what was expected', () => {
    assert.throws(() => nn.setLanguage('fr' as nn.Language), /setLanguage: language must be one of 'en', 'zh', got/);
    assert.throws(() => nn.addMessages(null as never), /addMessages: table must be an object/);
    assert.throws(() => nn.setLanguage('zh', { messages: '/nonexistent' }), /options.messages must be a folder/);
  });
});

describe('the language marker of a folder', () => {
  it('selects zh and its message tables, and a broken marker is a clear error', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lang-'));
    assert.equal(languageFromFolder(dir), null);
    fs.writeFileSync(path.join(dir, 'course-language.json'), JSON.stringify({ language: 'zh', messages: 'tables' }));
    assert.deepEqual(languageFromFolder(dir), { language: 'zh', messages: path.join(dir, 'tables') });
    fs.writeFileSync(path.join(dir, 'course-language.json'), '{"language": "de"}');
    assert.throws(() => languageFromFolder(dir), /"language" must be one of en, zh/);
  });
  it('is present in both zh folders and points at the translations', () => {
    for (const dir of ['notebooks/zh', 'notebooks/zh/solutions']) {
      const found = languageFromFolder(path.resolve(__dirname, '..', '..', dir));
      assert.equal(found?.language, 'zh', dir);
      assert.equal(found?.messages, path.resolve(__dirname, '..', '..', 'notebooks/zh/translations'));
    }
  });
});

describe('figures in Chinese', () => {
  it('translate titles, axis titles, legend names, annotations and animation labels, not data', () => {
    nn.setLanguage('zh');
    nn.addMessages({ 'loss over {} epochs': '{} 轮内的损失', epoch: '轮', loss: '损失', training: '训练', '▶ play': '▶ 播放', 'lr = {}': '学习率 = {}' });
    const fig = {
      data: [{ x: [1, 2], y: [3, 4], name: 'training', type: 'scatter' }],
      layout: {
        title: { text: 'loss over 40 epochs' },
        xaxis: { title: { text: 'epoch' } },
        yaxis2: { title: 'loss' },
        annotations: [{ text: 'lr = 0.1' }],
        updatemenus: [{ buttons: [{ label: '▶ play', args: [[{ name: 'f0', data: [{ name: 'training' }] }]] }] }],
      },
    };
    const out = localizeFigure(fig) as typeof fig;
    assert.equal(out.layout.title.text, '40 轮内的损失');
    assert.equal(out.layout.xaxis.title.text, '轮');
    assert.equal(out.layout.yaxis2.title, '损失');
    assert.equal(out.data[0].name, '训练');
    assert.deepEqual(out.data[0].y, [3, 4]);
    assert.equal(out.layout.annotations[0].text, '学习率 = 0.1');
    const button = out.layout.updatemenus[0].buttons[0] as { label: string; args: Array<Array<{ name: string; data: Array<{ name: string }> }>> };
    assert.equal(button.label, '▶ 播放');
    assert.equal(button.args[0][0].name, 'f0', 'frame names are identifiers and stay');
    assert.equal(button.args[0][0].data[0].name, '训练');
    assert.equal(fig.layout.title.text, 'loss over 40 epochs', 'the original figure is not changed');
  });
  it('reach the displayed bundle (Plotly JSON, HTML and plain text)', () => {
    nn.setLanguage('zh');
    nn.addMessages({ 'a sine': '正弦曲线' });
    const bundle = nn.figureBundle(nn.lineFigure({ x: [0, 1], y: [0, 1] }, { title: 'a sine' }));
    const json = bundle.data['application/vnd.plotly.v1+json'] as { layout: { title: { text: string } } };
    assert.equal(json.layout.title.text, '正弦曲线');
    assert.match(String(bundle.data['text/html']), /正弦曲线/);
  });
});

describe('claims and exercises in Chinese', () => {
  it('a claim prints 已核对 with the translated sentence and measurement', () => {
    nn.setLanguage('zh');
    nn.addMessages({ 'the loss falls': '损失下降', 'from {} to {}': '从 {} 降到 {}' });
    const lines: string[] = [];
    nn.claim('the loss falls', true, 'from 0.7 to 0.1', { print: (l) => lines.push(l) });
    assert.deepEqual(lines, ['✔ 已核对：损失下降 — 从 0.7 降到 0.1']);
  });
  it('exercise feedback uses the Chinese nudge and hint', () => {
    nn.setLanguage('zh');
    const lines: string[] = [];
    const session = new nn.ExerciseSession(nn.ANSWER_KEY, (l) => lines.push(l));
    session.exercise('01.2').check(99);
    session.exercise('01.2').check(98);
    const zh = ANSWER_KEY_ZH.find((k) => k.notebook === '01')!.exercises['01.2'];
    assert.ok(lines[0].includes(zh.nudge) && lines[0].includes('修改答案'), lines[0]);
    assert.ok(lines[1].includes(`提示：${zh.hint}`), lines[1]);
  });
  it('every exercise has Chinese title, nudge and hint (and example where the English has one), no extra ids', () => {
    for (const nb of ANSWER_KEY) {
      const zh = ANSWER_KEY_ZH.find((k) => k.notebook === nb.notebook);
      assert.ok(zh && /\p{Script=Han}/u.test(zh.title), `lib/exercises/key/zh: notebook ${nb.notebook} needs a Chinese title`);
      for (const e of nb.exercises) {
        const t: { title: string; nudge: string; hint: string; example?: string } | undefined = zh!.exercises[e.id];
        assert.ok(t, `lib/exercises/key/zh: exercise ${e.id} has no Chinese text`);
        for (const field of ['title', 'nudge', 'hint'] as const) {
          assert.ok(typeof t[field] === 'string' && t[field].trim() !== '', `exercise ${e.id}: Chinese ${field} is empty`);
        }
        assert.equal(t.example !== undefined, (e as { example?: string }).example !== undefined, `exercise ${e.id}: example in one language only`);
      }
      const ids = new Set(nb.exercises.map((e) => e.id));
      for (const id of Object.keys(zh!.exercises)) assert.ok(ids.has(id), `lib/exercises/key/zh: ${id} is not an exercise of notebook ${nb.notebook}`);
    }
  });
});
