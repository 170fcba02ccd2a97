const L = (...a) => console.log(...a);
const E = (label, e) => console.log(label + ' ' + (e && e.errCode) + ' ' + (e && e.errMsg));
Page({ onLoad(query) { (async () => {
let n = 0; const f = () => { n++ }; mp.onLocationChange(f); mp.onLocationChange(f);
await mp.startLocationUpdate({ interval: 100 }); setTimeout(async () => { await mp.stopLocationUpdate(); mp.offLocationChange(f); L('HE-1 per tick ' + (n <= 3)) }, 150)
})().catch((e) => console.log("case threw: " + e)) } })
