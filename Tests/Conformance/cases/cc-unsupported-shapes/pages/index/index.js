const L = (...a) => console.log(...a);
const E = (label, e) => console.log(label + ' ' + (e && e.errCode) + ' ' + (e && e.errMsg));
Page({ onLoad(query) { (async () => {
mp.addCard({ fail: (e) => L('async ' + e.errCode + ' ' + e.errMsg), complete: () => L('complete') }); await mp.chooseInvoice({}).catch((e) => L('promise ' + e.errCode + ' ' + e.errMsg)); try { mp.getExptInfoSync() } catch (e) { L('sync ' + (e instanceof Error) + ' ' + e.errCode + ' ' + e.errMsg) } mp.onAccelerometerChange(() => L('listener called')); mp.createMapContext('m').getCenterLocation({ fail: (e) => L('object ' + e.errCode + ' ' + e.errMsg) }); L('namespace ' + typeof mp.cloud + ' ' + typeof mp.cloud.callFunction)
})().catch((e) => console.log("case threw: " + e)) } })
