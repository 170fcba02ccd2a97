const L = (...a) => console.log(...a);
const E = (label, e) => console.log(label + ' ' + (e && e.errCode) + ' ' + (e && e.errMsg));
Page({ onLoad(query) { (async () => {
const s = { v: 1 }; await mp.setStorage({ key: 's', data: { a: s, b: s } }); L('AR-4 ' + JSON.stringify((await mp.getStorage({ key: 's' })).data))
})().catch((e) => console.log("case threw: " + e)) } })
