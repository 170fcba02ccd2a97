const L = (...a) => console.log(...a);
const E = (label, e) => console.log(label + ' ' + (e && e.errCode) + ' ' + (e && e.errMsg));
Page({ onLoad(query) { (async () => {
let called = false; try { await mp.setStorage({ key: { toString() { called = true; return 'k' } }, data: 1 }) } catch (e) { L('AR-2 ' + e.errCode + ' called ' + called) }
})().catch((e) => console.log("case threw: " + e)) } })
