const L = (...a) => console.log(...a);
const E = (label, e) => console.log(label + ' ' + (e && e.errCode) + ' ' + (e && e.errMsg));
Page({ onLoad(query) { (async () => {
await mp.setStorage({ key: 'k', data: { a: [1, { b: 'c' }], n: null, t: true } }); L('ST-1 ' + JSON.stringify((await mp.getStorage({ key: 'k' })).data))
})().catch((e) => console.log("case threw: " + e)) } })
