const L = (...a) => console.log(...a);
const E = (label, e) => console.log(label + ' ' + (e && e.errCode) + ' ' + (e && e.errMsg));
Page({ onLoad(query) { (async () => {
mp.setStorageSync('a', 1); mp.setStorageSync('b', 2); await mp.clearStorage(); L('ST-6 ' + mp.getStorageInfoSync().keys.length)
})().catch((e) => console.log("case threw: " + e)) } })
