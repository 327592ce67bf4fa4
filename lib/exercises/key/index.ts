/**
 * The answer key of every notebook's exercises, by id ('01.2'). The notebooks do not show it; a student who opens
 * these files deliberately sees the answers, as in a solutions file.
 */
import { key01 } from './01-the-neuron';
import { key02 } from './02-activation-functions';
import { key03 } from './03-forward-propagation';
import { key04 } from './04-loss-mse';
import { key05 } from './05-gradient-descent';
import { key06 } from './06-backpropagation';
import { key07 } from './07-classification';
import { key08 } from './08-regression';
import type { NotebookKey } from './types';

export const ANSWER_KEY: readonly NotebookKey[] = [key01, key02, key03, key04, key05, key06, key07, key08];
