const L = (...a) => console.log(...a);
const E = (label, e) => console.log(label + ' ' + (e && e.errCode) + ' ' + (e && e.errMsg));
Page({ onLoad(query) {
try { setTimeout('L(1)', 0); L('accepted') } catch (e) { L('EL-9 ' + e.name) }
} })
