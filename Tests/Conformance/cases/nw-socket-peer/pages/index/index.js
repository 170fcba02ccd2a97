const L = (...a) => console.log(...a);
const E = (label, e) => console.log(label + ' ' + (e && e.errCode) + ' ' + (e && e.errMsg));
Page({ onLoad(query) {
const s = mp.connectSocket({ url: 'wss://ws.example.com/chat' }); s.onOpen(() => { L('open'); s.send({ data: 'ping' }) }); s.onMessage((m) => { L('NW-6 ' + m.data); if (m.data === 'pong') s.send({ data: 'bye' }) }); s.onClose((c) => L('NW-6 close ' + c.code))
} })
