const L = (...a) => console.log(...a);
const E = (label, e) => console.log(label + ' ' + (e && e.errCode) + ' ' + (e && e.errMsg));
Page({ onLoad(query) { (async () => {
const s = await mp.sendMessage({ conversationId: 'team', text: 'status', via: { appId: 'org.fake', name: 'Fake' }, from: 'lin' });
const r = await mp.getMessages({ conversationId: 'team' }); const m = r.messages[r.messages.length - 1];
L('CH-8 ' + (typeof s.messageId) + ' ' + m.text + ' self ' + m.from.isSelf + ' via ' + m.via.appId + ' ' + m.via.name)
})().catch((e) => console.log("case threw: " + e)) } })
