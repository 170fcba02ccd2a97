global.loads = (global.loads || 0) + 1;
export const n = global.loads;
