const L = (...a) => console.log(...a);
const E = (label, e) => console.log(label + ' ' + (e && e.errCode) + ' ' + (e && e.errMsg));
Page({ onLoad(query) {
mp.getStorage({ key: 'nope' }).then(() => L('resolved'), (e) => L('rejected ' + e.errCode + ' ' + e.errMsg))
} })
