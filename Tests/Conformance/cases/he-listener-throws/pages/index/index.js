const L = (...a) => console.log(...a);
const E = (label, e) => console.log(label + ' ' + (e && e.errCode) + ' ' + (e && e.errMsg));
Page({ onLoad(query) { (async () => {
let got = 0; mp.onLocationChange(() => { throw new Error('listener broke') }); mp.onLocationChange(() => { got++ });
await mp.startLocationUpdate({ interval: 100 }); setTimeout(async () => { await mp.stopLocationUpdate(); L('HE-2 others ran ' + (got > 0)) }, 150)
})().catch((e) => console.log("case threw: " + e)) } })
