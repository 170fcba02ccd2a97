const L = (...a) => console.log(...a);
const E = (label, e) => console.log(label + ' ' + (e && e.errCode) + ' ' + (e && e.errMsg));
Page({ onLoad(query) { (async () => {
mp.setStorageSync('b', 1); mp.setStorageSync('a', 2); const i = await mp.getStorageInfo(); L('ST-6 ' + i.keys.slice().sort().join(',') + ' ' + (typeof i.currentSize) + ' ' + i.limitSize)
})().catch((e) => console.log("case threw: " + e)) } })
