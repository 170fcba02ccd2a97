const L = (...a) => console.log(...a);
const E = (label, e) => console.log(label + ' ' + (e && e.errCode) + ' ' + (e && e.errMsg));
Page({ onLoad(query) {
const p = require.async('../../lazy/mod'); L('WM-5 promise ' + (p instanceof Promise)); p.then((m) => L('WM-5 ' + m.v)); L('WM-5 after')
} })
