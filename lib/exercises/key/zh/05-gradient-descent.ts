/** 第 05 章练习的中文文字 (Chinese texts of notebook 05's exercises); the checks are those of ../05-gradient-descent.ts. */
import type { NotebookKeyZh } from '../types';

export const zh05: NotebookKeyZh = {
  notebook: '05',
  title: '梯度下降',
  exercises: {
    '05.1': {
      title: '两步之后的 w',
      nudge: '一步就是 w ← w − η·f′(w)，其中 f′(w) = 2(w − 3)；把它做两次。',
      hint: '每一步都把 (w − 3) 乘以 (1 − 2η) = 0.8',
    },
    '05.2': {
      title: '振荡与发散的分界',
      nudge: '把一步写成 (w_new − 3) = 因子 · (w − 3)：η 取何值时，这个因子的绝对值恰好为 1？',
      hint: '在 η > 0 的条件下，什么时候 |1 − 2η| = 1？',
    },
    '05.3': {
      title: '3a² + (b + 1)² 的梯度',
      nudge: '答案是由两个偏导数组成的数组：[∂L/∂a, ∂L/∂b]。',
      hint: '对每一项关于一个变量求导，同时把另一个变量当作常数',
      example: '(a, b) => [..., ...]',
    },
    '05.4': {
      title: 'nn.sgd 在 500 步内使 L < 1e-4',
      nudge: '从小到大试几个学习率，对每个学习率都观察第 6 节中的损失。',
      hint: 'b 把 η 限制在 0.01 以下；a 则需要 η 尽可能大',
    },
  },
};
