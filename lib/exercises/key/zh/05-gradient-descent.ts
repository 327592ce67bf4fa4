/** 第 05 章练习的中文文字 (Chinese texts of notebook 05's exercises); the checks are those of ../05-gradient-descent.ts. */
import type { NotebookKeyZh } from '../types';

export const zh05: NotebookKeyZh = {
  notebook: '05',
  title: '',
  exercises: {},
};
