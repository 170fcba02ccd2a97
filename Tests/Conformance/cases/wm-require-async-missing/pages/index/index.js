const L = (...a) => console.log(...a);
const E = (label, e) => console.log(label + ' ' + (e && e.errCode) + ' ' + (e && e.errMsg));
Page({ onLoad(query) {
require.async('./nothing-here').then(() => L('found'), (e) => L('WM-5 rejected ' + e.message))
} })
