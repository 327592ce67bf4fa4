/** 第 06 章练习的中文文字 (Chinese texts of notebook 06's exercises); the checks are those of ../06-backpropagation.ts. */
import type { NotebookKeyZh } from '../types';

export const zh06: NotebookKeyZh = {
  notebook: '06',
  title: '反向传播',
  exercises: {
    '06.1': {
      title: 't = 0 时的 ∂L/∂w',
      nudge: '链式法则：∂L/∂w = ∂L/∂a · ∂a/∂z · ∂z/∂w；先算出 z 和 a。',
      hint: '2(a − t) · a(1 − a) · x，其中 a = σ(1)',
    },
    '06.2a': {
      title: '∂L/∂W 的形状',
      nudge: '梯度的形状与“对谁求梯度”的那个量的形状相同。',
      hint: '与 W 的形状相同，即 [输入数, 单元数]',
    },
    '06.2b': {
      title: '∂L/∂X 的形状',
      nudge: '梯度的形状与“对谁求梯度”的那个量的形状相同。',
      hint: '与 X 的形状相同，即 [批量大小, 输入数]',
    },
    '06.3': {
      title: 'tanh 的导数',
      nudge: 'tanh 的导数可以用 tanh 本身来表示（对比 Sigmoid 的导数）。',
      hint: 'd/dz tanh(z) = 1 − tanh(z)²',
      example: '(z) => …',
    },
    '06.4': {
      title: '2-2-1 网络的 ∂L/∂b²',
      nudge: 'z² = a¹·W² + b²：∂z²/∂b² 是多少？然后在表格中找到对应的那一行。',
      hint: '∂z²/∂b² = 1，所以它等于 ∂L/∂z²',
    },
  },
};
