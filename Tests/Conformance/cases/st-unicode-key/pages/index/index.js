const L = (...a) => console.log(...a);
const E = (label, e) => console.log(label + ' ' + (e && e.errCode) + ' ' + (e && e.errMsg));
Page({ onLoad(query) {
mp.setStorageSync('键🔑', '值'); L('ST-1 ' + mp.getStorageSync('键🔑'))
} })
