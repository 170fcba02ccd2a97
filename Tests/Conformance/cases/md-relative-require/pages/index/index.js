const L = (...a) => console.log(...a);
const E = (label, e) => console.log(label + ' ' + (e && e.errCode) + ' ' + (e && e.errMsg));
Page({ onLoad(query) {
const a = require('../../lib/a'); L('MD-1 ' + a.name + ' ' + a.b)
} })
