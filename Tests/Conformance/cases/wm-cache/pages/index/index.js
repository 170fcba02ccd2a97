const L = (...a) => console.log(...a);
const E = (label, e) => console.log(label + ' ' + (e && e.errCode) + ' ' + (e && e.errMsg));
Page({ onLoad(query) {
const x = require('@lib/count'), y = require('../../lib/count.js'); L('WM-8 ' + (x === y) + ' ' + global.n)
} })
