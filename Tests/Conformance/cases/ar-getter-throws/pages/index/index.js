const L = (...a) => console.log(...a);
const E = (label, e) => console.log(label + ' ' + (e && e.errCode) + ' ' + (e && e.errMsg));
Page({ onLoad(query) { (async () => {
try { const r = await (mp.setStorage({ key: 'x', data: { get bad() { throw new Error('nope') } } })); L('AR-8 ok ' + r.errMsg) } catch (e) { E('AR-8', e) }

})().catch((e) => console.log("case threw: " + e)) } })
