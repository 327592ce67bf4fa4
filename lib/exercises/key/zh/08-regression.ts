/** 第 08 章练习的中文文字 (Chinese texts of notebook 08's exercises); the checks are those of ../08-regression.ts. */
import type { NotebookKeyZh } from '../types';

export const zh08: NotebookKeyZh = {
  notebook: '08',
  title: '回归',
  exercises: {
    '08.1': {
      title: '(20, 22, 25) 与 (21, 22, 22) 的 RMSE',
      nudge: 'RMSE 是均方误差的平方根。',
      hint: '把三个误差分别平方，求平均，再开平方',
    },
    '08.2': {
      title: 'season',
      example: '(day) => [ … , … ]',
      nudge: '先把天数换算成角度（每 365.25 天转一整圈），再返回两个数。',
      hint: '对 2 * Math.PI * day / 365.25 分别取 Math.sin 和 Math.cos',
    },
    '08.3': {
      title: '2015 年提前两天的持续性预测的 RMSE',
      nudge: '提前两天的持续性预测：对每个测试日，都用前天的最高气温作为预测值。',
      hint: 'nn.rmse(predictions, actual)，其中每个测试日 t 的预测值为 tempMax[t − 2]',
    },
  },
};
