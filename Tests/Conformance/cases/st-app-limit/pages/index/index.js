const L = (...a) => console.log(...a);
const E = (label, e) => console.log(label + ' ' + (e && e.errCode) + ' ' + (e && e.errMsg));
Page({ onLoad(query) { (async () => {
let code = 0; for (let i = 0; i < 4 && !code; i++) { try { await mp.setStorage({ key: 'k' + i, data: 'z'.repeat(400000) }) } catch (e) { code = e.errCode } } L('ST-8 ' + code)
})().catch((e) => console.log("case threw: " + e)) } })
