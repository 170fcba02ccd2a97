const L = (...a) => console.log(...a);
const E = (label, e) => console.log(label + ' ' + (e && e.errCode) + ' ' + (e && e.errMsg));
Page({ onLoad(query) {
try { require('/etc/hostname'); L('escaped') } catch (e) { L('WM-7 threw') }
} })
