/** The Chinese texts of every notebook's exercises (the zh edition prints these instead of the English ones). */
import { zh01 } from './01-the-neuron';
import { zh02 } from './02-activation-functions';
import { zh03 } from './03-forward-propagation';
import { zh04 } from './04-loss-mse';
import { zh05 } from './05-gradient-descent';
import { zh06 } from './06-backpropagation';
import { zh07 } from './07-classification';
import { zh08 } from './08-regression';
import type { NotebookKeyZh } from '../types';

export const ANSWER_KEY_ZH: readonly NotebookKeyZh[] = [zh01, zh02, zh03, zh04, zh05, zh06, zh07, zh08];
