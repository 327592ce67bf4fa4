/** 第 02 章练习的中文文字 (Chinese texts of notebook 02's exercises); the checks are those of ../02-activation-functions.ts. */
import type { NotebookKeyZh } from '../types';

export const zh02: NotebookKeyZh = {
  notebook: '02',
  title: '激活函数',
  exercises: {
    '02.1': {
      title: "σ'(0)",
      nudge: '第 2 节用 σ 本身写出了导数；σ(0) 是多少？',
      hint: "σ'(z) = σ(z)(1 − σ(z))，且 σ(0) = 0.5",
    },
    '02.2': {
      title: 'ReLU 的导数',
      nudge: '画出 max(0, z)：它在 0 左侧的斜率是多少？右侧呢？',
      hint: 'max(0, z) 的斜率在右侧为 1，在左侧为 0',
      example: '(z) => …',
    },
    '02.3': {
      title: '用 Sigmoid 表示 tanh',
      nudge: '第 3.1 节说明了 tanh 曲线就是把 Sigmoid 曲线缩放、平移后得到的。',
      hint: '第 3.1 节：在水平方向上压缩为一半宽（σ(2z)），在竖直方向上拉伸为 2 倍，再向下平移 1',
      example: '(z) => …',
    },
    '02.4': {
      title: '(0, ln 3) 的 Softmax',
      nudge: 'Softmax 先对每个分数取指数，再除以这些指数之和。',
      hint: 'e^0 = 1，e^(ln 3) = 3',
    },
    '02.5': {
      title: 'Leaky ReLU 在 z = −4 处',
      nudge: 'z = −4 在 0 的左侧：第 5 节的两个公式中该用哪一个？',
      hint: '在左侧，h(z) = α·z，h′(z) = α',
    },
    '02.6': {
      title: "softsign'(1)",
      nudge: 'nn.activationFromFormula 由公式构造出激活函数及其导数（第 7 节）。',
      hint: "用 nn.activationFromFormula('x / (1 + abs(x))').derivative(1)，或者手工求导，得到 1/(1 + |x|)²",
    },
  },
};
