const L = (...a) => console.log(...a);
const E = (label, e) => console.log(label + ' ' + (e && e.errCode) + ' ' + (e && e.errMsg));
Page({ onLoad(query) { (async () => {
let gets = 0; const p = new Proxy({ a: 1, b: 2 }, { get(t, k) { gets++; return t[k] } });
await mp.setStorage({ key: 'p', data: p }); const before = gets; await mp.getStorage({ key: 'p' }); L('AR-10 ' + (before <= 2) + ' ' + (gets === before))
})().catch((e) => console.log("case threw: " + e)) } })
