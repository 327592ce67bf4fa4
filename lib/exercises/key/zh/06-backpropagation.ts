/** 第 06 章练习的中文文字 (Chinese texts of notebook 06's exercises); the checks are those of ../06-backpropagation.ts. */
import type { NotebookKeyZh } from '../types';

export const zh06: NotebookKeyZh = {
  notebook: '06',
  title: '',
  exercises: {},
};
