const L = (...a) => console.log(...a);
const E = (label, e) => console.log(label + ' ' + (e && e.errCode) + ' ' + (e && e.errMsg));
Page({ onLoad(query) { (async () => {
let called = []; const o = { a: 1, toString() { called.push('toString'); return 'x' }, valueOf() { called.push('valueOf'); return 1 }, toJSON() { called.push('toJSON'); return 'j' } };
await mp.setStorage({ key: 't', data: o }); const r = await mp.getStorage({ key: 't' }); L('AR-2 called [' + called.join(',') + '] ' + JSON.stringify(r.data))
})().catch((e) => console.log("case threw: " + e)) } })
