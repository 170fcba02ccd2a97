export default function hello() { return 'esm pkg'; }
export const v = 1;
