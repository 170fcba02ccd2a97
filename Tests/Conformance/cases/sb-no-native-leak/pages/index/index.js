const L = (...a) => console.log(...a);
const E = (label, e) => console.log(label + ' ' + (e && e.errCode) + ' ' + (e && e.errMsg));
Page({ onLoad(query) {
const names = Object.getOwnPropertyNames(globalThis).filter((n) => /native|host|__/i.test(n)); L('SB-5 [' + names.join(',') + ']')
} })
