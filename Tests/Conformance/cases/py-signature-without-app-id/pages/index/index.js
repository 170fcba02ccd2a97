const L = (...a) => console.log(...a);
const E = (label, e) => console.log(label + ' ' + (e && e.errCode) + ' ' + (e && e.errMsg));
Page({ onLoad(query) { (async () => {
try { const r = await (mp.requestPayment({ orderId: 'A-1', amount: 1234, currency: 'CNY', description: 'Coffee & cake=yes', sign: 'efccf87feb82b7b2cab7c6d09384fa527c816ddd69f3873e1505740d4feb3115' })); L('PY-4 ok ' + r.errMsg) } catch (e) { E('PY-4', e) }

})().catch((e) => console.log("case threw: " + e)) } })
