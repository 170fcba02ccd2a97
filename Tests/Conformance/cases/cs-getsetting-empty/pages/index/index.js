const L = (...a) => console.log(...a);
const E = (label, e) => console.log(label + ' ' + (e && e.errCode) + ' ' + (e && e.errMsg));
Page({ onLoad(query) { (async () => {
const s = await mp.getSetting(); L('CS-5 ' + JSON.stringify(s.authSetting))
})().catch((e) => console.log("case threw: " + e)) } })
