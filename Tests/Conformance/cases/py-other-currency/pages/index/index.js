const L = (...a) => console.log(...a);
const E = (label, e) => console.log(label + ' ' + (e && e.errCode) + ' ' + (e && e.errMsg));
Page({ onLoad(query) { (async () => {
try { const r = await (mp.requestPayment({ orderId: 'A-6', amount: 10, currency: 'USD' })); L('PY-11 ok ' + r.errMsg) } catch (e) { E('PY-11', e) }

})().catch((e) => console.log("case threw: " + e)) } })
