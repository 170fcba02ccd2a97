export const fmt = (s) => '<' + s + '>';
