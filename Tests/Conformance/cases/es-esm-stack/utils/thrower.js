import { answer } from './named';


export function fail() {
  if (answer) throw new Error('esm failed');
}
