const L = (...a) => console.log(...a);
const E = (label, e) => console.log(label + ' ' + (e && e.errCode) + ' ' + (e && e.errMsg));
Page({ onLoad(query) {
const s = mp.connectSocket({ url: 'wss://evil.example.org/x', fail: (e) => L('NW-1 ' + e.errCode) }); s.onError(() => L('error')); s.onClose((c) => L('close ' + c.code))
} })
