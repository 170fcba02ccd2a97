const L = (...a) => console.log(...a);
const E = (label, e) => console.log(label + ' ' + (e && e.errCode) + ' ' + (e && e.errMsg));
Page({ onLoad(query) { (async () => {
let code = 0, n = 0; for (let i = 0; i < 12; i++) { try { await mp.getLocation({}); n++ } catch (e) { code = e.errCode; break } } L('LO-7 ' + n + ' ' + code)
})().catch((e) => console.log("case threw: " + e)) } })
