const L = (...a) => console.log(...a);
const E = (label, e) => console.log(label + ' ' + (e && e.errCode) + ' ' + (e && e.errMsg));
Page({ onLoad(query) { (async () => {
const a = await mp.getFuzzyLocation({}); L('LO-4 keys ' + Object.keys(a).sort().join(','))
})().catch((e) => console.log("case threw: " + e)) } })
