/** 第 02 章练习的中文文字 (Chinese texts of notebook 02's exercises); the checks are those of ../02-activation-functions.ts. */
import type { NotebookKeyZh } from '../types';

export const zh02: NotebookKeyZh = {
  notebook: '02',
  title: '',
  exercises: {},
};
