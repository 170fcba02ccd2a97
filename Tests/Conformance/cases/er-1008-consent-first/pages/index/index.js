const L = (...a) => console.log(...a);
const E = (label, e) => console.log(label + ' ' + (e && e.errCode) + ' ' + (e && e.errMsg));
Page({ onLoad(query) { (async () => {
try { const r = await (mp.getFuzzyLocation({})); L('fuzzy-denied ok ' + r.errMsg) } catch (e) { E('fuzzy-denied', e) }
try { const r = await (mp.getLocation({})); L('denied ok ' + r.errMsg) } catch (e) { E('denied', e) }
try { const r = await (mp.startLocationUpdate({})); L('denied-updates ok ' + r.errMsg) } catch (e) { E('denied-updates', e) }

})().catch((e) => console.log("case threw: " + e)) } })
