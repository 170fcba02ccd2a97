const L = (...a) => console.log(...a);
const E = (label, e) => console.log(label + ' ' + (e && e.errCode) + ' ' + (e && e.errMsg));
Page({ onLoad(query) { (async () => {
try { const r = await (mp.requestPayment({ orderId: 'A-4', amount: 12.5, currency: 'CNY' })); L('PY-1 ok ' + r.errMsg) } catch (e) { E('PY-1', e) }

})().catch((e) => console.log("case threw: " + e)) } })
