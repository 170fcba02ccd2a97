const L = (...a) => console.log(...a);
const E = (label, e) => console.log(label + ' ' + (e && e.errCode) + ' ' + (e && e.errMsg));
Page({ onLoad(query) {
mp.setStorageSync('caf\u00e9', 'nfc'); mp.setStorageSync('cafe\u0301', 'nfd'); mp.removeStorageSync('caf\u00e9');
L('ST-10 ' + JSON.stringify(mp.getStorageSync('caf\u00e9')) + ' ' + mp.getStorageSync('cafe\u0301') + ' ' + mp.getStorageInfoSync().keys.length)
} })
