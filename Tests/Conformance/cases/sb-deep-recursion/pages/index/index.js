const L = (...a) => console.log(...a);
const E = (label, e) => console.log(label + ' ' + (e && e.errCode) + ' ' + (e && e.errMsg));
Page({ onLoad(query) {
const f = (n) => f(n + 1) + 1; try { f(0) } catch (e) { L('SB-11 ' + e.name) } L('after')
} })
