import { b } from './b';
export function a() { return 'a'; }
export const viaB = () => b();
