const L = (...a) => console.log(...a);
const E = (label, e) => console.log(label + ' ' + (e && e.errCode) + ' ' + (e && e.errMsg));
Page({ onLoad(query) {
const m = require('../../utils/named'); L('ES-2 ' + m.answer + ' ' + m.default)
} })
