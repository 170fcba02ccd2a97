const L = (...a) => console.log(...a);
const E = (label, e) => console.log(label + ' ' + (e && e.errCode) + ' ' + (e && e.errMsg));
Page({ onLoad(query) { (async () => {
const r = await mp.getStorageInfo(); L(r.errMsg)
})().catch((e) => console.log("case threw: " + e)) } })
