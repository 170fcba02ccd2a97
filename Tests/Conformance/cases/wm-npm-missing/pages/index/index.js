const L = (...a) => console.log(...a);
const E = (label, e) => console.log(label + ' ' + (e && e.errCode) + ' ' + (e && e.errMsg));
Page({ onLoad(query) {
try { require('no-such-pkg'); L('found') } catch (e) { L('missing: ' + e.message) }
} })
