export * from './named';
export { k as fromCjs } from './cjs-obj';
