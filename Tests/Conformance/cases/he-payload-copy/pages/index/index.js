const L = (...a) => console.log(...a);
const E = (label, e) => console.log(label + ' ' + (e && e.errCode) + ' ' + (e && e.errMsg));
Page({ onLoad(query) { (async () => {
let seen = []; mp.onLocationChange((p) => { p.latitude = 0 }); mp.onLocationChange((p) => { seen.push(p.latitude) });
await mp.startLocationUpdate({ interval: 100, type: 'wgs84' }); setTimeout(async () => { await mp.stopLocationUpdate(); L('HE-3 ' + seen.every((x) => x === 39.9087)) }, 150)
})().catch((e) => console.log("case threw: " + e)) } })
