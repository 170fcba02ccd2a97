const L = (...a) => console.log(...a);
const E = (label, e) => console.log(label + ' ' + (e && e.errCode) + ' ' + (e && e.errMsg));
Page({ onLoad(query) { (async () => {
const r = await mp.requestPayment({ orderId: 'A-1', amount: 1234, currency: 'CNY' }); L('PY-10 ' + r.errMsg + ' ' + r.status + ' ' + r.amount + ' ' + /^tx-[0-9a-f]{32}$/.test(r.transactionId) + ' balance ' + ('balance' in r))
})().catch((e) => console.log("case threw: " + e)) } })
