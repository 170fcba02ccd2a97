const L = (...a) => console.log(...a);
const E = (label, e) => console.log(label + ' ' + (e && e.errCode) + ' ' + (e && e.errMsg));
Page({ onLoad(query) { (async () => {
try { const r = await (wx.getFuzzyLocation({})); L('fuzzy ok ' + r.errMsg) } catch (e) { E('fuzzy', e) }
try { const r = await (wx.getLocation({})); L('precise ok ' + r.errMsg) } catch (e) { E('precise', e) }

})().catch((e) => console.log("case threw: " + e)) } })
