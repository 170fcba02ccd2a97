const L = (...a) => console.log(...a);
const E = (label, e) => console.log(label + ' ' + (e && e.errCode) + ' ' + (e && e.errMsg));
Page({ onLoad(query) { (async () => {
await mp.requestPayment({ orderId: 'A-3', amount: 100, currency: 'CNY' }); try { const r = await (mp.requestPayment({ orderId: 'A-3', amount: 200, currency: 'CNY' })); L('PY-6 ok ' + r.errMsg) } catch (e) { E('PY-6', e) }

})().catch((e) => console.log("case threw: " + e)) } })
