const L = (...a) => console.log(...a);
const E = (label, e) => console.log(label + ' ' + (e && e.errCode) + ' ' + (e && e.errMsg));
Page({ onLoad(query) { (async () => {
mp.setStorageSync('early', { n: 1 }); L('early stored');
try { const r = await (mp.setStorage({ key: 'big', data: 'x'.repeat(200000) })); L('big ok ' + r.errMsg) } catch (e) { E('big', e) }
L('early ' + JSON.stringify((await mp.getStorage({ key: 'early' })).data));
try { const r = await (mp.getStorage({ key: 'big' })); L('big-read ok ' + r.errMsg) } catch (e) { E('big-read', e) }
setTimeout(() => L('still running'), 20)
})().catch((e) => console.log("case threw: " + e)) } })
