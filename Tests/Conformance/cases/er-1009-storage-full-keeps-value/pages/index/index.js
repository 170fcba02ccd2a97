const L = (...a) => console.log(...a);
const E = (label, e) => console.log(label + ' ' + (e && e.errCode) + ' ' + (e && e.errMsg));
Page({ onLoad(query) { (async () => {
mp.setStorageSync('k', 'small');
await new Promise((done) => mp.setStorage({ key: 'k', data: 'y'.repeat(200000), success(r) { L('cb ok ' + r.errMsg) }, fail(e) { E('cb', e) }, complete() { done() } }));
try { mp.setStorageSync('k', 'z'.repeat(200000)); L('sync stored') } catch (e) { E('sync', e) }
L('k ' + mp.getStorageSync('k') + ' keys ' + mp.getStorageInfoSync().keys.join(','))
})().catch((e) => console.log("case threw: " + e)) } })
