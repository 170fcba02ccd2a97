const L = (...a) => console.log(...a);
const E = (label, e) => console.log(label + ' ' + (e && e.errCode) + ' ' + (e && e.errMsg));
Page({ onLoad(query) {
try { require('../../lib/bad').f() } catch (e) { L('stack: ' + e.stack) }
} })
