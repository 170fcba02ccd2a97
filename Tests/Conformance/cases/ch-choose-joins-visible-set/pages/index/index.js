const L = (...a) => console.log(...a);
const E = (label, e) => console.log(label + ' ' + (e && e.errCode) + ' ' + (e && e.errMsg));
Page({ onLoad(query) { (async () => {
const p = await mp.chooseConversation({}); const r = await mp.getConversations(); const ids = r.conversations.map((c) => c.conversationId); L('CH-12 ' + (ids.length === 1 && ids[0] === p.conversationId))
})().catch((e) => console.log("case threw: " + e)) } })
