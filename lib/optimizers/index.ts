export * from './types';
export * from './sgd';
export * from './momentum';
export * from './rmsprop';
export * from './adam';
export * from './registry';
