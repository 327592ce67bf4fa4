/** 第 03 章练习的中文文字 (Chinese texts of notebook 03's exercises); the checks are those of ../03-forward-propagation.ts. */
import type { NotebookKeyZh } from '../types';

export const zh03: NotebookKeyZh = {
  notebook: '03',
  title: '',
  exercises: {},
};
