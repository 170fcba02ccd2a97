const L = (...a) => console.log(...a);
const E = (label, e) => console.log(label + ' ' + (e && e.errCode) + ' ' + (e && e.errMsg));
Page({ onLoad(query) { (async () => {
let n = 0; const o = { key: 'g', get data() { n++; return n } }; await mp.setStorage(o); const r = await mp.getStorage({ key: 'g' }); L('AR-1 reads ' + n + ' stored ' + r.data)
})().catch((e) => console.log("case threw: " + e)) } })
