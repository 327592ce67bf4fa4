/** 第 01 章练习的中文文字 (Chinese texts of notebook 01's exercises); the checks are those of ../01-the-neuron.ts. */
import type { NotebookKeyZh } from '../types';

export const zh01: NotebookKeyZh = {
  notebook: '01',
  title: '',
  exercises: {},
};
