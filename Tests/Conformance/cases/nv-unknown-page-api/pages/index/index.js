const L = (...a) => console.log(...a);
const E = (label, e) => console.log(label + ' ' + (e && e.errCode) + ' ' + (e && e.errMsg));
Page({ onLoad(query) { (async () => {
try { const r = await (mp.navigateTo({ url: '/pages/nope/nope' })); L('nav ok ' + r.errMsg) } catch (e) { E('nav', e) }

})().catch((e) => console.log("case threw: " + e)) } })
