/** 第 07 章练习的中文文字 (Chinese texts of notebook 07's exercises); the checks are those of ../07-classification.ts. */
import type { NotebookKeyZh } from '../types';

export const zh07: NotebookKeyZh = {
  notebook: '07',
  title: '',
  exercises: {},
};
