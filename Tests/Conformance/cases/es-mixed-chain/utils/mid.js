import greet from './cjs-fn';
export const hello = () => greet('mid');
