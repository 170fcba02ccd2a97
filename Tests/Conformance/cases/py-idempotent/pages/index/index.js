const L = (...a) => console.log(...a);
const E = (label, e) => console.log(label + ' ' + (e && e.errCode) + ' ' + (e && e.errMsg));
Page({ onLoad(query) { (async () => {
const a = await mp.requestPayment({ orderId: 'A-2', amount: 100, currency: 'CNY' }); const b = await mp.requestPayment({ orderId: 'A-2', amount: 100, currency: 'CNY' }); L('PY-5 ' + (a.transactionId === b.transactionId) + ' ' + (a.time === b.time))
})().catch((e) => console.log("case threw: " + e)) } })
