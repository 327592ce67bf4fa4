/** 第 08 章练习的中文文字 (Chinese texts of notebook 08's exercises); the checks are those of ../08-regression.ts. */
import type { NotebookKeyZh } from '../types';

export const zh08: NotebookKeyZh = {
  notebook: '08',
  title: '',
  exercises: {},
};
