const L = (...a) => console.log(...a);
const E = (label, e) => console.log(label + ' ' + (e && e.errCode) + ' ' + (e && e.errMsg));
Page({ onLoad(query) { (async () => {
try { const r = await (mp.requestPayment({ orderId: 'A-1', amount: 1234, currency: 'CNY', description: 'Coffee & cake=yes', merchant: 'm.evil', merchantId: 'm.evil', sign: 'e5661122f70fb64e9dd25b769b8bc53a4d6ef383b693daf5c50ef1dc9f0ead93' })); L('PY-12 ok ' + r.errMsg) } catch (e) { E('PY-12', e) }

})().catch((e) => console.log("case threw: " + e)) } })
