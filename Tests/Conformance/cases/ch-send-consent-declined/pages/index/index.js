const L = (...a) => console.log(...a);
const E = (label, e) => console.log(label + ' ' + (e && e.errCode) + ' ' + (e && e.errMsg));
Page({ onLoad(query) { (async () => {
try { const r = await (mp.sendMessage({ conversationId: 'team', text: 'hi' })); L('CH-7 ok ' + r.errMsg) } catch (e) { E('CH-7', e) }
const r = await mp.getMessages({ conversationId: 'team' }); L('CH-7 stored ' + r.messages.length)
})().catch((e) => console.log("case threw: " + e)) } })
