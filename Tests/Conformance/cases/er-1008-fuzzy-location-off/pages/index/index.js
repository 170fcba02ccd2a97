const L = (...a) => console.log(...a);
const E = (label, e) => console.log(label + ' ' + (e && e.errCode) + ' ' + (e && e.errMsg));
Page({ onLoad(query) { (async () => {
try { const r = await (mp.getFuzzyLocation({})); L('fuzzy ok ' + r.errMsg) } catch (e) { E('fuzzy', e) }
try { const r = await (mp.startLocationUpdate({ interval: 100 })); L('start ok ' + r.errMsg) } catch (e) { E('start', e) }
mp.onLocationChange(() => L('event'));
try { const r = await (mp.stopLocationUpdate()); L('stop ok ' + r.errMsg) } catch (e) { E('stop', e) }
const p = await mp.chooseLocation({}); L('pick ' + p.name + ' ' + p.errMsg)
})().catch((e) => console.log("case threw: " + e)) } })
