const L = (...a) => console.log(...a);
const E = (label, e) => console.log(label + ' ' + (e && e.errCode) + ' ' + (e && e.errMsg));
Page({ onLoad(query) { (async () => {
const r = await mp.getConversations(); const ids = r.conversations[0].members.map((m) => m.id); L('CH-5 ' + ids.every((i) => /^u_[0-9a-f]{16}$/.test(i)) + ' ' + ids.includes('kai'))
})().catch((e) => console.log("case threw: " + e)) } })
