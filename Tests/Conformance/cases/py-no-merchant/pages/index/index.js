const L = (...a) => console.log(...a);
const E = (label, e) => console.log(label + ' ' + (e && e.errCode) + ' ' + (e && e.errMsg));
Page({ onLoad(query) { (async () => {
try { const r = await (mp.requestPayment({ orderId: 'A-9', amount: 10, currency: 'CNY' })); L('PY-3 ok ' + r.errMsg) } catch (e) { E('PY-3', e) }

})().catch((e) => console.log("case threw: " + e)) } })
