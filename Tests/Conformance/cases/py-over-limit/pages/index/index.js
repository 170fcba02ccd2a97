const L = (...a) => console.log(...a);
const E = (label, e) => console.log(label + ' ' + (e && e.errCode) + ' ' + (e && e.errMsg));
Page({ onLoad(query) { (async () => {
try { const r = await (mp.requestPayment({ orderId: 'A-10', amount: 50001, currency: 'CNY' })); L('PY-7 ok ' + r.errMsg) } catch (e) { E('PY-7', e) }

})().catch((e) => console.log("case threw: " + e)) } })
