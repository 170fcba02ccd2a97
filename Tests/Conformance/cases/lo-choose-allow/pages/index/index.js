const L = (...a) => console.log(...a);
const E = (label, e) => console.log(label + ' ' + (e && e.errCode) + ' ' + (e && e.errMsg));
Page({ onLoad(query) { (async () => {
const r = await mp.chooseLocation({}); L('LO-9 ' + r.name + ' ' + r.address + ' ' + Object.keys(r).sort().join(','))
})().catch((e) => console.log("case threw: " + e)) } })
