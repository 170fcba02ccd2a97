const L = (...a) => console.log(...a);
const E = (label, e) => console.log(label + ' ' + (e && e.errCode) + ' ' + (e && e.errMsg));
Page({ onLoad(query) { (async () => {
mp.setStorageSync('a', 1); await mp.removeStorage({ key: 'a' }); L('ST-6 [' + mp.getStorageSync('a') + ']')
})().catch((e) => console.log("case threw: " + e)) } })
