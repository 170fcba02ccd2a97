const L = (...a) => console.log(...a);
const E = (label, e) => console.log(label + ' ' + (e && e.errCode) + ' ' + (e && e.errMsg));
Page({ onLoad(query) {
const t = mp.request({ url: 'https://api.example.com/slow', success: () => L('NW-5 answered'), fail: (e) => L('NW-5 ' + e.errCode + ' ' + e.errMsg) }); L('task ' + typeof t.abort + ' ' + typeof t.onHeadersReceived); t.abort()
} })
