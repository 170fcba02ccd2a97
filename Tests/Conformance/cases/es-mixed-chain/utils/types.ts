export interface Point { x: number; y: number }
type Id = string;
export enum Color { Red = 'red', Blue = 'blue' }
export const norm = (p: Point): number => Math.abs(p.x) + Math.abs(p.y);
export const id = (s: Id): Id => s;
