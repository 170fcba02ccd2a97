const L = (...a) => console.log(...a);
const E = (label, e) => console.log(label + ' ' + (e && e.errCode) + ' ' + (e && e.errMsg));
Page({ onLoad(query) { (async () => {
try { const r = await (mp.setStorage({ key: 'big', data: [ 'a'.repeat(600000), 'b'.repeat(600000) ] })); L('ST-4 ok ' + r.errMsg) } catch (e) { E('ST-4', e) }
L('ST-4 stored [' + mp.getStorageSync('big') + ']')
})().catch((e) => console.log("case threw: " + e)) } })
