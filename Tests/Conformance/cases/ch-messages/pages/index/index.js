const L = (...a) => console.log(...a);
const E = (label, e) => console.log(label + ' ' + (e && e.errCode) + ' ' + (e && e.errMsg));
Page({ onLoad(query) { (async () => {
const r = await mp.getMessages({ conversationId: 'team' }); const m = r.messages[0]; L('CH-4 ' + m.text + ' ' + m.from.name + ' ' + m.from.isSelf + ' ' + typeof m.id + ' ' + r.hasMore)
})().catch((e) => console.log("case threw: " + e)) } })
