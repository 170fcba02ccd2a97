const L = (...a) => console.log(...a);
const E = (label, e) => console.log(label + ' ' + (e && e.errCode) + ' ' + (e && e.errMsg));
Page({ onLoad(query) {
try { require('/etc/passwd'); L('escaped') } catch (e) { L('MD-2 abs ' + e.message) }
} })
