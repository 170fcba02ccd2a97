const L = (...a) => console.log(...a);
const E = (label, e) => console.log(label + ' ' + (e && e.errCode) + ' ' + (e && e.errMsg));
Page({ onLoad(query) {
mp.getStorageInfo().then(() => L('reply')); Promise.resolve().then(() => L('micro')); L('sync')
} })
