const L = (...a) => console.log(...a);
const E = (label, e) => console.log(label + ' ' + (e && e.errCode) + ' ' + (e && e.errMsg));
Page({ onLoad(query) { (async () => {
try { await mp.getStorage('k'); L('ok') } catch (e) { L('CC-10 ' + e.errCode) }
})().catch((e) => console.log("case threw: " + e)) } })
