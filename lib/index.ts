/**
 * fcnn-course engine: everything a notebook needs, from one import:
 *   import * as nn from '../dist';
 */
export * from './errors';
export * from './limits';
export * from './random';
export * from './matrix';
export * from './matmul-kernels';
export * from './init';
export * from './activations';
export * from './losses';
export * from './neuron';
export * from './dense';
export * from './network';
export * from './serialize';
export * from './optimizers';
export * from './train';
export * from './convergence';
export * from './gradient-check';
export * from './metrics';
export * from './exercises';
export * from './claims';
export * from './data';
export * from './plots';
export { setLanguage, getLanguage, translate, addMessages, untranslatedMessages, LANGUAGES } from './language';
export type { Language, LanguageOptions } from './language';

// A notebook of the Chinese edition (a folder with course-language.json) shows figures and prints in Chinese.
import { initLanguage } from './language';
initLanguage();
