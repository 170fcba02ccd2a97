const L = (...a) => console.log(...a);
const E = (label, e) => console.log(label + ' ' + (e && e.errCode) + ' ' + (e && e.errMsg));
Page({ onLoad(query) {
mp.setStorageSync('o', 1); mp.setStorageSync('o', { two: 2 }); L('ST-1 ' + JSON.stringify(mp.getStorageSync('o')))
} })
