export * from './types';
export * from './mse';
export * from './binary-cross-entropy';
export * from './softmax-cross-entropy';
export * from './registry';
