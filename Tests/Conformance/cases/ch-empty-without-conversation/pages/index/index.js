const L = (...a) => console.log(...a);
const E = (label, e) => console.log(label + ' ' + (e && e.errCode) + ' ' + (e && e.errMsg));
Page({ onLoad(query) { (async () => {
const r = await mp.getConversations(); L('CH-2 ' + r.conversations.length)
})().catch((e) => console.log("case threw: " + e)) } })
