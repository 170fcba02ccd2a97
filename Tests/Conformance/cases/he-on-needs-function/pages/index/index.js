const L = (...a) => console.log(...a);
const E = (label, e) => console.log(label + ' ' + (e && e.errCode) + ' ' + (e && e.errMsg));
Page({ onLoad(query) {
try { mp.onLocationChange(5) } catch (e) { L('HE-1 ' + e.name) }
} })
