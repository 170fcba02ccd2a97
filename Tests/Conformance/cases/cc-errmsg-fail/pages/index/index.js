const L = (...a) => console.log(...a);
const E = (label, e) => console.log(label + ' ' + (e && e.errCode) + ' ' + (e && e.errMsg));
Page({ onLoad(query) { (async () => {
try { await mp.removeStorage({ key: 5 }) } catch (e) { L(typeof e.errCode + ' ' + /^removeStorage:fail .+/.test(e.errMsg)) }
})().catch((e) => console.log("case threw: " + e)) } })
