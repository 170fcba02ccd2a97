const L = (...a) => console.log(...a);
const E = (label, e) => console.log(label + ' ' + (e && e.errCode) + ' ' + (e && e.errMsg));
Page({ onLoad(query) { (async () => {
let d = 1; for (let i = 0; i < 60; i++) d = { d }; try { const r = await (mp.setStorage({ key: 'deep', data: d })); L('AR-6 ok ' + r.errMsg) } catch (e) { E('AR-6', e) }

})().catch((e) => console.log("case threw: " + e)) } })
