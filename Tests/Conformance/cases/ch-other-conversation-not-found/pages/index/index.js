const L = (...a) => console.log(...a);
const E = (label, e) => console.log(label + ' ' + (e && e.errCode) + ' ' + (e && e.errMsg));
Page({ onLoad(query) { (async () => {
let a = '', b = ''; try { await mp.getMessages({ conversationId: 'secret' }) } catch (e) { a = e.errCode + ' ' + e.errMsg.replace('secret', 'X') }
try { await mp.getMessages({ conversationId: 'nothing' }) } catch (e) { b = e.errCode + ' ' + e.errMsg.replace('nothing', 'X') } L('CH-3 ' + (a === b) + ' ' + a.split(' ')[0])
})().catch((e) => console.log("case threw: " + e)) } })
