const L = (...a) => console.log(...a);
const E = (label, e) => console.log(label + ' ' + (e && e.errCode) + ' ' + (e && e.errMsg));
Page({ onLoad(query) { (async () => {
let n = 0; mp.onLocationChange((p) => { n++ }); await mp.startLocationUpdate({ type: 'wgs84', interval: 100 }); L('LO-8 started');
setTimeout(async () => { await mp.stopLocationUpdate(); const at = n; setTimeout(() => L('LO-8 got ' + (at >= 2) + ' stopped ' + (n === at)), 400) }, 350)
})().catch((e) => console.log("case threw: " + e)) } })
