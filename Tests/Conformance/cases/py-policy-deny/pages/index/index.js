const L = (...a) => console.log(...a);
const E = (label, e) => console.log(label + ' ' + (e && e.errCode) + ' ' + (e && e.errMsg));
Page({ onLoad(query) { (async () => {
try { const r = await (mp.requestPayment({ orderId: 'A-11', amount: 10, currency: 'CNY' })); L('PY-9 ok ' + r.errMsg) } catch (e) { E('PY-9', e) }

})().catch((e) => console.log("case threw: " + e)) } })
