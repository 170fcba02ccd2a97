const L = (...a) => console.log(...a);
const E = (label, e) => console.log(label + ' ' + (e && e.errCode) + ' ' + (e && e.errMsg));
Page({ onLoad(query) {
mp.setStorageSync('k', 'v'); L('CC-13 ' + mp.getStorageSync('k') + ' ' + mp.canIUse('getStorageSync'))
} })
