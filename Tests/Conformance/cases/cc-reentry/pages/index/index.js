const L = (...a) => console.log(...a);
const E = (label, e) => console.log(label + ' ' + (e && e.errCode) + ' ' + (e && e.errMsg));
Page({ onLoad(query) {
mp.setStorage({ key: 'r', data: 'v', success: () => mp.getStorage({ key: 'r', success: (x) => L('CC-9 ' + x.data) }) })
} })
