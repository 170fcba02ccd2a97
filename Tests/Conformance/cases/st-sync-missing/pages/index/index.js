const L = (...a) => console.log(...a);
const E = (label, e) => console.log(label + ' ' + (e && e.errCode) + ' ' + (e && e.errMsg));
Page({ onLoad(query) {
L('ST-2 [' + mp.getStorageSync('none') + '] ' + typeof mp.getStorageSync('none'))
} })
