const L = (...a) => console.log(...a);
const E = (label, e) => console.log(label + ' ' + (e && e.errCode) + ' ' + (e && e.errMsg));
Page({ onLoad(query) { (async () => {
const a = await mp.getFuzzyLocation({}); const b = await mp.getFuzzyLocation({});
L('LO-4 ' + a.accuracy + ' same ' + (a.latitude === b.latitude && a.longitude === b.longitude) + ' precise ' + (a.latitude === 39.9087 && a.longitude === 116.3975) + ' near ' + (Math.abs(a.latitude - 39.9087) < 0.01 && Math.abs(a.longitude - 116.3975) < 0.02))
})().catch((e) => console.log("case threw: " + e)) } })
