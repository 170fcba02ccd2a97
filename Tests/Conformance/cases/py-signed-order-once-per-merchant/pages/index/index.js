const L = (...a) => console.log(...a);
const E = (label, e) => console.log(label + ' ' + (e && e.errCode) + ' ' + (e && e.errMsg));
Page({ onLoad(query) { (async () => {
try { const r = await (mp.requestPayment({ orderId: 'A-1', amount: 1234, currency: 'CNY', description: 'Coffee & cake=yes', sign: '84327c99a71b333fbf14ecc4b762f53efdce8c52d9fa2052dbe54b8088f270b0' })); L('first ok ' + r.errMsg) } catch (e) { E('first', e) }

})().catch((e) => console.log("case threw: " + e)) } })
