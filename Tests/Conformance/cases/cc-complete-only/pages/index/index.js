const L = (...a) => console.log(...a);
const E = (label, e) => console.log(label + ' ' + (e && e.errCode) + ' ' + (e && e.errMsg));
Page({ onLoad(query) {
const r = mp.getStorageInfo({ complete: (x) => L('complete ' + x.errMsg) }); L('returned ' + typeof r)
} })
