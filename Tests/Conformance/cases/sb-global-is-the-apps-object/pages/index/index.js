const L = (...a) => console.log(...a);
const E = (label, e) => console.log(label + ' ' + (e && e.errCode) + ' ' + (e && e.errMsg));
Page({ onLoad(query) {
const g = require('../../lib/mark'); L('SB-5 ' + typeof global + ' ' + (global === globalThis) + ' ' + (g === global) + ' ' + global.marks)
} })
