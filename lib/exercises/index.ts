export * from './check';
export * from './exercise';
export { ANSWER_KEY } from './key';
