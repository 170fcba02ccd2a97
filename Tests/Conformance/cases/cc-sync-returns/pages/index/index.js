const L = (...a) => console.log(...a);
const E = (label, e) => console.log(label + ' ' + (e && e.errCode) + ' ' + (e && e.errMsg));
Page({ onLoad(query) {
mp.setStorageSync('a', { v: [1] }); L('CC-5 ' + JSON.stringify(mp.getStorageSync('a')))
} })
