const L = (...a) => console.log(...a);
const E = (label, e) => console.log(label + ' ' + (e && e.errCode) + ' ' + (e && e.errMsg));
Page({ onLoad(query) {
mp.setStorageSync('n', 3.5); L('ST-1 ' + mp.getStorageSync('n'))
} })
