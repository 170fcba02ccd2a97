const L = (...a) => console.log(...a);
const E = (label, e) => console.log(label + ' ' + (e && e.errCode) + ' ' + (e && e.errMsg));
const n: number = 3;
Page({ onLoad(q: Record<string, string>) { L('ts page ' + n) } })
