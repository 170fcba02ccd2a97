const L = (...a) => console.log(...a);
const E = (label, e) => console.log(label + ' ' + (e && e.errCode) + ' ' + (e && e.errMsg));
Page({ onLoad(query) {
mp.getStorage({ key: 'missing', success: () => L('success'), fail: (e) => L('fail ' + e.errCode), complete: (x) => L('complete ' + x.errCode) })
} })
