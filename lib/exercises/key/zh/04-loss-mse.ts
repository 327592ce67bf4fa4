/** 第 04 章练习的中文文字 (Chinese texts of notebook 04's exercises); the checks are those of ../04-loss-mse.ts. */
import type { NotebookKeyZh } from '../types';

export const zh04: NotebookKeyZh = {
  notebook: '04',
  title: 'MSE 损失函数',
  exercises: {
    '04.1': {
      title: '(1, 2, 3) 相对于 (2, 2, 5) 的 MSE',
      nudge: '均方误差：先求误差，再平方，最后取平均。',
      hint: '误差为 1、0、2；先把它们平方，再取平均值',
    },
    '04.2': {
      title: '我自己的 MSE',
      nudge: '你的函数有没有除以元素的个数？',
      hint: '对所有元素求 (a − p)² 的和，再除以元素的个数',
      example: '(predicted, actual) => …',
    },
    '04.3': {
      title: '最小二乘 [w, b]',
      nudge: '第 4 节给出了 w 和 b 的闭式解；先求出均值 x̄ 和 ȳ。',
      hint: 'x̄ = 1，ȳ = 7/3；w = Σ(x − x̄)(y − ȳ) / Σ(x − x̄)²',
    },
    '04.4': {
      title: 'z = 0、t = 1 时的 [dL/dz MSE, dL/dz BCE]',
      nudge: '第 6 节用 p = σ(z) 写出了两个梯度；代入 p = 0.5 和 t = 1。',
      hint: 'MSE：2(p − t)·σ′(z)；BCE：p − t',
    },
  },
};
