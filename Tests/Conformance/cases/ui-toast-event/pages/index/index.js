const L = (...a) => console.log(...a);
const E = (label, e) => console.log(label + ' ' + (e && e.errCode) + ' ' + (e && e.errMsg));
Page({ onLoad(query) { (async () => {
try { const r = await (mp.showToast({ title: 'Saved' })); L('UI-1 ok ' + r.errMsg) } catch (e) { E('UI-1', e) }

})().catch((e) => console.log("case threw: " + e)) } })
