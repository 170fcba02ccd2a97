const L = (...a) => console.log(...a);
const E = (label, e) => console.log(label + ' ' + (e && e.errCode) + ' ' + (e && e.errMsg));
Page({ onLoad(query) { (async () => {
try { const r = await (mp.requestPayment({ orderId: 'A-1', amount: 1234, currency: 'CNY', description: 'Coffee & cake=yes', sign: '21ff1e18a34dd82f19ec8542f8d7c58aa33b2e40db0094de16483789baee336c' })); L('PY-4 ok ' + r.errMsg) } catch (e) { E('PY-4', e) }

})().catch((e) => console.log("case threw: " + e)) } })
