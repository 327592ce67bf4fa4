/** 第 01 章练习的中文文字 (Chinese texts of notebook 01's exercises); the checks are those of ../01-the-neuron.ts. */
import type { NotebookKeyZh } from '../types';

export const zh01: NotebookKeyZh = {
  notebook: '01',
  title: '神经元',
  exercises: {
    '01.1a': {
      title: '神经元的 z',
      nudge: 'z 是激活之前的加权和：把每个输入乘以它的权重，相加，再加上偏置。',
      hint: 'z = 1·3 + (−2)·1 + 0.5',
    },
    '01.1b': {
      title: '神经元的输出 a',
      nudge: 'a 是对 z 应用 sigmoid 的结果（用你在上一行算出的 z）；Math.exp 计算 e^x。',
      hint: 'σ(z) = 1 / (1 + e^(−z))',
    },
    '01.2': {
      title: '神经元的切换点',
      nudge: '哪个 z 值使 σ(z) = 0.5？再求出使 z = 2x − 3 等于这个值的 x。',
      hint: '当且仅当 z = w·x + b = 0 时，σ(z) = 0.5',
    },
    '01.3': {
      title: '4 → 5 → 3 网络的参数个数',
      nudge: '分别数出每一层的权重和偏置，再把它们加起来。',
      hint: '每一层有 (输入数 × 神经元数) 个权重，每个神经元还有一个偏置',
    },
    '01.4': {
      title: '坍缩后的层 [w, b]',
      nudge: '把第二层的输出写成关于 x 的式子，代入第一层的式子，再展开。',
      hint: 'W = W1·W2，b = b1·W2 + b2',
    },
    '01.5': {
      title: '深度对线性网络有帮助吗？',
      nudge: '看看你那个更深的线性网络打印出的最佳准确率：它超过 75 % 了吗？',
      hint: '第 6 节：任意多个线性层堆叠起来都等于一个线性层，而一个线性层只能画出一条直线',
    },
  },
};
