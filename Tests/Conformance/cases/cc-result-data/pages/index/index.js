const L = (...a) => console.log(...a);
const E = (label, e) => console.log(label + ' ' + (e && e.errCode) + ' ' + (e && e.errMsg));
Page({ onLoad(query) { (async () => {
await mp.setStorage({ key: 'd', data: [1, 'two'] }); const r = await mp.getStorage({ key: 'd' }); L(JSON.stringify(r.data) + ' ' + r.errMsg)
})().catch((e) => console.log("case threw: " + e)) } })
