const L = (...a) => console.log(...a);
const E = (label, e) => console.log(label + ' ' + (e && e.errCode) + ' ' + (e && e.errMsg));
Page({ onLoad(query) { (async () => {
try { const r = await (mp.getLocation({})); L('er ok ' + r.errMsg) } catch (e) { E('er', e) }
try { const r = await (mp.getFuzzyLocation({})); L('er ok ' + r.errMsg) } catch (e) { E('er', e) }

})().catch((e) => console.log("case threw: " + e)) } })
