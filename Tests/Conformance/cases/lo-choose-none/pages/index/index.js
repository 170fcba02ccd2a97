const L = (...a) => console.log(...a);
const E = (label, e) => console.log(label + ' ' + (e && e.errCode) + ' ' + (e && e.errMsg));
Page({ onLoad(query) { (async () => {
try { const r = await (mp.chooseLocation({})); L('LO-9 ok ' + r.errMsg) } catch (e) { E('LO-9', e) }

})().catch((e) => console.log("case threw: " + e)) } })
