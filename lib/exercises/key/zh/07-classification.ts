/** 第 07 章练习的中文文字 (Chinese texts of notebook 07's exercises); the checks are those of ../07-classification.ts. */
import type { NotebookKeyZh } from '../types';

export const zh07: NotebookKeyZh = {
  notebook: '07',
  title: '分类',
  exercises: {
    '07.1': {
      title: 'p = 0.25 时的交叉熵',
      nudge: '一张图像的损失只与它真实类别的概率有关。',
      hint: '一张图像的损失是 −ln（它的真实类别的概率）',
    },
    '07.2': {
      title: 'predictedClass',
      nudge: '这个函数返回的是一个位置（下标），而不是一个概率。',
      hint: '遍历所有元素，记住到目前为止最大值的下标',
      example: '(p) => …',
    },
    '07.3': {
      title: '数字 4 的召回率',
      nudge: '召回率问的是：在所有真正是 4 的图像中，网络把多大比例判为 4？cm 的行对应真实数字。',
      hint: '第 4 行包含所有真实的 4；对角线上的那个单元格是其中分类正确的个数',
    },
    '07.4': {
      title: '4 个测量值：测试准确率 ≥ 0.97',
      nudge: '用全部四个测量值训练第 11 节的网络，并测量它的测试准确率。',
      hint: '用这四个列名调用 selectColumns，然后以 inputSize: 4 重复第 11 节的步骤',
    },
  },
};
