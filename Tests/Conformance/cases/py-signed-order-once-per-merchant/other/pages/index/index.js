const L = (...a) => console.log(...a);
const E = (label, e) => console.log(label + ' ' + (e && e.errCode) + ' ' + (e && e.errMsg));
Page({ onLoad() { (async () => {
try { const r = await (mp.requestPayment({ orderId: 'A-1', amount: 1234, currency: 'CNY', description: 'Coffee & cake=yes', sign: '84327c99a71b333fbf14ecc4b762f53efdce8c52d9fa2052dbe54b8088f270b0' })); L('replay ok ' + r.errMsg) } catch (e) { E('replay', e) }
try { const r = await (mp.requestPayment({ orderId: 'A-1', amount: 1234, currency: 'CNY', description: 'Coffee & cake=yes', sign: '83411c7540c1dbbe7cc828b20739e00fd55cdf36e560c65bf7fee4be5daf705a' })); L('other ok ' + r.errMsg) } catch (e) { E('other', e) }
})() } })
