const L = (...a) => console.log(...a);
const E = (label, e) => console.log(label + ' ' + (e && e.errCode) + ' ' + (e && e.errMsg));
Page({ onLoad(query) { (async () => {
await mp.getLocation({}); const s = (await mp.getSetting()).authSetting; L('CS-5 ' + s['location'] + ' ' + s['scope.userLocation'])
})().catch((e) => console.log("case threw: " + e)) } })
