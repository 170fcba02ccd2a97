const L = (...a) => console.log(...a);
const E = (label, e) => console.log(label + ' ' + (e && e.errCode) + ' ' + (e && e.errMsg));
Page({ onLoad(query) {
try { Behavior(42); L('accepted') } catch (e) { L('CB-12 ' + e.name) }
} })
