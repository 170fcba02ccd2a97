const L = (...a) => console.log(...a);
const E = (label, e) => console.log(label + ' ' + (e && e.errCode) + ' ' + (e && e.errMsg));
Page({ onLoad(query) { (async () => {
await mp.setStorage({ key: 'k', data: 'mine', appId: 'org.other.app', app_id: 'org.other.app' }); L('AR-11 ' + mp.getStorageSync('k'))
})().catch((e) => console.log("case threw: " + e)) } })
