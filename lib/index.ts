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
