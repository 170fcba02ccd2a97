const L = (...a) => console.log(...a);
const E = (label, e) => console.log(label + ' ' + (e && e.errCode) + ' ' + (e && e.errMsg));
Page({ onLoad(query) { (async () => {
await mp.requestPayment({ orderId: 'D-1', amount: 40000, currency: 'CNY' }); try { const r = await (mp.requestPayment({ orderId: 'D-2', amount: 30000, currency: 'CNY' })); L('PY-7 ok ' + r.errMsg) } catch (e) { E('PY-7', e) }

})().catch((e) => console.log("case threw: " + e)) } })
