const L = (...a) => console.log(...a);
const E = (label, e) => console.log(label + ' ' + (e && e.errCode) + ' ' + (e && e.errMsg));
Page({ onLoad(query) {
try { (function () {}).constructor('return 1')(); L('ran') } catch (e) { L('SB-1 ' + e.name) }
} })
