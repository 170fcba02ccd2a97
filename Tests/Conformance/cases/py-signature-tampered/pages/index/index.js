const L = (...a) => console.log(...a);
const E = (label, e) => console.log(label + ' ' + (e && e.errCode) + ' ' + (e && e.errMsg));
Page({ onLoad(query) { (async () => {
try { const r = await (mp.requestPayment({ orderId: 'A-1', amount: 1, currency: 'CNY', description: 'Coffee & cake=yes', sign: 'bb9c4ee43e72119ffa76745a5bbd8d90f1b6a36b4e04575cf7adefa443331643' })); L('PY-4 ok ' + r.errMsg) } catch (e) { E('PY-4', e) }

})().catch((e) => console.log("case threw: " + e)) } })
