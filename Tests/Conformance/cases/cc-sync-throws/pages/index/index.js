const L = (...a) => console.log(...a);
const E = (label, e) => console.log(label + ' ' + (e && e.errCode) + ' ' + (e && e.errMsg));
Page({ onLoad(query) {
try { mp.setStorageSync('', 1) } catch (e) { L('CC-5 ' + (e instanceof Error) + ' ' + e.errCode + ' ' + e.errMsg.split(':fail')[0]) }
} })
