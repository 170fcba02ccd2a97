const L = (...a) => console.log(...a);
const E = (label, e) => console.log(label + ' ' + (e && e.errCode) + ' ' + (e && e.errMsg));
Page({ onLoad(query) { (async () => {
try { const r = await (mp.requestPayment({ orderId: 'B-1', amount: 5000, currency: 'CNY' })); L('first ok ' + r.errMsg) } catch (e) { E('first', e) }
try { const r = await (mp.requestPayment({ orderId: 'B-2', amount: 500, currency: 'CNY' })); L('second ok ' + r.errMsg) } catch (e) { E('second', e) }

})().catch((e) => console.log("case threw: " + e)) } })
