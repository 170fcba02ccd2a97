const L = (...a) => console.log(...a);
const E = (label, e) => console.log(label + ' ' + (e && e.errCode) + ' ' + (e && e.errMsg));
Page({ onLoad(query) { (async () => {
try { const r = await (mp.requestPayment({ orderId: 'A-7', amount: 10, currency: 'CNY' })); L('PY-2 ok ' + r.errMsg) } catch (e) { E('PY-2', e) }

})().catch((e) => console.log("case threw: " + e)) } })
