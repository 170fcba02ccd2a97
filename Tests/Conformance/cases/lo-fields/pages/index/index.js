const L = (...a) => console.log(...a);
const E = (label, e) => console.log(label + ' ' + (e && e.errCode) + ' ' + (e && e.errMsg));
Page({ onLoad(query) { (async () => {
const r = await mp.getLocation({}); const a = await mp.getLocation({ altitude: true }); L('LO-1 ' + ['speed', 'accuracy', 'altitude', 'verticalAccuracy', 'horizontalAccuracy'].every((k) => typeof r[k] === 'number') + ' ' + r.altitude + ' ' + a.altitude)
})().catch((e) => console.log("case threw: " + e)) } })
