const L = (...a) => console.log(...a);
const E = (label, e) => console.log(label + ' ' + (e && e.errCode) + ' ' + (e && e.errMsg));
Page({ onLoad(query) { (async () => {
try { const r = await (mp.sendMessage({ conversationId: 'team', text: 't'.repeat(2001) })); L('CH-9 ok ' + r.errMsg) } catch (e) { E('CH-9', e) }

})().catch((e) => console.log("case threw: " + e)) } })
