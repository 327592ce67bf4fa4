/** 第 04 章练习的中文文字 (Chinese texts of notebook 04's exercises); the checks are those of ../04-loss-mse.ts. */
import type { NotebookKeyZh } from '../types';

export const zh04: NotebookKeyZh = {
  notebook: '04',
  title: '',
  exercises: {},
};
