const L = (...a) => console.log(...a);
const E = (label, e) => console.log(label + ' ' + (e && e.errCode) + ' ' + (e && e.errMsg));
Page({ onLoad(query) { (async () => {
await mp.getConversations(); mp.onMessage((e) => L('CH-11 ' + e.conversationId + ' ' + e.message.text + ' ' + e.message.from.isSelf)); await mp.sendMessage({ conversationId: 'team', text: 'ping' })
})().catch((e) => console.log("case threw: " + e)) } })
