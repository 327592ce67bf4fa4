/** 第 03 章练习的中文文字 (Chinese texts of notebook 03's exercises); the checks are those of ../03-forward-propagation.ts. */
import type { NotebookKeyZh } from '../types';

export const zh03: NotebookKeyZh = {
  notebook: '03',
  title: '前向传播',
  exercises: {
    '03.1': {
      title: 'x = (0, 1) 时隐藏神经元 3 的 z',
      nudge: '神经元 3 使用 W1 的第 3 列和第三个偏置；x₁ = 0 时，其中一个乘积就没有了。',
      hint: 'z = 0·w₁₃ + 1·w₂₃ + b₃：只有 W1 的第二行起作用',
    },
    '03.2': {
      title: '第 1 层中 Z 的形状',
      nudge: '批量中的每个样本在 Z 中占一行；Z 有多少列？',
      hint: '[batch, inputs] · [inputs, units] → [batch, units]',
    },
    '03.3': {
      title: '2-3-2 网络的参数个数',
      nudge: '逐层数出权重和偏置的个数。',
      hint: '每一层有“输入个数 × 单元个数”个权重，另外每个单元还有一个偏置',
    },
    '03.4': {
      title: '一层的加权和',
      nudge: '结果中每个神经元 j 对应一个元素（W 的每一列对应一个）。',
      hint: '对神经元 j 做循环，在循环内部再对输入 i 做循环',
      example: '(x, W, b) => …',
    },
  },
};
