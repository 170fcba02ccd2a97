const L = (...a) => console.log(...a);
const E = (label, e) => console.log(label + ' ' + (e && e.errCode) + ' ' + (e && e.errMsg));
Page({ onLoad(query) { (async () => {
await mp.setStorage({ key: 'f', data: { f() {}, s: Symbol('x'), u: undefined, keep: 1, arr: [() => 1, undefined, 2] } }); L('AR-3 ' + JSON.stringify((await mp.getStorage({ key: 'f' })).data))
})().catch((e) => console.log("case threw: " + e)) } })
