const L = (...a) => console.log(...a);
const E = (label, e) => console.log(label + ' ' + (e && e.errCode) + ' ' + (e && e.errMsg));
Page({ onLoad(query) {
try { require('../../../../../etc/passwd') } catch (e) { L('a ' + e.message) } try { undefined.x } catch (e) { L('b ' + e.stack) } L('url ' + (typeof __filename) + ' ' + (typeof __dirname))
} })
