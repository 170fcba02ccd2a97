const L = (...a) => console.log(...a);
const E = (label, e) => console.log(label + ' ' + (e && e.errCode) + ' ' + (e && e.errMsg));
Page({ onLoad(query) { (async () => {
const c = await mp.chooseContact({}); L('CH-12 ' + c.name + ' ' + /^u_[0-9a-f]{16}$/.test(c.id))
})().catch((e) => console.log("case threw: " + e)) } })
