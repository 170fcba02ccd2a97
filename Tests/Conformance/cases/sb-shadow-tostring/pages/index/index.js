const L = (...a) => console.log(...a);
const E = (label, e) => console.log(label + ' ' + (e && e.errCode) + ' ' + (e && e.errMsg));
Page({ onLoad(query) {
const o = { toString() { return 'mine' } }; const e = new Error('m'); e.name = 'MyError'; L('SB-4 ' + String(o) + ' ' + e.name + ' ' + e.toString())
} })
