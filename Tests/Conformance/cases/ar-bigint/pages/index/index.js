const L = (...a) => console.log(...a);
const E = (label, e) => console.log(label + ' ' + (e && e.errCode) + ' ' + (e && e.errMsg));
Page({ onLoad(query) { (async () => {
try { const r = await (mp.setStorage({ key: 'b', data: { n: 10n } })); L('AR-5 ok ' + r.errMsg) } catch (e) { E('AR-5', e) }

})().catch((e) => console.log("case threw: " + e)) } })
