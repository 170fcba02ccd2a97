const L = (...a) => console.log(...a);
const E = (label, e) => console.log(label + ' ' + (e && e.errCode) + ' ' + (e && e.errMsg));
Page({ onLoad(query) {
try { (0, globalThis.eval)('1'); L('eval ran') } catch (e) { L('SB-1 ' + e.name) }
} })
