export const answer = 42;
export function twice(n) { return n * 2; }
export default 'the default';
