const L = (...a) => console.log(...a);
const E = (label, e) => console.log(label + ' ' + (e && e.errCode) + ' ' + (e && e.errMsg));
Page({ onLoad(query) { (async () => {
try { const r = await (mp.authorize({ scope: 'scope.userLocation' })); L('CS-5 ok ' + r.errMsg) } catch (e) { E('CS-5', e) }

})().catch((e) => console.log("case threw: " + e)) } })
