const L = (...a) => console.log(...a);
const E = (label, e) => console.log(label + ' ' + (e && e.errCode) + ' ' + (e && e.errMsg));
Page({ onLoad(query) {
const o = { toString() { throw new Error('no') } }; try { console.log(o) } catch (e) { L('threw') } L('after')
} })
