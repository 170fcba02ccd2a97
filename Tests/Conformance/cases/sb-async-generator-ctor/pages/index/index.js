const L = (...a) => console.log(...a);
const E = (label, e) => console.log(label + ' ' + (e && e.errCode) + ' ' + (e && e.errMsg));
Page({ onLoad(query) {
try { new (Object.getPrototypeOf(async function* () {}).constructor)('yield 1'); L('ran') } catch (e) { L('SB-1 ' + e.name) }
} })
