const L = (...a) => console.log(...a);
const E = (label, e) => console.log(label + ' ' + (e && e.errCode) + ' ' + (e && e.errMsg));
Page({ onLoad(query) { (async () => {
try { const r = await (mp.chooseConversation({})); L('CH-12 ok ' + r.errMsg) } catch (e) { E('CH-12', e) }

})().catch((e) => console.log("case threw: " + e)) } })
