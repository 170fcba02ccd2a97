export interface A { x: number }
export const f = (a: A) => {
  return a.x +;
};
