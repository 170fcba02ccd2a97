const L = (...a) => console.log(...a);
const E = (label, e) => console.log(label + ' ' + (e && e.errCode) + ' ' + (e && e.errMsg));
Page({ onLoad(query) { (async () => {
await mp.setStorage({ key: 'd', data: { d: new Date(0), n: NaN, i: Infinity } }); L('AR-9 ' + JSON.stringify((await mp.getStorage({ key: 'd' })).data))
})().catch((e) => console.log("case threw: " + e)) } })
