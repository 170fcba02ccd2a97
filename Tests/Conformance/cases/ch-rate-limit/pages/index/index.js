const L = (...a) => console.log(...a);
const E = (label, e) => console.log(label + ' ' + (e && e.errCode) + ' ' + (e && e.errMsg));
Page({ onLoad(query) { (async () => {
let n = 0, code = 0; for (let i = 0; i < 11; i++) { try { await mp.sendMessage({ conversationId: 'team', text: 'm' + i }); n++ } catch (e) { code = e.errCode } } L('CH-10 ' + n + ' ' + code)
})().catch((e) => console.log("case threw: " + e)) } })
